"""/submissions/…: stable addresses of students' work, shared in messages and
bookmarked (see docs/submissions.md)."""

from django.urls import path

from classes.submissions import views

app_name = "submissions"

urlpatterns = [
    path("<int:submission_id>/", views.submission_page, name="detail"),
    path("<int:submission_id>/files/<int:file_id>", views.submission_file, name="file"),
]
