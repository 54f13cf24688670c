"""Every write to meetings: keyword-only, atomic, audited, version-checked where two people
might edit the same record."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.agencies.roles import HUB_ROLES
from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.errors import ConflictError
from frontdoor.plans.models import Action
from frontdoor.referrals.models import Contact, Rag, Subject

from . import actions as plan_actions
from .models import (
    CONFIDENTIALITY_ALWAYS,
    AgendaItem,
    Attendance,
    InformationShared,
    Meeting,
    MeetingType,
)

MEETING_CONFLICT = (
    "Someone else changed this meeting while you were working on it. Nothing you entered has "
    "been saved: open the meeting again and make your change there."
)
ITEM_CONFLICT = (
    "Someone else changed this case's record while you were working on it. Nothing you entered "
    "has been saved: open the case again to see their change, then make yours."
)
MINUTES_ISSUED = "The minutes of this meeting have been issued: the record can no longer change."
# Without an earlier daily risk meeting, the agenda looks back this far.
DAILY_LOOKBACK = timedelta(hours=24)


def _open_for_recording(meeting: Meeting) -> None:
    if not meeting.is_open_for_recording:
        raise ValidationError(MINUTES_ISSUED)


def _lock_meeting(meeting: Meeting, expected_version: int | None) -> Meeting:
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(MEETING_CONFLICT)
    return locked


# Making meetings ------------------------------------------------------------------------


def meeting_create(
    *,
    by: Practitioner,
    type: str,
    starts_at: datetime,
    chair: Practitioner,
    title: str = "",
    agencies: Iterable[Agency] = (),
    confidentiality_required: bool = False,
) -> Meeting:
    if type not in MeetingType.values:
        raise ValidationError("Select the type of meeting")
    if timezone.is_naive(starts_at):
        raise ValidationError("The meeting needs a time with a time zone")
    invited = {a.pk: a for a in agencies}
    if chair.agency_id and chair.agency_id not in invited:
        invited[chair.agency_id] = chair.agency
    with transaction.atomic():
        meeting = Meeting.objects.create(
            type=type,
            title=title.strip()[:200],
            starts_at=starts_at,
            chair=chair,
            created_by=by,
            confidentiality_required=confidentiality_required or type in CONFIDENTIALITY_ALWAYS,
        )
        Attendance.objects.bulk_create(
            [Attendance(meeting=meeting, agency=agency) for agency in invited.values()]
        )
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=meeting,
            reason="Arranged a multi-agency meeting",
            recipients=sorted(str(a) for a in invited.values()),
        )
    return meeting


def daily_risk_since(now: datetime) -> datetime:
    """The agenda covers contacts since the previous daily risk meeting, else the last 24 hours."""
    previous = (
        Meeting.objects.filter(type=MeetingType.DAILY_RISK, starts_at__lt=now)
        .order_by("-starts_at")
        .values_list("starts_at", flat=True)
        .first()
    )
    return previous or now - DAILY_LOOKBACK


def daily_risk_candidates(*, since: datetime, until: datetime):
    """Contacts for the daily risk meeting: sent to the front door, rated amber or red, a crime
    alleged, sent or rated since ``since``, and not yet on a daily risk meeting's agenda.
    Red first, then in the order they came in."""
    return (
        Contact.objects.exclude(status=Contact.Status.DRAFT)
        .filter(rag__in=[Rag.RED, Rag.AMBER], crime_alleged=True)
        .filter(
            Q(submitted_at__gte=since, submitted_at__lte=until)
            | Q(rated_at__gte=since, rated_at__lte=until)
        )
        .exclude(agenda_items__meeting__type=MeetingType.DAILY_RISK)
        .annotate(
            red_first=Case(When(rag=Rag.RED, then=Value(0)), default=1, output_field=IntegerField())
        )
        .order_by("red_first", "submitted_at", "pk")
    )


def hub_agencies():
    """The agencies that staff the front door: they are invited to the daily risk meeting."""
    return Agency.objects.filter(is_active=True, practitioners__role__in=HUB_ROLES).distinct()


def todays_daily_risk_meeting(now: datetime | None = None) -> Meeting | None:
    today = timezone.localtime(now or timezone.now()).date()
    return (
        Meeting.objects.filter(type=MeetingType.DAILY_RISK, starts_at__date=today)
        .order_by("starts_at")
        .first()
    )


def daily_risk_meeting_create(*, by: Practitioner) -> tuple[Meeting, bool]:
    """Today's daily risk meeting, its agenda filled from the contacts since the last one.
    If today's already exists, it is returned unchanged (``created`` is False)."""
    now = timezone.now()
    with transaction.atomic():
        existing = todays_daily_risk_meeting(now)
        if existing is not None:
            return existing, False
        since = daily_risk_since(now)
        meeting = meeting_create(
            by=by,
            type=MeetingType.DAILY_RISK,
            starts_at=now,
            chair=by,
            title=f"Daily risk meeting, {timezone.localtime(now):%A %d %B %Y}",
            agencies=hub_agencies(),
        )
        contacts = list(daily_risk_candidates(since=since, until=now))
        for order, contact in enumerate(contacts, start=1):
            AgendaItem.objects.create(
                meeting=meeting,
                contact=contact,
                person=_first_person(contact),
                order=order,
                children_involved=_has_children(contact),
            )
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=meeting,
            reason="Filled the daily risk meeting's agenda from the front door",
            details={
                "since": since.isoformat(),
                "contacts": [c.reference for c in contacts],
            },
        )
    return meeting, True


def _has_children(contact: Contact) -> bool:
    return contact.subjects.filter(role=Subject.Role.CHILD_AT_RISK).exists()


def _first_person(contact: Contact):
    subject = contact.subjects.filter(person__isnull=False).select_related("person").first()
    return subject.person if subject else None


# The agenda -----------------------------------------------------------------------------


def hearing_order(items: Iterable[AgendaItem], meeting_type: str) -> list[AgendaItem]:
    """The order cases are heard in. At MARAC cases with children are heard first."""
    items = list(items)
    if meeting_type == MeetingType.MARAC:
        return sorted(items, key=lambda i: (not i.children_involved, i.order, i.pk))
    return sorted(items, key=lambda i: (i.order, i.pk))


def item_add(
    *,
    meeting: Meeting,
    by: Practitioner,
    contact: Contact | None = None,
    title: str = "",
    children_involved: bool = False,
    person=None,
) -> AgendaItem:
    title = title.strip()
    if contact is None and not title:
        raise ValidationError("Enter the front door reference of the case, or describe the case")
    with transaction.atomic():
        locked = _lock_meeting(meeting, None)
        _open_for_recording(locked)
        if contact is not None and locked.items.filter(contact=contact).exists():
            raise ValidationError(f"{contact.reference} is already on this meeting's agenda")
        last = locked.items.order_by("-order").values_list("order", flat=True).first() or 0
        item = AgendaItem.objects.create(
            meeting=locked,
            contact=contact,
            person=_first_person(contact) if contact else person,
            title=title[:200],
            order=last + 1,
            children_involved=children_involved or (bool(contact) and _has_children(contact)),
        )
        if locked.type == MeetingType.MARAC:
            for order, each in enumerate(hearing_order(locked.items.all(), locked.type), 1):
                if each.order != order:
                    AgendaItem.objects.filter(pk=each.pk).update(order=order)
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=item,
            reason=f"Put a case on the agenda of {locked}",
            details={"contact": contact.reference if contact else None},
        )
    return item


def information_add(
    *, item: AgendaItem, by: Practitioner, agency: Agency, facts: str, opinion: str, withheld: str
) -> InformationShared:
    if not facts.strip():
        raise ValidationError("Enter the facts the agency shared")
    with transaction.atomic():
        _open_for_recording(_lock_meeting(item.meeting, None))
        shared = InformationShared.objects.create(
            item=item,
            agency=agency,
            facts=facts.strip(),
            opinion=opinion.strip(),
            withheld=withheld.strip(),
            recorded_by=by,
            recorded_at=timezone.now(),
        )
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=shared,
            object_repr=f"Information from {agency} on {item}",
            reason=f"Recorded what {agency} shared at {item.meeting}",
            recipients=[str(a.agency) for a in item.meeting.attendance.select_related("agency")],
        )
    return shared


def item_record(
    *, item: AgendaItem, by: Practitioner, expected_version: int, decisions: str, heard: bool
) -> AgendaItem:
    with transaction.atomic():
        _open_for_recording(_lock_meeting(item.meeting, None))
        locked = AgendaItem.objects.select_for_update().get(pk=item.pk)
        if locked.version != expected_version:
            raise ConflictError(ITEM_CONFLICT)
        before = locked.decisions
        locked.decisions = decisions.strip()
        if heard and locked.heard_at is None:
            locked.heard_at = timezone.now()
        if not heard:
            locked.heard_at = None
        locked.version += 1
        locked.save(update_fields=["decisions", "heard_at", "version"])
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=locked,
            reason=f"Recorded the decisions on a case at {locked.meeting}",
            details={"decisions_changed": before != locked.decisions, "heard": heard},
        )
    return locked


def action_record(
    *,
    item: AgendaItem,
    by: Practitioner,
    what: str,
    type: str,
    owner_agency: Agency,
    owner: Practitioner | None,
    due_on: date,
) -> Action:
    if not what.strip():
        raise ValidationError("Enter what is to be done")
    if type not in Action.Type.values:
        raise ValidationError("Select the type of action")
    if owner is not None and owner.agency_id != owner_agency.pk:
        raise ValidationError(f"{owner} does not work for {owner_agency}")
    if due_on < timezone.localdate():
        raise ValidationError("The due date must be today or in the future")
    with transaction.atomic():
        _open_for_recording(_lock_meeting(item.meeting, None))
        return plan_actions.action_record(
            by=by,
            item=item,
            what=what.strip(),
            type=type,
            owner_agency=owner_agency,
            owner=owner,
            due_on=due_on,
        )


# Attendance and the meeting's status ----------------------------------------------------


@dataclass(frozen=True)
class AttendanceChange:
    attendance_id: int
    present: bool
    attendee_name: str
    acknowledged: bool


def attendance_update(
    *,
    meeting: Meeting,
    by: Practitioner,
    expected_version: int,
    changes: Iterable[AttendanceChange],
    invite: Iterable[Agency] = (),
) -> Meeting:
    changes = list(changes)
    with transaction.atomic():
        locked = _lock_meeting(meeting, expected_version)
        _open_for_recording(locked)
        rows = {a.pk: a for a in locked.attendance.select_for_update()}
        now = timezone.now()
        problems = []
        for change in changes:
            row = rows.get(change.attendance_id)
            if row is None:
                continue  # not this meeting's: ignored, never created (no mass assignment)
            if change.present and locked.confidentiality_required and not change.acknowledged:
                problems.append(
                    f"{row.agency}: the attendee must acknowledge the confidentiality statement "
                    "before they are recorded as present"
                )
                continue
            row.present = change.present
            row.attendee_name = change.attendee_name.strip()[:200]
            if change.acknowledged and row.confidentiality_acknowledged_at is None:
                row.confidentiality_acknowledged_at = now
            if not change.acknowledged:
                row.confidentiality_acknowledged_at = None
            row.save(update_fields=["present", "attendee_name", "confidentiality_acknowledged_at"])
        if problems:
            raise ValidationError(problems)
        invited = [a for a in invite if a.pk not in {r.agency_id for r in rows.values()}]
        Attendance.objects.bulk_create([Attendance(meeting=locked, agency=a) for a in invited])
        locked.version += 1
        locked.save(update_fields=["version"])
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=locked,
            reason="Recorded who was invited to and took part in a meeting",
            details={
                "present": sorted(str(rows[c.attendance_id].agency) for c in changes if c.present),
                "invited": sorted(str(a) for a in invited),
            },
        )
    return locked


def meeting_mark_held(*, meeting: Meeting, by: Practitioner, expected_version: int) -> Meeting:
    with transaction.atomic():
        locked = _lock_meeting(meeting, expected_version)
        if locked.status != Meeting.Status.PLANNED:
            raise ValidationError("This meeting has already been recorded as held")
        locked.status = Meeting.Status.HELD
        locked.version += 1
        locked.save(update_fields=["status", "version"])
        audit_record(actor=by, verb=Verb.CHANGE, obj=locked, reason="Recorded a meeting as held")
    return locked


def minutes_issue(*, meeting: Meeting, by: Practitioner, expected_version: int) -> Meeting:
    """Issue the minutes to the agencies invited: the record is final from now on (the actions
    go on being tracked in their plans, and the minutes show where each one stands)."""
    with transaction.atomic():
        locked = _lock_meeting(meeting, expected_version)
        _open_for_recording(locked)
        if not locked.items.exists():
            raise ValidationError("Put at least one case on the agenda before issuing minutes")
        if not locked.attendance.filter(present=True).exists():
            raise ValidationError("Record who took part before issuing the minutes")
        locked.status = Meeting.Status.MINUTES_ISSUED
        locked.minutes_issued_at = timezone.now()
        locked.minutes_issued_by = by
        locked.version += 1
        locked.save(update_fields=["status", "minutes_issued_at", "minutes_issued_by", "version"])
        audit_record(
            actor=by,
            verb=Verb.DISCLOSE,
            obj=locked,
            reason="Issued the minutes of a meeting",
            recipients=[str(a.agency) for a in locked.attendance.select_related("agency")],
        )
    return locked


# Reading the minutes --------------------------------------------------------------------

MINUTES_GROUPS = (
    ("done", "Done", (Action.Status.DONE,)),
    ("could_not", "Could not be done", (Action.Status.COULD_NOT,)),
    ("not_done", "Not done", (Action.Status.NOT_DONE,)),
    ("open", "Still open", tuple(Action.OPEN_STATUSES)),
)


def actions_by_outcome(meeting: Meeting) -> list[tuple[str, str, list[Action]]]:
    """The meeting's actions grouped as MARAC minutes need them: done, could not be done,
    not done, and still open, each in due-date order."""
    found = list(
        Action.objects.filter(agenda_items__meeting=meeting)
        .select_related("owner_agency", "owner")
        .prefetch_related("agenda_items")
        .distinct()
        .order_by("due_on", "pk")
    )
    return [
        (key, label, [a for a in found if a.status in statuses])
        for key, label, statuses in MINUTES_GROUPS
    ]
