from django.urls import path

from classes.chat import views

urlpatterns = [
    path("<id:class_id>/chat/", views.room_page, name="class_chat"),
    path("<id:class_id>/groups/<id:group_id>/chat/", views.room_page, name="group_chat"),
    path(
        "<id:class_id>/chat/messages/<id:message_id>/delete/",
        views.delete_message,
        name="chat_delete",
    ),
    path(
        "<id:class_id>/chat/messages/<id:message_id>/report/",
        views.report_message,
        name="chat_report",
    ),
    path("<id:class_id>/chat/mute/", views.mute, name="chat_mute"),
    path("<id:class_id>/chat/reports/", views.reports, name="chat_reports"),
    path("<id:class_id>/chat/phrase/", views.phrase_of_the_day, name="chat_phrase"),
    path("<id:class_id>/breakouts/", views.breakouts, name="chat_breakouts"),
]
