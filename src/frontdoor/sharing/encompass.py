"""Operation Encompass: record a notification, send it at once, track it to the school day.

The notification is due at the start of the next school day after the incident: the first
school day's start (``FRONTDOOR_SCHOOL_DAY_STARTS``, 08:30 by default, local time) strictly
after the moment of the incident. School days are Monday to Friday, less bank holidays (the
``holidays`` package, as in core.clock) and the configured school holidays (``SchoolHoliday``:
for every school, or for one school's INSET days). An incident at 07:00 on a school day is
due at 08:30 that day; one at 08:30 or later is due at the next school day's start.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.models import Agency
from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.clock import _bank_holidays
from frontdoor.core.errors import ConflictError
from frontdoor.core.outbox import outbox_write

from .access_encompass import designated_leads, is_police
from .models_encompass import EncompassNotification, SchoolHoliday

YOUNGEST, OLDEST = 4, 17  # reception to year 13
SCHOOL_DAYS = (0, 1, 2, 3, 4)
MAX_TEXT = 5000
INCIDENT_FIELDS = ("police_reference", "occurred_at", "location", "circumstances")


# The school day ------------------------------------------------------------------------


def _holidays_between(first: date, last: date, school: Agency | None) -> set[date]:
    closures = SchoolHoliday.objects.filter(first_day__lte=last, last_day__gte=first)
    closures = closures.filter(Q(school__isnull=True) | Q(school=school))
    days = set()
    for holiday in closures:
        day = max(holiday.first_day, first)
        while day <= min(holiday.last_day, last):
            days.add(day)
            day += timedelta(days=1)
    return days


def is_school_day(day: date, school: Agency | None = None, closed: set[date] | None = None) -> bool:
    if day.weekday() not in SCHOOL_DAYS:
        return False
    if day in _bank_holidays(day.year, settings.FRONTDOOR_BANK_HOLIDAY_NATION):
        return False
    if closed is None:
        closed = _holidays_between(day, day, school)
    return day not in closed


def school_day_start(day: date) -> datetime:
    starts = time.fromisoformat(settings.FRONTDOOR_SCHOOL_DAY_STARTS)
    return datetime.combine(day, starts, timezone.get_default_timezone())


def next_school_day_start(moment: datetime, school: Agency | None = None) -> datetime:
    """The start of the first school day that begins after ``moment``."""
    if timezone.is_naive(moment):
        raise ValueError("clocks need timezone-aware datetimes")
    day = timezone.localtime(moment, timezone.get_default_timezone()).date()
    closed = _holidays_between(day, day + timedelta(days=400), school)
    for _ in range(400):  # a school year and more: a safety bound
        if is_school_day(day, school, closed) and school_day_start(day) > moment:
            return school_day_start(day)
        day += timedelta(days=1)
    raise ValueError("no school day within 400 days: check the school holidays")


# Checks ---------------------------------------------------------------------------------


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def age_problem(born: date, on: date) -> str:
    """Why the child cannot be notified about, or '' if they are of school age (4 to 17)."""
    if born > on:
        return "The date of birth must be before the incident"
    age = age_on(born, on)
    if age < YOUNGEST or age > OLDEST:
        return (
            f"Operation Encompass notifications are for children of school age, reception to "
            f"year 13 (4 to 17 years old). This child was {age} on the day of the incident: "
            f"do not send a notification; share through the front door instead"
        )
    return ""


def occurred_problem(occurred_at: datetime, now: datetime) -> str:
    if occurred_at > now:
        return "The time of the incident must be now or in the past"
    return ""


def _clean(data: dict, now: datetime) -> dict:
    problems = []
    text = {
        "police_reference": ("the police reference", 50),
        "location": ("where it happened", 300),
        "child_given_names": ("the child's given names", 100),
        "child_family_name": ("the child's family name", 100),
        "circumstances": ("the circumstances", MAX_TEXT),
        "voice_of_child": ("what the child said", MAX_TEXT),
    }
    cleaned = dict(data)
    for name, (label, limit) in text.items():
        value = str(data.get(name) or "").strip()
        if not value and name != "voice_of_child":
            problems.append(f"Enter {label}")
        if len(value) > limit:
            problems.append(f"{label[0].upper()}{label[1:]} must be {limit:,} characters or fewer")
        cleaned[name] = value
    school = data.get("school")
    if not isinstance(school, Agency) or school.sector != Agency.Sector.EDUCATION:
        problems.append("Choose the child's school")
    elif not school.is_active:
        problems.append("Choose a school in the partnership")
    occurred_at, born = data.get("occurred_at"), data.get("child_date_of_birth")
    if not isinstance(occurred_at, datetime) or timezone.is_naive(occurred_at):
        problems.append("Enter when the incident happened")
    else:
        problems.append(occurred_problem(occurred_at, now))
        if not isinstance(born, date):
            problems.append("Enter the child's date of birth")
        else:
            problems.append(age_problem(born, timezone.localtime(occurred_at).date()))
    if not (data.get("child_present") or data.get("child_lives_in_household")):
        problems.append(
            "Say whether the child was present or lives in the household: a notification is "
            "for a child who was at the incident or lives where it happened"
        )
    problems = [p for p in problems if p]
    if problems:
        raise ValidationError(problems)
    cleaned["child_present"] = bool(data.get("child_present"))
    cleaned["child_lives_in_household"] = bool(data.get("child_lives_in_household"))
    return cleaned


# Sending and acknowledging -------------------------------------------------------------


def notification_record(*, by, data: dict) -> EncompassNotification:
    """Record the notification and send it to the school's DSLs at once, all or nothing."""
    if not is_police(by):
        raise ValidationError("Only police practitioners send Operation Encompass notifications")
    now = timezone.now()
    cleaned = _clean(data, now)
    school = cleaned["school"]
    with transaction.atomic():
        notification = EncompassNotification.objects.create(
            police_agency=by.agency,
            recorded_by=by,
            sent_at=now,
            due_at=next_school_day_start(cleaned["occurred_at"], school),
            police_reference=cleaned["police_reference"],
            occurred_at=cleaned["occurred_at"],
            location=cleaned["location"],
            circumstances=cleaned["circumstances"],
            school=school,
            child_given_names=cleaned["child_given_names"],
            child_family_name=cleaned["child_family_name"],
            child_date_of_birth=cleaned["child_date_of_birth"],
            child_present=cleaned["child_present"],
            child_lives_in_household=cleaned["child_lives_in_household"],
            voice_of_child=cleaned["voice_of_child"],
        )
        leads = list(designated_leads(school))
        audit_record(
            actor=by,
            verb=Verb.DISCLOSE,
            obj=notification,
            reason="Operation Encompass: told the child's school about a domestic abuse "
            "incident (Domestic Abuse Act 2021 s.49A)",
            recipients=[str(school)],
            details={"designated_leads": [p.pk for p in leads]},
        )
        due = timezone.localtime(notification.due_at)
        for lead in leads:
            outbox_write(
                recipient=lead,
                subject=f"Operation Encompass notification for {school}",
                body=f"The police have told {school} about a domestic abuse incident involving "
                f"a pupil. Please read it and acknowledge receipt before the school day "
                f"starts at {due:%H:%M} on {due:%A} {due.day} {due:%B}.",
                dedupe_key=f"encompass-{notification.pk}-sent-{lead.pk}",
                link=reverse("sharing:encompass_detail", args=[notification.pk]),
            )
    return notification


def notification_acknowledge(
    *, notification: EncompassNotification, by, expected_version: int
) -> EncompassNotification:
    with transaction.atomic():
        locked = EncompassNotification.objects.select_for_update().get(pk=notification.pk)
        if locked.version != expected_version or locked.acknowledged_at:
            raise ConflictError(
                "This notification has already been acknowledged or changed by someone else. "
                "Nothing has been saved: read it again."
            )
        locked.acknowledged_at, locked.acknowledged_by = timezone.now(), by
        locked.version += 1
        locked.save(update_fields=["acknowledged_at", "acknowledged_by", "version"])
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=locked,
            reason="Acknowledged receipt of an Operation Encompass notification",
            details={"acknowledged_at": locked.acknowledged_at.isoformat()},
        )
    return locked


def unacknowledged_overdue(notifications, now: datetime | None = None):
    now = now or timezone.now()
    return notifications.filter(acknowledged_at__isnull=True, due_at__lte=now)


# School holidays ------------------------------------------------------------------------


def holiday_add(*, by, name: str, first_day: date, last_day: date, school=None) -> SchoolHoliday:
    name = (name or "").strip()
    problems = []
    if not name:
        problems.append("Enter the name of the holiday")
    if first_day and last_day and last_day < first_day:
        problems.append("The last day must be the same as or after the first day")
    if school is not None and school.sector != Agency.Sector.EDUCATION:
        problems.append("Choose a school, or leave it empty for every school")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        holiday = SchoolHoliday.objects.create(
            name=name, first_day=first_day, last_day=last_day, school=school
        )
        audit_record(actor=by, verb=Verb.CREATE, obj=holiday, reason="Added a school holiday")
    return holiday


def holiday_remove(*, by, holiday: SchoolHoliday) -> None:
    with transaction.atomic():
        audit_record(actor=by, verb=Verb.DELETE, obj=holiday, reason="Removed a school holiday")
        holiday.delete()
