from django.urls import path

from classes.views import classes, mailing, review, sessions, students

app_name = "classes"

urlpatterns = [
    path("", classes.class_list, name="list"),
    path("join/", classes.join, name="join"),
    path("new/", classes.new_class, name="new"),
    path("<int:class_id>/", classes.class_detail, name="detail"),
    path("<int:class_id>/code/", classes.new_join_code, name="new_code"),
    path("<int:class_id>/attendance.csv", classes.export_attendance, name="export"),
    path("<int:class_id>/students/add/", students.add_students, name="add_students"),
    path("<int:class_id>/students/cards/", students.sign_in_cards, name="cards"),
    path(
        "<int:class_id>/students/<int:enrollment_id>/withdraw/",
        students.withdraw_student,
        name="withdraw",
    ),
    path(
        "<int:class_id>/students/<int:enrollment_id>/password/",
        students.new_password,
        name="new_password",
    ),
    path(
        "<int:class_id>/students/<int:enrollment_id>/enroll-again/",
        students.enroll_student_again,
        name="enroll_again",
    ),
    path(
        "<int:class_id>/join-requests/<int:request_id>/",
        students.answer_join_request,
        name="join_request",
    ),
    path("<int:class_id>/sessions/add/", sessions.new_session, name="add_session"),
    path("<int:class_id>/sessions/<int:session_id>/", sessions.edit_session, name="session"),
    path(
        "<int:class_id>/sessions/<int:session_id>/cancel/",
        sessions.cancel_session,
        name="cancel_session",
    ),
    path(
        "<int:class_id>/sessions/<int:session_id>/attendance/",
        sessions.take_roll,
        name="roll",
    ),
    path("<int:class_id>/send-packet/", mailing.send_packet_view, name="send_packet"),
    path(
        "<int:class_id>/mailings/<int:mailing_id>/retry/",
        mailing.retry_mailing_view,
        name="retry_mailing",
    ),
    path("<int:class_id>/submissions/", review.review_queue_page, name="review_queue"),
    path("<int:class_id>/assignments/", review.assignment_table_page, name="assignment_table"),
]
