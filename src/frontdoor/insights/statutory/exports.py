"""Producing a statutory export: read, shape, write the file and audit it, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from frontdoor.agencies.models import Area
from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record

from . import annex_a, cin, ssd, writers
from .records import Period, child_contacts, lookback_start

ANNEX_A, CIN, SSD = "annex-a", "cin", "ssd"
KINDS = {
    ANNEX_A: "Ofsted Annex A: lists 1, 3 and 5",
    CIN: "Children in need census: referral items",
    SSD: "Standard Safeguarding Dataset tables",
}
XLSX, LIST_1_CSV, LIST_3_CSV, LIST_5_CSV, CSV, ZIP = (
    "xlsx",
    "list-1-csv",
    "list-3-csv",
    "list-5-csv",
    "csv",
    "zip",
)
FORMATS = {
    ANNEX_A: [
        (XLSX, "Workbook (XLSX), one sheet per list"),
        (LIST_1_CSV, "List 1 (contacts) as CSV"),
        (LIST_3_CSV, "List 3 (referrals) as CSV"),
        (LIST_5_CSV, "List 5 (section 47 enquiries and ICPCs) as CSV"),
    ],
    CIN: [(CSV, "CSV")],
    SSD: [(ZIP, "ZIP of CSV files, one per table")],
}
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class ExportFile:
    filename: str
    content_type: str
    content: bytes
    rows: dict[str, int]


def area_outward_codes(area: Area | None) -> frozenset[str] | None:
    """Postcode districts of the area and every area inside it (None: no filter)."""
    if area is None:
        return None
    found, todo = set(), [area]
    while todo:
        current = todo.pop()
        found.update(current.postcode_districts.upper().split())
        todo.extend(current.children.all())
    return frozenset(found)


def _shape(kind: str, fmt: str, rows, period: Period):
    if kind == ANNEX_A:
        sheets = annex_a.build(rows, period)
        if fmt == XLSX:
            return sheets, writers.xlsx_workbook(sheets), "annex-a.xlsx", XLSX_TYPE
        index = {LIST_1_CSV: 0, LIST_3_CSV: 1, LIST_5_CSV: 2}[fmt]
        table, table_rows = sheets[index]
        name = f"annex-a-{table.name.lower().replace(' ', '-')}.csv"
        return [sheets[index]], writers.csv_file(table, table_rows), name, CSV_TYPE
    if kind == CIN:
        sheets = [(cin.FIELDS, cin.build(rows, period))]
        return sheets, writers.csv_file(*sheets[0]), "cin-referrals.csv", CSV_TYPE
    sheets = ssd.build(rows, period)
    return sheets, writers.zip_of_csvs(sheets), "ssd.zip", "application/zip"


def statutory_export(
    *, by, subjects, kind: str, fmt: str, period: Period, area: Area | None, reason: str
) -> ExportFile:
    """Build the export and record it in the audit trail (with the people in it), or neither."""
    if kind not in KINDS or fmt not in dict(FORMATS[kind]):
        raise ValueError(f"unknown export {kind}/{fmt}")
    with transaction.atomic():
        rows = child_contacts(
            subjects,
            since=lookback_start(period),
            until=period.end,
            outward_codes=area_outward_codes(area),
        )
        sheets, content, name, content_type = _shape(kind, fmt, rows, period)
        counts = {table.name: len(table_rows) for table, table_rows in sheets}
        people = sorted(
            {
                row.child_id
                for row in rows
                if row.contact_date in period or row.referral_date in period
            }
        )
        audit_record(
            actor=by,
            verb=Verb.EXPORT,
            object_type="insights.statutory",
            object_id=kind,
            object_repr=f"{KINDS[kind]} ({fmt}), {period.start:%d/%m/%Y} to {period.end:%d/%m/%Y}",
            reason=reason,
            recipients=[str(by.agency or by.username)],
            details={
                "kind": kind,
                "format": fmt,
                "from": period.start.isoformat(),
                "to": period.end.isoformat(),
                "area": str(area) if area else "",
                "rows": counts,
                "children": people,
            },
        )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    filename = f"front-door-{period.start:%Y%m%d}-{period.end:%Y%m%d}-{stamp}-{name}"
    return ExportFile(filename, content_type, content, counts)
