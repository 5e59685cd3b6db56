"""The morning run: every day at HARBOR_NOTICES_MORNING_HOUR (program time) the
task worker tells everyone whose class meets later that day and every borrower
whose device is due back in three days, then sends the
daily digests. django-tasks has no clock of its own, so, as chat retention does
(data_rights/retention.py), the chain is started once after every migrate (for
the next morning, never at once) and each run enqueues the next. Run by the
worker of `make run` and by harbor-worker.service; docs/notices.md."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from classes.notices.mail import send_digests
from classes.notices.triggers import devices_due_soon, sessions_today


def next_morning(now=None):
    """The next HARBOR_NOTICES_MORNING_HOUR o'clock, program time, after `now`."""
    zone = timezone.get_default_timezone()
    now = timezone.localtime(now or timezone.now(), zone)
    at = time(settings.HARBOR_NOTICES_MORNING_HOUR)
    day = now.date()
    while (moment := datetime.combine(day, at, tzinfo=zone)) <= now:
        day += timedelta(days=1)
    return moment


def run_morning(now=None):
    """Today's sessions and devices due soon, then the digests (which carry them
    to digest readers)."""
    told = sessions_today(now)
    devices = devices_due_soon(now)
    digests = send_digests(now)
    return {"sessions_told": len(told), "devices_told": len(devices), "digests": digests}


@task()
def morning_notices():
    done = run_morning()
    schedule(next_morning())
    return done


def is_scheduled():
    waiting = DBTaskResult.objects.filter(task_path=morning_notices.module_path, status="READY")
    return waiting.exists()


def schedule(when):
    """Enqueue the next run unless one is already waiting: one chain only."""
    with transaction.atomic():
        if not is_scheduled():
            morning_notices.using(run_after=when).enqueue()


def start_after_migrate(sender, **kwargs):
    schedule(next_morning())
