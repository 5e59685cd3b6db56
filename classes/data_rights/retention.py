"""Chat is kept no longer than HARBOR_CHAT_RETENTION_DAYS (0: kept). A task run
by the worker deletes older messages in batches, then schedules its next run a
day later: django-tasks has no clock of its own, so the chain is started (once)
after every migrate and each run enqueues the next."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from classes.models import Message
from classes.page_invalidation import bump_everything

BATCH = 1000
EVERY = timedelta(days=1)


def delete_old_messages(now=None):
    """Delete messages older than the retention period; returns how many."""
    days = settings.HARBOR_CHAT_RETENTION_DAYS
    if not days:
        return 0
    before = (now or timezone.now()) - timedelta(days=days)
    deleted = 0
    while True:
        batch = list(
            Message.objects.filter(sent_at__lt=before).values_list("pk", flat=True)[:BATCH]
        )
        if not batch:
            return deleted
        with transaction.atomic():
            Message.objects.filter(pk__in=batch).delete()
            bump_everything()  # the rooms' pages (classes/page_invalidation.py)
        deleted += len(batch)


@task()
def enforce_chat_retention():
    deleted = delete_old_messages()
    schedule(timezone.now() + EVERY)
    return deleted


def is_scheduled():
    waiting = DBTaskResult.objects.filter(
        task_path=enforce_chat_retention.module_path, status="READY"
    )
    return waiting.exists()


def schedule(when=None):
    """Enqueue the next run unless one is already waiting: one chain only."""
    with transaction.atomic():
        if not is_scheduled():
            enforce_chat_retention.using(run_after=when).enqueue()


def start_after_migrate(sender, **kwargs):
    schedule()
