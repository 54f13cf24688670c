"""Every text cell of an export is neutralised (SECURITY.md promise 15); numbers stay numbers."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from frontdoor.insights.figures import Figure, Filters, Result
from frontdoor.insights.spreadsheets import _cell, _sheet_title, dashboard_csv, dashboard_xlsx


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r", "\ufeff"])
def test_each_formula_trigger_is_prefixed(trigger):
    assert _cell(f"{trigger}SUM(A1)").startswith("'")


def test_numbers_stay_numbers_and_control_characters_go():
    assert _cell(3) == 3 and _cell(66.7) == 66.7 and _cell(None) == ""
    assert _cell("a\x00b\x07c") == "abc"


def test_sheet_titles_are_legal_and_unique():
    taken = {"About"}
    first = _sheet_title("Decisions: by agency / RAG [all]?", taken)
    second = _sheet_title("Decisions: by agency / RAG [all]?", taken)
    assert len(first) <= 31 and not set(first) & set("[]*?/\\:")
    assert first != second and len(second) <= 31


def _results():
    figure = Figure(
        key="x", title="=cmd|' /C calc'!A0", cares="", explanation="", columns=("@Agency", "Count")
    )
    return [Result(figure, [("-2+3", 4), ("Plain", 5)])]


def test_xlsx_has_no_formula_anywhere(db):
    filters = Filters(start=date(2026, 1, 1), end=date(2026, 1, 31))
    book = load_workbook(io.BytesIO(dashboard_xlsx(filters, _results(), [])))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not any(c.data_type == "f" for c in cells)
    values = [c.value for c in cells]
    assert "'=cmd|' /C calc'!A0" in values and "'@Agency" in values and "'-2+3" in values
    assert 4 in values


def test_csv_has_no_formula_anywhere(db):
    filters = Filters(start=date(2026, 1, 1), end=date(2026, 1, 31))
    text = dashboard_csv(filters, _results(), [])
    assert "'=cmd" in text and "'@Agency" in text and "'-2+3" in text
