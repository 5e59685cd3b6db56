"""Wagtail's own background tasks (search index, reference index, focal points)
run at once in tests, as the worker would run them seconds later under
`make run` and in production; Harbor's own tasks (mail) wait for `run_worker`."""

from contextlib import contextmanager

WAGTAIL_TASKS = ("wagtail.", "modelsearch.")


@contextmanager
def wagtails_housekeeping_at_once():
    """Within the block, a page saved is searchable and its references known."""
    from django_tasks.signals import task_enqueued
    from django_tasks_db.models import DBTaskResult

    def run_now(sender, task_result, **kwargs):
        if task_result.task.module_path.startswith(WAGTAIL_TASKS):
            DBTaskResult.objects.filter(id=task_result.id).delete()
            task_result.task.call(*task_result.args, **task_result.kwargs)

    task_enqueued.connect(run_now, dispatch_uid="tests-wagtail-tasks")
    try:
        yield
    finally:
        task_enqueued.disconnect(dispatch_uid="tests-wagtail-tasks")
