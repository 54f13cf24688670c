"""A column of a statutory export: its exact header, type, allowed values and derivation.

Every export's header row is built from these definitions, and docs/statutory-exports.md
documents the same list; tests hold the three together.
"""

from __future__ import annotations

from dataclasses import dataclass

TEXT, DATE, INTEGER, CODE, FLAG = "text", "date", "integer", "code", "flag"


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    allowed: str
    derivation: str
    # False: Front Door does not hold it; the column is present and always empty.
    held: bool = True


@dataclass(frozen=True)
class Table:
    """One list, sheet or CSV file of an export."""

    name: str
    title: str
    columns: tuple[Column, ...]
    date_format: str

    @property
    def header(self) -> list[str]:
        return [column.name for column in self.columns]


def not_held(name: str, column_type: str, allowed: str, why: str) -> Column:
    return Column(name, column_type, allowed, f"Always empty: {why}", held=False)
