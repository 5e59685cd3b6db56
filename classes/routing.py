from django.urls import path

from classes.chat.consumers import ChatConsumer
from classes.practice.consumers import PracticeChatConsumer

websocket_urlpatterns = [
    path("ws/classes/<id:class_id>/chat/", ChatConsumer.as_asgi()),
    path("ws/classes/<id:class_id>/groups/<id:group_id>/chat/", ChatConsumer.as_asgi()),
    path("ws/practice/<id:practice_id>/chat/", PracticeChatConsumer.as_asgi()),
]
