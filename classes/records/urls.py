"""`/records/`: managers' and teachers' dashboards, drill-down and audit (see docs/urls.md)."""

from django.urls import path, re_path

from classes.data_rights import views as data_rights
from classes.intake.views import intake_list, intake_page
from classes.records import views
from classes.records.nrs import downloads
from classes.records.nrs.files import TABLES
from classes.records.nrs.interchange import FILES
from classes.records.nrs.views import freeze_tables, nrs_tables, snapshot_page

app_name = "records"

NRS_TABLE = rf"table-(?P<name>{'|'.join(TABLES)})\.(?P<fmt>csv|xlsx)"
INTERCHANGE = rf"(?P<name>{'|'.join(FILES)})\.csv"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("levels/<id:level_id>/", views.level_page, name="level"),
    path("classes/<id:class_id>/", views.class_page, name="class"),
    path("classes/<id:class_id>/post-test/", views.post_test_page, name="post_test"),
    path("students/<id:student_id>/", views.student_page, name="student"),
    path(
        "students/<id:student_id>/participation/",
        views.participation_page,
        name="participation",
    ),
    path(
        "students/<id:student_id>/assessments/new/",
        views.new_assessment,
        name="new_assessment",
    ),
    path("students/<id:student_id>/intake/", intake_page, name="intake"),
    path("intake/", intake_list, name="intake_list"),
    path("students/<id:student_id>/data.zip", data_rights.export_student, name="student_data"),
    path("students/<id:student_id>/erase/", data_rights.erase, name="erase_student"),
    path("audit/", views.audit_log, name="audit"),
    path("nrs/", nrs_tables, name="nrs_tables"),
    path("nrs/snapshots/", freeze_tables, name="nrs_freeze"),
    path("nrs/snapshots/<id:snapshot_id>/", snapshot_page, name="nrs_snapshot"),
    re_path(rf"^nrs/{NRS_TABLE}$", downloads.table_download, name="nrs_table_file"),
    re_path(
        rf"^nrs/snapshots/(?P<snapshot_id>[0-9]{{1,18}})/{NRS_TABLE}$",
        downloads.snapshot_table_download,
        name="nrs_snapshot_file",
    ),
    re_path(
        rf"^nrs/interchange/{INTERCHANGE}$",
        downloads.interchange_file,
        name="nrs_interchange_file",
    ),
    path("nrs/interchange.zip", downloads.interchange_zip, name="nrs_interchange_zip"),
]
