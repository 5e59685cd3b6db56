import os

from django.core.wsgi import get_wsgi_application

# Only production serves through WSGI (gunicorn; `make run` and the tests use
# ASGI, manage.py names its own settings). Started without its environment,
# gunicorn stops at once (no secret key) instead of serving the development
# settings with debug pages on.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.production")
application = get_wsgi_application()
