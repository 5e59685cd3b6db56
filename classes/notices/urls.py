from django.urls import path

from classes.notices import views

app_name = "notices"

urlpatterns = [
    path("", views.notice_list, name="list"),
    path("read/", views.read_all, name="read_all"),
    path("settings/", views.notice_settings, name="settings"),
    path("<id:notice_id>/", views.open_notice, name="open"),
]
