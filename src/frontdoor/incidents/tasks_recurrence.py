"""Scheduled recurrence recompute, run by django-tasks (and by ``manage.py recurrence_recompute``)."""

from django_tasks import task


@task()
def recompute_recurrence() -> int:
    """Score everyone against the active cohort rule; returns the new run's id."""
    from .services_recurrence import recurrence_recompute

    return recurrence_recompute().pk
