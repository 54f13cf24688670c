"""Checking an Open Referral UK feed before anything is written.

Each record is checked against the standard's ``service`` schema (and, for our extension
properties, the types HSDS 3.0 gives them), then for what a schema cannot say: dates and times
that parse, opening rules we can read, ages in order, references that lead somewhere, and no
identifier used twice. Every problem is reported with the record's position and id, the path
of the field (a JSON Pointer inside the record) and the reason, so that a publisher can fix
their feed; one problem anywhere refuses the whole feed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.utils.dateparse import parse_datetime

from .schedules import parse_byday, parse_bymonthday
from .schema import validator

MAX_AGE = 150
MAX_AMOUNT = Decimal(10) ** 10
EXTENSION_TEXT = ("eligibility_description", "application_process", "wait_time", "fees_description")
# Children that belong to one service only: the same id twice in one feed is a mistake.
UNIQUE_CHILDREN = (
    "service_at_locations",
    "schedules",
    "service_areas",
    "languages",
    "funding",
    "cost_options",
    "contacts",
)


@dataclass(frozen=True)
class Problem:
    index: int  # the record's position in the feed, from 0
    record_id: str
    path: str  # JSON Pointer inside the record: "/schedules/0/freq"; "" for the record itself
    reason: str

    def __str__(self) -> str:
        where = self.path or "the record"
        return f"record {self.index + 1} ({self.record_id or 'no id'}): {where}: {self.reason}"


class DocumentError(ValueError):
    """The document is not a feed at all (not a list of services or a page of them)."""


def records_in(document: Any) -> list:
    """The service records in a feed document: a list of services, one page of the API
    (``{"contents": [...]}``) or a single service."""
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        return document["contents"]
    if isinstance(document, dict) and "id" in document and "name" in document:
        return [document]
    raise DocumentError(
        "The document must be a JSON list of Open Referral UK services, a page of them "
        '({"contents": [...]}) or one service'
    )


def pointer(parts: Iterable[Any]) -> str:
    return "".join(f"/{part}" for part in parts)


def parse_date(value: str) -> date:
    return date.fromisoformat(value)


def parse_time(value: str) -> time:
    """HH:MM or HH:MM:SS, with an optional Z or offset (the standard asks for one; the local
    time of day is what we keep)."""
    parsed = time.fromisoformat(value.replace("Z", "+00:00"))
    return parsed.replace(tzinfo=None)


def parse_moment(value: str) -> datetime:
    parsed = parse_datetime(value.replace("Z", "+00:00")) if isinstance(value, str) else None
    if parsed is None:
        raise ValueError(f"{value!r} is not a date and time such as 2026-03-15T10:30:45.123Z")
    return parsed


@dataclass(frozen=True)
class Known:
    """Identifiers already in the directory that a record may refer to without nesting."""

    terms: set[UUID]
    organizations: set[UUID]
    locations: set[UUID]


def check_records(records: list, *, known: Known) -> list[Problem]:
    """Every problem in the feed; an empty list means it may be imported."""
    problems: list[Problem] = []
    declared = _declared(records)
    known = Known(
        terms=known.terms | declared.terms,
        organizations=known.organizations | declared.organizations,
        locations=known.locations | declared.locations,
    )
    for index, record in enumerate(records):
        record_id = str(record.get("id", "")) if isinstance(record, dict) else ""

        def report(path: Iterable[Any], reason: str) -> None:
            problems.append(Problem(index, record_id, pointer(path), reason))  # noqa: B023

        if not isinstance(record, dict):
            report([], "must be a JSON object: an Open Referral UK service")
            continue
        schema_errors = sorted(
            validator("service").iter_errors(record), key=lambda e: list(map(str, e.path))
        )
        for error in schema_errors:
            report(error.absolute_path, error.message)
        for path, reason in _extension_problems(record):
            report(path, reason)
        if schema_errors:
            continue  # the checks below assume the standard's types
        for path, reason in _meaning_problems(record, known):
            report(path, reason)
    problems.extend(_duplicates(records))
    return problems


def _declared(records: list) -> Known:
    """The terms, organisations and locations nested somewhere in the feed."""
    terms, organizations, locations = set(), set(), set()
    for record in records:
        if not isinstance(record, dict):
            continue
        for _path, attribute in _attributes(record):
            term = attribute.get("taxonomy_term")
            if isinstance(term, dict):
                terms.add(_uuid(term.get("id")))
        organization = record.get("organization")
        if isinstance(organization, dict):
            organizations.add(_uuid(organization.get("id")))
        for _i, sal in _items(record, "service_at_locations"):
            if isinstance(sal.get("location"), dict):
                locations.add(_uuid(sal["location"].get("id")))
    return Known(terms - {None}, organizations - {None}, locations - {None})


def _uuid(value: Any) -> UUID | None:
    try:
        return UUID(str(value))
    except ValueError:
        return None


def _extension_problems(record: dict) -> Iterator[tuple[list, str]]:
    for name in EXTENSION_TEXT:
        if name in record and not isinstance(record[name], str):
            yield [name], f"{record[name]!r} is not of type 'string'"
    for c, contact in _items(record, "contacts"):
        if "email" in contact and not isinstance(contact["email"], str):
            yield ["contacts", c, "email"], f"{contact['email']!r} is not of type 'string'"
        phones = contact.get("phones", [])
        if not isinstance(phones, list):
            yield ["contacts", c, "phones"], f"{phones!r} is not of type 'array'"
            continue
        for p, phone in enumerate(phones):
            for error in validator("phone").iter_errors(phone):
                yield ["contacts", c, "phones", p, *error.absolute_path], error.message
    for path, language in _languages(record):
        for name, limit in (("name", 200), ("code", 20)):
            value = language.get(name)
            if value is not None and (not isinstance(value, str) or len(value) > limit):
                yield [*path, name], f"must be text of at most {limit} characters"


def _items(record: dict, key: str) -> Iterator[tuple[int, dict]]:
    values = record.get(key)
    if isinstance(values, list):
        for i, value in enumerate(values):
            if isinstance(value, dict):
                yield i, value


def _languages(record: dict) -> Iterator[tuple[list, dict]]:
    for i, language in _items(record, "languages"):
        yield ["languages", i], language
    for c, contact in _items(record, "contacts"):
        for p, phone in _items(contact, "phones"):
            for i, language in _items(phone, "languages"):
                yield ["contacts", c, "phones", p, "languages", i], language


def _attributes(record: dict) -> Iterator[tuple[list, dict]]:
    """Every attribute anywhere in a service record, with its path."""

    def under(obj: dict, path: list) -> Iterator[tuple[list, dict]]:
        for i, attribute in _items(obj, "attributes"):
            yield [*path, "attributes", i], attribute

    yield from under(record, [])
    organization = record.get("organization")
    if isinstance(organization, dict):
        yield from under(organization, ["organization"])
        for i, identifier in _items(organization, "organization_identifiers"):
            yield from under(identifier, ["organization", "organization_identifiers", i])
    for c, contact in _items(record, "contacts"):
        yield from under(contact, ["contacts", c])
    for s, sal in _items(record, "service_at_locations"):
        location = sal.get("location")
        if isinstance(location, dict):
            base = ["service_at_locations", s, "location"]
            yield from under(location, base)
            for a, address in _items(location, "addresses"):
                yield from under(address, [*base, "addresses", a])
            for a, access in _items(location, "accessibility"):
                yield from under(access, [*base, "accessibility", a])


def _meaning_problems(record: dict, known: Known) -> Iterator:
    yield from _date_problems(record)
    yield from _number_problems(record)
    for s, schedule in _items(record, "schedules"):
        yield from _schedule_problems(record, schedule, ["schedules", s])
    for s, sal in _items(record, "service_at_locations"):
        if not isinstance(sal.get("location"), dict) and _uuid(sal.get("location_id")) not in (
            known.locations
        ):
            yield (
                ["service_at_locations", s],
                "needs its location, or a location_id of a location in this feed or directory",
            )
    org_id = record.get("organization_id")
    if org_id and _uuid(org_id) not in known.organizations:
        yield (
            ["organization_id"],
            "is not an organisation in this feed or in the directory: include the organization",
        )
    organization = record.get("organization")
    if org_id and isinstance(organization, dict) and organization.get("id") != org_id:
        yield ["organization_id"], "does not match the id of the nested organization"
    for path, attribute in _attributes(record):
        term = attribute.get("taxonomy_term")
        term_id = attribute.get("taxonomy_term_id") or (term or {}).get("id")
        if not term_id:
            yield path, "an attribute needs a taxonomy_term or a taxonomy_term_id"
        elif _uuid(term_id) not in known.terms:
            yield [*path, "taxonomy_term_id"], "is not a taxonomy term in this feed or directory"
        elif term and attribute.get("taxonomy_term_id") not in (None, term.get("id")):
            yield [*path, "taxonomy_term_id"], "does not match the id of the nested taxonomy_term"
        if len(attribute.get("link_type", "")) > 100:
            yield [*path, "link_type"], "must be at most 100 characters"


def _date_problems(record: dict) -> Iterator:
    dated = [(["assured_date"], record.get("assured_date"))]
    for s, schedule in _items(record, "schedules"):
        for name in ("valid_from", "valid_to", "dtstart"):
            dated.append((["schedules", s, name], schedule.get(name)))
    for c, cost in _items(record, "cost_options"):
        for name in ("valid_from", "valid_to"):
            dated.append((["cost_options", c, name], cost.get(name)))
    for path, value in dated:
        if value is None:
            continue
        try:
            parse_date(value)
        except ValueError:
            yield path, f"{value!r} is not a date in the form YYYY-MM-DD"
    if "last_modified" in record:
        try:
            parse_moment(record["last_modified"])
        except ValueError as error:
            yield ["last_modified"], str(error)


def decimal(value: Any) -> Decimal | None:
    """A JSON number as a Decimal; None for anything else, NaN and infinity included."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = Decimal(str(value))
    return number if number.is_finite() else None


def _in_range(value: Any, low: Decimal | int, high: Decimal | int) -> bool:
    number = decimal(value)
    return number is not None and low <= number <= high


def _number_problems(record: dict) -> Iterator:
    for name in ("minimum_age", "maximum_age"):
        if name in record and not _in_range(record[name], 0, MAX_AGE):
            yield [name], f"must be an age from 0 to {MAX_AGE}"
    low, high = decimal(record.get("minimum_age")), decimal(record.get("maximum_age"))
    if low is not None and high is not None and low > high:
        yield ["minimum_age"], "is more than the maximum_age"
    for c, cost in _items(record, "cost_options"):
        if "amount" in cost and not _in_range(cost["amount"], 0, MAX_AMOUNT - 1):
            yield ["cost_options", c, "amount"], "must be 0 or more and less than 10,000,000,000"
    for s, sal in _items(record, "service_at_locations"):
        location = sal.get("location") or {}
        for name, limit in (("latitude", 90), ("longitude", 180)):
            if name in location and not _in_range(location[name], -limit, limit):
                path = ["service_at_locations", s, "location", name]
                yield path, f"must be from -{limit} to {limit}"


def _schedule_problems(record: dict, schedule: dict, path: list) -> Iterator:
    for name in ("opens_at", "closes_at"):
        if name in schedule:
            try:
                parse_time(schedule[name])
            except ValueError:
                yield [*path, name], f"{schedule[name]!r} is not a time such as 09:00 or 17:30:00"
    for name, parse in (("byday", parse_byday), ("bymonthday", parse_bymonthday)):
        if name in schedule:
            if len(schedule[name]) > 100:
                yield [*path, name], "must be at most 100 characters"
                continue
            try:
                parse(schedule[name])
            except ValueError as error:
                yield [*path, name], str(error)
    if "interval" in schedule:
        interval = decimal(schedule["interval"])
        if interval is None or interval != interval.to_integral_value() or not 1 <= interval <= 999:
            yield [*path, "interval"], "must be a whole number from 1 to 999"
    sal_id = schedule.get("service_at_location_id")
    if sal_id and sal_id not in {
        sal.get("id") for _i, sal in _items(record, "service_at_locations")
    }:
        yield [*path, "service_at_location_id"], "is not one of this service's service_at_locations"


def _duplicates(records: list) -> Iterator[Problem]:
    first_seen: dict[tuple[str, str], int] = {}
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            continue
        record_id = str(record.get("id", ""))
        keys = [("service", record_id, "/id")]
        for key in UNIQUE_CHILDREN:
            for i, child in _items(record, key):
                keys.append((key, str(child.get("id")), f"/{key}/{i}/id"))
        for kind, child_id, path in keys:
            if (kind, child_id) in first_seen:
                yield Problem(
                    index,
                    record_id,
                    path,
                    f"the id {child_id} is used again: it was first used in record "
                    f"{first_seen[(kind, child_id)] + 1}",
                )
            else:
                first_seen[(kind, child_id)] = index
