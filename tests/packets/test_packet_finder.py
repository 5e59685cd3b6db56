import pytest

pytestmark = pytest.mark.django_db

URL = "/packets/find/"


@pytest.fixture
def tagged_packets(make_packet):
    clinic = make_packet(level="level-2", slug="clinic", title="At the clinic")
    clinic.tags.add("health")
    clinic.save_revision().publish()
    bus = make_packet(level="level-5", slug="bus", title="Reading a bus schedule")
    bus.tags.add("transportation")
    bus.save_revision().publish()
    return clinic, bus


def test_a_teacher_finds_packets_of_every_level_by_topic(client, teacher, tagged_packets):
    client.force_login(teacher)
    page = client.get(URL, {"topic": "transportation"}).content.decode()
    assert "Reading a bus schedule" in page and "Level 5" in page
    assert "At the clinic" not in page


def test_a_teacher_finds_packets_by_search(client, teacher, tagged_packets):
    client.force_login(teacher)
    page = client.get(URL, {"q": "clinic"}).content.decode()
    assert "At the clinic" in page and "Level 2" in page
    assert "Reading a bus schedule" not in page


def test_a_teacher_finds_packets_by_search_and_topic_together(client, teacher, tagged_packets):
    """Searching within a topic was a 500: the search backend refused the tag filter."""
    client.force_login(teacher)
    page = client.get(URL, {"q": "clinic", "topic": "health"}).content.decode()
    assert "At the clinic" in page
    page = client.get(URL, {"q": "clinic", "topic": "transportation"}).content.decode()
    assert "At the clinic" not in page


def test_a_bad_topic_gets_a_clear_message(client, teacher, tagged_packets):
    client.force_login(teacher)
    response = client.get(URL, {"topic": "not a slug!"})
    assert response.status_code == 200
    assert "Enter a valid “slug”" in response.content.decode()


def test_the_finder_costs_the_same_queries_for_many_results(
    client, teacher, make_packet, django_assert_max_num_queries
):
    for number in range(8):
        make_packet(level=f"level-{number % 6 + 1}", slug=f"p{number}", number=number)
    client.force_login(teacher)
    # 8, and the page restrictions and their groups: who may open which packet.
    with django_assert_max_num_queries(10):
        assert client.get(URL, {"q": ""}).status_code == 200


def test_students_and_visitors_cannot_use_the_finder(client, student):
    assert client.get(URL)["Location"].startswith("/accounts/login/")
    client.force_login(student)
    assert client.get(URL).status_code == 403


@pytest.mark.parametrize("query", ["'\"", '"', "NOT", "a AND", "(((", "*", "'"])
def test_the_packet_finder_takes_any_text(client, teacher, query):
    """Issue 12: an unbalanced quote was a syntax error of SQLite's FTS5 (a 500)."""
    client.force_login(teacher)
    response = client.get(URL, {"q": query})
    assert response.status_code == 200


def test_the_packet_finder_still_finds_words_among_quotes(client, teacher, tagged_packets):
    client.force_login(teacher)
    page = client.get(URL, {"q": '"clinic'}).content.decode()
    assert "At the clinic" in page and "Reading a bus schedule" not in page
