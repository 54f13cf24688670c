"""The dashboard figure "repeat_incidents": incidents and harm before and after a plan starts."""

import datetime as dt

import pytest
from django.utils import timezone

from frontdoor.insights.figures import FIGURES, Filters
from frontdoor.plans.models import Plan

from .recurrence_world import load_hand_case

pytestmark = pytest.mark.django_db


def test_repeat_incidents_counts_before_and_after_each_plan(police):
    people = load_hand_case(police)
    plan = Plan.objects.create(title="Safety plan")
    plan.people.add(people["B"])
    started = timezone.make_aware(dt.datetime(2026, 1, 6, 12, 0))  # noqa: DTZ001
    Plan.objects.filter(pk=plan.pk).update(created_at=started)
    # B before 6 Jan: I5 (8N, 14), I1 (105A, 1), I2 (8N, 14); after: I3 (8L, 13), I4 (asb, 3).
    rows = _figure().compute(Filters(start=dt.date(2026, 1, 1), end=dt.date(2026, 1, 31)))
    assert rows == [("All plans", 1, 3, 2, 29.0, 16.0)]
    # A plan outside the period counts nothing.
    rows = _figure().compute(Filters(start=dt.date(2026, 2, 1), end=dt.date(2026, 2, 28)))
    assert rows == [("All plans", 0, 0, 0, 0.0, 0.0)]


def _figure():
    return next(f for f in FIGURES if f.key == "repeat_incidents")
