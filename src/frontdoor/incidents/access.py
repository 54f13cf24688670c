"""Who may import police incidents and set harm weights (issue 7).

Imports are partnership-wide analytical work: an analyst (of any agency) imports a force's
extract, follows its progress and reads the record of past imports. Harm weights are the
partnership's own judgement: analysts and partnership managers set them. Everyone else gets
403, or 404 on a page that names a record (an import run). An import run's page shows counts and the error report, never people; the error report
can quote a value from the file, so reading it is audited.
"""

from __future__ import annotations

from frontdoor.agencies.models import Agency
from frontdoor.agencies.roles import Role
from frontdoor.audit.services import audit_read
from frontdoor.core.access import load_or_404
from frontdoor.core.policy import may, rule

from .models import HarmWeight, ImportRun

IMPORT = "incidents.import"
EDIT_WEIGHTS = "incidents.edit_weights"

IMPORT_ROLES = frozenset({Role.ANALYST})
WEIGHT_ROLES = frozenset({Role.ANALYST, Role.PARTNERSHIP_MANAGER})

__all__ = ["EDIT_WEIGHTS", "IMPORT", "may"]


@rule(IMPORT)
def _import(practitioner, obj=None) -> bool:
    return practitioner.role in IMPORT_ROLES


@rule(EDIT_WEIGHTS)
def _edit_weights(practitioner, obj=None) -> bool:
    return practitioner.role in WEIGHT_ROLES


def forces():
    """The police agencies an extract may be imported for."""
    return Agency.objects.filter(sector=Agency.Sector.POLICE, is_active=True).order_by("name")


def import_runs_for(practitioner):
    if not may(practitioner, IMPORT):
        return ImportRun.objects.none()
    return ImportRun.objects.select_related("agency", "by")


def import_run_for(practitioner, pk, *, reason: str = "") -> ImportRun:
    """One import run (404 if not visible); reading its error report (shown once the run
    is rejected) is audited."""
    run = load_or_404(import_runs_for(practitioner), pk=pk)
    if reason and run.status == ImportRun.Status.REJECTED and run.error_count:
        audit_read(actor=practitioner, obj=run, reason=reason)
    return run


def harm_weights_for(practitioner):
    if not may(practitioner, EDIT_WEIGHTS):
        return HarmWeight.objects.none()
    return HarmWeight.objects.select_related("edited_by")


def harm_weight_for(practitioner, pk) -> HarmWeight:
    return load_or_404(harm_weights_for(practitioner), pk=pk)
