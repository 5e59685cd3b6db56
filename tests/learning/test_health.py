import pytest


@pytest.mark.django_db
def test_health_answers_ok_when_database_and_layer_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "channel_layer": "ok"}


@pytest.mark.django_db
def test_health_answers_503_when_the_channel_layer_is_unreachable(client, settings):
    # Port 1 on loopback: nothing listens there, so the connection is refused.
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": ["redis://127.0.0.1:1/0"]},
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["channel_layer"] == "unavailable"
    assert response.json()["database"] == "ok"


@pytest.mark.django_db
def test_health_is_never_cached(client):
    assert "no-store" in client.get("/healthz")["Cache-Control"]
