"""The meetings app's one door into the plans app.

An action agreed at a meeting belongs to the plan for the case: the open plan made from the
agenda item's contact (or for its person) is reused, else one is made. ``plans.services`` owns
plans and actions; until it is importable this adapter writes the rows itself, audited in the
same transaction, so that meetings work on their own. At merge this calls plans.services only.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.plans.models import Action, Plan

try:  # pragma: no cover - depends on which branch is merged
    from frontdoor.plans import services as plan_services
except ImportError:  # pragma: no cover
    plan_services = None


def _has(name: str) -> bool:
    return plan_services is not None and hasattr(plan_services, name)


def plan_for_item(*, by, item) -> Plan:
    """The open plan for the agenda item's case, made if there is none yet."""
    existing = Plan.objects.filter(status=Plan.Status.OPEN)
    found = existing.filter(actions__agenda_items=item).first()
    if found is None and item.contact_id:
        found = existing.filter(contact_id=item.contact_id).first()
    if found is None and item.person_id:
        found = existing.filter(people=item.person_id).first()
    if found is not None:
        return found
    title = f"Plan for {item}"
    people = [item.person] if item.person_id else []
    if _has("plan_create"):
        return plan_services.plan_create(by=by, title=title, people=people, contact=item.contact)
    with transaction.atomic():
        plan = Plan.objects.create(title=title[:200], contact=item.contact, created_by=by)
        if people:
            plan.people.set(people)
        audit_record(actor=by, verb=Verb.CREATE, obj=plan, reason=f"Made a plan at {item.meeting}")
    return plan


def action_record(
    *, by, item, what: str, type: str, owner_agency, owner=None, due_on: date
) -> Action:
    """Record an action agreed on an agenda item, on the case's plan, and link it to the item."""
    with transaction.atomic():
        plan = plan_for_item(by=by, item=item)
        if _has("action_create"):
            action = plan_services.action_create(
                by=by,
                plan=plan,
                what=what,
                type=type,
                owner_agency=owner_agency,
                owner=owner,
                due_on=due_on,
            )
        else:
            action = Action.objects.create(
                plan=plan,
                what=what,
                type=type,
                owner_agency=owner_agency,
                owner=owner,
                due_on=due_on,
                created_by=by,
            )
            audit_record(
                actor=by,
                verb=Verb.CREATE,
                obj=action,
                reason=f"Recorded an action agreed at {item.meeting}",
                recipients=[str(owner_agency)],
                details={"owner": owner.pk if owner else None, "type": type},
            )
        item.actions.add(action)
    return action


def action_set_status(*, by, action: Action, status: str, outcome: str = "") -> Action:
    """Record where an action stands (the plans app's pages do this for owners; the demo uses
    it to show actions in every state)."""
    if _has("action_update"):
        return plan_services.action_update(
            by=by, action=action, base_version=action.version, status=status, outcome=outcome
        )
    from django.db.models import F
    from django.utils import timezone

    finished = status in (Action.Status.DONE, Action.Status.COULD_NOT, Action.Status.NOT_DONE)
    with transaction.atomic():
        Action.objects.filter(pk=action.pk).update(
            status=status,
            outcome=outcome,
            completed_at=timezone.now() if finished else None,
            version=F("version") + 1,
        )
        action.refresh_from_db()
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=action,
            reason="Updated an action agreed at a meeting",
            details={"status": status},
        )
    return action
