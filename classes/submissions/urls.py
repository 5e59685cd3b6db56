"""/submissions/…: stable addresses of students' work, shared in messages and
bookmarked (see docs/submissions.md)."""

from django.urls import path

from classes.submissions import views

app_name = "submissions"

urlpatterns = [
    path("<id:submission_id>/", views.submission_page, name="detail"),
    path("<id:submission_id>/files/<id:file_id>", views.submission_file, name="file"),
]
