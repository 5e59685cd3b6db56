from django.urls import path

from classes.views import classes, mailing, place, review, sessions, share_language, students

app_name = "classes"

urlpatterns = [
    path("", classes.class_list, name="list"),
    path("join/", classes.join, name="join"),
    path("new/", classes.new_class, name="new"),
    path("<id:class_id>/", classes.class_detail, name="detail"),
    path("<id:class_id>/code/", classes.new_join_code, name="new_code"),
    path("<id:class_id>/place/", place.edit_place, name="place"),
    path(
        "<id:class_id>/share-language/",
        share_language.edit_share_language,
        name="share_language",
    ),
    path("<id:class_id>/attendance.csv", classes.export_attendance, name="export"),
    path("<id:class_id>/students/add/", students.add_students, name="add_students"),
    path("<id:class_id>/students/cards/", students.sign_in_cards, name="cards"),
    path(
        "<id:class_id>/students/<id:enrollment_id>/withdraw/",
        students.withdraw_student,
        name="withdraw",
    ),
    path(
        "<id:class_id>/students/<id:enrollment_id>/password/",
        students.new_password,
        name="new_password",
    ),
    path(
        "<id:class_id>/students/<id:enrollment_id>/channel/",
        students.set_channel,
        name="channel",
    ),
    path(
        "<id:class_id>/students/<id:enrollment_id>/enroll-again/",
        students.enroll_student_again,
        name="enroll_again",
    ),
    path(
        "<id:class_id>/join-requests/<id:request_id>/",
        students.answer_join_request,
        name="join_request",
    ),
    path("<id:class_id>/sessions/add/", sessions.new_session, name="add_session"),
    path("<id:class_id>/sessions/<id:session_id>/", sessions.edit_session, name="session"),
    path(
        "<id:class_id>/sessions/<id:session_id>/cancel/",
        sessions.cancel_session,
        name="cancel_session",
    ),
    path(
        "<id:class_id>/sessions/<id:session_id>/attendance/",
        sessions.take_roll,
        name="roll",
    ),
    path("<id:class_id>/send-packet/", mailing.send_packet_view, name="send_packet"),
    path(
        "<id:class_id>/mailings/<id:mailing_id>/retry/",
        mailing.retry_mailing_view,
        name="retry_mailing",
    ),
    path("<id:class_id>/submissions/", review.review_queue_page, name="review_queue"),
    path("<id:class_id>/assignments/", review.assignment_table_page, name="assignment_table"),
]
