"""Deadlines in working time: working hours, weekends and bank holidays.

Every clock in Front Door (triage, information requests, statutory timescales) is
computed here, in the partnership's local time (Europe/London), and stored in UTC.
Working hours, working days and extra closures are settings; bank holidays come
from the ``holidays`` package for the partnership's UK nation (England by default).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays
from django.conf import settings
from django.utils import timezone

UNITS = ("working_hours", "hours", "working_days", "days")


@lru_cache(maxsize=32)
def _bank_holidays(year: int, subdivision: str) -> frozenset[date]:
    return frozenset(holidays.UK(subdiv=subdivision, years=year).keys())


def is_working_day(day: date) -> bool:
    if day.weekday() not in settings.FRONTDOOR_WORKING_DAYS:
        return False
    if day in _bank_holidays(day.year, settings.FRONTDOOR_BANK_HOLIDAY_NATION):
        return False
    return day.isoformat() not in settings.FRONTDOOR_EXTRA_CLOSURES


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    zone = timezone.get_default_timezone()
    opens, closes = settings.FRONTDOOR_WORKING_HOURS
    start = datetime.combine(day, time.fromisoformat(opens), zone)
    end = datetime.combine(day, time.fromisoformat(closes), zone)
    return start, end


def working_day_length() -> timedelta:
    start, end = _day_bounds(date(2026, 1, 5))
    return end - start


def add_working_time(start: datetime, duration: timedelta) -> datetime:
    """The moment ``duration`` of working time after ``start``."""
    if timezone.is_naive(start):
        raise ValueError("clocks need timezone-aware datetimes")
    local = timezone.localtime(start, timezone.get_default_timezone())
    remaining = duration
    day = local.date()
    cursor = local
    for _ in range(3660):  # ten years of days: a safety bound, never reached in practice
        if is_working_day(day):
            opens, closes = _day_bounds(day)
            cursor = max(cursor, opens)
            if cursor < closes:
                available = closes - cursor
                if remaining <= available:
                    return cursor + remaining
                remaining -= available
        day += timedelta(days=1)
        cursor = _day_bounds(day)[0]
    raise ValueError("deadline beyond ten years of working time")


def deadline(start: datetime, amount: float, unit: str) -> datetime:
    """``amount`` ``unit`` after ``start``: unit is one of working_hours, hours, working_days, days."""
    if unit == "hours":
        return start + timedelta(hours=amount)
    if unit == "days":
        return start + timedelta(days=amount)
    if unit == "working_hours":
        return add_working_time(start, timedelta(hours=amount))
    if unit == "working_days":
        return add_working_time(start, working_day_length() * amount)
    raise ValueError(f"unknown unit {unit!r}; use one of {UNITS}")


def clock_status(
    started: datetime | None, due: datetime | None, now: datetime | None = None
) -> str:
    """'overdue', 'nearly' (less than the configured share of the time left) or 'ok'."""
    if due is None:
        return "ok"
    now = now or timezone.now()
    if now > due:
        return "overdue"
    if started is not None and due > started:
        left = (due - now) / (due - started)
        if left < settings.FRONTDOOR_NEARLY_LATE_FRACTION:
            return "nearly"
    return "ok"
