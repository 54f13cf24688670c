"""Plans' background work, run by django-tasks (and by ``manage.py escalate_overdue_actions``)."""

from django_tasks import task


@task()
def escalate_overdue_actions() -> int:
    from .services import escalate_overdue_actions as escalate

    return escalate()
