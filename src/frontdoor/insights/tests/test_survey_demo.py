"""The demo's partnership health rounds show what the feature is for."""

import pytest
from django.utils import timezone

from frontdoor.demo.generator import build_partnership
from frontdoor.demo.partnership_health import build_partnership_health
from frontdoor.insights.models import SurveyParticipation
from frontdoor.insights.results_survey import SMALL, round_results

pytestmark = pytest.mark.django_db


def test_demo_rounds_show_trust_higher_among_managers_and_a_withheld_group():
    build_partnership(seed=2026, practitioners_per_agency=1)
    rounds = build_partnership_health(seed=2026)
    today = timezone.localdate()
    assert [r.is_open_on(today) for r in rounds] == [False, False, True]
    for closed in rounds[:2]:
        results = round_results(closed)
        levels = {cell.label: cell.mean("trust") for cell in results.by_staff_level}
        assert levels["Managers"] > levels["Frontline and other staff"] + 0.5
        withheld = {cell.label: cell.withheld for cell in results.by_agency}
        assert withheld["Central Northshire Housing Options Service"] == SMALL
        assert results.comments
    headline = SurveyParticipation.objects.filter(
        round=rounds[2], practitioner__username="csc.frontline"
    )
    assert not headline.exists()
    assert SurveyParticipation.objects.filter(round=rounds[2]).exists()
