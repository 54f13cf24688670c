"""SECURITY.md promise 2: the action lists and their counts on My work show only what the
practitioner may see. Each test seeds an action (or plan) the reader may see and one they may
not, each with a distinctive name, and checks the list, the number shown and My work."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.plans import services
from frontdoor.plans.models import Action, Plan

from .conftest import add_action, make_overdue

pytestmark = pytest.mark.django_db


def _page(client, name) -> str:
    response = client.get(reverse(name))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def colleague(police):
    return PractitionerFactory(username="colleague", agency=police, role=Role.FRONTLINE)


def test_my_actions_and_their_count_hold_only_the_owners_own(
    client, signed_in, plan, hub_manager, officer, colleague, police
):
    mine = make_overdue(
        add_action(
            plan, hub_manager, owner_agency=police, owner=officer, what="Visit Zephyrine Ashcombe"
        )
    )
    theirs = make_overdue(
        add_action(
            plan, hub_manager, owner_agency=police, owner=colleague, what="Check Brannock Holloway"
        )
    )
    signed_in(officer)
    page = _page(client, "plans:my_actions")
    assert mine.what in page
    assert theirs.what not in page
    assert "1 overdue" in page and "2 overdue" not in page
    home = _page(client, "home")
    assert "You own 1 open action; 1 overdue; 0 plans due for review." in home
    assert mine.what in home and theirs.what not in home


def test_my_agencys_actions_and_their_count_hold_only_its_own(
    client, signed_in, plan, hub_manager, officer, colleague, police, school, teacher
):
    ours = make_overdue(
        add_action(
            plan, hub_manager, owner_agency=police, owner=colleague, what="Check Brannock Holloway"
        )
    )
    other = make_overdue(
        add_action(
            plan,
            hub_manager,
            owner_agency=school,
            owner=teacher,
            what="Attendance for Marisol Pennyworth",
        )
    )
    signed_in(officer)
    page = _page(client, "plans:agency_actions")
    assert ours.what in page
    assert other.what not in page
    assert "1 overdue" in page and "2 overdue" not in page


def test_overdue_actions_and_their_count_hold_only_the_managers_agency(
    client, signed_in, plan, hub_manager, police_manager, colleague, police, school, teacher, chair
):
    ours = make_overdue(
        add_action(
            plan, hub_manager, owner_agency=police, owner=colleague, what="Check Brannock Holloway"
        )
    )
    other = make_overdue(
        add_action(
            plan,
            hub_manager,
            owner_agency=school,
            owner=teacher,
            what="Attendance for Marisol Pennyworth",
        )
    )
    signed_in(police_manager)
    page = _page(client, "plans:overdue")
    assert ours.what in page
    assert other.what not in page
    home = _page(client, "home")
    assert "1 open action on plans at your agency is past its due date." in home
    # A chair sees every overdue action, and counts both.
    signed_in(chair)
    page = _page(client, "plans:overdue")
    assert ours.what in page and other.what in page
    assert "2 open actions on plans across the partnership are past their due date." in (
        _page(client, "home")
    )


def test_plans_due_for_review_on_my_work_are_only_those_the_reader_leads(
    client, signed_in, plan, hub_manager, social_worker, social_care, police_manager
):
    other = services.plan_create(
        by=hub_manager,
        title="Plan for the Ravensworth family",
        own_words="I want my own room.",
        needs="Housing.",
        lead_professional=police_manager,
        review_on=timezone.localdate() + timedelta(days=28),
    )
    # The social worker's agency owns an action on the other plan, so they may open it, but
    # they do not lead it: it is not theirs to review.
    add_action(other, hub_manager, owner_agency=social_care, what="Visit the Ravensworth home")
    Plan.objects.filter(pk__in=[plan.pk, other.pk]).update(review_on=timezone.localdate())
    assert Action.objects.filter(owner=social_worker).count() == 0
    signed_in(social_worker)
    home = _page(client, "home")
    assert "You own 0 open actions; 0 overdue; 1 plan due for review." in home
    assert plan.title in home
    assert other.title not in home
