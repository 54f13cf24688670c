"""Every write of the incidents app: importing a file or an API batch, and editing harm weights.

An import runs in two phases. *Checking* reads and validates every row, writing nothing but
its progress; a file with any bad row stops there (``rejected``) with its error report.
*Writing* then puts the whole file in the database in ONE transaction, in bulk, so a failure or
a killed process leaves nothing half-written. Progress is written outside that transaction
(on its own connection, where the database allows) so a page can show it meanwhile.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, connections, transaction
from django.utils import timezone

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.errors import ConflictError

from .bulk import INCIDENT_COLUMNS, PARTY_COLUMNS, day, insert_rows, reserve_ids, when
from .models import HarmWeight, ImportRun, Incident, IncidentParty
from .parsing import ParsedIncident, ParseResult, check_csv, check_rows, count_lines
from .resolution import NominalDetails, resolve_parties

log = logging.getLogger(__name__)

BATCH = 2000
PROGRESS_EVERY = 5000
INCIDENT_FIELDS = [
    "occurred_at",
    "incident_type",
    "offence_code",
    "offence_description",
    "domestic_abuse",
    "postcode",
    "area",
    "import_run",
    "fingerprint",
    "updated_at",
]


# Where uploads wait ------------------------------------------------------------------------


def import_dir() -> Path:
    path = Path(
        getattr(settings, "FRONTDOOR_INCIDENT_IMPORT_DIR", "")
        or Path(settings.BASE_DIR) / "var" / "incident-imports"
    )
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def max_upload_bytes() -> int:
    return int(getattr(settings, "FRONTDOOR_INCIDENT_IMPORT_MAX_BYTES", 200 * 1024 * 1024))


# Starting an import ------------------------------------------------------------------------


def import_run_create(
    *, agency, by, filename: str, source: str, stored_path: str = "", total_rows: int = 0
) -> ImportRun:
    return ImportRun.objects.create(
        agency=agency,
        by=by if by is not None and getattr(by, "pk", None) else None,
        filename=Path(filename).name[:255],
        source=source,
        stored_path=stored_path,
        total_rows=total_rows,
        created_at=timezone.now(),
    )


def import_upload_start(*, agency, by, upload) -> ImportRun:
    """Keep an uploaded file under a generated name and queue its import."""
    from uuid import uuid4

    from .tasks import run_incident_import

    path = import_dir() / f"{uuid4().hex}.csv"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    run = import_run_create(
        agency=agency,
        by=by,
        filename=upload.name or "upload.csv",
        source=ImportRun.Source.UPLOAD,
        stored_path=str(path),
        total_rows=count_lines(str(path)),
    )
    run_incident_import.enqueue(run.pk)
    return run


# Progress (outside the data transaction) ---------------------------------------------------


def _progress(run_id: int, **fields) -> None:
    """Record progress where a page can see it, never inside the import's transaction."""
    fields["heartbeat_at"] = timezone.now()
    if not connection.in_atomic_block:
        ImportRun.objects.filter(pk=run_id).update(**fields)
        return
    if connection.vendor != "postgresql":
        # SQLite has one writer at a time and the import is it: the page says "writing".
        return

    def write() -> None:
        try:
            ImportRun.objects.filter(pk=run_id).update(**fields)
        except DatabaseError:  # progress is best effort; the import decides the outcome
            log.warning("could not record progress of import %s", run_id)
        finally:
            connections["default"].close()

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    thread.join(timeout=10)


# Running an import -------------------------------------------------------------------------


def _inside_import_dir(path: str) -> bool:
    """Whether ``path`` is a file the upload page wrote: in the upload directory, by its
    generated name. Anything else is never read or deleted, whatever the run says."""
    if not path:
        return False
    folder = import_dir().resolve()
    return Path(path).resolve().parent == folder


def import_stored_file(*, run_id: int) -> str:
    """The background task's body: import the file an upload left, then delete it."""
    run = ImportRun.objects.select_related("agency", "by").get(pk=run_id)
    path = run.stored_path
    if path and not _inside_import_dir(path):
        # Defence in depth: only the upload page sets this path. A run pointing elsewhere is
        # refused, and the file it names is left alone.
        log.error("incident import %s names a file outside the upload folder: refused", run.pk)
        ImportRun.objects.filter(pk=run_id).update(
            status=ImportRun.Status.FAILED,
            failure="The uploaded file is not where uploads are kept: nothing was imported.",
            finished_at=timezone.now(),
            stored_path="",
        )
        return ImportRun.Status.FAILED
    try:
        import_file(run=run, path=path)
    finally:
        if path and os.path.exists(path):
            os.remove(path)
        ImportRun.objects.filter(pk=run_id).update(stored_path="")
    return ImportRun.objects.values_list("status", flat=True).get(pk=run_id)


Observer = Callable[[str, int, int], None]  # (phase, rows done, rows in all)


def import_file(
    *, run: ImportRun, path: str, now: datetime | None = None, observer: Observer | None = None
) -> ImportRun:
    """Check and import a CSV file for ``run`` (created beforehand)."""
    now = now or timezone.now()
    if not run.total_rows:
        run.total_rows = count_lines(path)
    _start(run)
    try:
        with open(path, "rb") as stream:
            parsed = check_csv(stream, now=now, progress=_progress_to(run, observer))
        return _finish(run, parsed, observer)
    except Exception as error:
        _fail(run, error)
        raise


def import_rows(
    *,
    run: ImportRun,
    rows: Iterable[tuple[int, dict[str, str]]],
    now: datetime | None = None,
    observer: Observer | None = None,
) -> ImportRun:
    """Check and import rows given directly (the JSON API), synchronously."""
    now = now or timezone.now()
    _start(run)
    try:
        parsed = check_rows(rows, now=now, progress=_progress_to(run, observer))
        return _finish(run, parsed, observer)
    except Exception as error:
        _fail(run, error)
        raise


def _progress_to(run: ImportRun, observer: Observer | None) -> Callable[[int], None]:
    def report(rows: int) -> None:
        run.processed_rows = rows
        _progress(run.pk, processed_rows=rows)
        if observer is not None:
            observer("checking", rows, run.total_rows)

    return report


def _start(run: ImportRun) -> None:
    run.status = ImportRun.Status.RUNNING
    run.phase = "checking"
    run.started_at = timezone.now()
    _progress(
        run.pk,
        status=run.status,
        phase=run.phase,
        started_at=run.started_at,
        total_rows=run.total_rows,
    )


def _fail(run: ImportRun, error: Exception) -> None:
    log.exception("incident import %s failed", run.pk)
    run.status = ImportRun.Status.FAILED
    run.failure = f"{type(error).__name__}: the import stopped and nothing was imported."
    run.finished_at = timezone.now()
    if not connection.in_atomic_block or connection.vendor == "postgresql":
        _progress(run.pk, status=run.status, failure=run.failure, finished_at=run.finished_at)


def _finish(run: ImportRun, parsed: ParseResult, observer: Observer | None = None) -> ImportRun:
    run.processed_rows = parsed.rows
    if not run.total_rows or run.total_rows < parsed.rows:
        run.total_rows = parsed.rows
    if not parsed.ok:
        with transaction.atomic():
            run.status = ImportRun.Status.REJECTED
            run.phase = ""
            run.error_count = parsed.error_count
            run.errors = [e.as_dict() for e in parsed.errors]
            run.finished_at = timezone.now()
            run.save()
            audit_record(
                actor=run.by,
                verb=Verb.CREATE,
                obj=run,
                reason="Tried to import police incidents: the file was rejected, nothing written",
                details=_audit_details(run),
            )
        return run
    run.phase = "writing"
    _progress(run.pk, phase="writing", processed_rows=parsed.rows, total_rows=run.total_rows)
    with transaction.atomic():
        _write(run, parsed.incidents, observer)
        run.status = ImportRun.Status.SUCCEEDED
        run.phase = ""
        run.written_rows = parsed.rows
        run.finished_at = timezone.now()
        run.heartbeat_at = run.finished_at
        run.save()
        audit_record(
            actor=run.by,
            verb=Verb.CREATE,
            obj=run,
            reason="Imported police incidents",
            details=_audit_details(run),
        )
    return run


def _audit_details(run: ImportRun) -> dict:
    details = {
        "agency": str(run.agency),
        "filename": run.filename,
        "source": run.source,
        "rows": run.processed_rows,
        "incidents_created": run.incidents_created,
        "incidents_updated": run.incidents_updated,
        "incidents_unchanged": run.incidents_unchanged,
        "people_created": run.people_created,
        "people_linked": run.people_linked,
        "errors": run.error_count,
    }
    if run.by is None:
        details["username"] = "manage.py" if run.source == ImportRun.Source.COMMAND else "system"
    return details


def _chunks(items: list, size: int = BATCH) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _write(
    run: ImportRun, incidents: dict[str, ParsedIncident], observer: Observer | None = None
) -> None:
    """Write checked incidents in bulk. Call inside a transaction."""
    agency = run.agency
    now = timezone.now()
    refs = list(incidents)
    existing: dict[str, tuple[int, str]] = {}
    for chunk in _chunks(refs, 5000):
        for ref, pk, fingerprint in Incident.objects.filter(
            agency=agency, ref__in=chunk
        ).values_list("ref", "pk", "fingerprint"):
            existing[ref] = (pk, fingerprint)

    new: list[tuple[ParsedIncident, str]] = []
    changed: list[tuple[ParsedIncident, str, int]] = []
    for ref, incident in incidents.items():
        fingerprint = incident.fingerprint()
        found = existing.get(ref)
        if found is None:
            new.append((incident, fingerprint))
        elif found[1] != fingerprint:
            changed.append((incident, fingerprint, found[0]))
    run.incidents_created = len(new)
    run.incidents_updated = len(changed)
    run.incidents_unchanged = len(incidents) - len(new) - len(changed)

    touched = [item[0] for item in new] + [item[0] for item in changed]
    resolution = resolve_parties(agency=agency, nominals=_latest_details(touched), by=run.by)
    run.people_created = resolution.people_created
    run.people_linked = resolution.people_linked

    ids = reserve_ids(Incident, len(new))
    created_at = when(now)
    insert_rows(
        Incident,
        INCIDENT_COLUMNS,
        (
            (
                pk,
                agency.pk,
                incident.ref,
                when(incident.occurred_at),
                incident.incident_type,
                incident.offence_code,
                incident.offence_description,
                incident.domestic_abuse,
                incident.postcode,
                incident.area,
                run.pk,
                fingerprint,
                created_at,
                created_at,
            )
            for pk, (incident, fingerprint) in zip(ids, new, strict=True)
        ),
    )
    updated = [
        Incident(pk=pk, **_incident_values(incident, fingerprint, run, now))
        for incident, fingerprint, pk in changed
    ]
    Incident.objects.bulk_update(updated, INCIDENT_FIELDS, batch_size=500)
    for chunk in _chunks([obj.pk for obj in updated]):
        IncidentParty.objects.filter(incident_id__in=chunk).delete()

    pairs = [(pk, item[0]) for pk, item in zip(ids, new, strict=True)]
    pairs += [(pk, incident) for incident, _, pk in changed]
    resolved = resolution.parties

    def party_rows():
        written = 0
        for incident_id, incident in pairs:
            for person_ref, role, given, family, born, sex in incident.parties:
                found = resolved[person_ref]
                yield (
                    incident_id,
                    role,
                    found.person_id,
                    found.record_id,
                    given,
                    family,
                    day(born),
                    sex,
                )
            written += len(incident.parties)
            if written >= PROGRESS_EVERY * (1 + party_rows.reported):
                party_rows.reported = written // PROGRESS_EVERY
                _progress(run.pk, written_rows=written)
                if observer is not None:
                    observer("writing", written, run.total_rows)

    party_rows.reported = 0
    insert_rows(IncidentParty, PARTY_COLUMNS, party_rows())
    if observer is not None:
        observer("writing", run.total_rows, run.total_rows)


def _incident_values(incident: ParsedIncident, fingerprint: str, run: ImportRun, now) -> dict:
    return {
        "occurred_at": incident.occurred_at,
        "incident_type": incident.incident_type,
        "offence_code": incident.offence_code,
        "offence_description": incident.offence_description,
        "domestic_abuse": incident.domestic_abuse,
        "postcode": incident.postcode,
        "area": incident.area,
        "import_run": run,
        "fingerprint": fingerprint,
        "updated_at": now,
    }


def _latest_details(incidents: list[ParsedIncident]) -> dict[str, NominalDetails]:
    """Each nominal's details as given in the most recent incident naming them."""
    latest: dict[str, tuple[datetime, NominalDetails]] = {}
    for incident in incidents:
        for person_ref, _, given, family, born, sex in incident.parties:
            seen = latest.get(person_ref)
            if seen is None or incident.occurred_at >= seen[0]:
                latest[person_ref] = (
                    incident.occurred_at,
                    NominalDetails(given, family, born, sex),
                )
    return {ref: details for ref, (_, details) in latest.items()}


# Harm weights ------------------------------------------------------------------------------


def harm_weight_change(
    *, weight: HarmWeight, by, expected_version: int, value: Decimal, note: str = ""
) -> HarmWeight:
    """Set one harm weight (non-negative), audited; a stale version is a conflict."""
    if value is None or value < 0:
        raise ValidationError("A harm weight is a number of days, 0 or more")
    with transaction.atomic():
        current = HarmWeight.objects.select_for_update().get(pk=weight.pk)
        if current.version != expected_version:
            raise ConflictError(
                "Someone changed this weight while you were editing it: check it and try again."
            )
        old = current.weight
        if old == value:
            return current
        current.weight = value
        current.edited_by = by
        current.edited_at = timezone.now()
        current.version += 1
        current.save(update_fields=["weight", "edited_by", "edited_at", "version"])
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=current,
            reason=note or "Changed a harm weight",
            details={"code": current.code, "from": str(old), "to": str(value)},
        )
    return current
