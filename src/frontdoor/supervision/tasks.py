"""Supervision's background work, run by django-tasks (and by ``manage.py supervision_reminders``)."""

from django_tasks import task


@task()
def remind_overdue_supervision() -> int:
    from .services import reminders_send_overdue

    return reminders_send_overdue()
