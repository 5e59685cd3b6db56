def test_the_admin_menu_links_teachers_to_their_classes(login, teacher):
    page = login(teacher).get("/admin/").content.decode()
    assert '"/classes/"' in page or "&quot;/classes/&quot;" in page
