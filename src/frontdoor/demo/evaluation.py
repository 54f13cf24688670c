"""A demo evaluation cohort (issue 9, item 4), made from the people the demo front door knows.

The hub first links the demo's subjects to the people already on the index, as a hub
practitioner would, so that contacts can be counted per person. The demo is small and its
referrals span two weeks, so the evaluation page honestly shows its small-group and
short-follow-up warnings: that is the point of showing them.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from frontdoor.agencies.models import Practitioner
from frontdoor.agencies.roles import Role
from frontdoor.insights.models import EvaluationCohort
from frontdoor.insights.services_evaluation import cohort_create
from frontdoor.people.models import Person
from frontdoor.referrals import services as referrals
from frontdoor.referrals.models import Subject

COHORT_NAME = "Demo: families given a multi-agency early help plan"


def _link_known_people(hub) -> None:
    known = {(p.given_names, p.family_name, p.date_of_birth): p for p in Person.objects.all()}
    for subject in Subject.objects.filter(person__isnull=True, contact__submitted_at__isnull=False):
        person = known.get((subject.given_names, subject.family_name, subject.date_of_birth))
        if person is not None:
            referrals.subject_link(subject=subject, by=hub, person=person)


def build_evaluation(*, seed: int = 2026) -> EvaluationCohort | None:
    analyst = Practitioner.objects.filter(role=Role.ANALYST).order_by("username").first()
    hub = Practitioner.objects.filter(role=Role.HUB_PRACTITIONER).order_by("username").first()
    if analyst is None or hub is None:
        return None
    _link_known_people(hub)
    rng = random.Random(seed + 9)  # nosec B311
    people = list(Person.objects.order_by("pk").values_list("pk", flat=True))
    chosen = sorted(rng.sample(people, k=min(6, len(people) // 2)))
    if not chosen:
        return None
    today = timezone.localdate()
    members = [(pk, today - timedelta(days=rng.randint(5, 8))) for pk in chosen]
    return cohort_create(
        by=analyst,
        name=COHORT_NAME,
        intervention="An early help plan agreed by the partners at the daily risk meeting",
        members=members,
    )
