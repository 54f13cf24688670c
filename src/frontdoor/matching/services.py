"""Every write to the index that matching makes: merges, splits, undo, review decisions.

Each runs in one transaction with its audit entry, locks the people it moves records between
(``select_for_update``, in primary-key order so two merges cannot deadlock) and refuses, with
a ``ConflictError``, a change that someone else's change has overtaken.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.errors import ConflictError
from frontdoor.people.models import AgencyRecord, Person

from .models import MergeEvent, ReviewItem


def _lock_people(*people: Person) -> dict[int, Person]:
    pks = sorted({p.pk for p in people})
    return {p.pk: p for p in Person.objects.select_for_update().filter(pk__in=pks).order_by("pk")}


def person_from_record(record: AgencyRecord, *, by) -> Person:
    """A new person on the index whose details are this record's."""
    return Person.objects.create(
        given_names=record.given_names or record.family_name or "Unknown",
        family_name=record.family_name,
        date_of_birth=record.date_of_birth,
        date_of_birth_estimated=record.date_of_birth_estimated or record.date_of_birth is None,
        sex=record.sex,
        nhs_number=record.nhs_number,
        address=record.address,
        postcode=record.postcode,
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )


def _moved(
    kind, source, target, record_ids, *, by, reason, audited, why, details, review_item=None
) -> MergeEvent:
    """Record records moving between people (a merge or a split), with its audit row."""
    event = MergeEvent.objects.create(
        kind=kind,
        from_person=source,
        to_person=target,
        record_ids=record_ids,
        review_item=review_item,
        reason=reason.strip(),
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    audit_record(
        actor=by,
        verb=Verb.CHANGE,
        obj=audited,
        reason=why,
        details={"event": event.pk, **details, "records": record_ids},
    )
    return event


def merge(
    *,
    from_person: Person,
    to_person: Person,
    by,
    reason: str,
    review_item: ReviewItem | None = None,
) -> MergeEvent:
    """Fold ``from_person`` into ``to_person``: every record of theirs moves; reversible."""
    if from_person.pk == to_person.pk:
        raise ValidationError("A person cannot be merged into themselves.")
    if not reason.strip():
        raise ValidationError("Give the reason for the merge.")
    with transaction.atomic():
        locked = _lock_people(from_person, to_person)
        source, target = locked[from_person.pk], locked[to_person.pk]
        if source.merged_into_id or target.merged_into_id:
            raise ConflictError(
                "One of these people has been merged into someone else since you looked."
            )
        record_ids = list(
            AgencyRecord.objects.filter(person=source).order_by("pk").values_list("pk", flat=True)
        )
        AgencyRecord.objects.filter(pk__in=record_ids).update(person=target)
        source.merged_into = target
        source.save(update_fields=["merged_into"])
        return _moved(
            MergeEvent.Kind.MERGE, source, target, record_ids, by=by, reason=reason,
            review_item=review_item, audited=target,
            why="Merged two people on the person index", details={"merged": source.pk},
        )  # fmt: skip


def split(*, person: Person, records: Iterable[AgencyRecord], by, reason: str) -> MergeEvent:
    """Move some of a person's records to a new person (they were not the same); reversible."""
    if not reason.strip():
        raise ValidationError("Give the reason for the split.")
    with transaction.atomic():
        locked = _lock_people(person)[person.pk]
        if locked.merged_into_id:
            raise ConflictError("This person has been merged into someone else since you looked.")
        chosen = list(
            AgencyRecord.objects.select_for_update()
            .filter(pk__in=[r.pk for r in records], person=locked)
            .order_by("pk")
        )
        remaining = AgencyRecord.objects.filter(person=locked).exclude(
            pk__in=[r.pk for r in chosen]
        )
        if not chosen:
            raise ValidationError("Choose the records that belong to someone else.")
        if not remaining.exists():
            raise ValidationError("Leave at least one record with this person.")
        new_person = person_from_record(chosen[0], by=by)
        record_ids = [r.pk for r in chosen]
        AgencyRecord.objects.filter(pk__in=record_ids).update(person=new_person)
        return _moved(
            MergeEvent.Kind.SPLIT, locked, new_person, record_ids, by=by, reason=reason,
            audited=locked, why="Split a person on the person index",
            details={"new_person": new_person.pk},
        )  # fmt: skip


def undo(*, event: MergeEvent, by) -> MergeEvent:
    """Put back exactly what a merge or split moved, if nothing has moved those records since."""
    with transaction.atomic():
        locked = MergeEvent.objects.select_for_update().get(pk=event.pk)
        if locked.undone_at is not None:
            raise ConflictError("This change has already been undone.")
        people = _lock_people(locked.from_person, locked.to_person)
        source, target = people[locked.from_person_id], people[locked.to_person_id]
        if target.merged_into_id:
            raise ConflictError(
                f"{target} has since been merged into someone else: undo that merge first."
            )
        moved = AgencyRecord.objects.select_for_update().filter(pk__in=locked.record_ids)
        if any(record.person_id != target.pk for record in moved):
            raise ConflictError(
                "Some of these records have moved again since: undo the later change first."
            )
        AgencyRecord.objects.filter(pk__in=locked.record_ids).update(person=source)
        if locked.kind == MergeEvent.Kind.MERGE:
            source.merged_into = None
            source.save(update_fields=["merged_into"])
        else:
            # The person the split made has nothing left: it folds back into the original.
            target.merged_into = source
            target.save(update_fields=["merged_into"])
        locked.undone_at = timezone.now()
        locked.undone_by = by
        locked.save(update_fields=["undone_at", "undone_by"])
        if locked.review_item_id:
            # The accepted match is no longer a decision: it waits for review again.
            ReviewItem.objects.filter(pk=locked.review_item_id).update(
                status=ReviewItem.Status.PENDING, decided_by=None, decided_at=None, reason=""
            )
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=source,
            reason=f"Undid a {locked.kind} on the person index",
            details={"event": locked.pk, "records": locked.record_ids, "other": target.pk},
        )
    return locked


def _other_person(item: ReviewItem) -> Person | None:
    if item.other_record_id:
        person = item.other_record.person
    else:
        person = item.other_person
    return person.current() if person else None


def review_accept(*, item: ReviewItem, by, reason: str = "") -> MergeEvent | None:
    """The same person: merge the record's person into the other side's; kept as must-link."""
    with transaction.atomic():
        locked = ReviewItem.objects.select_for_update().get(pk=item.pk)
        if locked.status != ReviewItem.Status.PENDING:
            raise ConflictError("Someone has already decided this possible match.")
        record = AgencyRecord.objects.select_related("person").get(pk=locked.record_id)
        other = _other_person(locked)
        if other is None:
            raise ValidationError("The other side of this match is no longer on the index.")
        mine = record.person.current() if record.person else None
        if mine is None:
            mine = person_from_record(record, by=by)
            AgencyRecord.objects.filter(pk=record.pk).update(person=mine)
        event = None
        if mine.pk != other.pk:
            event = merge(
                from_person=mine,
                to_person=other,
                by=by,
                reason=reason.strip() or "Accepted a possible match from the review queue",
                review_item=locked,
            )
        locked.status = ReviewItem.Status.ACCEPTED
        locked.decided_by = by
        locked.decided_at = timezone.now()
        locked.reason = reason.strip()
        locked.save(update_fields=["status", "decided_by", "decided_at", "reason"])
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=locked,
            reason="Accepted a possible match: the same person",
            details={"event": event.pk if event else None},
        )
    return event


def review_reject(*, item: ReviewItem, by, reason: str) -> ReviewItem:
    """Different people: kept as cannot-link, so later runs never join them."""
    if not reason.strip():
        raise ValidationError("Say why these are different people.")
    with transaction.atomic():
        locked = ReviewItem.objects.select_for_update().get(pk=item.pk)
        if locked.status != ReviewItem.Status.PENDING:
            raise ConflictError("Someone has already decided this possible match.")
        locked.status = ReviewItem.Status.REJECTED
        locked.decided_by = by
        locked.decided_at = timezone.now()
        locked.reason = reason.strip()
        locked.save(update_fields=["status", "decided_by", "decided_at", "reason"])
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=locked,
            reason="Rejected a possible match: different people",
            details={"why": locked.reason},
        )
    return locked
