"""Who is on duty now, who to contact about a case or an action, and handing a case over.

Public helpers (also for the plans app's actions):

- ``on_duty_now(agency, at=None) -> DutyCover``: who covers the agency at that moment.
- ``who_to_contact(agency, owner=None, *, at=None, viewer=None) -> ContactAdvice``: the owner
  if they are working and not away, otherwise who covers now, with the reason.
- ``who_to_contact_for_contact(contact, *, at=None, viewer=None)``: the same for a contact.
- ``contact_hand_over(...)``: hand a contact to a colleague on duty, recorded.

Every moment is compared in UTC; office hours are read in the partnership's local time
(Europe/London), so the clock change moves them with the wall clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.clock import _bank_holidays
from frontdoor.core.errors import ConflictError
from frontdoor.core.outbox import outbox_write

from .models import Agency, Practitioner, Team
from .models_duty import MAX_SHIFT, Absence, DutyArrangement, Shift
from .roles import HUB_ROLES, Role

# A practitioner with a shift within this window of a moment works to the rota: outside
# their shifts they are off, whatever the office hours.
ROTA_WINDOW = timedelta(days=7)


def _now(at: datetime | None) -> datetime:
    at = at or timezone.now()
    if timezone.is_naive(at):
        raise ValueError("duty checks need timezone-aware datetimes")
    return at


def _local(at: datetime) -> datetime:
    return timezone.localtime(at, timezone.get_default_timezone())


def arrangement_for(agency: Agency) -> DutyArrangement:
    """The agency's arrangement, or the default (9 to 5 on working days) if none is saved."""
    try:
        return agency.duty_arrangement
    except DutyArrangement.DoesNotExist:
        return DutyArrangement(agency=agency)


def is_office_hours(agency: Agency, at: datetime | None = None) -> bool:
    arrangement = arrangement_for(agency)
    local = _local(_now(at))
    day = local.date()
    if day.weekday() >= 5 and not arrangement.open_at_weekends:
        return False
    if not arrangement.open_on_bank_holidays and _is_bank_holiday(day):
        return False
    return arrangement.office_opens <= local.time() < arrangement.office_closes


def _is_bank_holiday(day: date) -> bool:
    from django.conf import settings

    return day in _bank_holidays(day.year, settings.FRONTDOOR_BANK_HOLIDAY_NATION)


def absence_at(practitioner: Practitioner, at: datetime | None = None) -> Absence | None:
    at = _now(at)
    return (
        Absence.objects.filter(practitioner=practitioner, starts_at__lte=at, ends_at__gt=at)
        .order_by("-ends_at")
        .first()
    )


def works_to_rota(practitioner: Practitioner, at: datetime | None = None) -> bool:
    at = _now(at)
    return Shift.objects.filter(
        practitioner=practitioner,
        starts_at__lt=at + ROTA_WINDOW,
        ends_at__gt=at - ROTA_WINDOW,
    ).exists()


def is_working(practitioner: Practitioner, at: datetime | None = None) -> bool:
    """Active, not away, and on shift (if they work to a rota) or in office hours."""
    return practitioner in working_among([practitioner], at)


def working_among(practitioners, at: datetime | None = None) -> list[Practitioner]:
    """Those of ``practitioners`` working at ``at``, in a fixed number of queries."""
    at = _now(at)
    people = [p for p in practitioners if p.is_active and p.agency_id is not None]
    ids = [p.pk for p in people]
    if not ids:
        return []
    away = set(
        Absence.objects.filter(practitioner__in=ids, starts_at__lte=at, ends_at__gt=at).values_list(
            "practitioner_id", flat=True
        )
    )
    nearby = Shift.objects.filter(
        practitioner__in=ids, starts_at__lt=at + ROTA_WINDOW, ends_at__gt=at - ROTA_WINDOW
    ).values_list("practitioner_id", "starts_at", "ends_at")
    rota, on = set(), set()
    for practitioner_id, starts_at, ends_at in nearby:
        rota.add(practitioner_id)
        if starts_at <= at < ends_at:
            on.add(practitioner_id)
    office: dict[int, bool] = {}
    working = []
    for person in people:
        if person.pk in away:
            continue
        if person.pk in on:
            working.append(person)
            continue
        if person.pk in rota:
            continue
        if person.agency_id not in office:
            office[person.agency_id] = is_office_hours(person.agency, at)
        if office[person.agency_id]:
            working.append(person)
    return working


@dataclass
class DutyCover:
    """Who covers an agency at one moment and how to reach them."""

    agency: Agency
    at: datetime
    kind: str  # "rota", "office_hours" or "out_of_hours"
    practitioners: list[Practitioner] = field(default_factory=list)
    contact: str = ""
    phone: str = ""

    @property
    def description(self) -> str:
        if self.kind == "rota":
            return "On shift now"
        if self.kind == "office_hours":
            return "Office hours"
        return "Out of hours"

    @property
    def summary(self) -> str:
        if self.practitioners:
            names = ", ".join(_name_and_phone(p) for p in self.practitioners)
            return f"{names} ({self.agency.name})"
        parts = [self.contact or self.agency.name, self.phone]
        return ", ".join(p for p in parts if p)


def _name_and_phone(practitioner: Practitioner) -> str:
    return f"{practitioner}, {practitioner.phone}" if practitioner.phone else str(practitioner)


def on_shift(agency: Agency, at: datetime | None = None) -> list[Practitioner]:
    """Practitioners rota'd on at ``at`` and not away, in shift order."""
    at = _now(at)
    shifts = (
        Shift.objects.filter(agency=agency, starts_at__lte=at, ends_at__gt=at)
        .filter(practitioner__is_active=True, practitioner__agency=agency)
        .select_related("practitioner")
        .order_by("starts_at", "practitioner__last_name")
    )
    away = set(
        Absence.objects.filter(
            practitioner__in=[s.practitioner_id for s in shifts], starts_at__lte=at, ends_at__gt=at
        ).values_list("practitioner_id", flat=True)
    )
    seen, people = set(), []
    for shift in shifts:
        if shift.practitioner_id not in away and shift.practitioner_id not in seen:
            seen.add(shift.practitioner_id)
            people.append(shift.practitioner)
    return people


def on_duty_now(agency: Agency, at: datetime | None = None) -> DutyCover:
    """Rota'd practitioners on shift; else in office hours the duty contact and team; else the
    profile's out-of-hours contact."""
    at = _now(at)
    people = on_shift(agency, at)
    if people:
        return DutyCover(agency=agency, at=at, kind="rota", practitioners=people)
    arrangement = arrangement_for(agency)
    if is_office_hours(agency, at):
        team_members = []
        if arrangement.duty_team_id:
            team_members = working_among(
                arrangement.duty_team.members.filter(is_active=True, agency=agency), at
            )
        return DutyCover(
            agency=agency,
            at=at,
            kind="office_hours",
            practitioners=team_members,
            contact=arrangement.duty_contact or agency.name,
            phone=arrangement.duty_phone or agency.contact_phone,
        )
    return DutyCover(
        agency=agency,
        at=at,
        kind="out_of_hours",
        contact=agency.out_of_hours_contact or "No out-of-hours contact is recorded",
    )


@dataclass
class ContactAdvice:
    """Whom to contact now about a case or action, and why."""

    owner: Practitioner | None
    owner_available: bool
    reason: str
    cover: DutyCover | None
    # For a contact no one has taken yet: the hub practitioners working now.
    hub: list[Practitioner] = field(default_factory=list)

    @property
    def summary(self) -> str:
        if self.owner_available:
            return _name_and_phone(self.owner)
        if self.cover:
            return f"{self.reason} On duty now: {self.cover.summary}."
        return self.reason


def may_see_absence_reason(viewer, absentee: Practitioner) -> bool:
    from frontdoor.core.policy import may

    from .access_duty import SEE_ABSENCE_REASON

    return viewer is not None and may(viewer, SEE_ABSENCE_REASON, absentee)


def _until(moment: datetime, at: datetime) -> str:
    local, now = _local(moment), _local(at)
    if local.date() == now.date():
        return f"until {local:%H:%M} today"
    if local.date() - now.date() < timedelta(days=7):
        return f"until {local:%A %H:%M}"
    return f"until {local:%-d %B %Y}"


def why_unavailable(owner: Practitioner, at: datetime, viewer=None) -> str:
    absence = absence_at(owner, at)
    if absence:
        what = (
            absence.get_reason_display().lower()
            if may_see_absence_reason(viewer, owner)
            else "away"
        )
        return f"{owner} is {what} {_until(absence.ends_at, at)}."
    if not owner.is_active:
        return f"{owner} no longer has an active account."
    if works_to_rota(owner, at):
        next_shift = (
            Shift.objects.filter(practitioner=owner, starts_at__gt=at).order_by("starts_at").first()
        )
        if next_shift:
            return f"{owner} is off shift {_until(next_shift.starts_at, at)}."
        return f"{owner} is off shift."
    return f"{owner} is out of office hours."


def who_to_contact(
    agency: Agency | None,
    owner: Practitioner | None = None,
    *,
    at: datetime | None = None,
    viewer=None,
) -> ContactAdvice:
    """The owner if they are working now; otherwise who covers their agency, with the reason.

    ``viewer`` (the signed-in practitioner) decides whether the reason for an absence is shown.
    """
    at = _now(at)
    agency = agency or (owner.agency if owner else None)
    if owner is not None and is_working(owner, at):
        return ContactAdvice(owner=owner, owner_available=True, reason="", cover=None)
    cover = on_duty_now(agency, at) if agency else None
    if owner is None:
        reason = "No one owns this yet."
    else:
        reason = why_unavailable(owner, at, viewer)
    return ContactAdvice(owner=owner, owner_available=False, reason=reason, cover=cover)


def hub_on_duty(at: datetime | None = None) -> list[Practitioner]:
    """Hub practitioners and managers working now, across the agencies in the hub."""
    at = _now(at)
    people = Practitioner.objects.filter(
        is_active=True, role__in=HUB_ROLES, agency__isnull=False
    ).select_related("agency", "agency__duty_arrangement")
    return working_among(people, at)


def who_to_contact_for_contact(
    contact, *, at: datetime | None = None, viewer=None
) -> ContactAdvice:
    """For a contact: its assigned owner; unassigned, the hub practitioners working now."""
    at = _now(at)
    owner = contact.assigned_to
    if owner is not None:
        return who_to_contact(owner.agency, owner, at=at, viewer=viewer)
    return ContactAdvice(
        owner=None,
        owner_available=False,
        reason="No one in the hub has taken this contact yet.",
        cover=None,
        hub=hub_on_duty(at),
    )


# Rota and absences: writes --------------------------------------------------------------


def shift_add(
    *,
    agency: Agency,
    by,
    practitioner: Practitioner,
    starts_at: datetime,
    ends_at: datetime,
    label: str = "",
    team: Team | None = None,
) -> Shift:
    shift = Shift(
        agency=agency,
        team=team or practitioner.team,
        practitioner=practitioner,
        starts_at=starts_at,
        ends_at=ends_at,
        label=label,
        created_by=by if getattr(by, "pk", None) else None,
    )
    shift.full_clean()
    with transaction.atomic():
        shift.save()
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=shift,
            reason="Added a shift to the rota",
            details={"practitioner": practitioner.username},
        )
    return shift


def shift_remove(*, shift: Shift, by) -> None:
    with transaction.atomic():
        audit_record(
            actor=by,
            verb=Verb.DELETE,
            obj=shift,
            reason="Removed a shift from the rota",
            details={"practitioner": shift.practitioner.username},
        )
        shift.delete()


def rota_generate_weekly(
    *,
    agency: Agency,
    by,
    practitioner: Practitioner,
    first_day: date,
    weeks: int,
    weekdays: list[int],
    start: str,
    hours: float,
    label: str = "",
) -> list[Shift]:
    """A simple weekly pattern: on each of ``weekdays`` for ``weeks`` weeks, a shift starting at
    local time ``start`` (HH:MM) lasting ``hours``. Night shifts cross midnight and the clock
    change keeps the wall-clock start."""
    from datetime import time as dtime

    if not 0 < hours <= MAX_SHIFT.total_seconds() / 3600:
        raise ValidationError("A shift must last more than 0 and at most 24 hours")
    zone = timezone.get_default_timezone()
    made = []
    with transaction.atomic():
        for offset in range(weeks * 7):
            day = first_day + timedelta(days=offset)
            if day.weekday() not in weekdays:
                continue
            starts = datetime.combine(day, dtime.fromisoformat(start), zone)
            ends = (starts.astimezone(UTC) + timedelta(hours=hours)).astimezone(zone)
            made.append(
                shift_add(
                    agency=agency,
                    by=by,
                    practitioner=practitioner,
                    starts_at=starts,
                    ends_at=ends,
                    label=label,
                )
            )
    return made


def absence_record(
    *, practitioner: Practitioner, by, starts_at: datetime, ends_at: datetime, reason: str
) -> Absence:
    if reason not in Absence.Reason.values:
        raise ValidationError("Choose why they are away")
    if ends_at <= starts_at:
        raise ValidationError("The absence must end after it starts")
    with transaction.atomic():
        absence = Absence.objects.create(
            practitioner=practitioner,
            starts_at=starts_at,
            ends_at=ends_at,
            reason=reason,
            recorded_by=by if getattr(by, "pk", None) else None,
        )
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=absence,
            reason="Recorded an absence",
            details={"practitioner": practitioner.username, "absence_reason": reason},
        )
    return absence


def arrangement_update(
    *, agency: Agency, by, expected_version: int, changes: dict
) -> DutyArrangement:
    with transaction.atomic():
        arrangement, _ = DutyArrangement.objects.select_for_update().get_or_create(agency=agency)
        if arrangement.version != expected_version:
            raise ConflictError(
                "Someone else changed these arrangements while you were editing them. Nothing "
                "you entered has been saved: read the latest version and try again."
            )
        for name, value in changes.items():
            setattr(arrangement, name, value)
        arrangement.updated_at, arrangement.updated_by = timezone.now(), by
        arrangement.version += 1
        arrangement.full_clean()
        arrangement.save()
        audit_record(
            actor=by, verb=Verb.CHANGE, obj=arrangement, reason="Changed the duty arrangements"
        )
    return arrangement


# Handover ---------------------------------------------------------------------------------


def handover_candidates(agency: Agency, at: datetime | None = None, *, exclude=None) -> list:
    """Hub colleagues at ``agency`` who are active, not away, and on the rota or in office
    hours: the people a contact can be handed to."""
    at = _now(at)
    people = Practitioner.objects.filter(
        agency=agency, is_active=True, role__in=HUB_ROLES
    ).order_by("last_name", "first_name")
    if exclude is not None:
        people = people.exclude(pk=exclude.pk)
    return working_among(people.select_related("agency", "agency__duty_arrangement"), at)


def handover_agency(contact, by) -> Agency | None:
    owner = contact.assigned_to
    return owner.agency if owner is not None else by.agency


def contact_hand_over(*, contact, by, to: Practitioner, note: str, expected_version: int):
    """Hand a contact to a colleague on duty: version-checked, on the timeline, in the audit
    trail, and the new owner is told."""
    from frontdoor.referrals.models import Contact
    from frontdoor.referrals.services import timeline_add

    note = note.strip()
    if not note:
        raise ValidationError("Write a handover note: what the colleague needs to know")
    with transaction.atomic():
        locked = (
            Contact.objects.select_for_update(of=("self",))
            .select_related("assigned_to")
            .get(pk=contact.pk)
        )
        if locked.version != expected_version:
            raise ConflictError(
                "Someone else updated this contact while you were handing it over. Nothing has "
                "been saved: read the latest version and try again."
            )
        if locked.status in (Contact.Status.DRAFT, Contact.Status.DECIDED):
            raise ValidationError("Only an open contact can be handed over")
        previous = locked.assigned_to
        agency = handover_agency(locked, by)
        if to.agency_id is None or agency is None or to.agency_id != agency.pk:
            raise ValidationError(f"Hand over to a colleague at {agency}")
        if not to.is_active:
            raise ValidationError(f"{to} no longer has an active account")
        if previous is not None and to.pk == previous.pk:
            raise ValidationError(f"{to} already owns this contact")
        if to.role not in HUB_ROLES:
            raise ValidationError(f"{to} does not work in the hub and cannot take a contact")
        if not is_working(to, timezone.now()):
            raise ValidationError(f"{to} is not on duty now: choose a colleague who is")
        locked.assigned_to = to
        locked.version += 1
        locked.save(update_fields=["assigned_to", "version"])
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=locked,
            reason="Handed a contact over to cover",
            details={
                "from": previous.username if previous else "",
                "to": to.username,
            },
        )
        timeline_add(
            contact=locked,
            by=by,
            summary=f"Handed over from {previous or 'no one'} to {to}",
            detail=note,
        )
        outbox_write(
            recipient=to,
            subject=f"Contact {locked.reference} has been handed over to you",
            body=f"{by} handed contact {locked.reference} over to you.\n\nHandover note:\n{note}",
            dedupe_key=f"contact-{locked.pk}-handover-v{locked.version}",
            link=reverse("hub:contact", args=[locked.pk]),
        )
    return locked


def open_contacts_of(practitioner: Practitioner, visible):
    """Of the contacts ``visible`` to the viewer, those still open and owned by ``practitioner``."""
    from frontdoor.referrals.models import Contact

    return (
        visible.filter(assigned_to=practitioner)
        .exclude(status__in=[Contact.Status.DRAFT, Contact.Status.DECIDED])
        .order_by("decision_due_at")
    )


def absent_now(agency: Agency, at: datetime | None = None) -> list[tuple[Practitioner, Absence]]:
    at = _now(at)
    absences = (
        Absence.objects.filter(practitioner__agency=agency, starts_at__lte=at, ends_at__gt=at)
        .select_related("practitioner")
        .order_by("practitioner__last_name")
    )
    seen, result = set(), []
    for absence in absences:
        if absence.practitioner_id not in seen:
            seen.add(absence.practitioner_id)
            result.append((absence.practitioner, absence))
    return result


def is_manager_of(viewer, practitioner: Practitioner) -> bool:
    if viewer.role == Role.ADMINISTRATOR:
        return True
    return viewer.role == Role.HUB_MANAGER and viewer.agency_id == practitioner.agency_id
