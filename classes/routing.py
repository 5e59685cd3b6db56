from django.urls import path

from classes.chat.consumers import ChatConsumer

websocket_urlpatterns = [
    path("ws/classes/<int:class_id>/chat/", ChatConsumer.as_asgi()),
    path("ws/classes/<int:class_id>/groups/<int:group_id>/chat/", ChatConsumer.as_asgi()),
]
