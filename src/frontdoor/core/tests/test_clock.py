from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from frontdoor.core.clock import deadline

LONDON = ZoneInfo("Europe/London")


def at(*args):
    return datetime(*args, tzinfo=LONDON)


def test_working_hours_run_within_the_working_day():
    assert deadline(at(2026, 11, 25, 10, 0), 4, "working_hours") == at(2026, 11, 25, 14, 0)


def test_working_hours_carry_over_to_the_next_morning():
    assert deadline(at(2026, 11, 25, 15, 0), 4, "working_hours") == at(2026, 11, 26, 11, 0)


def test_a_contact_made_on_friday_evening_is_due_on_monday():
    assert deadline(at(2026, 11, 27, 19, 30), 4, "working_hours") == at(2026, 11, 30, 13, 0)


def test_bank_holidays_are_skipped():
    # Christmas Day 2026 is a Friday and Boxing Day's substitute is Monday 28 December.
    assert deadline(at(2026, 12, 24, 16, 0), 4, "working_hours") == at(2026, 12, 29, 12, 0)


def test_one_working_day_is_the_same_time_the_next_working_day():
    assert deadline(at(2026, 11, 25, 11, 15), 1, "working_days") == at(2026, 11, 26, 11, 15)


def test_calendar_hours_ignore_working_time():
    assert deadline(at(2026, 11, 28, 9, 0), 72, "hours") == at(2026, 12, 1, 9, 0)


def test_the_clock_change_is_handled():
    # Clocks go forward on Sunday 29 March 2026: a Friday 15:00 start, 4 working hours.
    assert deadline(at(2026, 3, 27, 15, 0), 4, "working_hours") == at(2026, 3, 30, 11, 0)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        deadline(datetime(2026, 11, 25, 10, 0), 4, "working_hours")  # noqa: DTZ001


def test_unknown_units_are_refused():
    with pytest.raises(ValueError):
        deadline(at(2026, 11, 25, 10, 0), 4, "fortnights")
