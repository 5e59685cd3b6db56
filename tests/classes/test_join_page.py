from classes.models import Enrollment


def test_a_student_joins_with_the_code_and_lands_on_the_class(login, a_class, student):
    response = login(student).post("/classes/join/", {"code": a_class.join_code.lower()})
    assert response["Location"] == f"/classes/{a_class.pk}/"
    assert Enrollment.objects.get().student == student


def test_a_wrong_code_gets_a_clear_message(login, a_class, student):
    page = login(student).post("/classes/join/", {"code": "QQQQQQ"}).content.decode()
    assert "That code is not right." in page
    assert not Enrollment.objects.exists()


def test_joining_twice_gets_a_clear_message(login, a_class, student):
    client = login(student)
    client.post("/classes/join/", {"code": a_class.join_code})
    page = client.post("/classes/join/", {"code": a_class.join_code}).content.decode()
    assert "is already in" in page
    assert Enrollment.objects.count() == 1


def test_code_guesses_are_rate_limited(login, a_class, student):
    client = login(student)
    for _ in range(10):
        assert client.post("/classes/join/", {"code": "QQQQQQ"}).status_code == 400
    response = client.post("/classes/join/", {"code": a_class.join_code})
    assert response.status_code == 429
    assert "Too many tries" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_a_teacher_makes_a_new_code_and_the_old_one_stops_working(login, a_class, teacher):
    old = a_class.join_code
    response = login(teacher).post(f"/classes/{a_class.pk}/code/")
    a_class.refresh_from_db()
    assert response.status_code == 302 and a_class.join_code != old


def test_a_student_cannot_make_a_new_code(login, a_class, enrolled):
    old = a_class.join_code
    assert login(enrolled()).post(f"/classes/{a_class.pk}/code/").status_code == 403
    a_class.refresh_from_db()
    assert a_class.join_code == old
