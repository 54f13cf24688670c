"""The dashboard as CSV and XLSX, with spreadsheet formulas neutralised (SECURITY.md promise 15)."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from frontdoor.core.exports import csv_text, neutralise

from .figures import Figure, Filters, Result


def _cell(value):
    """Numbers stay numbers; every text goes through the same neutraliser as CSV."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return neutralise(value)
    if isinstance(value, int | float):
        return value
    # Control characters cannot be stored in XLSX: drop them after neutralising.
    return ILLEGAL_CHARACTERS_RE.sub("", neutralise(value))


def _about(filters: Filters, waiting: Sequence[Figure]) -> list[list]:
    rows = [["Front Door partnership dashboard"], ["Made", timezone.now().isoformat()]]
    rows += [[label, value] for label, value in filters.describe()]
    rows.append(["Counts only: no person, case or reference is included."])
    rows += [[f.waiting_label, f.title] for f in waiting]
    return rows


def dashboard_csv(filters: Filters, results: Sequence[Result], waiting: Sequence[Figure]) -> str:
    lines: list[list] = [*_about(filters, waiting), []]
    for result in results:
        lines.append([result.figure.title])
        lines.append(list(result.figure.columns))
        lines += [["" if v is None else v for v in row] for row in result.rows]
        lines.append([])
    return csv_text(lines[0], lines[1:])


def _sheet_title(title: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]\*\?/\\:]", " ", title)[:28].strip()
    name, n = base, 2
    while name in taken:
        name = f"{base[:25]} {n}"
        n += 1
    taken.add(name)
    return name


def dashboard_xlsx(filters: Filters, results: Sequence[Result], waiting: Sequence[Figure]) -> bytes:
    book = Workbook()
    about = book.active
    about.title = "About"
    for row in _about(filters, waiting):
        about.append([_cell(v) for v in row])
    taken = {"About"}
    for result in results:
        sheet = book.create_sheet(_sheet_title(result.figure.title, taken))
        sheet.append([_cell(result.figure.title)])
        sheet.append([_cell(c) for c in result.figure.columns])
        for row in result.rows:
            sheet.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
