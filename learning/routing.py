"""WebSocket routes of the whole project, gathered from the apps."""

from classes.routing import websocket_urlpatterns as class_chat

websocket_urlpatterns = [*class_chat]
