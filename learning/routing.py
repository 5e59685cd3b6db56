"""WebSocket routes of the whole project. Apps add theirs here (e.g. class chat)."""

websocket_urlpatterns = []
