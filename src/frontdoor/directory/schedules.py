"""Opening hours: is a service open at a moment, and how to say when it is open.

A schedule is the standard's subset of an iCalendar (RFC 5545) rule: ``freq`` WEEKLY or
MONTHLY, an ``interval`` (2 = fortnightly) counted from ``dtstart``, ``byday`` (``MO,TU`` or,
monthly, ``2MO`` for the second Monday and ``-1FR`` for the last Friday) and ``bymonthday``
(``1,15`` or ``-1`` for the last day), between ``valid_from`` and ``valid_to``, from
``opens_at`` to ``closes_at`` in the partnership's local time (Europe/London).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}
BYDAY_PART = re.compile(r"^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$")
MONTHDAY_PART = re.compile(r"^[+-]?([1-9]|[12][0-9]|3[01])$")


def day_code(value: str) -> str | None:
    """``MO`` for "MO", "mo", "Monday" or "mon"; None when it is not a day."""
    cleaned = value.strip().lower()
    for code, name in zip(DAY_CODES, DAY_NAMES, strict=True):
        if cleaned in (code.lower(), name.lower(), name[:3].lower()):
            return code
    return None


def parse_byday(byday: str) -> list[tuple[int | None, int]]:
    """``"2MO,-1FR"`` → [(2, 0), (-1, 4)]. Raises ValueError on anything else."""
    parts = []
    for raw in byday.split(","):
        part = raw.strip().upper()
        if not part:
            continue
        match = BYDAY_PART.match(part)
        if not match:
            raise ValueError(f"{raw.strip()!r} is not a day such as MO, TU or 2MO")
        ordinal = int(match.group(1)) if match.group(1) else None
        parts.append((ordinal, DAY_CODES.index(match.group(2))))
    return parts


def parse_bymonthday(bymonthday: str) -> list[int]:
    days = []
    for raw in bymonthday.split(","):
        part = raw.strip()
        if not part:
            continue
        if not MONTHDAY_PART.match(part):
            raise ValueError(f"{part!r} is not a day of the month from 1 to 31 (or -1 to -31)")
        days.append(int(part))
    return days


def _weeks_between(first: date, day: date) -> int:
    return (
        (day - timedelta(days=day.weekday())) - (first - timedelta(days=first.weekday()))
    ).days // 7


def _nth_weekday_matches(day: date, ordinal: int) -> bool:
    if ordinal > 0:
        return (day.day - 1) // 7 + 1 == ordinal
    days_in_month = calendar.monthrange(day.year, day.month)[1]
    return -((days_in_month - day.day) // 7 + 1) == ordinal


def occurs_on(schedule, day: date) -> bool:
    """Whether the schedule's rule includes this date (ignoring the hours)."""
    if schedule.valid_from and day < schedule.valid_from:
        return False
    if schedule.valid_to and day > schedule.valid_to:
        return False
    try:
        bydays = parse_byday(schedule.byday or "")
        monthdays = parse_bymonthday(schedule.bymonthday or "")
    except ValueError:
        return False
    interval = schedule.interval or 1
    start = schedule.dtstart
    if start and day < start:
        return False
    if schedule.freq == "MONTHLY":
        if interval > 1 and start:
            months = (day.year - start.year) * 12 + day.month - start.month
            if months % interval:
                return False
        days_in_month = calendar.monthrange(day.year, day.month)[1]
        if monthdays and any(day.day == (n if n > 0 else days_in_month + n + 1) for n in monthdays):
            return True
        return any(
            weekday == day.weekday() and (ordinal is None or _nth_weekday_matches(day, ordinal))
            for ordinal, weekday in bydays
        )
    if interval > 1 and start and _weeks_between(start, day) % interval:
        return False
    if not bydays:
        return True  # no day rule: every day
    return any(weekday == day.weekday() for _ordinal, weekday in bydays)


def is_open(schedule, moment: datetime) -> bool:
    """Whether the schedule has the service open at ``moment`` (an aware datetime)."""
    if schedule.opens_at is None or schedule.closes_at is None:
        return False
    local = timezone.localtime(moment, ZoneInfo(settings.TIME_ZONE))
    today, now = local.date(), local.time()
    opens, closes = schedule.opens_at, schedule.closes_at
    if closes > opens:
        return occurs_on(schedule, today) and opens <= now < closes
    # Runs past midnight (or, 00:00 to 00:00, all day): tonight's opening or last night's.
    if occurs_on(schedule, today) and now >= opens:
        return True
    return occurs_on(schedule, today - timedelta(days=1)) and now < closes


def open_now(schedules: Iterable, moment: datetime | None = None) -> bool:
    moment = moment or timezone.now()
    return any(is_open(schedule, moment) for schedule in schedules)


# Saying it in words ----------------------------------------------------------------------------


def clock(value: time) -> str:
    """GOV.UK style: 9am, 5:30pm, midday, midnight."""
    if value.hour == 0 and value.minute == 0:
        return "midnight"
    if value.hour == 12 and value.minute == 0:
        return "midday"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def hours_text(schedule) -> str:
    opens, closes = schedule.opens_at, schedule.closes_at
    if opens is None or closes is None:
        return ""
    if opens == closes == time(0, 0):
        return "24 hours"
    return f"{clock(opens)} to {clock(closes)}"


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _weekdays_text(weekdays: list[int]) -> str:
    days = sorted(set(weekdays))
    if days == list(range(7)):
        return "Every day"
    if len(days) >= 3 and days == list(range(days[0], days[-1] + 1)):
        return f"{DAY_NAMES[days[0]]} to {DAY_NAMES[days[-1]]}"
    return _join([DAY_NAMES[d] for d in days])


def _ordinal_day(n: int) -> str:
    if n == -1:
        return "last day"
    if n < 0:
        return f"{-n}{_suffix(-n)} to last day"
    return f"{n}{_suffix(n)}"


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def days_text(schedule) -> str:
    """ "Monday to Friday", "Every other Tuesday", "The second Monday of each month"."""
    try:
        bydays = parse_byday(schedule.byday or "")
        monthdays = parse_bymonthday(schedule.bymonthday or "")
    except ValueError:
        return schedule.byday or ""
    interval = schedule.interval or 1
    if schedule.freq == "MONTHLY":
        parts = [
            f"the {ORDINALS.get(ordinal, str(ordinal))} {DAY_NAMES[weekday]}"
            if ordinal
            else f"every {DAY_NAMES[weekday]}"
            for ordinal, weekday in bydays
        ] + [f"the {_ordinal_day(n)}" for n in monthdays]
        period = "each month" if interval == 1 else f"every {interval} months"
        words = _join(parts) or "one day"
        return f"{words[0].upper()}{words[1:]} of {period}"
    weekdays = [weekday for _ordinal, weekday in bydays] or list(range(7))
    text = _weekdays_text(weekdays)
    if interval == 2:
        return f"Every other {text}" if len(set(weekdays)) == 1 else f"{text}, every other week"
    if interval > 2:
        return f"{text}, every {interval} weeks"
    return text
