"""The incidents app's background work, run by django-tasks (``manage.py db_worker``)."""

from django_tasks import task


@task()
def run_incident_import(run_id: int) -> str:
    """Import the file an upload left for ``ImportRun`` ``run_id``; returns its final status."""
    from .services import import_stored_file

    return import_stored_file(run_id=run_id)
