"""Background work through django-tasks (the database-backed queue)."""

from django_tasks import task


@task()
def deliver_outbox() -> int:
    from .outbox import outbox_deliver

    return outbox_deliver()


@task()
def escalate_overdue_requests() -> int:
    from frontdoor.sharing.services import requests_escalate_overdue

    return requests_escalate_overdue()
