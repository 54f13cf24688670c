"""Governance's background work, run by django-tasks (and ``manage.py retention_review_reminders``)."""

from django_tasks import task


@task()
def retention_review_reminders() -> int:
    from .services import reminders_send_due

    return reminders_send_due()
