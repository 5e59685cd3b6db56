from django.core import mail

from classes.models import PacketMailing


def test_the_teacher_sends_a_packet_and_sees_who_has_no_email(
    login, a_class, enrolled, teacher, packet, django_capture_on_commit_callbacks
):
    enrolled(email="amina@example.org")
    enrolled(display_name="Gul Wazir")
    client = login(teacher)
    form = {"packet": packet.pk, "token": "form-token-1"}
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(f"/classes/{a_class.pk}/send-packet/", form)
        second = client.post(f"/classes/{a_class.pk}/send-packet/", form)
    assert "Gul Wazir" in first.content.decode()
    assert "Already sent" in second.content.decode()
    assert len(mail.outbox) == 1
    assert f"http://testserver{packet.url}" in mail.outbox[0].body
    assert PacketMailing.objects.count() == 1


def test_the_class_page_offers_a_fresh_token_each_time(login, a_class, teacher, packet):
    client = login(teacher)
    first = client.get(f"/classes/{a_class.pk}/").content.decode()
    second = client.get(f"/classes/{a_class.pk}/").content.decode()
    token = 'name="token" value="'
    assert first.split(token)[1][:20] != second.split(token)[1][:20]


def test_a_student_cannot_send_a_packet(login, a_class, enrolled, packet):
    student = enrolled(email="amina@example.org")
    response = login(student).post(
        f"/classes/{a_class.pk}/send-packet/", {"packet": packet.pk, "token": "x"}
    )
    assert response.status_code == 403
    assert not mail.outbox


def test_an_unknown_packet_is_refused_with_a_message(login, a_class, teacher, packet):
    client = login(teacher)
    response = client.post(
        f"/classes/{a_class.pk}/send-packet/", {"packet": "999999", "token": "x"}, follow=True
    )
    assert "Choose a packet of this class" in response.content.decode()
    assert not PacketMailing.objects.exists()


def test_the_class_page_lists_earlier_sendings(
    login, a_class, enrolled, teacher, packet, django_capture_on_commit_callbacks
):
    enrolled(email="amina@example.org")
    client = login(teacher)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/classes/{a_class.pk}/send-packet/", {"packet": packet.pk, "token": "t"})
    page = client.get(f"/classes/{a_class.pk}/").content.decode()
    assert f"{packet.title} · 1 email by Sarah Collins" in page
