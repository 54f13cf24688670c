"""Overdue actions escalate once to the owner agency's managers and the lead professional."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from frontdoor.core.models import OutboxMessage
from frontdoor.plans import services
from frontdoor.plans.models import Action

from .conftest import add_action, make_overdue

pytestmark = pytest.mark.django_db


def test_an_overdue_action_escalates_once(plan, hub_manager, police, officer, police_manager):
    overdue = make_overdue(add_action(plan, hub_manager, owner_agency=police, owner=officer))
    add_action(plan, hub_manager, owner_agency=police, owner=officer)  # not yet due
    assert services.escalate_overdue_actions() == 1
    assert services.escalate_overdue_actions() == 0
    overdue.refresh_from_db()
    assert overdue.escalated_at is not None
    messages = OutboxMessage.objects.filter(subject__contains="overdue")
    # The police's hub manager and the plan's lead professional (a social worker), once each.
    assert sorted(m.recipient.username for m in messages) == ["police.manager", "socialworker"]
    assert messages.first().link == reverse("plans:plan", args=[plan.pk])
    assert "Quillfeather" not in messages.first().body  # messages carry no case content


def test_a_finished_action_does_not_escalate(plan, hub_manager, police, officer, police_manager):
    action = make_overdue(add_action(plan, hub_manager, owner_agency=police, owner=officer))
    services.action_update(
        by=officer, action=action, base_version=action.version, status="done", outcome="Visited"
    )
    assert services.escalate_overdue_actions() == 0
    assert not OutboxMessage.objects.filter(subject__contains="overdue").exists()


def test_the_command_and_the_task_escalate(plan, hub_manager, police, police_manager):
    from io import StringIO

    from frontdoor.plans.tasks import escalate_overdue_actions

    make_overdue(add_action(plan, hub_manager, owner_agency=police))
    out = StringIO()
    call_command("escalate_overdue_actions", stdout=out)
    assert "Escalated 1 overdue action(s)." in out.getvalue()
    make_overdue(add_action(plan, hub_manager, owner_agency=police))
    assert escalate_overdue_actions.call() == 1
    assert escalate_overdue_actions.call() == 0
    assert Action.objects.filter(escalated_at__isnull=False).count() == 2


def test_chairs_see_every_overdue_action_and_managers_their_agencys(
    client, signed_in, plan, hub_manager, police, school, chair, police_manager
):
    make_overdue(add_action(plan, hub_manager, owner_agency=police, what="Police overdue visit"))
    make_overdue(add_action(plan, hub_manager, owner_agency=school, what="School overdue check"))
    add_action(plan, hub_manager, owner_agency=police, what="Police future visit")
    signed_in(chair)
    page = client.get(reverse("plans:overdue")).content.decode()
    assert "Police overdue visit" in page and "School overdue check" in page
    assert "Police future visit" not in page
    signed_in(police_manager)
    page = client.get(reverse("plans:overdue")).content.decode()
    assert "Police overdue visit" in page
    assert "School overdue check" not in page
