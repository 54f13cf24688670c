"""The demo evaluation: a real cohort from the demo front door, honest about being small."""

import pytest

from frontdoor.audit.models import AuditEvent
from frontdoor.demo.evaluation import build_evaluation
from frontdoor.demo.front_door import build_front_door
from frontdoor.demo.generator import build_partnership
from frontdoor.insights.services_evaluation import cohort_evaluate
from frontdoor.referrals.models import Subject

pytestmark = pytest.mark.django_db


def test_the_demo_cohort_is_evaluated_and_warns_it_is_small():
    build_partnership(seed=2026, practitioners_per_agency=0)
    build_front_door(seed=2026, contacts=20)
    cohort = build_evaluation(seed=2026)
    assert cohort.members.count() == 6
    assert Subject.objects.filter(person__isnull=False).exists()  # the hub linked known people
    assert AuditEvent.objects.filter(object_type="insights.evaluationcohort").count() == 1
    _, result = cohort_evaluate(cohort=cohort, by=cohort.created_by)
    assert result.warnings[0].startswith("Small groups: 6 in the cohort")
    assert any("full follow-up window" in w for w in result.warnings)
