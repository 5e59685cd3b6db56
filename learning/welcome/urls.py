from django.urls import path

from learning.welcome import views

app_name = "welcome"

urlpatterns = [
    path("language/", views.choose_language, name="language"),
    path("password/", views.choose_password, name="password"),
    path("guide/", views.guide, name="guide"),
    path("guide/<str:panel>/", views.guide, name="guide_panel"),
]
