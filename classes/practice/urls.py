from django.urls import path

from classes.practice import views

app_name = "practice"

urlpatterns = [
    path("new/", views.new_group, name="new"),
    path("<id:practice_id>/", views.group_page, name="group"),
    path("<id:practice_id>/invite/", views.invite, name="invite"),
    path(
        "<id:practice_id>/members/<id:student_id>/remove/",
        views.remove_member,
        name="remove",
    ),
    path("<id:practice_id>/close/", views.close_group, name="close"),
    path("<id:practice_id>/leave/", views.leave_group, name="leave"),
    path("<id:practice_id>/accept/", views.accept, name="accept"),
    path("<id:practice_id>/decline/", views.decline, name="decline"),
    path(
        "<id:practice_id>/messages/<id:message_id>/report/",
        views.report_message,
        name="report",
    ),
]
