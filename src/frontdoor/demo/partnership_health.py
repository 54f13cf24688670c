"""Demo partnership health surveys: two closed rounds and one open round of fictional answers.

The answers are invented, drawn from a seeded random generator around figures that echo the
research (shared/research/leeds-*): trust is higher among managers than frontline staff, and
rises a little at the frontline between rounds. One agency has only 4 answers in each closed
round, so that the results page shows a withheld group (and the group withheld with it).
In the open round some of the demo practitioners have answered; the headline logins have not,
so that they see the prompt on My work.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.agencies.roles import Role
from frontdoor.demo.data import HEADLINE_PEOPLE
from frontdoor.insights.models import SurveyAnswer, SurveyResponse, SurveyRound
from frontdoor.insights.models.survey import StaffLevel, staff_level_for
from frontdoor.insights.services_survey import survey_answer, survey_round_create

# (agency name, managers, frontline staff) answering each closed round.
GROUPS: tuple[tuple[str, int, int], ...] = (
    ("Red Rose Constabulary", 5, 8),
    ("Northshire Children's Social Care", 6, 9),
    ("Northshire Community Health NHS Trust", 3, 5),
    ("Weftbridge High School", 2, 4),
    ("Central Northshire Housing Options Service", 1, 3),  # 4 in all: withheld
)

# Mean answer per measure: (managers, frontline) in round 1; round 2 adds FRONTLINE_GAIN.
MEANS: dict[str, tuple[float, float]] = {
    "commitment": (4.2, 3.6),
    "trust": (4.3, 2.8),
    "exchange": (3.9, 3.0),
    "respect": (3.8, 3.3),
    "conflict": (3.7, 2.9),
    "leadership": (4.2, 3.4),
    "time": (2.8, 2.4),
    "co_production": (3.3, 2.6),
    "champions": (4.1, 3.6),
    "culture": (2.4, 2.1),
    "parochialism": (2.3, 2.2),
    "politics": (2.5, 2.8),
    "governance": (3.0, 2.6),
    "practicalities": (1.9, 1.7),
}
FRONTLINE_GAIN = {"trust": 0.3, "exchange": 0.2, "conflict": 0.2}

COMMENTS = (
    "Strategy meetings work well now that the police and social care sit in the same office.",
    "Out of hours it is still hard to reach anyone in children's social care.",
    "I rarely hear back after I make a referral, so I don't know whether it helped.",
    "Our managers talk to each other, but that hasn't reached us on the ground yet.",
    "Health colleagues are much quicker to share since the new information sharing agreement.",
    "The escalation protocol helps: I used it twice this year and it was resolved quickly.",
    "Systems that don't talk to each other are the biggest problem we have.",
)


def _answer(rng: random.Random, mean: float) -> int:
    return max(1, min(5, round(rng.gauss(mean, 0.8))))


def _agencies() -> list[tuple[Agency, int, int]]:
    found = {a.name: a for a in Agency.objects.filter(name__in=[g[0] for g in GROUPS])}
    return [
        (found[name], managers, frontline) for name, managers, frontline in GROUPS if name in found
    ]


def _fictional_responses(rng: random.Random, survey_round: SurveyRound, *, later: bool) -> int:
    questions = list(survey_round.questions.all())
    responses, answers = [], []
    comments = list(COMMENTS)
    rng.shuffle(comments)
    for agency, managers, frontline in _agencies():
        for level, count in ((StaffLevel.MANAGERIAL, managers), (StaffLevel.FRONTLINE, frontline)):
            for _ in range(count):
                comment = comments.pop() if comments and rng.random() < 0.2 else ""
                response = SurveyResponse(
                    round=survey_round,
                    agency=agency,
                    agency_name=agency.name,
                    sector=agency.sector,
                    staff_level=level,
                    comment=comment,
                )
                responses.append(response)
                for question in questions:
                    manager_mean, frontline_mean = MEANS[question.measure]
                    mean = (
                        manager_mean
                        if level == StaffLevel.MANAGERIAL
                        else frontline_mean
                        + (FRONTLINE_GAIN.get(question.measure, 0) if later else 0)
                    )
                    answers.append(
                        SurveyAnswer(response=response, question=question, value=_answer(rng, mean))
                    )
    SurveyResponse.objects.bulk_create(responses)
    SurveyAnswer.objects.bulk_create(answers)
    return len(responses)


def build_partnership_health(*, seed: int) -> list[SurveyRound]:
    """Three rounds: about 200 and 110 days ago (closed) and one open now."""
    rng = random.Random(f"partnership-health-{seed}")  # nosec B311 (repeatable fictional data)
    manager = Practitioner.objects.filter(username="csc.partnership").first() or (
        Practitioner.objects.filter(role=Role.PARTNERSHIP_MANAGER).order_by("pk").first()
    )
    if manager is None:
        return []
    today = timezone.localdate()
    rounds = []
    with transaction.atomic():
        for days_ago, later in ((200, False), (110, True)):
            opens = today - timedelta(days=days_ago)
            closed = survey_round_create(
                by=manager, opens_on=opens, closes_on=opens + timedelta(days=20)
            )
            _fictional_responses(rng, closed, later=later)
            rounds.append(closed)
        current = survey_round_create(
            by=manager, opens_on=today - timedelta(days=4), closes_on=today + timedelta(days=16)
        )
        rounds.append(current)
        headline = {person.username for person in HEADLINE_PEOPLE}
        questions = list(current.questions.all())
        answering = Practitioner.objects.exclude(username__in=headline).order_by("pk")
        for practitioner in answering:
            if rng.random() < 0.4:
                continue
            level = staff_level_for(practitioner.role)
            values = {
                q.pk: _answer(
                    rng, MEANS[q.measure][0 if level == StaffLevel.MANAGERIAL else 1] + 0.2
                )
                for q in questions
            }
            survey_answer(survey_round=current, by=practitioner, values=values, today=today)
    return rounds
