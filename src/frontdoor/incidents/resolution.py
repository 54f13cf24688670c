"""Which person on the index is each of a force's nominals? One function answers it.

``resolve_parties`` is the only place the incident import decides who a person is. The
force's own nominal reference comes first: the police_nominal ``AgencyRecord`` with that
``source_ref`` is created or refreshed, and once it has a person that is the answer. A nominal
new to Front Door is matched against the person index with the active identity-matching model
(the same blocking keys and scores as the front door's "is this person already known?"):

- at or above the model's link threshold it joins that person (a child the hub already knows
  is the same child in the force's extract);
- in the uncertain band it gets a new person and the pair goes to the matching review queue,
  where a practitioner decides with the explanation in front of them;
- below it, a new person.

New and changed records and new people are written to the matching index in bulk, so the
next intake search finds them. Callers keep to the signature: a batch in, a mapping out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from frontdoor.matching import index as matching_index
from frontdoor.matching import scoring
from frontdoor.matching.facade import explanation_json
from frontdoor.matching.models import BlockingKey, ReviewItem
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
    reviews_queued: int = 0  # uncertain matches sent to the matching review queue


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

    # Records without a person, new or old, are matched against the person index.
    unlinked = [r for r in refs if r not in existing or existing[r].person_id is None]
    active = scoring.active_model()
    best_for = {ref: _best_match(ref, nominals[ref], existing.get(ref), active) for ref in unlinked}
    person_for: dict[str, int] = {}
    matched = 0
    for ref, best in best_for.items():
        if best is not None and best.score.probability >= active.link_at:
            person_for[ref] = best.person_id
            matched += 1
    new_people = [r for r in unlinked if r not in person_for]
    people = [_person_from(nominals[r], by) for r in new_people]
    _bulk_create(Person, people)
    person_for |= {ref: person.pk for ref, person in zip(new_people, people, strict=True)}

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
    _index(new_records, changed, people)
    reviews = [
        ReviewItem(
            record_id=existing[ref].pk,
            other_record_id=best.record_id,
            other_person_id=best.person_id,
            model_version=active.version,
            match_weight=float(best.score.match_weight),
            probability=float(best.score.probability),
            explanation=explanation_json(best.score),
        )
        for ref, best in best_for.items()
        if best is not None
        and ref in new_people
        and active.review_from <= best.score.probability < active.link_at
    ]
    ReviewItem.objects.bulk_create(reviews, batch_size=500)
    return Resolution(
        parties={ref: Resolved(existing[ref].pk, existing[ref].person_id) for ref in refs},
        people_created=len(people),
        people_linked=len(refs) - len(unlinked) + matched,
        reviews_queued=len(reviews),
    )


def _best_match(ref: str, details: NominalDetails, record: AgencyRecord | None, active):
    """The person on the index this nominal most resembles, or None."""
    query = matching_index.engine_record(
        f"nominal:{ref}",
        source="police",
        given_names=details.given_names,
        family_name=details.family_name,
        date_of_birth=details.date_of_birth,
        sex=details.sex,
    )
    ranked = scoring.scored_people(
        query, active.model, exclude_records=[record.pk] if record is not None else []
    )
    return ranked[0] if ranked else None


def _index(new_records: list, changed: list, people: list) -> None:
    """Keep the matching index in step (bulk writes bypass its save hooks)."""
    changed_ids = [r.pk for r in changed]
    for chunk in _chunks(changed_ids):
        BlockingKey.objects.filter(record_id__in=chunk).delete()
    record_ids = [r.pk for r in new_records] + changed_ids
    for chunk in _chunks(record_ids):
        matching_index.index_records_bulk(
            AgencyRecord.objects.filter(pk__in=chunk).values_list(*matching_index.RECORD_FIELDS)
        )
    for chunk in _chunks([p.pk for p in people]):
        matching_index.index_people_bulk(
            Person.objects.filter(pk__in=chunk).values_list(*matching_index.PERSON_FIELDS)
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
