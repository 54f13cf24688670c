"""Plans and actions through the services: validation, audit and concurrent edits."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.errors import ConflictError
from frontdoor.plans import services
from frontdoor.plans.models import Action, Plan

from .conftest import add_action

pytestmark = pytest.mark.django_db


def test_a_plan_is_created_and_audited(plan, hub_manager):
    assert plan.own_words.startswith("I want the shouting to stop")
    assert AuditEvent.objects.filter(
        verb=Verb.CREATE, object_type="plans.plan", object_id=str(plan.pk), actor=hub_manager
    ).exists()


def test_a_plan_needs_a_title_and_a_review_date_not_in_the_past(hub_manager):
    with pytest.raises(ValidationError):
        services.plan_create(by=hub_manager, title="  ")
    with pytest.raises(ValidationError):
        services.plan_create(
            by=hub_manager, title="Plan", review_on=timezone.localdate() - timedelta(days=1)
        )
    assert not Plan.objects.exists()


def test_an_action_is_created_and_audited(plan, hub_manager, police, officer):
    action = add_action(plan, hub_manager, owner_agency=police, owner=officer)
    assert action.status == Action.Status.OPEN
    assert AuditEvent.objects.filter(
        verb=Verb.CREATE, object_type="plans.action", object_id=str(action.pk)
    ).exists()


def test_an_action_due_in_the_past_is_refused(plan, hub_manager, police):
    with pytest.raises(ValidationError) as error:
        add_action(plan, hub_manager, owner_agency=police, days=-1)
    assert "due_on" in error.value.message_dict
    assert not Action.objects.exists()


def test_an_owner_must_work_for_the_owner_agency(plan, hub_manager, police, social_worker):
    with pytest.raises(ValidationError) as error:
        add_action(plan, hub_manager, owner_agency=police, owner=social_worker)
    assert "owner" in error.value.message_dict
    assert not Action.objects.exists()


@pytest.mark.parametrize(
    "status", [Action.Status.DONE, Action.Status.COULD_NOT, Action.Status.NOT_DONE]
)
def test_finishing_an_action_needs_an_outcome(plan, hub_manager, police, officer, status):
    action = add_action(plan, hub_manager, owner_agency=police, owner=officer)
    with pytest.raises(ValidationError) as error:
        services.action_update(by=officer, action=action, base_version=1, status=status)
    assert "outcome" in error.value.message_dict
    action.refresh_from_db()
    assert action.status == Action.Status.OPEN and action.version == 1


def test_updating_an_action_is_audited_and_versioned(plan, hub_manager, police, officer):
    action = add_action(plan, hub_manager, owner_agency=police, owner=officer)
    action = services.action_update(
        by=officer,
        action=action,
        base_version=1,
        status=Action.Status.DONE,
        outcome="Visited the family with a social worker; the mother agreed to a safety plan.",
    )
    assert action.status == Action.Status.DONE
    assert action.completed_at is not None
    assert action.version == 2
    assert AuditEvent.objects.filter(
        verb=Verb.CHANGE, object_type="plans.action", object_id=str(action.pk), actor=officer
    ).exists()


def test_a_stale_update_is_refused_with_a_conflict(plan, hub_manager, police, officer):
    action = add_action(plan, hub_manager, owner_agency=police, owner=officer)
    stale = Action.objects.get(pk=action.pk)
    services.action_update(by=officer, action=action, base_version=1, status="in_progress")
    with pytest.raises(ConflictError):
        services.action_update(
            by=hub_manager, action=stale, base_version=1, status="not_done", outcome="Gave up"
        )
    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS and action.version == 2


def test_a_stale_plan_edit_is_refused(plan, hub_manager):
    services.plan_update(by=hub_manager, plan=plan, base_version=1, needs="Housing first")
    with pytest.raises(ConflictError):
        services.plan_update(by=hub_manager, plan=plan, base_version=1, needs="Other")
    plan.refresh_from_db()
    assert plan.needs == "Housing first" and plan.version == 2
