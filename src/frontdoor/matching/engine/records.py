"""An agency's record of a person, and the normalised form it is compared in."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache

from . import normalise
from .nicknames import canonical_given_name

COLUMNS: tuple[str, ...] = (
    "record_id",
    "source",
    "first_name",
    "middle_names",
    "surname",
    "date_of_birth",
    "sex",
    "postcode",
    "address",
    "nhs_number",
    "upn",
)


@dataclass(frozen=True)
class Record:
    """One agency record of a person (any field but ``record_id`` may be empty)."""

    record_id: str
    source: str = ""  # e.g. "police", "social_care", "health", "school", "housing"
    first_name: str = ""
    middle_names: str = ""
    surname: str = ""
    date_of_birth: date | None = None
    sex: str = ""  # "female" | "male" | ""
    postcode: str = ""
    address: str = ""
    nhs_number: str = ""
    upn: str = ""


RECORD_FIELDS = tuple(f.name for f in fields(Record))

# The columns of a prepared record, in the order the Splink input table has them.
PREPARED_COLUMNS: tuple[str, ...] = (
    "unique_id",
    "source",
    "first_name",
    "middle_names",
    "surname",
    "generation",
    "first_canon",
    "first_sdx",
    "surname_sdx",
    "name_lo",
    "name_hi",
    "dob",
    "dob_year",
    "dob_key",
    "sex",
    "postcode",
    "postcode_sector",
    "postcode_district",
    "address",
    "nhs_number",
    "upn",
)


class Prepared:
    """A record's fields normalised and the derived values comparisons and blocking use.

    Empty strings (and ``dob_year`` 0) mean "not known"; in the Splink table they are NULL.
    """

    __slots__ = PREPARED_COLUMNS

    def __init__(self, **values: object) -> None:
        for column in PREPARED_COLUMNS:
            setattr(self, column, values.get(column, 0 if column == "dob_year" else ""))

    def as_row(self) -> dict[str, object]:
        return {
            column: (getattr(self, column) or None) if column != "unique_id" else self.unique_id
            for column in PREPARED_COLUMNS
        }


def dob_key(dob: str) -> str:
    """Year and the day and month in sorted order: the same when day and month are swapped."""
    if not dob:
        return ""
    year, month, day = dob[:4], dob[5:7], dob[8:10]
    low, high = sorted((month, day))
    return f"{year}{low}{high}"


def prepare_values(
    *,
    record_id: str,
    source: str = "",
    first_name: str = "",
    middle_names: str = "",
    surname: str = "",
    dob: str = "",
    sex: str = "",
    postcode: str = "",
    address: str = "",
    nhs_number: str = "",
    upn: str = "",
) -> Prepared:
    """Prepare already-validated raw values (``dob`` as ISO text, or "")."""
    first, first_generation = normalise.name_and_generation(first_name)
    last, last_generation = normalise.name_and_generation(surname)
    pc = normalise.postcode(postcode)
    nhs = normalise.nhs_number(nhs_number)
    lo, hi = sorted((first, last)) if first and last else ("", "")
    return Prepared(
        unique_id=str(record_id),
        source=source or "",
        first_name=first,
        middle_names=normalise.name(middle_names),
        surname=last,
        generation=last_generation or first_generation,
        first_canon=canonical_given_name(first) if first else "",
        first_sdx=normalise.soundex(first),
        surname_sdx=normalise.soundex(last),
        name_lo=lo,
        name_hi=hi,
        dob=dob,
        dob_year=int(dob[:4]) if dob else 0,
        dob_key=dob_key(dob),
        sex=normalise.sex(sex),
        postcode=pc,
        postcode_sector=normalise.postcode_sector(pc),
        postcode_district=normalise.postcode_district(pc),
        address=normalise.address(address),
        nhs_number=nhs if normalise.nhs_number_valid(nhs) else "",
        upn=normalise.upn(upn),
    )


@lru_cache(maxsize=65536)
def prepare(record: Record) -> Prepared:
    """The prepared form of a record (cached: records are immutable)."""
    dob = record.date_of_birth.isoformat() if record.date_of_birth else ""
    return prepare_values(
        record_id=record.record_id,
        source=record.source,
        first_name=record.first_name,
        middle_names=record.middle_names,
        surname=record.surname,
        dob=dob,
        sex=record.sex,
        postcode=record.postcode,
        address=record.address,
        nhs_number=record.nhs_number,
        upn=record.upn,
    )
