"""Opening hours: the standard's iCalendar-like rules, in Europe/London time."""

from datetime import date, datetime, time
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdoor.directory.schedules import (
    clock,
    day_code,
    days_text,
    hours_text,
    is_open,
    occurs_on,
    parse_byday,
)

LONDON = ZoneInfo("Europe/London")


def rule(**fields):
    defaults = dict(
        valid_from=None,
        valid_to=None,
        dtstart=None,
        freq="WEEKLY",
        interval=None,
        byday="",
        bymonthday="",
        opens_at=None,
        closes_at=None,
    )
    return SimpleNamespace(**{**defaults, **fields})


def at(*args) -> datetime:
    return datetime(*args, tzinfo=LONDON)


def test_weekly_days_and_hours():
    office = rule(byday="MO,TU,WE,TH,FR", opens_at=time(9), closes_at=time(17))
    assert is_open(office, at(2026, 3, 16, 9, 0))  # a Monday
    assert not is_open(office, at(2026, 3, 16, 17, 0))  # closes at 5pm
    assert not is_open(office, at(2026, 3, 14, 12, 0))  # a Saturday


def test_times_are_london_time_across_the_clock_change():
    office = rule(byday="MO", opens_at=time(9), closes_at=time(10))
    # 08:30 UTC on Monday 30 March 2026 is 09:30 in London (British Summer Time).
    assert is_open(office, datetime(2026, 3, 30, 8, 30, tzinfo=ZoneInfo("UTC")))
    assert not is_open(office, datetime(2026, 3, 23, 8, 30, tzinfo=ZoneInfo("UTC")))


def test_all_day_and_overnight():
    always = rule(byday="MO,TU,WE,TH,FR,SA,SU", opens_at=time(0), closes_at=time(0))
    assert is_open(always, at(2026, 3, 15, 3, 0))
    night = rule(byday="FR", opens_at=time(20), closes_at=time(2))
    assert is_open(night, at(2026, 3, 13, 23, 0))  # Friday night
    assert is_open(night, at(2026, 3, 14, 1, 30))  # early Saturday, still Friday's opening
    assert not is_open(night, at(2026, 3, 14, 2, 0))
    assert not is_open(night, at(2026, 3, 12, 23, 0))  # Thursday


def test_fortnightly_from_dtstart():
    fortnightly = rule(byday="MO", interval=2, dtstart=date(2026, 1, 5))
    assert occurs_on(fortnightly, date(2026, 1, 19))
    assert not occurs_on(fortnightly, date(2026, 1, 12))
    assert not occurs_on(fortnightly, date(2025, 12, 22))  # before it starts


def test_monthly_by_weekday_and_month_day():
    second_monday = rule(freq="MONTHLY", byday="2MO")
    assert occurs_on(second_monday, date(2026, 3, 9))
    assert not occurs_on(second_monday, date(2026, 3, 2))
    last_friday = rule(freq="MONTHLY", byday="-1FR")
    assert occurs_on(last_friday, date(2026, 2, 27))
    assert not occurs_on(last_friday, date(2026, 2, 20))
    month_days = rule(freq="MONTHLY", bymonthday="1,-1")
    assert occurs_on(month_days, date(2026, 2, 1))
    assert occurs_on(month_days, date(2026, 2, 28))
    assert not occurs_on(month_days, date(2026, 2, 27))


def test_valid_from_and_to():
    summer = rule(byday="SA", valid_from=date(2026, 7, 1), valid_to=date(2026, 8, 31))
    assert occurs_on(summer, date(2026, 7, 4))
    assert not occurs_on(summer, date(2026, 9, 5))
    assert not occurs_on(summer, date(2026, 6, 27))


def test_no_hours_means_not_known_to_be_open():
    assert not is_open(rule(byday="MO"), at(2026, 3, 16, 12, 0))


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"byday": "MO,TU,WE,TH,FR"}, "Monday to Friday"),
        ({"byday": "MO,TU,WE,TH,FR,SA,SU"}, "Every day"),
        ({"byday": "TU,TH"}, "Tuesday and Thursday"),
        ({"byday": "MO,WE,FR"}, "Monday, Wednesday and Friday"),
        ({"byday": "MO", "interval": 2}, "Every other Monday"),
        ({"freq": "MONTHLY", "byday": "2MO"}, "The second Monday of each month"),
        ({"freq": "MONTHLY", "byday": "-1FR"}, "The last Friday of each month"),
        ({"freq": "MONTHLY", "bymonthday": "1,15"}, "The 1st and the 15th of each month"),
    ],
)
def test_days_in_words(fields, words):
    assert days_text(rule(**fields)) == words


def test_hours_in_words():
    assert hours_text(rule(opens_at=time(9), closes_at=time(17, 30))) == "9am to 5:30pm"
    assert hours_text(rule(opens_at=time(0), closes_at=time(0))) == "24 hours"
    assert hours_text(rule(opens_at=time(12), closes_at=time(0))) == "midday to midnight"
    assert clock(time(13, 5)) == "1:05pm"


def test_day_codes():
    assert day_code("Wednesday") == day_code("we") == day_code("Wed") == "WE"
    assert day_code("Caturday") is None
    with pytest.raises(ValueError):
        parse_byday("MO,XX")


@given(
    day=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    byday=st.lists(st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU", "1MO", "-1SU", "9XX"]), max_size=4),
    freq=st.sampled_from(["WEEKLY", "MONTHLY", ""]),
    interval=st.none() | st.integers(1, 5),
    minutes=st.integers(0, 24 * 60 - 1),
    opens=st.times(),
    closes=st.times(),
)  # fmt: skip
def test_any_rule_answers_without_error(day, byday, freq, interval, minutes, opens, closes):
    schedule = rule(
        freq=freq,
        byday=",".join(byday),
        interval=interval,
        dtstart=date(2020, 1, 6),
        opens_at=opens,
        closes_at=closes,
    )
    moment = datetime.combine(day, time(minutes // 60, minutes % 60), LONDON)
    assert is_open(schedule, moment) in (True, False)
    assert isinstance(days_text(schedule), str)
