from django.urls import path

from classes.loans import views

app_name = "loans"

urlpatterns = [
    path("", views.device_list, name="list"),
    path("overdue/", views.overdue, name="overdue"),
    path("devices/new/", views.new_device, name="new_device"),
    path("devices/<id:device_id>/", views.device_detail, name="device"),
    path("devices/<id:device_id>/edit/", views.edit_device, name="edit_device"),
    path("devices/<id:device_id>/lend/", views.lend, name="lend"),
    path("devices/<id:device_id>/return/", views.take_back, name="return"),
    path("staff/", views.loan_staff, name="staff"),
    path("no-device/", views.my_device_need, name="my_need"),
    path("students/<id:student_id>/no-device/", views.student_device_need, name="student_need"),
]
