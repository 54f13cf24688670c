"""The incident import over the JSON API: the same rules and the same all-or-nothing write.

Registered on the project's API (``frontdoor.api.api``) under ``/api/v1/incidents``.
"""

from __future__ import annotations

from typing import Annotated

from django.http import Http404
from ninja import Field, Path, Router, Schema, Status
from pydantic import ConfigDict

from frontdoor.api.auth import operation
from frontdoor.api.schemas import ErrorOut, ValidationErrorOut

from . import access
from .models import ImportRun
from .parsing import COLUMNS, rows_from_json
from .services import import_rows, import_run_create

router = Router(tags=["Police incidents"])

MAX_INCIDENTS = 10_000
Short = Annotated[str, Field(max_length=400)]


class _In(Schema):
    model_config = ConfigDict(extra="forbid")


class PersonIn(_In):
    person_ref: Short = Field(description="The force's nominal reference.")
    role: Short = Field(description="victim, suspect, offender, witness or other.")
    first_name: Short = ""
    surname: Short = ""
    date_of_birth: Short | None = Field(None, description="YYYY-MM-DD")
    sex: Short = Field("", description="F, M or U (or female, male); empty if not known.")


class IncidentIn(_In):
    incident_ref: Short = Field(description="The force's reference for the incident.")
    occurred_at: Short = Field(description="ISO 8601; UK local time if it has no offset.")
    incident_type: Short = Field(description="crime, or a non-crime incident type.")
    offence_code: Short = Field("", description="Home Office offence code (a crime only).")
    offence_description: Short = ""
    domestic_abuse: bool
    postcode: Short = ""
    area: Short = ""
    people: list[PersonIn] = Field(min_length=1, max_length=500)


class ImportIn(_In):
    force: int = Field(ge=1, description="The police agency's id.")
    incidents: list[IncidentIn] = Field(min_length=1, max_length=MAX_INCIDENTS)


class ImportOut(Schema):
    id: int
    status: str
    rows: int
    incidents_created: int
    incidents_updated: int
    incidents_unchanged: int
    people_created: int
    people_linked: int

    @staticmethod
    def of(run: ImportRun) -> ImportOut:
        return ImportOut(
            id=run.pk,
            status=run.status,
            rows=run.processed_rows,
            incidents_created=run.incidents_created,
            incidents_updated=run.incidents_updated,
            incidents_unchanged=run.incidents_unchanged,
            people_created=run.people_created,
            people_linked=run.people_linked,
        )


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}
PERSON_FIELDS = frozenset(COLUMNS[8:])


@operation(
    router.post,
    "/imports",
    permission=access.IMPORT,
    response={201: ImportOut, **ERRORS},
    summary="Import a batch of police incidents",
)
def incident_import(request, payload: ImportIn):
    """Check and import up to 10,000 incidents, each with its people, all or nothing. The
    same incident_ref again updates the incident (its people are replaced), never duplicates.
    A batch with any error imports nothing and answers 422 with every problem found."""
    force = access.forces().filter(pk=payload.force).first()
    if force is None:
        raise Http404
    run = import_run_create(
        agency=force, by=request.auth, filename="api", source=ImportRun.Source.API
    )
    positions: list[tuple[int, int]] = []
    body = [incident.model_dump() for incident in payload.incidents]
    run = import_rows(run=run, rows=rows_from_json(body, positions))
    if run.status == ImportRun.Status.REJECTED:
        errors = [
            {"field": _where(error, positions), "message": error["reason"]} for error in run.errors
        ]
        return Status(
            422,
            {"detail": "The batch was refused: nothing has been imported.", "errors": errors},
        )
    return Status(201, ImportOut.of(run))


def _where(error: dict, positions: list[tuple[int, int]]) -> str | None:
    line = error["line"]
    if not 1 <= line <= len(positions):
        return None
    i, j = positions[line - 1]
    field = error["field"]
    if field in PERSON_FIELDS:
        return f"incidents[{i}].people[{j}].{field}"
    return f"incidents[{i}].{field}" if field else f"incidents[{i}]"


@operation(
    router.get,
    "/imports/{import_id}",
    permission=access.IMPORT,
    response={200: ImportOut, **ERRORS},
    summary="Read an import's status and counts",
)
def incident_import_detail(request, import_id: Annotated[int, Path(ge=1, le=2**63 - 1)]):
    run = access.import_run_for(request.auth, import_id)
    return ImportOut.of(run)
