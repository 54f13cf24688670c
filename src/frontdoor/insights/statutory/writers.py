"""Spreadsheet-safe files: XLSX workbooks, CSV and ZIPs of CSVs (SECURITY.md promise 15)."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from openpyxl import Workbook

from frontdoor.core.exports import csv_text, neutralise

from .columns import Table

Sheet = tuple[Table, list[list]]


def _text(value, date_format: str) -> str:
    if isinstance(value, date):
        return value.strftime(date_format)
    return "" if value is None else str(value)


def csv_file(table: Table, rows: list[list]) -> bytes:
    text = csv_text(table.header, ([_text(v, table.date_format) for v in row] for row in rows))
    return text.encode("utf-8")


def zip_of_csvs(sheets: list[Sheet]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table, rows in sheets:
            name = table.name.lower().replace(" ", "_")
            archive.writestr(f"{name}.csv", csv_file(table, rows))
    return buffer.getvalue()


def _cell(value):
    if isinstance(value, date | int):
        return value
    return neutralise(value)


def xlsx_workbook(sheets: list[Sheet]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for table, rows in sheets:
        sheet = book.create_sheet(table.name)
        sheet.append([neutralise(name) for name in table.header])
        for row in rows:
            sheet.append([_cell(value) for value in row])
        for column_index, column in enumerate(table.columns, start=1):
            if column.type == "date":
                for (cell,) in sheet.iter_rows(
                    min_row=2, min_col=column_index, max_col=column_index
                ):
                    cell.number_format = "DD/MM/YYYY"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
