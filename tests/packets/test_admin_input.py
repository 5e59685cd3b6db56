"""A request to Wagtail's admin without the fields its own forms send, or
naming what does not exist, is a 400 with a message, not a 500, and changes
nothing. (The page editor's own fields: test_editor_validation.py.)"""


def test_moving_the_root_page_is_a_400_with_a_message(client, manager, db):
    client.force_login(manager)
    response = client.post("/admin/pages/1/set_position/?position=0")
    assert response.status_code == 400
    assert "incomplete" in response.content.decode()


def test_reverting_to_a_revision_that_does_not_exist_is_a_400(client, manager, make_packet):
    packet = make_packet()
    client.force_login(manager)
    response = client.get(f"/admin/pages/{packet.pk}/revisions/0/revert/")
    assert response.status_code == 400
