"""Which person on the index is each of a force's nominals? One function answers it.

``resolve_parties`` is the only place the incident import decides who a person is. Today it
links by the force's own nominal reference: the police_nominal ``AgencyRecord`` with that
``source_ref`` is created or refreshed, and its person is the answer (a new ``Person`` when the
record has none). The identity-matching facade (issue 6) will replace the inside of this
function, so keep callers to its signature: a batch in, a mapping out, all in bulk.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from frontdoor.people.models import AgencyRecord, Person, RecordKind

from .bulk import insert_objects

BATCH = 2000


@dataclass(frozen=True)
class NominalDetails:
    """What the force says about a nominal (the most recent incident's version)."""

    given_names: str
    family_name: str
    date_of_birth: date | None
    sex: str


@dataclass(frozen=True)
class Resolved:
    record_id: int
    person_id: int


@dataclass
class Resolution:
    parties: dict[str, Resolved]
    people_created: int = 0
    people_linked: int = 0  # nominals linked to a person already on the index


def _chunks(items: list, size: int = BATCH) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def resolve_parties(*, agency, nominals: Mapping[str, NominalDetails], by=None) -> Resolution:
    """Resolve every ``person_ref`` in ``nominals`` to (agency record, person), in bulk.

    Call inside the import's transaction: records and people made here roll back with it.
    """
    refs = sorted(nominals)
    existing: dict[str, AgencyRecord] = {}
    records = AgencyRecord.objects.filter(agency=agency, kind=RecordKind.POLICE_NOMINAL)
    for chunk in _chunks(refs):
        for record in records.filter(source_ref__in=chunk).only(
            "pk", "source_ref", "person_id", "given_names", "family_name", "date_of_birth", "sex"
        ):
            existing[record.source_ref] = record

    # Records without a person, new or old, each get a new person.
    unlinked = [r for r in refs if r not in existing or existing[r].person_id is None]
    people = [_person_from(nominals[r], by) for r in unlinked]
    _bulk_create(Person, people)
    person_for = {ref: person.pk for ref, person in zip(unlinked, people, strict=True)}

    new_records, changed = [], []
    for ref in refs:
        details = nominals[ref]
        record = existing.get(ref)
        if record is None:
            new_records.append(
                AgencyRecord(
                    agency=agency,
                    kind=RecordKind.POLICE_NOMINAL,
                    source_ref=ref,
                    person_id=person_for[ref],
                    **_record_fields(details),
                )
            )
            continue
        fields = _record_fields(details)
        differs = any(getattr(record, name) != value for name, value in fields.items())
        if record.person_id is None:
            record.person_id = person_for[ref]
            differs = True
        if differs:
            for name, value in fields.items():
                setattr(record, name, value)
            changed.append(record)
    _bulk_create(AgencyRecord, new_records)
    if changed:
        AgencyRecord.objects.bulk_update(
            changed,
            ["person", "given_names", "family_name", "date_of_birth", "sex"],
            batch_size=500,
        )
    for record in new_records:
        existing[record.source_ref] = record
    return Resolution(
        parties={ref: Resolved(existing[ref].pk, existing[ref].person_id) for ref in refs},
        people_created=len(people),
        people_linked=len(refs) - len(unlinked),
    )


def _record_fields(details: NominalDetails) -> dict:
    return {
        "given_names": details.given_names,
        "family_name": details.family_name,
        "date_of_birth": details.date_of_birth,
        "sex": details.sex,
    }


def _person_from(details: NominalDetails, by) -> Person:
    return Person(
        given_names=details.given_names,
        family_name=details.family_name,
        date_of_birth=details.date_of_birth,
        sex=details.sex,
        created_by=by if by is not None and getattr(by, "pk", None) else None,
    )


def _bulk_create(model, objects: list) -> None:
    """Create in bulk; every object knows its primary key afterwards."""
    insert_objects(model, objects)
