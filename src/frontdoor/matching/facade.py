"""What the rest of Front Door calls for identity matching (ADR 0029).

- ``candidates``: "is this person already known?" at intake, ranked with probability and
  the weight each field contributed, for practitioners who may see the index.
- ``place_record``: put a new or confirmed agency record into the existing people without
  a re-run (link, queue for review, or a new person).
- ``merge``, ``split``, ``undo``, ``review_accept``, ``review_reject``: reversible, audited.
- ``apply_batch_link``: the engine's batch linkage over every agency record, applied as
  people with provenance (``manage.py link_index``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Q

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.people.models import AgencyRecord, Person, RecordKind

from . import index, scoring
from .access import MATCH, may
from .batch import apply_batch_link
from .models import ReviewItem
from .services import merge, person_from_record, review_accept, review_reject, split, undo

__all__ = [
    "Candidate",
    "Explanation",
    "Placement",
    "apply_batch_link",
    "candidates",
    "merge",
    "place_record",
    "review_accept",
    "review_reject",
    "split",
    "subject_recorded",
    "undo",
]

FIELD_LABELS = {
    "prior": "Starting point",
    "generation": "Generation (Jr, Sr)",
    "first_name": "First name",
    "given_names": "First name",
    "middle_names": "Middle names",
    "surname": "Family name",
    "family_name": "Family name",
    "name": "Name",
    "date_of_birth": "Date of birth",
    "dob": "Date of birth",
    "sex": "Sex",
    "postcode": "Postcode",
    "address": "Address and postcode",
    "nhs_number": "NHS number",
    "upn": "Unique pupil number",
}
# Shown as a candidate at all: below this the person is not worth a practitioner's time.
MIN_SHOWN = 0.05


@dataclass(frozen=True)
class Explanation:
    field: str
    label: str
    level: str
    weight: float

    @property
    def direction(self) -> str:
        if self.weight > 0.05:
            return "for"
        if self.weight < -0.05:
            return "against"
        return "neutral"


def explain(score) -> list[Explanation]:
    return [
        Explanation(
            field=c.field,
            label=FIELD_LABELS.get(c.field, c.field.replace("_", " ").capitalize()),
            level=str(c.level).replace("_", " "),
            weight=round(float(c.weight), 2),
        )
        for c in score.contributions
    ]


def explanation_json(score) -> list[dict]:
    return [
        {"field": e.field, "label": e.label, "level": e.level, "weight": e.weight}
        for e in explain(score)
    ]


def label_for(probability: float, *, link_at: float, review_from: float) -> str:
    if probability >= link_at:
        return "likely"
    if probability >= review_from:
        return "possible"
    return "unlikely"


@dataclass(frozen=True)
class Candidate:
    """A person on the index who may be the subject, with why the model thinks so."""

    person: Person
    probability: float
    match_weight: float
    label: str  # "likely", "possible" or "unlikely"
    explanation: tuple[Explanation, ...]

    @property
    def percent(self) -> int:
        return round(100 * self.probability)

    @property
    def telling(self) -> tuple[Explanation, ...]:
        """The details that moved the score (missing ones add nothing and are left out)."""
        return tuple(e for e in self.explanation if e.weight != 0)


def candidates(
    practitioner,
    *,
    given_names: str,
    family_name: str,
    date_of_birth: date | None = None,
    sex: str = "",
    postcode: str = "",
    nhs_number: str = "",
    upn: str = "",
    limit: int = 5,
    min_probability: float = MIN_SHOWN,
) -> list[Candidate]:
    """Ranked people who may be this subject; empty for anyone who may not see the index.

    Only index-level facts come back (the person); which agency's record matched, and its
    reference or address, stay behind the person index page's own checks.
    """
    if not may(practitioner, MATCH):
        return []
    query = index.engine_record(
        "query",
        source="intake",
        given_names=given_names,
        family_name=family_name,
        date_of_birth=date_of_birth,
        sex=sex,
        postcode=postcode,
        nhs_number=nhs_number,
        upn=upn,
    )
    active = scoring.active_model()
    ranked = [
        s
        for s in scoring.scored_people(query, active.model)
        if s.score.probability >= min_probability
    ][:limit]
    people = Person.objects.in_bulk([s.person_id for s in ranked])
    return [
        Candidate(
            person=people[s.person_id],
            probability=float(s.score.probability),
            match_weight=float(s.score.match_weight),
            label=label_for(
                s.score.probability, link_at=active.link_at, review_from=active.review_from
            ),
            explanation=tuple(explain(s.score)),
        )
        for s in ranked
        if s.person_id in people
    ]


@dataclass(frozen=True)
class Placement:
    outcome: str  # "linked", "review", "new" or "confirmed"
    person: Person
    probability: float | None = None
    review_item: ReviewItem | None = None


def _rejected_people(record: AgencyRecord) -> set[int]:
    """People a practitioner has said this record is not (cannot-link)."""
    rejected = ReviewItem.objects.filter(
        record=record, status=ReviewItem.Status.REJECTED
    ).select_related("other_record__person", "other_person")
    found = set()
    for item in rejected:
        other = item.other_record.person if item.other_record_id else item.other_person
        if other is not None:
            found.add(other.current().pk)
    return found


def _queue(record: AgencyRecord, best: scoring.Scored, active) -> ReviewItem:
    existing = ReviewItem.objects.filter(
        Q(other_person_id=best.person_id) | Q(other_record__person_id=best.person_id),
        record=record,
    ).first()
    if existing is not None:
        return existing
    return ReviewItem.objects.create(
        record=record,
        other_record_id=best.record_id,
        other_person_id=best.person_id,
        model_version=active.version,
        match_weight=float(best.score.match_weight),
        probability=float(best.score.probability),
        explanation=explanation_json(best.score),
    )


def place_record(record: AgencyRecord, *, by) -> Placement:
    """Place a new or confirmed record among the existing people, incrementally.

    A record already with a person (the hub linked it or confirmed it new) stays there; if
    someone else on the index still looks possible, the pair goes to the review queue. An
    unplaced record joins the best person above the link threshold, gets a new person and a
    review item in the uncertain band, and a new person below it. Rejected pairs are never
    linked again.
    """
    with transaction.atomic():
        record = AgencyRecord.objects.select_for_update().get(pk=record.pk)
        active = scoring.active_model()
        exclude_people = _rejected_people(record)
        if record.person_id:
            exclude_people.add(record.person.current().pk)
        ranked = scoring.scored_people(
            index.of_record(record),
            active.model,
            exclude_records=[record.pk],
            exclude_people=exclude_people,
        )
        best = ranked[0] if ranked else None
        probability = float(best.score.probability) if best else None
        if record.person_id:
            item = None
            if best and best.score.probability >= active.review_from:
                item = _queue(record, best, active)
            outcome, person = "confirmed", record.person
        elif best and best.score.probability >= active.link_at:
            person = Person.objects.get(pk=best.person_id)
            record.person = person
            record.save(update_fields=["person"])
            outcome, item = "linked", None
        else:
            person = person_from_record(record, by=by)
            record.person = person
            record.save(update_fields=["person"])
            item = None
            outcome = "new"
            if best and best.score.probability >= active.review_from:
                item = _queue(record, best, active)
                outcome = "review"
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=record,
            reason="Placed an agency record on the person index",
            details={
                "outcome": outcome,
                "person": person.pk,
                "probability": probability,
                "review_item": item.pk if item else None,
                "model": active.version.version if active.version else "default",
            },
        )
    return Placement(outcome=outcome, person=person, probability=probability, review_item=item)


def subject_recorded(*, subject, by) -> Placement:
    """A referral subject the hub linked or confirmed new: what the referral says about
    them becomes an agency record (the referrer's agency said it, when it was sent)."""
    contact = subject.contact
    record, _ = AgencyRecord.objects.update_or_create(
        agency_id=contact.referrer_agency_id,
        kind=RecordKind.REFERRAL_SUBJECT,
        source_ref=f"{contact.reference or contact.pk}/{subject.pk}",
        defaults={
            "person": subject.person,
            "given_names": subject.given_names,
            "family_name": subject.family_name,
            "date_of_birth": subject.date_of_birth,
            "date_of_birth_estimated": subject.date_of_birth is None,
            "sex": subject.sex,
            "address": subject.address,
            "postcode": subject.postcode,
            "nhs_number": subject.nhs_number,
            "recorded_at": contact.submitted_at,
        },
    )
    return place_record(record, by=by)
