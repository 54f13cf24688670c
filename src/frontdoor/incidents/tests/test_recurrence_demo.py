"""The demo step after the incident import: default rule, a recompute, top three to the panel."""

import datetime as dt

import pytest
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.demo.recurrence import PANEL_REASON, build_recurrence
from frontdoor.incidents.models import CohortRule, PanelSelection
from frontdoor.meetings.models import MeetingType
from frontdoor.meetings.services import meeting_create

from .recurrence_world import load_hand_case

pytestmark = pytest.mark.django_db


def test_the_demo_scores_and_puts_the_top_three_forward_once(police):
    people = load_hand_case(police)
    analyst = PractitionerFactory(username="police.analyst", agency=police, role=Role.ANALYST)
    chair = PractitionerFactory(username="police.chair", agency=police, role=Role.MEETING_CHAIR)
    panel = meeting_create(
        by=chair,
        type=MeetingType.PRACTITIONER_PANEL,
        starts_at=timezone.now() + dt.timedelta(days=1),
        chair=chair,
    )
    # The demo scores as of today; the hand case is in January 2026, so widen the default rule.
    CohortRule.objects.create(name="Demo rule", window_days=3660, min_incidents=2, min_age=16)
    made = build_recurrence()
    assert made.selected == 3
    assert made.run.by == analyst
    assert set(panel.items.values_list("person_id", flat=True)) == {
        people["A"].pk,
        people["B"].pk,
        people["C"].pk,
    }
    assert set(PanelSelection.objects.values_list("reason", flat=True)) == {PANEL_REASON}
    assert build_recurrence().run is None  # a second load changes nothing
    assert PanelSelection.objects.count() == 3
