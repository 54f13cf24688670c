"""Is this person already known? The facade the front door calls.

A plain search for now (surname, first name initial, date of birth, postcode, NHS
number); the identity-resolution issue replaces the inside with probabilistic
matching and keeps this interface.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from .models import Person


@dataclass(frozen=True)
class Candidate:
    person: Person
    reasons: tuple[str, ...]

    @property
    def strength(self) -> int:
        return len(self.reasons)


def possible_matches(
    *,
    given_names: str,
    family_name: str,
    date_of_birth: date | None = None,
    postcode: str = "",
    nhs_number: str = "",
    limit: int = 5,
) -> list[Candidate]:
    query = Q()
    if nhs_number:
        query |= Q(nhs_number=nhs_number)
    if family_name:
        query |= Q(family_name__iexact=family_name.strip())
    if date_of_birth:
        query |= Q(date_of_birth=date_of_birth)
    if not query:
        return []
    candidates = []
    first = (given_names or "").strip()[:1].lower()
    tidy_postcode = postcode.replace(" ", "").upper()
    for person in Person.objects.filter(query)[:200]:
        reasons = []
        if nhs_number and person.nhs_number == nhs_number:
            reasons.append("same NHS number")
        if family_name and person.family_name.lower() == family_name.strip().lower():
            reasons.append("same family name")
        if first and person.given_names[:1].lower() == first:
            reasons.append("same first initial")
        if date_of_birth and person.date_of_birth == date_of_birth:
            reasons.append("same date of birth")
        if tidy_postcode and person.postcode.replace(" ", "").upper() == tidy_postcode:
            reasons.append("same postcode")
        if len(reasons) >= 2 or "same NHS number" in reasons:
            candidates.append(Candidate(person=person, reasons=tuple(reasons)))
    candidates.sort(key=lambda c: (-c.strength, c.person.family_name, c.person.given_names))
    return candidates[:limit]
