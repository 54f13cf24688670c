"""Who may match people and review matches (issue 6, ADR 0029).

The hub (hub practitioners and hub managers) checks whether a subject is already known,
reviews uncertain pairs and merges or splits people; administrators may also open a person's
index page and undo a merge or split. Frontline referrers, chairs, analysts and partnership
managers never see candidates: to them the index does not exist (403 on the queue, and on a
pair's or a person's page the 404 of one that does not exist).

The match itself must not leak another agency's record. Hub staff see index-level facts
(names, date of birth, sex, postcode, which agency and kind of record, when it was recorded);
a record's own details (the agency's reference and the address) are shown only to
practitioners of the agency that holds it.
"""

from __future__ import annotations

from django.db.models import Count, Q

from frontdoor.agencies.roles import HUB_ROLES, Role
from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.access import load_or_404
from frontdoor.core.policy import may, rule
from frontdoor.people.models import AgencyRecord, Person

from .models import MergeEvent, ReviewItem

MATCH = "matching.match"
REVIEW = "matching.review"
VIEW_INDEX = "matching.view_person_index"
UNDO = "matching.undo"
RECORD_DETAILS = "matching.record_details"

__all__ = ["MATCH", "RECORD_DETAILS", "REVIEW", "UNDO", "VIEW_INDEX", "may"]


@rule(MATCH)
def _match(practitioner, obj=None) -> bool:
    """Ask "is this person already known?": the hub only (referrers do not browse the index)."""
    return practitioner.role in HUB_ROLES


@rule(REVIEW)
def _review(practitioner, obj=None) -> bool:
    """Work the review queue: accept (merge) or reject a possible match, split a person."""
    return practitioner.role in HUB_ROLES


@rule(VIEW_INDEX)
def _view_index(practitioner, obj=None) -> bool:
    if practitioner.role in HUB_ROLES:
        return True
    return practitioner.role == Role.ADMINISTRATOR


@rule(UNDO)
def _undo(practitioner, event=None) -> bool:
    if practitioner.role in HUB_ROLES:
        return True
    return practitioner.role == Role.ADMINISTRATOR


@rule(RECORD_DETAILS)
def _record_details(practitioner, record=None) -> bool:
    """An agency's reference and the address it holds: its own practitioners only."""
    if record is None:
        return False
    if practitioner.agency_id is None:
        return False
    return record.agency_id == practitioner.agency_id


# Load-and-authorise helpers (the views' one door) --------------------------------------


def review_queue_for(practitioner):
    """Pending review items, oldest first; the caller has REVIEW (the view's permission)."""
    return (
        ReviewItem.objects.filter(status=ReviewItem.Status.PENDING)
        .select_related(
            "record", "record__agency", "other_record", "other_record__agency", "other_person"
        )
        .order_by("created_at", "pk")
    )


def review_counts() -> dict[str, int]:
    counts = ReviewItem.objects.aggregate(
        pending=Count("pk", filter=Q(status=ReviewItem.Status.PENDING)),
        accepted=Count("pk", filter=Q(status=ReviewItem.Status.ACCEPTED)),
        rejected=Count("pk", filter=Q(status=ReviewItem.Status.REJECTED)),
    )
    return {name: value or 0 for name, value in counts.items()}


def review_item_for(practitioner, pk, *, reason: str = "") -> ReviewItem:
    """A review item for a reviewer (the view checked REVIEW); audited when ``reason``."""
    item = load_or_404(
        ReviewItem.objects.select_related(
            "record",
            "record__agency",
            "record__person",
            "other_record",
            "other_record__agency",
            "other_record__person",
            "other_person",
            "decided_by",
            "model_version",
        ),
        pk=pk,
    )
    if reason:
        audit_record(
            actor=practitioner,
            verb=Verb.VIEW,
            obj=item,
            reason=reason,
            details={
                "record": item.record_id,
                "other_record": item.other_record_id,
                "other_person": item.other_person_id,
            },
        )
    return item


def person_for_index(practitioner, pk, *, reason: str = "") -> Person:
    """A person's index page for those who may see the index; audited when ``reason``."""
    person = load_or_404(Person.objects.select_related("merged_into"), pk=pk)
    if reason:
        audit_record(actor=practitioner, verb=Verb.VIEW, obj=person, reason=reason)
    return person


def records_of(person: Person):
    return (
        AgencyRecord.objects.filter(person=person)
        .select_related("agency")
        .order_by("recorded_at", "pk")
    )


def history_of(person: Person):
    return (
        MergeEvent.objects.filter(Q(from_person=person) | Q(to_person=person))
        .select_related("from_person", "to_person", "created_by", "undone_by")
        .order_by("-created_at", "-pk")
    )


def merge_event_for(practitioner, pk) -> MergeEvent:
    return load_or_404(MergeEvent.objects.select_related("from_person", "to_person"), pk=pk)


def person_for_matching(practitioner, pk) -> Person | None:
    """A person the hub may link to or merge with; None when there is no such person."""
    if not may(practitioner, MATCH):
        return None
    if not str(pk).isdigit():
        return None
    return Person.objects.filter(pk=int(pk)).first()
