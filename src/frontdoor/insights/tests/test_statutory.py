"""Statutory returns: Annex A, CIN census items and SSD tables (issue 9 item 5)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.testing.factories import PractitionerFactory, current_code
from frontdoor.insights.statutory import annex_a, cin, ssd
from frontdoor.insights.statutory.writers import xlsx_workbook

from .statutory_fixtures import build_history

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[4] / "docs" / "statutory-exports.md"
PERIOD = {"start": "2025-01-01", "end": "2025-06-30"}

# Ofsted's Annex A template headers (SocialFinanceDigitalLabs/liia-tools, spec/annex_a/la-agg.yml).
OFSTED_HEADERS = {
    "List 1": [
        "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
        "Date of Contact", "Contact Source",
    ],
    "List 3": [
        "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
        "Date of referral", "Referral Source", "Referral NFA?",
        "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker",
    ],
    "List 5": [
        "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
        "Does the Child have a Disability",
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Was an Initial Child Protection Conference deemed unnecessary?",
        "Date of Initial Child Protection Conference",
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
        "Number of Section 47 Enquiries in the last 12 months",
        "Number of ICPCs in the last 12 months", "Allocated Team", "Allocated Worker",
    ],
}  # fmt: skip


@pytest.fixture
def history(db):
    return build_history()


@pytest.fixture
def analyst(db):
    return PractitionerFactory(username="analyst.test", role=Role.ANALYST)


@pytest.fixture
def exporting(client, analyst):
    """The client signed in as the analyst; call it to export and get the response."""
    from frontdoor.core.testing.factories import sign_in

    sign_in(client, analyst)
    device = analyst.totpdevice_set.get()

    def export(kind, fmt, **fields):
        data = {**PERIOD, "format": fmt, "reason": "Ofsted ILACS notification", **fields}
        data.setdefault("code", current_code(device))
        return client.post(reverse("insights:statutory_export", args=[kind]), data)

    return export


def _csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"))))


def _sheet_rows(response, name):
    book = load_workbook(io.BytesIO(response.content))
    sheet = book[name]
    return [list(row) for row in sheet.iter_rows(values_only=True)], sheet


def _documented_columns(table_name: str) -> list[str]:
    """The column names in the docs' table under the heading ``### <table name>``."""
    text = DOCS.read_text()
    section = text.split(f"### {table_name}\n", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    return re.findall(r"^\| `([^`]+)` \|", section, flags=re.MULTILINE)


# Column definitions -------------------------------------------------------------------------


@pytest.mark.parametrize("table", annex_a.TABLES, ids=lambda t: t.name)
def test_annex_a_headers_are_ofsteds_template_in_order(table):
    assert table.header == OFSTED_HEADERS[table.name]


@pytest.mark.parametrize("table", [*annex_a.TABLES, cin.FIELDS, *ssd.TABLES], ids=lambda t: t.name)
def test_every_export_matches_its_documented_columns_in_order(table):
    assert _documented_columns(table.name) == table.header


def test_columns_front_door_does_not_hold_say_why(history):
    for table in [*annex_a.TABLES, cin.FIELDS, *ssd.TABLES]:
        for column in table.columns:
            if not column.held:
                assert column.derivation.startswith("Always empty: "), column.name
                assert len(column.derivation) > len("Always empty: ") + 10


# Annex A ------------------------------------------------------------------------------------


def test_annex_a_workbook_derives_each_list_from_the_front_door(history, exporting):
    response = exporting("annex-a", "xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    zara, tom = f"P{history.zara.pk}", f"S{history.unlinked_child.pk}"

    rows, sheet = _sheet_rows(response, "List 1")
    assert rows[0] == OFSTED_HEADERS["List 1"]
    body = [[v.date() if isinstance(v, datetime) else v for v in row] for row in rows[1:]]
    assert body == [
        # The police contact: Zara is 9 on the day (10 the day after); her mother is left out.
        [zara, "b) Female", "j) AIND", date(2015, 3, 11), 9, date(2025, 3, 10), "q) 6: Police"],
        [zara, "b) Female", "j) AIND", date(2015, 3, 11), 10, date(2025, 4, 2), "e) 2A: Schools"],
        [tom, "a) Male", "s) NOBT", None, 4, date(2025, 5, 5), "a) 1A: Individual"],
        [zara, "b) Female", "j) AIND", date(2015, 3, 11), 10, date(2025, 6, 10), "q) 6: Police"],
    ]
    assert sheet["F2"].number_format == "DD/MM/YYYY"

    rows, _ = _sheet_rows(response, "List 3")
    assert rows[0] == OFSTED_HEADERS["List 3"]
    body = [[v.date() if isinstance(v, datetime) else v for v in row] for row in rows[1:]]
    assert [row[:9] for row in body] == [
        # Accepted the day after it was sent; one earlier referral (December 2024) in 12 months.
        [zara, "b) Female", "j) AIND", date(2015, 3, 11), 10, date(2025, 4, 3), "e) 2A: Schools", "b) No", 1],
        [tom, "a) Male", "s) NOBT", None, 4, date(2025, 5, 6), "a) 1A: Individual", "b) No", 0],
        [zara, "b) Female", "j) AIND", date(2015, 3, 11), 10, date(2025, 6, 10), "q) 6: Police", "a) Yes", 2],
    ]  # fmt: skip
    assert all(row[9] is None and row[10] is None for row in body)  # allocation not held

    rows, _ = _sheet_rows(response, "List 5")
    assert rows[0] == OFSTED_HEADERS["List 5"]
    assert [row[:5] for row in rows[1:]] == [[tom, "a) Male", "s) NOBT", None, 4]]
    assert all(value is None for value in rows[1][5:])


def test_annex_a_list_as_csv_uses_day_month_year(history, exporting):
    response = exporting("annex-a", "list-1-csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = _csv(response.content)
    assert rows[0] == OFSTED_HEADERS["List 1"]
    assert rows[1][3:] == ["11/03/2015", "9", "10/03/2025", "q) 6: Police"]
    assert len(rows) == 5


def test_the_period_chooses_contacts_and_referrals_by_their_own_dates(history, exporting):
    response = exporting("annex-a", "xlsx", start="2025-04-03", end="2025-05-05")
    list_1, _ = _sheet_rows(response, "List 1")
    list_3, _ = _sheet_rows(response, "List 3")
    list_5, _ = _sheet_rows(response, "List 5")
    # The school contact was sent on 2 April (outside) but accepted on 3 April (inside).
    assert [row[5].date() for row in list_1[1:]] == [date(2025, 5, 5)]
    assert [row[5].date() for row in list_3[1:]] == [date(2025, 4, 3)]
    assert list_5[1:] == []  # the strategy decision was on 6 May


def test_an_area_keeps_only_children_living_there(history, exporting):
    from frontdoor.agencies.models import Area

    preston = Area.objects.get(name="Preston")
    response = exporting("annex-a", "list-1-csv", area=preston.pk)
    ids = {row[0] for row in _csv(response.content)[1:]}
    assert ids == {f"P{history.zara.pk}"}


# Period validation and the second factor ----------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"end": "2999-01-01"}, "The last day must be today or in the past"),
        ({"start": "2025-06-30", "end": "2025-01-01"}, "The last day must be the same as or after"),
        ({"start": "2020-01-01", "end": "2025-01-01"}, "The period can be 2 years at most"),
        ({"start": "not a date"}, "Enter the first day as a real date"),
        ({"start": "0001-01-01", "end": "0001-06-30"}, "The first day must be in 1900 or later"),
        ({"reason": ""}, "Enter why you are exporting this data"),
        ({"code": "000000"}, "The code is not right, or it has expired"),
    ],
)
def test_bad_input_gets_a_clear_message_and_exports_nothing(history, exporting, fields, message):
    before = AuditEvent.objects.filter(verb=Verb.EXPORT).count()
    response = exporting("annex-a", "xlsx", **fields)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert AuditEvent.objects.filter(verb=Verb.EXPORT).count() == before


def test_the_form_offers_the_last_six_months_by_default(client, analyst):
    from frontdoor.core.testing.factories import sign_in

    sign_in(client, analyst)
    page = client.get(reverse("insights:statutory_export", args=["annex-a"])).content.decode()
    assert f'value="{timezone.localdate().isoformat()}"' in page
    assert "Workbook (XLSX), one sheet per list" in page
    assert "Child Unique ID" in page  # what the file holds


def test_an_unknown_export_is_not_found(client, analyst):
    from frontdoor.core.testing.factories import sign_in

    sign_in(client, analyst)
    assert client.get(reverse("insights:statutory_export", args=["list-9"])).status_code == 404


# CIN census items ---------------------------------------------------------------------------


def test_cin_items_for_each_referral(history, exporting):
    response = exporting("cin", "csv")
    assert response.status_code == 200
    rows = _csv(response.content)
    assert rows[0] == cin.FIELDS.header
    zara, tom = f"P{history.zara.pk}", f"S{history.unlinked_child.pk}"
    assert [row[:8] for row in rows[1:]] == [
        [zara, "2015-03-11", "2", "AIND", "2025-04-03", "2A", "N1", "0"],
        [tom, "", "1", "NOBT", "2025-05-06", "1A", "", "0"],
        [zara, "2015-03-11", "2", "AIND", "2025-06-10", "6", "N1", "1"],
    ]
    assert all(row[8:] == ["", "", "", ""] for row in rows[1:])


# Standard Safeguarding Dataset --------------------------------------------------------------


def test_ssd_tables_zip_one_csv_per_table_with_neutralised_formulas(history, exporting):
    response = exporting("ssd", "zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.namelist() == [f"{table.name}.csv" for table in ssd.TABLES]
    tables = {table.name: _csv(archive.read(f"{table.name}.csv")) for table in ssd.TABLES}
    for table in ssd.TABLES:
        assert tables[table.name][0] == table.header
    zara = f"P{history.zara.pk}"
    people = {row[0]: row for row in tables["ssd_person"][1:]}
    assert set(people) == {zara, f"S{history.unlinked_child.pk}"}
    assert people[zara][1:5] == ["2", "", "AIND", "2015-03-11"]
    assert len(tables["ssd_contacts"]) == 1 + 4
    episodes = tables["ssd_cin_episodes"][1:]
    assert [(row[2], row[7]) for row in episodes] == [
        ("2025-04-03", "N"),
        ("2025-05-06", "N"),
        ("2025-06-10", "Y"),
    ]
    assert len(tables["ssd_s47_enquiry"]) == 1 + 1
    assert tables["ssd_linked_identifiers"][1][2:4] == ["NHS Number", "9434765919"]
    (professional,) = tables["ssd_professionals"][1:]
    assert professional[0] == f"U{history.hub.pk}"
    assert professional[4] == "'=HYPERLINK(1)"  # promise 15
    assert {row[1] for row in tables["ssd_involvements"][1:]} == {f"U{history.hub.pk}"}


def test_workbook_cells_neutralise_formulas():
    from frontdoor.insights.statutory.columns import TEXT, Column, Table

    table = Table("List 1", "x", (Column("=A1", TEXT, "", ""), Column("b", TEXT, "", "")), "")
    content = xlsx_workbook([(table, [["=1+1", "@SUM(A1)"], ["+44", "\tx"]])])
    sheet = load_workbook(io.BytesIO(content))["List 1"]
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [
        ["'=A1", "b"],
        ["'=1+1", "'@SUM(A1)"],
        ["'+44", "'\tx"],
    ]


# Audit --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "fmt"),
    [("annex-a", "xlsx"), ("annex-a", "list-3-csv"), ("cin", "csv"), ("ssd", "zip")],
)
def test_each_export_is_audited_with_reason_period_and_children(
    history, exporting, analyst, kind, fmt
):
    exporting(kind, fmt)
    (event,) = AuditEvent.objects.filter(verb=Verb.EXPORT)
    assert event.actor == analyst
    assert event.reason == "Ofsted ILACS notification"
    assert event.object_type == "insights.statutory"
    assert event.object_id == kind
    assert event.recipients == [str(analyst.agency)]
    assert event.details["from"] == "2025-01-01" and event.details["to"] == "2025-06-30"
    assert event.details["format"] == fmt
    assert f"P{history.zara.pk}" in event.details["children"]
    assert sum(event.details["rows"].values()) > 0


def test_hub_managers_and_frontline_staff_cannot_export(history, client):
    from frontdoor.core.testing.factories import sign_in

    for role in (Role.HUB_MANAGER, Role.FRONTLINE, Role.PARTNERSHIP_MANAGER):
        sign_in(client, PractitionerFactory(role=role))
        response = client.post(
            reverse("insights:statutory_export", args=["annex-a"]),
            {**PERIOD, "format": "xlsx", "reason": "x", "code": "123456"},
        )
        assert response.status_code == 404  # the URL names a return: refused as if none
    assert not AuditEvent.objects.filter(verb=Verb.EXPORT).exists()


def test_only_exporters_see_the_navigation_entry(client, analyst):
    from frontdoor.core.testing.factories import sign_in

    sign_in(client, analyst)
    assert "Statutory returns" in client.get(reverse("home")).content.decode()
    sign_in(client, PractitionerFactory(role=Role.HUB_MANAGER))
    assert "Statutory returns" not in client.get(reverse("home")).content.decode()


def test_demo_ethnicity_is_seeded_and_repeatable(db):
    from frontdoor.demo.statutory import build_ethnicity
    from frontdoor.people.models import Ethnicity, Person

    people = [Person.objects.create(given_names=f"Demo {n}") for n in range(30)]
    changed = build_ethnicity(seed=7)
    first = [p.ethnicity for p in Person.objects.filter(pk__in=[p.pk for p in people])]
    assert 0 < changed < 30
    assert Ethnicity.NOBT in first
    Person.objects.update(ethnicity=Ethnicity.NOBT)
    build_ethnicity(seed=7)
    assert [p.ethnicity for p in Person.objects.filter(pk__in=[p.pk for p in people])] == first


# Promise 17: any period and reason ----------------------------------------------------------

ODD_DATES = st.one_of(
    st.dates().map(date.isoformat),
    st.sampled_from(["2024-02-29", "2025-02-29", "2025-04-31", "0001-01-01", "9999-12-31", ""]),
    st.text(max_size=20),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(start=ODD_DATES, end=ODD_DATES, reason=st.text(max_size=300))
@example(start="9999-12-30", end="9999-12-31", reason="Ofsted")
@example(start="0001-01-01", end="0001-01-02", reason="Ofsted")
@example(
    start="2024-02-29", end="2024-02-29", reason="Leap day \u202e\u0301 \U0001f469\u200d\U0001f467"
)
def test_any_period_and_reason_give_a_file_or_a_clear_refusal(
    analyst, exporting, start, end, reason
):
    """Any dates (29 February, impossible days, year 1 and 9999, any text) and any reason: the
    export is a file, or a 422 saying what is wrong with nothing exported; never a 5xx."""
    before = AuditEvent.objects.filter(verb=Verb.EXPORT).count()
    analyst.totpdevice_set.update(last_t=-1)  # each example's code counts as unused
    response = exporting("annex-a", "list-1-csv", start=start, end=end, reason=reason)
    assert response.status_code in (200, 422), (start, end, reason, response.status_code)
    if response.status_code == 422:
        assert "There is a problem" in response.content.decode()
        assert AuditEvent.objects.filter(verb=Verb.EXPORT).count() == before
    else:
        assert response["Content-Type"].startswith("text/csv")
