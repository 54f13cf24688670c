"""Synthetic front-door data for the dashboard and evaluation tests: fictional, seeded, fast."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from frontdoor.people.models import Person
from frontdoor.referrals.models import Contact, Subject


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), timezone.get_default_timezone())


def make_contact(referrer, sent: datetime, *, people=(), postcode: str = "", **fields) -> Contact:
    """One sent contact about ``people`` (Person objects, or None for an unlinked subject)."""
    contact = Contact.objects.create(
        referrer=referrer,
        referrer_agency=referrer.agency,
        status=fields.pop("status", Contact.Status.SUBMITTED),
        submitted_at=sent,
        **fields,
    )
    for person in people or [None]:
        Subject.objects.create(
            contact=contact,
            role=Subject.Role.CHILD_AT_RISK,
            given_names="Test",
            family_name="Subject",
            postcode=postcode or (person.postcode if person else ""),
            person=person,
        )
    return contact


@dataclass
class Synthetic:
    cohort: list[tuple[int, date]]
    pool: list[int]


DISTRICT_POSTCODES = ("PR1 1AA", "BB10 1AA", "LA1 1AA")


def plant(referrer, *, effect: float, cohort_size: int, pool_size: int, on: date, seed: int = 7):
    """People with a latent contact rate; the cohort's rate after ``on`` drops by ``effect``.

    Each person's contacts in the year before and the year after ``on`` are Poisson with their
    own rate (3 to 6 a year), so comparison people change only by chance; cohort members'
    after-rate is lowered by ``effect``, the planted effect.
    """
    rng = random.Random(seed)  # noqa: S311 (test data)
    import numpy as np

    poisson = np.random.default_rng(seed).poisson
    people, contacts, subjects = [], [], []
    for index in range(cohort_size + pool_size):
        people.append(
            Person(
                given_names=f"Synthetic{index}",
                family_name="Person",
                date_of_birth=date(rng.randint(1970, 2012), rng.randint(1, 12), 1),
                sex=rng.choice(["female", "male"]),
                postcode=rng.choice(DISTRICT_POSTCODES),
            )
        )
    Person.objects.bulk_create(people)
    plan = []
    for index, person in enumerate(people):
        rate = rng.choice([3, 4, 5, 6])
        in_cohort = index < cohort_size
        before = int(poisson(rate))
        after = int(poisson(max(rate - effect, 0) if in_cohort else rate))
        for _ in range(before):
            plan.append((person, on - timedelta(days=rng.randint(1, 364))))
        for _ in range(after):
            plan.append((person, on + timedelta(days=rng.randint(0, 364))))
    for _, day in plan:
        contacts.append(
            Contact(
                referrer=referrer,
                referrer_agency=referrer.agency,
                status=Contact.Status.SUBMITTED,
                submitted_at=at(day),
            )
        )
    Contact.objects.bulk_create(contacts)
    for (person, _), contact in zip(plan, contacts, strict=True):
        subjects.append(
            Subject(
                contact=contact,
                role=Subject.Role.ADULT_AT_RISK,
                given_names="Synthetic",
                person=person,
                postcode=person.postcode,
            )
        )
    Subject.objects.bulk_create(subjects)
    return Synthetic(
        cohort=[(p.pk, on) for p in people[:cohort_size]],
        pool=[p.pk for p in people[cohort_size:]],
    )
