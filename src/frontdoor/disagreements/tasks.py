"""Disagreements' background work, run by django-tasks (and ``manage.py escalate_overdue_disagreements``)."""

from django_tasks import task


@task()
def escalate_overdue_disagreements() -> int:
    from .services import disagreements_prompt_overdue

    return disagreements_prompt_overdue()
