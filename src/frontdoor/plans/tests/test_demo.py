"""The demo plans: every type and status, for police, social care and a school, some escalated."""

import pytest
from django.utils import timezone

from frontdoor.core.models import OutboxMessage
from frontdoor.demo.front_door import build_front_door
from frontdoor.demo.generator import build_partnership
from frontdoor.demo.plans import build_plans
from frontdoor.plans.models import Action, Plan

pytestmark = pytest.mark.django_db


def test_demo_plans_have_actions_of_every_type_and_status_some_escalated():
    build_partnership(seed=2026, practitioners_per_agency=0)
    build_front_door(seed=2026, contacts=12)
    made = build_plans(seed=2026)
    assert made.plans == 3 and Plan.objects.count() == 3
    assert set(Action.objects.values_list("type", flat=True)) == set(Action.Type.values)
    assert set(Action.objects.values_list("status", flat=True)) == set(Action.Status.values)
    sectors = set(Action.objects.values_list("owner_agency__sector", flat=True))
    assert {"police", "childrens_social_care", "education"} <= sectors
    today = timezone.localdate()
    overdue = Action.objects.filter(status__in=Action.OPEN_STATUSES, due_on__lt=today)
    assert overdue.filter(escalated_at__isnull=False).exists()
    assert overdue.filter(escalated_at__isnull=True).exists()  # the next run escalates it
    assert OutboxMessage.objects.filter(subject__contains="overdue").exists()
    assert Plan.objects.filter(review_on__lte=today).exists()
    assert all(plan.own_words for plan in Plan.objects.all())
