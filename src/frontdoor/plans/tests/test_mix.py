"""The action mix, checked against counts worked out by hand."""

import pytest
from django.urls import reverse

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.insights import figures
from frontdoor.plans import services
from frontdoor.plans.mix import action_mix
from frontdoor.plans.models import Action

from .conftest import add_action

pytestmark = pytest.mark.django_db

D, R, I, S, P = (  # noqa: E741
    Action.Type.DIRECT,
    Action.Type.REFERRAL,
    Action.Type.INFORMATION,
    Action.Type.SAFETY,
    Action.Type.PROCESS,
)


@pytest.fixture
def mixed(plan, hub_manager, police, social_care, school):
    """Plan 1: police D, D, P; social care R; school I -> 2 direct of 5 = 40%.
    Plan 2: school D, S, P, P -> 1 of 4 = 25%.
    By agency: police 2 of 3 (66.7%), social care 0 of 1 (0%), school 1 of 5 (20%).
    Overall: 3 of 9 = 33.3%."""
    for agency, kind in ((police, D), (police, D), (police, P), (social_care, R), (school, I)):
        add_action(plan, hub_manager, owner_agency=agency, type=kind)
    second = services.plan_create(by=hub_manager, title="Second plan")
    for kind in (D, S, P, P):
        add_action(second, hub_manager, owner_agency=school, type=kind)
    return plan, second


def test_the_mix_overall_per_plan_and_per_agency(mixed):
    first, second = mixed
    (overall,) = action_mix(Action.objects.all())
    assert (overall.direct, overall.total, overall.direct_share) == (3, 9, 33.3)
    by_plan = action_mix(Action.objects.all(), group_by="plan")
    assert [(r.key, r.direct, r.total, r.direct_share) for r in by_plan] == [
        (first.pk, 2, 5, 40.0),
        (second.pk, 1, 4, 25.0),
        (None, 3, 9, 33.3),
    ]
    by_agency = action_mix(Action.objects.all(), group_by="agency")
    assert [(r.label, r.direct, r.total, r.direct_share) for r in by_agency] == [
        ("Testshire Children's Social Care", 0, 1, 0.0),
        ("Testshire Police", 2, 3, 66.7),
        ("Testshire Primary School", 1, 5, 20.0),
        ("All actions", 3, 9, 33.3),
    ]
    assert [(t, n, share) for t, _, n, share in by_plan[0].shares()] == [
        ("direct", 2, 40.0),
        ("referral", 1, 20.0),
        ("information", 1, 20.0),
        ("safety", 0, 0.0),
        ("process", 1, 20.0),
    ]


def test_the_mix_per_meeting_counts_the_actions_each_meeting_agreed(mixed, hub_manager):
    from django.utils import timezone

    from frontdoor.meetings.models import AgendaItem, Meeting, MeetingType

    first, second = mixed
    panel = Meeting.objects.create(
        type=MeetingType.PRACTITIONER_PANEL, starts_at=timezone.now(), chair=hub_manager
    )
    # The panel agreed plan 2's four actions (1 direct of 4); plan 1's were agreed elsewhere.
    item = AgendaItem.objects.create(meeting=panel, title="A family", order=0)
    item.actions.set(second.actions.all())
    rows = action_mix(Action.objects.all(), group_by="meeting")
    assert [(r.key, r.direct, r.total, r.direct_share) for r in rows] == [
        (panel.pk, 1, 4, 25.0),
        (None, 3, 9, 33.3),
    ]
    assert rows[0].label.startswith("Practitioner panel, ")


def test_no_actions_no_rows(db):
    assert action_mix(Action.objects.all()) == []
    assert action_mix(Action.objects.all(), group_by="agency") == []


def test_the_report_page_shows_the_shares_and_filters_by_agency(client, signed_in, mixed, police):
    manager = PractitionerFactory(username="pm", role=Role.PARTNERSHIP_MANAGER)
    signed_in(manager)
    page = client.get(reverse("plans:action_mix")).content.decode()
    assert "33.3% direct" in page
    assert "3 of 9 actions directly engage the person" in page
    assert "40.0%" in page and "25.0%" in page and "66.7%" in page
    filtered = client.get(reverse("plans:action_mix"), {"agency": police.pk}).content.decode()
    assert "66.7% direct" in filtered
    assert "2 of 3 actions" in filtered


def test_a_period_ending_before_it_starts_is_refused(client, signed_in, mixed):
    signed_in(PractitionerFactory(username="pm", role=Role.PARTNERSHIP_MANAGER))
    response = client.get(reverse("plans:action_mix"), {"start": "2026-05-01", "end": "2026-04-01"})
    assert response.status_code == 422
    assert "The end date must be the same as or after the start date" in response.content.decode()


def test_the_dashboard_figure_counts_the_mix_by_agency(mixed):
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    rows = figures.action_mix(figures.Filters(start=today - timedelta(days=1), end=today))
    assert rows[-1] == ("All agencies", 9, 3, 33.3)
    assert ("Testshire Police", 3, 2, 66.7) in rows
