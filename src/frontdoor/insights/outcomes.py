"""Outcomes an evaluation can measure, and what it matches on, read from the database.

Each outcome is a function returning every person's events as (date, value) pairs. Front-door
contacts are available now; when police incidents arrive (the incidents app), harm joins the
registry as another entry (for example each incident weighted by a harm index), and nothing
in ``evaluation.py`` changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from frontdoor.agencies.models import Area
from frontdoor.people.models import Person
from frontdoor.referrals.models import Contact, Subject

from .evaluation import Events, Profile


@dataclass(frozen=True)
class Outcome:
    key: str
    label: str  # what is counted, in a sentence: "front-door contacts about the person"
    unit: str  # "contacts"
    events: Callable[[], dict[int, Events]]


def contact_events() -> dict[int, Events]:
    """Each distinct contact sent to the front door about a person, on the day it was sent."""
    seen: dict[int, set[tuple[int, date]]] = defaultdict(set)
    rows = (
        Subject.objects.filter(person__isnull=False, contact__submitted_at__isnull=False)
        .exclude(contact__status=Contact.Status.DRAFT)
        .values_list("person_id", "contact_id", "contact__submitted_at")
    )
    for person, contact, sent in rows:
        seen[person].add((contact, timezone.localdate(sent)))
    return {person: Events.of((day, 1.0) for _, day in found) for person, found in seen.items()}


OUTCOMES: dict[str, Outcome] = {
    "contacts": Outcome(
        key="contacts",
        label="front-door contacts about the person",
        unit="contacts",
        events=contact_events,
    ),
}


def outward_code(postcode: str) -> str:
    parts = (postcode or "").upper().split()
    if len(parts) == 2:
        return parts[0]
    compact = "".join(parts)
    return compact[:-3] if len(compact) > 4 else compact


def district_lookup() -> Callable[[str], str]:
    """postcode -> the name of the partnership district it is in ('' when outside or unknown)."""
    by_outward = {}
    for area in Area.objects.filter(kind=Area.Kind.DISTRICT).only("name", "postcode_districts"):
        for code in area.postcode_districts.upper().split():
            by_outward[code] = area.name
    return lambda postcode: by_outward.get(outward_code(postcode), "")


def profiles(person_ids: Iterable[int] | None = None) -> dict[int, Profile]:
    in_district = district_lookup()
    people = Person.objects.all()
    if person_ids is not None:
        people = people.filter(pk__in=list(person_ids))
    return {
        pk: Profile(date_of_birth=born, sex=sex, district=in_district(postcode))
        for pk, born, sex, postcode in people.values_list("pk", "date_of_birth", "sex", "postcode")
    }
