"""Demo Operation Encompass notifications from Red Rose Constabulary to the demo schools.

Made through the real services at simulated moments. ``police.frontline`` (Ryan Atherton) has
sent notifications to Weftbridge High School (DSLs ``school.frontline`` and ``school.dsl``) and
Calico Fold Primary School: one unacknowledged and past the start of its school day, one sent
a few minutes ago, two acknowledged. Partnership-wide school holidays and one school's
training day are configured. Every child and incident is invented.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.sharing.encompass import (
    next_school_day_start,
    notification_acknowledge,
    notification_record,
)
from frontdoor.sharing.models import EncompassNotification, SchoolHoliday

from . import data
from .front_door import simulated_now

INCIDENTS = [
    (
        "The family home",
        "Raised voices and a smashed mirror reported by a neighbour. The child was in the "
        "next room and was upset but unhurt; the other parent and the children are staying "
        "with a grandparent tonight.",
        "She said she put her headphones on so she would not hear it.",
    ),
    (
        "A flat above the shops on the high street",
        "A parent was pushed during an argument in the kitchen. The child saw it and rang "
        "999. The child may be tired and worried tomorrow.",
        "He said he was scared his mum would be taken to hospital.",
    ),
    (
        "The family home",
        "An argument between the parents that carried on into the early hours. Officers "
        "attended; nobody was hurt. The child lives at the address and was asleep upstairs.",
        "",
    ),
    (
        "Outside the home, in the car park",
        "A former partner came to the address and shouted threats at the child's mother. "
        "The child was in the car and saw it happen.",
        "They asked if the man would come to school.",
    ),
]


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), timezone.get_default_timezone())


def _child(rng: random.Random, on: date) -> tuple[str, str, date]:
    _, firsts, surnames = rng.choices(data.NAME_POOLS, weights=[w for w, _, _ in data.NAME_POOLS])[
        0
    ]
    age = rng.randint(5, 15)
    born = date(on.year - age - 1, rng.randint(1, 12), rng.randint(1, 28))
    return rng.choice(firsts), rng.choice(surnames), born


def build_encompass(*, seed: int = 2026) -> list[EncompassNotification]:
    rng = random.Random(seed + 49)  # nosec B311
    officer = Practitioner.objects.filter(username="police.frontline").first()
    dsl = Practitioner.objects.filter(username="school.frontline").first()
    schools = {a.name: a for a in Agency.objects.filter(sector=Agency.Sector.EDUCATION)}
    high = schools.get("Weftbridge High School")
    primary = schools.get("Calico Fold Primary School")
    if officer is None or high is None:
        return []
    now = timezone.now()
    today = timezone.localdate()
    made = []
    with transaction.atomic():
        for year in (today.year - 1, today.year):
            SchoolHoliday.objects.get_or_create(
                name=f"Christmas holiday {year}",
                first_day=date(year, 12, 21),
                last_day=date(year + 1, 1, 1),
            )
        SchoolHoliday.objects.get_or_create(
            name="Staff training day",
            first_day=date(today.year, 9, 1),
            last_day=date(today.year, 9, 1),
            school=high,
        )

        def send(occurred: datetime, school: Agency, incident: int, reference: str):
            given, family, born = _child(rng, occurred.date())
            where, circumstances, voice = INCIDENTS[incident]
            with simulated_now(min(occurred + timedelta(minutes=35), now)):
                notification = notification_record(
                    by=officer,
                    data={
                        "police_reference": reference,
                        "occurred_at": occurred,
                        "location": where,
                        "circumstances": circumstances,
                        "school": school,
                        "child_given_names": given,
                        "child_family_name": family,
                        "child_date_of_birth": born,
                        "child_present": incident != 2,
                        "child_lives_in_household": incident != 3,
                        "voice_of_child": voice,
                    },
                )
            made.append(notification)
            return notification

        # Acknowledged before the bell, a week ago.
        acknowledged = send(_local(today - timedelta(days=7), 21, 40), high, 0, "RR-DA-40117")
        if dsl is not None and acknowledged.due_at < now:
            with simulated_now(acknowledged.due_at - timedelta(minutes=25)):
                notification_acknowledge(notification=acknowledged, by=dsl, expected_version=1)
        if primary is not None:
            lead = Practitioner.objects.filter(
                agency=primary, job_title__icontains="safeguarding"
            ).first()
            other = send(_local(today - timedelta(days=5), 19, 5), primary, 1, "RR-DA-40162")
            if lead is not None and other.due_at < now:
                with simulated_now(other.due_at - timedelta(minutes=50)):
                    notification_acknowledge(notification=other, by=lead, expected_version=1)
        # Unacknowledged and overdue: an incident late on a night whose school day has begun.
        back = 2
        while True:
            occurred = _local(today - timedelta(days=back), 23, 10)
            if next_school_day_start(occurred, high) < now:
                break
            back += 1
        send(occurred, high, 2, "RR-DA-40231")
        # Just sent: due at the start of the next school day.
        recent = now - timedelta(minutes=40)
        if next_school_day_start(recent, high) <= now:  # the school day began since
            recent = now
        send(recent, high, 3, "RR-DA-40259")
    return list(EncompassNotification.objects.filter(pk__in=[n.pk for n in made]))
