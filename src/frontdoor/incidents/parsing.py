"""Reading and checking a force's incident extract (the CSV format in docs/incidents.md).

Every row is checked before anything is written: the result is either the whole file, grouped
by incident, or the list of what is wrong with it as ``(line, field, reason)``. Nothing here
touches the database, so checking a file can never leave anything behind.

The JSON API's body becomes the same rows (``rows_from_json``), so both ways in share one set
of rules and one error report.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from .extract_format import COLUMNS
from .models import IncidentType, PartyRole

INCIDENT_FIELDS = COLUMNS[:8]
MAX_ERRORS_KEPT = 1000
EARLIEST_YEAR = 1900  # no police extract holds an incident or a birth before this
LOCAL_TIME = ZoneInfo("Europe/London")

# Home Office offence classification: a class number, optional letter suffix, optional subclass.
OFFENCE_CODE = re.compile(r"^\d{1,3}[A-Z]{0,2}(/\d{1,3})?$")
# A UK postcode's shape (outward and inward parts); the space is optional on input.
POSTCODE = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YES = {"Y": True, "YES": True, "N": False, "NO": False}
SEX = {
    "F": "female",
    "FEMALE": "female",
    "M": "male",
    "MALE": "male",
    "U": "unknown",
    "UNKNOWN": "unknown",
    "": "unknown",
}
TYPES = frozenset(IncidentType.values)
ROLES = frozenset(PartyRole.values)
LIMITS = {
    "incident_ref": 100,
    "offence_description": 300,
    "area": 100,
    "person_ref": 100,
    "first_name": 200,
    "surname": 200,
}


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    reason: str

    def as_dict(self) -> dict:
        return {"line": self.line, "field": self.field, "reason": self.reason}


# (person_ref, role, given_names, family_name, date_of_birth, sex)
Party = tuple[str, str, str, str, date | None, str]


@dataclass
class ParsedIncident:
    ref: str
    line: int  # the first row that named it
    occurred_at: datetime
    incident_type: str
    offence_code: str
    offence_description: str
    domestic_abuse: bool
    postcode: str
    area: str
    parties: list[Party] = field(default_factory=list)

    def fingerprint(self) -> str:
        """A digest of everything imported about the incident, to spot an unchanged re-import."""
        parties = sorted(
            (p[0], p[1], p[2], p[3], p[4].isoformat() if p[4] else "", p[5]) for p in self.parties
        )
        text = repr(
            (
                self.occurred_at.astimezone(UTC).isoformat(),
                self.incident_type,
                self.offence_code,
                self.offence_description,
                self.domestic_abuse,
                self.postcode,
                self.area,
                parties,
            )
        )
        return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


@dataclass
class ParseResult:
    incidents: dict[str, ParsedIncident] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    rows: int = 0

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def add_error(self, line: int, field_name: str, reason: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(RowError(line, field_name, reason))


class _Bad(Exception):
    def __init__(self, field_name: str, reason: str) -> None:
        self.field = field_name
        self.reason = reason


# Single values ----------------------------------------------------------------------------


def _limited(name: str, value: str) -> str:
    if len(value) > LIMITS[name]:
        raise _Bad(name, f"Too long: at most {LIMITS[name]} characters")
    if CONTROL.search(value):
        raise _Bad(name, "Contains a control character")
    return value


def parse_occurred_at(value: str, now: datetime) -> datetime:
    if not value:
        raise _Bad("occurred_at", "Required: the date and time of the incident")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _Bad(
            "occurred_at", f"Not an ISO 8601 date and time (like 2025-03-14T21:30): {value!r}"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LOCAL_TIME)
    if moment > now:
        raise _Bad("occurred_at", "In the future")
    if moment.year < EARLIEST_YEAR:
        raise _Bad("occurred_at", f"Before {EARLIEST_YEAR}: check the year")
    return moment


def parse_date_of_birth(value: str, today: date) -> date | None:
    if not value:
        return None
    if not ISO_DATE.match(value):
        raise _Bad("date_of_birth", f"Not a date in the form YYYY-MM-DD: {value!r}")
    try:
        born = date.fromisoformat(value)
    except ValueError:
        raise _Bad("date_of_birth", f"No such date: {value!r}") from None
    if born > today:
        raise _Bad("date_of_birth", "In the future")
    if born.year < EARLIEST_YEAR:
        raise _Bad("date_of_birth", f"Before {EARLIEST_YEAR}")
    return born


def parse_postcode(value: str) -> str:
    if not value:
        return ""
    match = POSTCODE.match(value.upper())
    if not match:
        raise _Bad("postcode", f"Not a UK postcode: {value!r}")
    return f"{match.group(1)} {match.group(2)}"


def _incident_fields(row: dict[str, str], now: datetime) -> tuple:
    ref = _limited("incident_ref", row["incident_ref"])
    if not ref:
        raise _Bad("incident_ref", "Required: the force's reference for the incident")
    occurred_at = parse_occurred_at(row["occurred_at"], now)
    incident_type = row["incident_type"].lower()
    if incident_type not in TYPES:
        raise _Bad(
            "incident_type",
            f"Not a known incident type: {row['incident_type']!r} "
            f"(use one of {', '.join(sorted(TYPES))})",
        )
    code = row["offence_code"].upper()
    if incident_type == IncidentType.CRIME:
        if not code:
            raise _Bad("offence_code", "Required for a crime: the Home Office offence code")
        if not OFFENCE_CODE.match(code):
            raise _Bad("offence_code", f"Not a Home Office offence code: {row['offence_code']!r}")
    elif code:
        raise _Bad("offence_code", "Only a crime has an offence code: leave it empty")
    domestic = YES.get(row["domestic_abuse"].upper())
    if domestic is None:
        raise _Bad("domestic_abuse", f"Must be Y or N, not {row['domestic_abuse']!r}")
    return (
        ref,
        occurred_at,
        incident_type,
        code,
        _limited("offence_description", row["offence_description"]),
        domestic,
        parse_postcode(row["postcode"]),
        _limited("area", row["area"]),
    )


def _party(row: dict[str, str], today: date) -> Party:
    person_ref = _limited("person_ref", row["person_ref"])
    if not person_ref:
        raise _Bad("person_ref", "Required: the force's nominal reference for the person")
    role = row["role"].lower()
    if role not in ROLES:
        raise _Bad("role", f"Must be one of {', '.join(PartyRole.values)}, not {row['role']!r}")
    given = _limited("first_name", row["first_name"])
    family = _limited("surname", row["surname"])
    if not given and not family:
        raise _Bad("first_name", "Give a first name or a surname (or both)")
    sex = SEX.get(row["sex"].upper())
    if sex is None:
        raise _Bad("sex", f"Must be F, M or U (or female, male), not {row['sex']!r}")
    return (person_ref, role, given, family, parse_date_of_birth(row["date_of_birth"], today), sex)


# Whole files --------------------------------------------------------------------------------


def check_rows(
    rows: Iterable[tuple[int, dict[str, str]]],
    *,
    now: datetime,
    progress: Callable[[int], None] | None = None,
    every: int = 5000,
    result: ParseResult | None = None,
) -> ParseResult:
    """Check ``(line, row)`` pairs (values already stripped) and group them by incident."""
    result = result if result is not None else ParseResult()
    incidents = result.incidents
    seen_parties: dict[tuple[str, str, str], int] = {}
    today = now.astimezone(LOCAL_TIME).date()
    for line, row in rows:
        result.rows += 1
        if progress is not None and result.rows % every == 0:
            progress(result.rows)
        try:
            fields = _incident_fields(row, now)
            party = _party(row, today)
        except _Bad as bad:
            result.add_error(line, bad.field, bad.reason)
            continue
        ref = fields[0]
        incident = incidents.get(ref)
        if incident is None:
            incident = incidents[ref] = ParsedIncident(ref, line, *fields[1:])
        else:
            differs = _first_difference(incident, fields)
            if differs:
                result.add_error(
                    line,
                    differs,
                    f"Differs from line {incident.line}, the first row for incident {ref}: "
                    "every row of one incident must give the same incident details",
                )
                continue
        key = (ref, party[0], party[1])
        if key in seen_parties:
            result.add_error(
                line,
                "person_ref",
                f"{party[0]} is already named as {party[1]} in incident {ref} "
                f"on line {seen_parties[key]}",
            )
            continue
        seen_parties[key] = line
        incident.parties.append(party)
    if progress is not None:
        progress(result.rows)
    if result.ok and not result.incidents:
        result.add_error(1, "", "The file has no rows under its header")
    return result


def _first_difference(incident: ParsedIncident, fields: tuple) -> str:
    mine = (
        incident.occurred_at,
        incident.incident_type,
        incident.offence_code,
        incident.offence_description,
        incident.domestic_abuse,
        incident.postcode,
        incident.area,
    )
    names = (
        "occurred_at",
        "incident_type",
        "offence_code",
        "offence_description",
        "domestic_abuse",
        "postcode",
        "area",
    )
    for name, old, new in zip(names, mine, fields[1:], strict=True):
        if old != new:
            return name
    return ""


def _csv_rows(text: Iterable[str], result: ParseResult) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.reader(text)
    try:
        header = next(reader)
    except StopIteration:
        result.add_error(1, "", "The file is empty: it needs a header row and rows under it")
        return
    names = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS if c not in names]
    unknown = [n for n in names if n not in COLUMNS]
    for column in missing:
        result.add_error(1, column, "Missing column in the header row")
    for column in unknown:
        result.add_error(1, column or "(blank)", "Unknown column in the header row")
    if len(set(names)) != len(names):
        result.add_error(1, "", "A column is named twice in the header row")
    if not result.ok:
        return
    width = len(names)
    index = [names.index(c) for c in COLUMNS]
    for values in reader:
        line = reader.line_num
        if not values or (len(values) == 1 and not values[0].strip()):
            continue  # a blank line
        if len(values) != width:
            result.add_error(line, "", f"Has {len(values)} values where the header has {width}")
            continue
        yield line, {c: values[i].strip() for c, i in zip(COLUMNS, index, strict=True)}


def check_csv(
    stream: io.BufferedIOBase | io.RawIOBase,
    *,
    now: datetime,
    progress: Callable[[int], None] | None = None,
) -> ParseResult:
    """Check a CSV file opened in binary mode (UTF-8, with or without a byte-order mark)."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict", newline="")
    result = ParseResult()
    try:
        check_rows(_csv_rows(text, result), now=now, progress=progress, result=result)
    except UnicodeDecodeError:
        result.add_error(0, "", "The file is not UTF-8 text: save it as CSV UTF-8 and try again")
    except csv.Error as error:
        result.add_error(0, "", f"The file is not valid CSV: {error}")
    finally:
        text.detach()
    if not result.ok:
        result.incidents = {}
    return result


def count_lines(path: str) -> int:
    """Rows under the header, roughly (quoted line breaks count twice): for the progress bar."""
    lines = 0
    last = b"\n"
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    if last != b"\n":
        lines += 1
    return max(0, lines - 1)


def rows_from_json(
    incidents: Iterable[dict], positions: list[tuple[int, int]] | None = None
) -> Iterator[tuple[int, dict[str, str]]]:
    """The API's incidents, each with ``people``, as CSV-shaped rows numbered from 1.

    A row's "line" is the position of the person among all people sent, counting from 1;
    ``positions`` (if given) collects (incident index, person index) for each line so an
    error can be reported as ``incidents[i].people[j].field``.
    """
    line = 0
    for i, incident in enumerate(incidents):
        base = {c: _text(incident.get(c)) for c in INCIDENT_FIELDS}
        people = incident.get("people") or [{}]
        for j, person in enumerate(people):
            line += 1
            if positions is not None:
                positions.append((i, j))
            row = dict(base)
            row.update({c: _text(person.get(c)) for c in COLUMNS[8:]})
            yield line, row


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Y" if value else "N"
    return str(value).strip()
