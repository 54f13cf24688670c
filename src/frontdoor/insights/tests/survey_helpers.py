"""Making survey rounds and answers for tests, through the real services."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.insights.services_survey import survey_answer, survey_round_create


def open_round(by, *, days_ago: int = 1, days_left: int = 10):
    today = timezone.localdate()
    return survey_round_create(
        by=by,
        opens_on=today - timedelta(days=days_ago),
        closes_on=today + timedelta(days=days_left),
    )


def past_round(by, *, weeks_ago: int):
    today = timezone.localdate()
    start = today - timedelta(weeks=weeks_ago)
    return survey_round_create(by=by, opens_on=start, closes_on=start + timedelta(days=13))


def answer_all(survey_round, practitioner, *, value=3, by_measure=None, comment="", today=None):
    """Answer every question with ``value``, or ``by_measure[measure]`` where given."""
    by_measure = by_measure or {}
    values = {q.pk: by_measure.get(q.measure, value) for q in survey_round.questions.all()}
    survey_answer(
        survey_round=survey_round,
        by=practitioner,
        values=values,
        comment=comment,
        today=today or survey_round.opens_on,
    )


def answer_many(survey_round, agency, count, *, role=Role.FRONTLINE, **kwargs):
    """``count`` new practitioners at ``agency`` in ``role`` each answer the round."""
    people = PractitionerFactory.create_batch(count, agency=agency, role=role)
    for person in people:
        answer_all(survey_round, person, **kwargs)
    return people
