"""A plan with actions for police, children's social care and a school, made through the services."""

from datetime import timedelta

import pytest
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory
from frontdoor.plans import services
from frontdoor.plans.models import Action


@pytest.fixture
def school(db):
    return AgencyFactory(name="Testshire Primary School", sector="education")


@pytest.fixture
def teacher(school):
    return PractitionerFactory(
        username="teacher", agency=school, role=Role.FRONTLINE, first_name="Tia", last_name="Teach"
    )


@pytest.fixture
def police_manager(police):
    return PractitionerFactory(username="police.manager", agency=police, role=Role.HUB_MANAGER)


@pytest.fixture
def chair(social_care):
    return PractitionerFactory(username="chair", agency=social_care, role=Role.MEETING_CHAIR)


@pytest.fixture
def plan(hub_manager, social_worker):
    return services.plan_create(
        by=hub_manager,
        title="Plan for the Quillfeather family",
        own_words="I want the shouting to stop and to stay at my school.",
        needs="Safe housing; school attendance support.",
        lead_professional=social_worker,
        review_on=timezone.localdate() + timedelta(days=28),
    )


def add_action(plan, by, *, owner_agency, owner=None, type=Action.Type.DIRECT, days=7, what=None):
    return services.action_create(
        by=by,
        plan=plan,
        what=what or f"{type} action for {owner_agency}",
        type=type,
        owner_agency=owner_agency,
        owner=owner,
        due_on=timezone.localdate() + timedelta(days=days),
    )


def make_overdue(action, days=3):
    """Actions cannot be made overdue through the service; move the due date back directly."""
    Action.objects.filter(pk=action.pk).update(due_on=timezone.localdate() - timedelta(days=days))
    action.refresh_from_db()
    return action
