"""Normalisation of names, dates, postcodes and NHS numbers, with Hypothesis for the edges."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from frontdoor.matching.engine import normalise

TODAY = date(2026, 1, 1)
names = st.text(
    alphabet=st.characters(
        categories=("Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Zs", "Pd", "Po"),
        include_characters="'’-",
    ),
    max_size=40,
)


@given(names)
def test_name_is_idempotent_and_tidy(text):
    once = normalise.name(text)
    assert normalise.name(once) == once
    assert once == once.strip()
    assert "  " not in once
    assert not any(unicodedata.combining(ch) for ch in once)
    assert not any(ch in once for ch in "'’-")


@given(names)
def test_name_ignores_case_and_unicode_form(text):
    assert normalise.name(text.upper()) == normalise.name(text.lower()) or (
        # a few letters change length when cased (ß -> SS); casefold makes them agree
        normalise.name(text.upper().casefold()) == normalise.name(text.casefold())
    )
    assert normalise.name(unicodedata.normalize("NFC", text)) == normalise.name(
        unicodedata.normalize("NFD", text)
    )


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12))
def test_a_single_name_stays_a_single_word(word):
    assert normalise.name(word) == word
    assert normalise.name(f"  {word.upper()}  ") == word


@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10),
)
def test_hyphens_and_apostrophes(first, second):
    assert normalise.name(f"{first}-{second}") == f"{first} {second}"
    assert normalise.name(f"{first}\u2013{second}") == f"{first} {second}"
    assert normalise.name(f"{first}'{second}") == f"{first}{second}"
    assert normalise.name(f"{first}\u2019{second}") == f"{first}{second}"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("O'Brien", "obrien"),
        ("O’BRIEN", "obrien"),
        ("Smith-Jones", "smith jones"),
        ("ZOË", "zoe"),
        ("Zoe\u0308", "zoe"),  # e + combining diaeresis
        ("Łukasz", "łukasz"),  # a letter of its own, not an accent: kept
        ("Mr John Smith Jr", "john smith"),
        ("Müller", "muller"),
        ("Straße", "strasse"),
        ("  ", ""),
        ("123", ""),
        ("Mr", "mr"),  # a title alone is the whole name: kept
        ("李小龍", "李小龍"),
    ],
)
def test_name_examples(raw, expected):
    assert normalise.name(raw) == expected


def test_generation_suffix_is_kept_apart():
    assert normalise.name_and_generation("Smith Jnr") == ("smith", "junior")
    assert normalise.name_and_generation("SMITH SR.") == ("smith", "senior")
    assert normalise.name_and_generation("Jr") == ("jr", "")  # a single name is a name


@given(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
def test_parse_date_reads_every_common_format(day):
    for text in (
        day.isoformat(),
        day.strftime("%d/%m/%Y"),
        day.strftime("%d-%m-%Y"),
        day.strftime("%d.%m.%Y"),
        day.strftime("%Y%m%d"),
        day.strftime("%d %B %Y"),
        day.strftime("%d %b %Y"),
        f"{day.isoformat()}T00:00:00",
        f" {day.day}/{day.month}/{day.year} ",
    ):
        assert normalise.parse_date(text, today=TODAY) == day


@given(st.dates(min_value=TODAY + timedelta(days=1)))
def test_parse_date_refuses_the_future(day):
    with pytest.raises(ValueError, match="in the future"):
        normalise.parse_date(day.isoformat(), today=TODAY)


@given(st.dates(max_value=date(1899, 12, 31), min_value=date(1000, 1, 1)))
def test_parse_date_refuses_before_1900(day):
    with pytest.raises(ValueError, match="before 1900"):
        normalise.parse_date(day.isoformat(), today=TODAY)


@given(st.text(max_size=20))
def test_parse_date_either_parses_or_says_why(text):
    try:
        value = normalise.parse_date(text, today=TODAY)
    except ValueError as error:
        assert str(error)
    else:
        assert date(1900, 1, 1) <= value <= TODAY


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "no date"),
        ("31/02/2001", "not a real date"),
        ("12/03/85", "two-digit year"),
        ("yesterday", "not a date"),
        ("3 Smarch 2001", "not a month"),
    ],
)
def test_parse_date_reasons(raw, reason):
    with pytest.raises(ValueError, match=reason):
        normalise.parse_date(raw, today=TODAY)


def _with_check_digit(nine: str) -> str | None:
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return None if check == 10 else nine + str(check)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_nhs_number_check_digit(nine):
    number = _with_check_digit(nine)
    assume(number is not None and len(set(number)) > 1)
    assert normalise.nhs_number_valid(number)
    assert normalise.nhs_number_valid(f"{number[:3]} {number[3:6]} {number[6:]}")
    wrong = number[:9] + str((int(number[9]) + 1) % 10)
    assert not normalise.nhs_number_valid(wrong)


def test_nhs_number_examples():
    assert normalise.nhs_number_valid("943 476 5919")
    assert not normalise.nhs_number_valid("9434765918")
    assert not normalise.nhs_number_valid("0000000000")  # passes the arithmetic: a placeholder
    assert not normalise.nhs_number_valid("943476591")
    assert not normalise.nhs_number_valid("")
    assert not normalise.nhs_number_valid("94347659１9")  # a full-width digit


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("qa12bd", "QA1 2BD"),
        (" QA1  2BD ", "QA1 2BD"),
        ("sw1a1aa", "SW1A 1AA"),
        ("M1 1AE", "M1 1AE"),
        ("QA1", "QA1"),
        ("not a postcode", ""),
        ("NFA", ""),
        ("unknown", ""),
        ("2119", "2119"),
        ("", ""),
    ],
)
def test_postcode(raw, expected):
    assert normalise.postcode(raw) == expected


def test_postcode_parts():
    assert normalise.postcode_sector("QA1 2BD") == "QA1 2"
    assert normalise.postcode_district("QA1 2BD") == "QA1"
    assert normalise.postcode_sector("QA1") == ""


def test_nickname_table():
    assert normalise.are_variants("bill", "william")
    assert normalise.are_variants("peggy", "margaret")
    assert normalise.are_variants("jon", "jonathan")
    assert normalise.are_variants("kate", "catherine")
    assert normalise.are_variants("katherine", "catherine")
    assert not normalise.are_variants("william", "margaret")
    assert not normalise.are_variants("", "")


def test_soundex():
    assert normalise.soundex("robert") == normalise.soundex("rupert") == "R163"
    assert normalise.soundex("ashcraft") == "A261"
    assert normalise.soundex("tymczak") == "T522"
    assert normalise.soundex("") == ""
