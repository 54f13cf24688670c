"""Writes to the directory: importing and pulling Open Referral UK feeds, keeping refuges hidden."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record

from . import feeds, importer
from .models import FeedSync, Location, Organization, ServiceAtLocation, TaxonomyTerm
from .validation import Known, Problem, check_records, records_in


class ImportRefused(Exception):
    """The feed has problems: nothing was imported. ``problems`` says what and where."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s): nothing was imported")


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    service_ids: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.created + self.updated


def _owner(agency: Agency | None, practitioner: Practitioner | None) -> dict:
    if agency is None and practitioner is None:
        raise ValueError("imported services need an owner: an agency or a practitioner")
    return {"owner_agency": agency, "owner_practitioner": practitioner}


def oruk_import(
    *,
    document: Any,
    owner_agency: Agency | None = None,
    owner_practitioner: Practitioner | None = None,
    by: Practitioner | None = None,
    source: str = "a file",
) -> ImportResult:
    """Import an ORUK feed document: every record checked first, then all or nothing.

    Services are matched by id, so importing the same feed again updates rather than
    duplicates. New services belong to the owner given; existing ones keep theirs. Raises
    ``DocumentError`` if the document is not a feed and ``ImportRefused`` with every problem
    found if any record is bad, having changed nothing.
    """
    owner = _owner(owner_agency, owner_practitioner)
    records = records_in(document)
    now = timezone.now()
    counts = importer.Counts()
    with transaction.atomic():
        known = Known(
            terms=set(TaxonomyTerm.objects.values_list("id", flat=True)),
            organizations=set(Organization.objects.values_list("id", flat=True)),
            locations=set(Location.objects.values_list("id", flat=True)),
        )
        problems = check_records(records, known=known)
        if problems:
            raise ImportRefused(problems)
        services = [
            importer.import_service(record, owner=owner, now=now, counts=counts)
            for record in records
        ]
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            reason="Imported an Open Referral UK feed into the service directory",
            object_type="directory.feed",
            object_id=source[:64],
            object_repr=f"{len(services)} services from {source}",
            details={"source": source, "created": counts.created, "updated": counts.updated},
        )
    return ImportResult(
        created=counts.created,
        updated=counts.updated,
        service_ids=[str(s.id) for s in services],
    )


def oruk_pull(
    *,
    url: str,
    owner_agency: Agency | None = None,
    owner_practitioner: Practitioner | None = None,
    by: Practitioner | None = None,
    modified_after: datetime | None = None,
    full: bool = False,
    fetch: Callable[[str], Any] | None = None,
) -> ImportResult:
    """Pull the services of another ORUK API and import them (all or nothing).

    Without ``modified_after`` the pull asks only for what changed since the last successful
    pull from that URL (its ``modified_after`` parameter); ``full`` asks for everything.
    """
    base = feeds.base_url(url)
    sync = FeedSync.objects.filter(url=base).first()
    if modified_after is None and not full and sync is not None:
        modified_after = sync.last_pulled_at
    started = timezone.now()
    records = feeds.pull_services(
        base, modified_after=modified_after, fetch=fetch or feeds.http_fetch
    )
    with transaction.atomic():
        result = oruk_import(
            document=records,
            owner_agency=owner_agency,
            owner_practitioner=owner_practitioner,
            by=by,
            source=base,
        )
        FeedSync.objects.update_or_create(
            url=base, defaults={"last_pulled_at": started, "services_imported": result.total}
        )
    return result


def confidential_locations_protect() -> int:
    """Mark every location of a confidential service confidential; return how many changed.

    Services with confidential addresses (refuges) must not reveal them through another
    service at the same place: the write paths keep this true, and this repairs it in bulk.
    """
    with transaction.atomic():
        locations = ServiceAtLocation.objects.filter(service__confidential_address=True).values(
            "location_id"
        )
        return Location.objects.filter(id__in=locations, confidential=False).update(
            confidential=True
        )
