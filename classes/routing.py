from django.urls import path

from classes.chat.consumers import ChatConsumer

websocket_urlpatterns = [
    path("ws/classes/<id:class_id>/chat/", ChatConsumer.as_asgi()),
    path("ws/classes/<id:class_id>/groups/<id:group_id>/chat/", ChatConsumer.as_asgi()),
]
