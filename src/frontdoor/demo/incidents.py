"""Demo police incidents: the demo force's extract, imported through the real import path.

The rows come from the incident generator (``frontdoor.incidents.generator``): a few thousand
fictional incidents over three years with realistic recurrence. They are written to a CSV
file and imported exactly as an analyst's upload would be, by the force's analyst
(``police.analyst``), so the record of imports, the audit trail and the person index read as
they would in use. The example file with deliberate mistakes is also "uploaded" once, so the
list of past imports shows a rejected file and its error report. Everyone is invented.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.incidents.generator import generate, write_csv
from frontdoor.incidents.harm_defaults import ensure_default_weights
from frontdoor.incidents.models import ImportRun
from frontdoor.incidents.services import import_file, import_run_create

DEMO_INCIDENTS = 2_500
DEMO_PEOPLE = 900
EXAMPLES = Path(__file__).resolve().parent.parent / "incidents" / "examples"


@dataclass
class DemoIncidents:
    imported: ImportRun | None
    rejected: ImportRun | None


def demo_force() -> Agency | None:
    forces = Agency.objects.filter(sector=Agency.Sector.POLICE, is_active=True).order_by("pk")
    return forces.filter(name__icontains="constabulary").first() or forces.first()


def build_incidents(*, seed: int = 7, incidents: int = DEMO_INCIDENTS) -> DemoIncidents:
    ensure_default_weights()
    force = demo_force()
    if force is None or force.incident_imports.filter(status=ImportRun.Status.SUCCEEDED).exists():
        return DemoIncidents(None, None)  # no force, or its extract is already loaded
    analyst = (
        Practitioner.objects.filter(agency=force, role="analyst").order_by("pk").first()
        or Practitioner.objects.filter(role="analyst").order_by("pk").first()
    )
    # Up to yesterday: an extract never holds an incident from the future.
    end = timezone.localdate() - timedelta(days=1)
    table = generate(incidents, max(50, incidents * DEMO_PEOPLE // DEMO_INCIDENTS), seed, end=end)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "red-rose-incidents.csv"
        write_csv(table, path)
        rejected = import_file(
            run=import_run_create(
                agency=force, by=analyst, filename="incidents-with-errors.csv", source="upload"
            ),
            path=str(EXAMPLES / "incidents-with-errors.csv"),
        )
        imported = import_file(
            run=import_run_create(
                agency=force, by=analyst, filename="red-rose-incidents.csv", source="upload"
            ),
            path=str(path),
        )
    return DemoIncidents(imported, rejected)
