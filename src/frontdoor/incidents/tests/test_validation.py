"""Each kind of bad input is reported with its line, column and reason, and writes nothing."""

from datetime import UTC, date, datetime
from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontdoor.incidents.models import ImportRun, Incident, IncidentParty
from frontdoor.incidents.parsing import check_csv
from frontdoor.incidents.services import import_file, import_run_create
from frontdoor.people.models import AgencyRecord, Person

from .conftest import GOOD_ROWS, HEADER, csv_text

NOW = datetime(2026, 1, 1, 12, tzinfo=UTC)
GOOD = GOOD_ROWS[0]


def with_value(column: str, value: str, row: str = GOOD) -> str:
    names = HEADER.split(",")
    values = row.split(",")
    values[names.index(column)] = value
    return ",".join(values)


BAD = [
    ("incident_ref", "", "Required"),
    ("occurred_at", "", "Required"),
    ("occurred_at", "14/03/2025 22:00", "Not an ISO 8601"),
    ("occurred_at", "2026-06-01T00:00:00", "In the future"),
    ("occurred_at", "1066-10-14T09:00:00", "Before 1900"),
    # Year 1 ahead of UTC: once a crash on import (UTC would be before year 1).
    ("occurred_at", "0001-01-01T00:30:00+05:00", "Before 1900"),
    ("incident_type", "burglary", "Not a known incident type"),
    ("offence_code", "", "Required for a crime"),
    ("offence_code", "ABC!", "Not a Home Office offence code"),
    ("domestic_abuse", "maybe", "Must be Y or N"),
    ("domestic_abuse", "", "Must be Y or N"),
    ("postcode", "NOT A POSTCODE", "Not a UK postcode"),
    ("person_ref", "", "Required"),
    ("role", "bystander", "Must be one of"),
    ("date_of_birth", "02/04/1990", "YYYY-MM-DD"),
    ("date_of_birth", "2023-02-29", "No such date"),
    ("date_of_birth", "2030-01-01", "In the future"),
    ("sex", "X", "Must be F, M or U"),
    ("area", "x" * 101, "Too long"),
]


@pytest.mark.parametrize(("column", "value", "reason"), BAD)
def test_each_bad_value_is_reported_on_its_line_and_column(column, value, reason):
    text = csv_text(GOOD_ROWS[1], with_value(column, value))
    result = check_csv(BytesIO(text.encode()), now=NOW)
    assert not result.ok
    assert [(e.line, e.field) for e in result.errors] == [(3, column)]
    assert reason in result.errors[0].reason
    assert result.incidents == {}


def test_no_name_at_all_is_reported():
    row = with_value("surname", "", with_value("first_name", ""))
    result = check_csv(BytesIO(csv_text(row).encode()), now=NOW)
    assert [(e.line, e.field) for e in result.errors] == [(2, "first_name")]


def test_a_crime_code_on_a_non_crime_incident_is_refused():
    row = with_value("incident_type", "asb")
    result = check_csv(BytesIO(csv_text(row).encode()), now=NOW)
    assert [(e.field, e.reason) for e in result.errors] == [
        ("offence_code", "Only a crime has an offence code: leave it empty")
    ]


def test_rows_of_one_incident_must_agree():
    other = with_value("person_ref", "N9", with_value("occurred_at", "2025-01-10T22:00:00"))
    result = check_csv(BytesIO(csv_text(GOOD, other).encode()), now=NOW)
    assert [(e.line, e.field) for e in result.errors] == [(3, "occurred_at")]
    assert "Differs from line 2" in result.errors[0].reason


def test_the_same_person_twice_in_one_role_is_refused_but_two_roles_are_fine():
    twice = check_csv(BytesIO(csv_text(GOOD, GOOD).encode()), now=NOW)
    assert [(e.line, e.field) for e in twice.errors] == [(3, "person_ref")]
    two_roles = check_csv(BytesIO(csv_text(GOOD, with_value("role", "witness")).encode()), now=NOW)
    assert two_roles.ok
    assert len(two_roles.incidents["R1"].parties) == 2


def test_header_problems_are_on_line_one():
    header = HEADER.replace("postcode", "post_code")
    result = check_csv(BytesIO(csv_text(GOOD, header=header).encode()), now=NOW)
    assert {(e.line, e.field) for e in result.errors} == {(1, "postcode"), (1, "post_code")}


def test_a_short_row_an_empty_file_and_a_non_utf8_file():
    short = check_csv(BytesIO(csv_text("R1,2025-01-01").encode()), now=NOW)
    assert short.errors[0].line == 2 and "Has 2 values" in short.errors[0].reason
    empty = check_csv(BytesIO(b""), now=NOW)
    assert "empty" in empty.errors[0].reason
    header_only = check_csv(BytesIO((HEADER + "\n").encode()), now=NOW)
    assert "no rows" in header_only.errors[0].reason
    latin = check_csv(BytesIO(csv_text(with_value("surname", "Müller")).encode("latin-1")), now=NOW)
    assert "not UTF-8" in latin.errors[0].reason


def test_values_are_normalised():
    row = with_value("postcode", "fd14qt", with_value("sex", "female"))
    row = with_value("domestic_abuse", "y", with_value("offence_code", "8n", row))
    incident = check_csv(BytesIO(csv_text(row).encode()), now=NOW).incidents["R1"]
    assert incident.postcode == "FD1 4QT"
    assert incident.offence_code == "8N"
    assert incident.domestic_abuse is True
    assert incident.parties[0][5] == "female"
    # No offset: UK local time (GMT in January, BST in July).
    assert incident.occurred_at.utcoffset().total_seconds() == 0


def test_a_bom_and_windows_line_endings_are_fine():
    text = "\ufeff" + csv_text(*GOOD_ROWS).replace("\n", "\r\n")
    assert check_csv(BytesIO(text.encode()), now=NOW).ok


@pytest.mark.django_db
def test_a_file_with_one_bad_row_writes_nothing(force, analyst, write_csv):
    rows = [*GOOD_ROWS, with_value("sex", "X", GOOD_ROWS[2].replace("N1,", "N7,"))]
    run = import_run_create(agency=force, by=analyst, filename="bad.csv", source="command")
    run = import_file(run=run, path=write_csv(csv_text(*rows)))
    assert run.status == ImportRun.Status.REJECTED
    assert run.errors == [
        {"line": 5, "field": "sex", "reason": "Must be F, M or U (or female, male), not 'X'"}
    ]
    assert Incident.objects.count() == 0
    assert IncidentParty.objects.count() == 0
    assert Person.objects.count() == 0
    assert AgencyRecord.objects.count() == 0


def test_the_error_report_keeps_the_first_thousand_and_counts_all():
    rows = [with_value("sex", "X", GOOD.replace("N1,", f"N{i},")) for i in range(1500)]
    result = check_csv(BytesIO(csv_text(*rows).encode()), now=NOW)
    assert result.error_count == 1500
    assert len(result.errors) == 1000


NAMES = (
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=60, deadline=None)
@given(name=NAMES, born=st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31)))
def test_odd_names_and_dates_round_trip(name, born):
    import csv
    import io

    out = io.StringIO()
    values = dict(zip(HEADER.split(","), GOOD.split(","), strict=True))
    values.update(surname=name, date_of_birth=born.isoformat())
    writer = csv.writer(out)
    writer.writerow(HEADER.split(","))
    writer.writerow(values.values())
    result = check_csv(BytesIO(out.getvalue().encode()), now=NOW)
    assert result.ok, result.errors
    party = result.incidents["R1"].parties[0]
    assert party[3] == name
    assert party[4] == born


def test_the_generator_writes_the_documented_columns_in_order():
    from frontdoor.incidents import generator
    from frontdoor.incidents.extract_format import COLUMNS

    table = generator.as_extract(generator.generate(50, 40, seed=3))
    assert tuple(table.column_names) == COLUMNS
