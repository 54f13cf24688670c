"""The blocking-key index in the application database, kept in step with the person index.

Every agency record and every person's own details get their engine blocking keys written
when they are saved (``frontdoor.matching.apps`` connects the save signals: plumbing, like a
cache). Intake then finds candidates with one indexed lookup instead of a scan.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from frontdoor.core.bulk import insert_rows
from frontdoor.people.models import AgencyRecord, Person

from .engine import Record, blocking_keys
from .models import BlockingKey

RECORD_FIELDS = (
    "pk",
    "person_id",
    "agency_id",
    "given_names",
    "middle_names",
    "family_name",
    "date_of_birth",
    "sex",
    "postcode",
    "address",
    "nhs_number",
    "upn",
)
PERSON_FIELDS = (
    "pk",
    "given_names",
    "family_name",
    "date_of_birth",
    "sex",
    "postcode",
    "address",
    "nhs_number",
)
KEY_LENGTH = BlockingKey._meta.get_field("key").max_length


def _sex(value: str) -> str:
    return value if value in ("male", "female") else ""


def engine_record(
    record_id: str,
    *,
    source: str = "",
    given_names: str = "",
    middle_names: str = "",
    family_name: str = "",
    date_of_birth=None,
    sex: str = "",
    postcode: str = "",
    address: str = "",
    nhs_number: str = "",
    upn: str = "",
) -> Record:
    return Record(
        record_id=record_id,
        source=source,
        first_name=given_names or "",
        middle_names=middle_names or "",
        surname=family_name or "",
        date_of_birth=date_of_birth,
        sex=_sex(sex or ""),
        postcode=postcode or "",
        address=address or "",
        nhs_number=nhs_number or "",
        upn=upn or "",
    )


def record_id_of_record(pk: int) -> str:
    return f"r{pk}"


def record_id_of_person(pk: int) -> str:
    return f"p{pk}"


def from_record_row(row: tuple) -> Record:
    """An engine record from ``AgencyRecord.objects.values_list(*RECORD_FIELDS)``."""
    pk, _person, agency, given, middle, family, dob, sex, postcode, address, nhs, upn = row
    return engine_record(
        record_id_of_record(pk),
        source=str(agency),
        given_names=given,
        middle_names=middle,
        family_name=family,
        date_of_birth=dob,
        sex=sex,
        postcode=postcode,
        address=address,
        nhs_number=nhs,
        upn=upn,
    )


def from_person_row(row: tuple) -> Record:
    """An engine record from ``Person.objects.values_list(*PERSON_FIELDS)``."""
    pk, given, family, dob, sex, postcode, address, nhs = row
    return engine_record(
        record_id_of_person(pk),
        source="index",
        given_names=given,
        family_name=family,
        date_of_birth=dob,
        sex=sex,
        postcode=postcode,
        address=address,
        nhs_number=nhs,
    )


def of_record(record: AgencyRecord) -> Record:
    return from_record_row(tuple(getattr(record, name) for name in RECORD_FIELDS))


def of_person(person: Person) -> Record:
    return from_person_row(tuple(getattr(person, name) for name in PERSON_FIELDS))


def keys_of(record: Record) -> list[str]:
    return sorted({key[:KEY_LENGTH] for key in blocking_keys(record)})


def index_record(record: AgencyRecord) -> None:
    """(Re)write one agency record's blocking keys."""
    with transaction.atomic():
        BlockingKey.objects.filter(record=record).delete()
        BlockingKey.objects.bulk_create(
            BlockingKey(key=key, record_id=record.pk) for key in keys_of(of_record(record))
        )


def index_person(person: Person) -> None:
    """(Re)write the blocking keys of a person's own details (people with no records yet)."""
    with transaction.atomic():
        BlockingKey.objects.filter(person=person).delete()
        BlockingKey.objects.bulk_create(
            BlockingKey(key=key, person_id=person.pk) for key in keys_of(of_person(person))
        )


def _index_bulk(rows: Iterable[tuple], parse, owner: str, chunk: int = 50_000) -> int:
    """Insert the keys as plain tuples (COPY on PostgreSQL): millions of them on a rebuild.

    Keys are gathered a chunk at a time and then written, so that reading ``rows`` (often a
    server-side cursor on the same connection) never interleaves with a COPY in progress.
    """
    written, batch = 0, []
    columns = ("key", f"{owner}_id")
    for row in rows:
        batch.extend((key, row[0]) for key in keys_of(parse(row)))
        if len(batch) >= chunk:
            written += insert_rows(BlockingKey, columns, batch)
            batch = []
    if batch:
        written += insert_rows(BlockingKey, columns, batch)
    return written


def index_records_bulk(rows: Iterable[tuple]) -> int:
    """Write keys for many records at once (``values_list(*RECORD_FIELDS)`` rows); returns
    the number of keys written. The caller deletes stale keys first when re-indexing."""
    return _index_bulk(rows, from_record_row, "record")


def index_people_bulk(rows: Iterable[tuple]) -> int:
    """The same for people's own details (``values_list(*PERSON_FIELDS)`` rows)."""
    return _index_bulk(rows, from_person_row, "person")


def rebuild() -> int:
    """Rebuild the whole index from the person index (after a bulk import)."""
    with transaction.atomic():
        BlockingKey.objects.all().delete()
        written = index_records_bulk(
            AgencyRecord.objects.values_list(*RECORD_FIELDS).iterator(chunk_size=5000)
        )
        written += index_people_bulk(
            Person.objects.values_list(*PERSON_FIELDS).iterator(chunk_size=5000)
        )
    return written


# Signal receivers (connected in apps.py) -------------------------------------------------


def record_saved(sender, instance: AgencyRecord, raw: bool = False, **kwargs) -> None:
    if not raw:
        index_record(instance)


def person_saved(sender, instance: Person, raw: bool = False, update_fields=None, **kwargs) -> None:
    if raw:
        return
    if update_fields is not None and set(update_fields) <= {"merged_into"}:
        return  # only the merge pointer changed: the keys are the same
    index_person(instance)
