"""Every write of the governance app: rules, review decisions, disposal, access requests."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.clock import is_working_day
from frontdoor.core.errors import ConflictError
from frontdoor.core.outbox import outbox_write

from .models import MAX_PERIOD_MONTHS, RecordReview, Redaction, RetentionRule, SubjectAccessRequest
from .registry import RECORD_TYPES, RecordType
from .retention import add_months, due_for

LONGEST_RETENTION_EXTENSION_MONTHS = 10 * 12


# Rules ----------------------------------------------------------------------------------------


def rule_version(record_type: RecordType, agency=None) -> int:
    """The version a rule's form carries: 0 while no such rule is set (promise 18)."""
    rule = RetentionRule.objects.filter(record_type=record_type.key, agency=agency).first()
    return rule.version if rule else 0


def _rule_conflict(record_type: RecordType, agency) -> ConflictError:
    whose = f"{agency}'s own rule" if agency is not None else "the partnership's rule"
    return ConflictError(
        f"Someone else updated {whose} for {record_type.in_sentence} while you were changing "
        "it. Nothing you entered has been saved: read the latest version and try again."
    )


def rule_set(
    *,
    by,
    record_type: RecordType,
    agency=None,
    expected_version: int,
    period_months: int,
    source: str,
) -> RetentionRule:
    """Set the partnership's rule for a type (no ``agency``) or an agency's own, unless someone
    else set it since ``expected_version`` (0: there was no such rule yet)."""
    if not 1 <= period_months <= MAX_PERIOD_MONTHS:
        raise ValidationError("The period must be between 1 month and 100 years")
    if agency is not None and not record_type.agency_field:
        raise ValidationError("This type of record has no agency rule: it is the partnership's")
    with transaction.atomic():
        rule = (
            # Ordered by id alone: the default order joins the agency, and PostgreSQL cannot
            # lock the nullable side of that outer join.
            RetentionRule.objects.select_for_update()
            .filter(record_type=record_type.key, agency=agency)
            .order_by("pk")
            .first()
        )
        if (rule.version if rule else 0) != expected_version:
            raise _rule_conflict(record_type, agency)
        created = rule is None
        if created:
            try:
                # Two first rules at once: the unique constraints refuse the second.
                with transaction.atomic():
                    rule = RetentionRule.objects.create(
                        record_type=record_type.key,
                        agency=agency,
                        period_months=period_months,
                        source=source,
                        updated_at=timezone.now(),
                        updated_by=by,
                    )
            except IntegrityError:
                raise _rule_conflict(record_type, agency) from None
        else:
            rule.period_months = period_months
            rule.source = source
            rule.updated_at = timezone.now()
            rule.updated_by = by
            rule.version += 1
            rule.save(
                update_fields=["period_months", "source", "updated_at", "updated_by", "version"]
            )
        audit_record(
            actor=by,
            verb=Verb.CREATE if created else Verb.CHANGE,
            obj=rule,
            reason="Retention rule set",
            details={"record_type": record_type.key, "months": period_months},
        )
    return rule


def rule_remove(*, by, rule: RetentionRule, expected_version: int) -> None:
    """Remove an agency's own rule, unless someone else changed it since ``expected_version``:
    a removal from an older page must not discard a change it never showed."""
    with transaction.atomic():
        locked = RetentionRule.objects.select_for_update().filter(pk=rule.pk).order_by("pk").first()
        if locked is None or locked.version != expected_version:
            raise ConflictError(
                f"Someone else updated {rule.agency}'s own rule for "
                f"{_label(rule.record_type)} while you were changing it. Nothing has been "
                "removed: read the latest version and try again."
            )
        audit_record(actor=by, verb=Verb.DELETE, obj=locked, reason="Agency retention rule removed")
        locked.delete()


def _label(key: str) -> str:
    found = RECORD_TYPES.get(key)
    return found.in_sentence if found else key


# Reviews --------------------------------------------------------------------------------------


def review_retain(
    *, by, record_type: RecordType, obj, reason: str, next_review_on: date
) -> RecordReview:
    today = timezone.localdate()
    if not reason.strip():
        raise ValidationError("Enter why the record is still needed")
    if next_review_on <= today:
        raise ValidationError("The next review must be after today")
    if next_review_on > add_months(today, LONGEST_RETENTION_EXTENSION_MONTHS):
        raise ValidationError("The next review can be at most 10 years from today")
    with transaction.atomic():
        review = RecordReview.objects.create(
            record_type=record_type.key,
            object_id=str(obj.pk),
            outcome=RecordReview.Outcome.RETAIN,
            reason=reason.strip(),
            next_review_on=next_review_on,
            decided_by=by,
            decided_at=timezone.now(),
        )
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            object_type=record_type.key,
            object_id=str(obj.pk),
            object_repr=record_type.describe(obj),
            reason=f"Retention review: kept until {next_review_on:%d %b %Y}: {reason.strip()}",
            details={"retention_review": review.pk, "next_review_on": next_review_on.isoformat()},
        )
    return review


def review_dispose(*, by, record_type: RecordType, obj, reason: str) -> RecordReview:
    """Delete the record and its parts, all or nothing, and leave the erasure record: the review
    row and an audit event naming the type, the id, when, who and why, never the content."""
    if not reason.strip():
        raise ValidationError("Enter why the record is no longer needed")
    object_id = str(obj.pk)
    with transaction.atomic():
        removed = record_type.dispose(obj)
        review = RecordReview.objects.create(
            record_type=record_type.key,
            object_id=object_id,
            outcome=RecordReview.Outcome.DISPOSE,
            reason=reason.strip(),
            removed=removed,
            decided_by=by,
            decided_at=timezone.now(),
        )
        audit_record(
            actor=by,
            verb=Verb.DELETE,
            object_type=record_type.key,
            object_id=object_id,
            # Deliberately not str(obj): the erasure record keeps no personal data.
            object_repr=f"{record_type.label}: record {object_id} (disposed of)",
            reason=f"Retention review: disposed of: {reason.strip()}",
            details={"erasure": True, "retention_review": review.pk, "removed": removed},
        )
    return review


def reminders_send_due(*, today: date | None = None) -> int:
    """Tell each owner, once a day at most, how many of their records are due for review."""
    from frontdoor.agencies.models import Practitioner

    today = today or timezone.localdate()
    told = 0
    for owner in Practitioner.objects.filter(is_active=True).order_by("pk"):
        due = due_for(owner, today=today)
        if not due:
            continue
        with transaction.atomic():
            outbox_write(
                recipient=owner,
                subject=f"{len(due)} record{'s' if len(due) != 1 else ''} due for retention review",
                body="Records you own have reached the end of their retention period. Decide "
                "for each whether it is still needed (with the reason and the next review date) "
                "or should be disposed of.",
                link="/governance/reviews/",
                dedupe_key=f"retention-due:{owner.pk}:{today.isoformat()}",
            )
        told += 1
    return told


# Subject access requests ----------------------------------------------------------------------


def next_working_day(day: date) -> date:
    while not is_working_day(day):
        day = day.fromordinal(day.toordinal() + 1)
    return day


def sar_due_on(received_on: date, months: int = 1) -> date:
    """ICO: the corresponding calendar date ``months`` later (the month's last day where there
    is none); when that is a weekend or bank holiday, the next working day."""
    return next_working_day(add_months(received_on, months))


def sar_open(
    *, by, person, requester_name: str, requester_is: str, received_on: date
) -> SubjectAccessRequest:
    if received_on > timezone.localdate():
        raise ValidationError("The date received must be today or in the past")
    with transaction.atomic():
        request = SubjectAccessRequest.objects.create(
            person=person,
            requester_name=requester_name.strip(),
            requester_is=requester_is,
            received_on=received_on,
            due_on=sar_due_on(received_on),
            opened_by=by,
            opened_at=timezone.now(),
        )
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=request,
            reason="Subject access request opened",
            details={"person": person.pk, "due_on": request.due_on.isoformat()},
        )
    return request


def _bump(request: SubjectAccessRequest, version: int, **changes) -> None:
    changed = SubjectAccessRequest.objects.filter(pk=request.pk, version=version).update(
        version=version + 1, **changes
    )
    if not changed:
        raise ConflictError("Someone else changed this request: reload it and try again")
    for name, value in changes.items():
        setattr(request, name, value)
    request.version = version + 1


def sar_extend(*, by, request: SubjectAccessRequest, reason: str, version: int) -> None:
    """By up to two further months where the request is complex or one of many (Art 12(3))."""
    if request.status != SubjectAccessRequest.Status.OPEN:
        raise ValidationError("Only an open request can be extended")
    if request.extended_due_on:
        raise ValidationError("This request has already been extended")
    if not reason.strip():
        raise ValidationError("Enter why the request needs more time")
    if timezone.localdate() > request.due_on:
        raise ValidationError("The extension must be decided within the first month")
    with transaction.atomic():
        _bump(
            request,
            version,
            extended_due_on=sar_due_on(request.received_on, 3),
            extension_reason=reason.strip(),
        )
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=request,
            reason=f"Subject access request extended: {reason.strip()}",
            details={"extended_due_on": request.extended_due_on.isoformat()},
        )


def redaction_add(
    *, by, request: SubjectAccessRequest, item_key: str, field: str, passage: str, reason: str
) -> Redaction:
    if request.status != SubjectAccessRequest.Status.OPEN:
        raise ValidationError("The request has been answered: its redactions are fixed")
    with transaction.atomic():
        redaction = Redaction.objects.create(
            request=request,
            item_key=item_key,
            field=field,
            passage=passage.strip(),
            reason=reason.strip(),
            marked_by=by,
            marked_at=timezone.now(),
        )
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=request,
            reason=f"Third-party information marked for redaction: {reason.strip()}",
            details={"item": item_key, "field": field, "redaction": redaction.pk},
        )
    return redaction


def redaction_remove(*, by, redaction: Redaction) -> None:
    request = redaction.request
    if request.status != SubjectAccessRequest.Status.OPEN:
        raise ValidationError("The request has been answered: its redactions are fixed")
    with transaction.atomic():
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=request,
            reason="Redaction removed",
            details={"item": redaction.item_key, "field": redaction.field},
        )
        redaction.delete()


def sar_release(*, by, request: SubjectAccessRequest, bundle, fmt: str, reason: str) -> None:
    """Record that the bundle went to the requester: who, when, what (counts) and to whom."""
    with transaction.atomic():
        if request.status == SubjectAccessRequest.Status.OPEN:
            SubjectAccessRequest.objects.filter(pk=request.pk).update(
                status=SubjectAccessRequest.Status.RELEASED,
                released_at=timezone.now(),
                released_by=by,
                version=request.version + 1,
            )
            request.refresh_from_db()
        audit_record(
            actor=by,
            verb=Verb.DISCLOSE,
            obj=request,
            reason=f"Subject access bundle released ({fmt}): {reason.strip()}",
            recipients=[request.requester_name],
            details={
                "person": request.person_id,
                "format": fmt,
                "items": bundle.item_keys(),
                "redactions": bundle.redaction_count,
                "on_time": request.released_at.date() <= request.deadline
                if request.released_at
                else None,
            },
        )


def sar_close(*, by, request: SubjectAccessRequest, reason: str, version: int) -> None:
    """Closed without release: withdrawn, identity not proven, or manifestly unfounded."""
    if request.status != SubjectAccessRequest.Status.OPEN:
        raise ValidationError("Only an open request can be closed")
    if not reason.strip():
        raise ValidationError("Enter why the request is closed without a release")
    with transaction.atomic():
        _bump(
            request,
            version,
            status=SubjectAccessRequest.Status.CLOSED,
            closed_reason=reason.strip(),
        )
        audit_record(
            actor=by, verb=Verb.CHANGE, obj=request, reason=f"Closed without release: {reason}"
        )
