"""Every write to a plan and its actions: keyword-only, validated, atomic and audited.

The meetings app records the actions agreed at a meeting through :func:`action_create` and
:func:`action_update`; keep their signatures stable.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.agencies.roles import Role
from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.errors import ConflictError
from frontdoor.core.outbox import outbox_write

from .models import Action, Plan

ACTION_CONFLICT = (
    "Someone else changed this action while you were updating it. Your change has not been "
    "saved: check the action as it is now and make your change again."
)
PLAN_CONFLICT = (
    "Someone else updated this plan while you were changing it. Nothing you entered has been "
    "saved: read the latest version and try again."
)
FINISHED_STATUSES = (Action.Status.DONE, Action.Status.COULD_NOT, Action.Status.NOT_DONE)
PLAN_FIELDS = ("title", "own_words", "needs", "lead_professional", "trusted_person", "review_on")


def _clean_text(value: str, *, field: str, label: str, required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: f"Enter {label}"})
    return value


# Plans -----------------------------------------------------------------------------------


def plan_create(
    *,
    by: Practitioner,
    title: str,
    people: Iterable = (),
    contact=None,
    own_words: str = "",
    needs: str = "",
    lead_professional: Practitioner | None = None,
    review_on: date | None = None,
    trusted_person: str = "",
    today: date | None = None,
) -> Plan:
    """Start a plan for a person or a family; the person's own words are kept apart."""
    today = today or timezone.localdate()
    title = _clean_text(title, field="title", label="a title for the plan", required=True)
    if review_on is not None and review_on < today:
        raise ValidationError({"review_on": "The review date must be today or in the future"})
    if lead_professional is not None and not lead_professional.is_active:
        raise ValidationError({"lead_professional": "The lead professional's account is closed"})
    with transaction.atomic():
        plan = Plan.objects.create(
            title=title[:200],
            contact=contact,
            own_words=(own_words or "").strip(),
            needs=(needs or "").strip(),
            lead_professional=lead_professional,
            trusted_person=(trusted_person or "").strip()[:200],
            review_on=review_on,
            created_by=by,
        )
        people = list(people)
        if people:
            plan.people.set(people)
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=plan,
            reason="Started a multi-agency plan",
            details={"contact": contact.pk if contact else None, "people": len(people)},
        )
    return plan


def plan_update(
    *, by: Practitioner, plan: Plan, base_version: int, today: date | None = None, **changes
) -> Plan:
    """Edit the plan's words, lead professional or review date, unless someone saved first."""
    unknown = set(changes) - set(PLAN_FIELDS)
    if unknown:
        raise ValueError(f"not plan fields: {sorted(unknown)}")
    today = today or timezone.localdate()
    if "title" in changes:
        changes["title"] = _clean_text(
            changes["title"], field="title", label="a title for the plan", required=True
        )[:200]
    for field in ("own_words", "needs", "trusted_person"):
        if field in changes:
            changes[field] = (changes[field] or "").strip()
    review_on = changes.get("review_on")
    if review_on is not None and review_on != plan.review_on and review_on < today:
        raise ValidationError({"review_on": "The review date must be today or in the future"})
    with transaction.atomic():
        saved = Plan.objects.filter(pk=plan.pk, version=base_version).update(
            version=F("version") + 1, **changes
        )
        if not saved:
            raise ConflictError(PLAN_CONFLICT)
        plan.refresh_from_db()
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=plan,
            reason="Edited a multi-agency plan",
            details={"fields": sorted(changes)},
        )
    return plan


# Actions ---------------------------------------------------------------------------------


def action_create(
    *,
    by: Practitioner,
    plan: Plan,
    what: str,
    type: str,
    owner_agency: Agency,
    owner: Practitioner | None = None,
    due_on: date,
    today: date | None = None,
) -> Action:
    """Add an action to a plan. The owner, when named, must work for the owner agency."""
    today = today or timezone.localdate()
    what = _clean_text(what, field="what", label="what is to be done", required=True)
    if type not in Action.Type.values:
        raise ValidationError({"type": "Choose the type of action"})
    if owner_agency is None:
        raise ValidationError({"owner_agency": "Choose the agency that owns the action"})
    if owner is not None and owner.agency_id != owner_agency.pk:
        raise ValidationError(
            {"owner": f"{owner} does not work for {owner_agency}: choose someone who does"}
        )
    if due_on is None:
        raise ValidationError({"due_on": "Enter the date the action is due"})
    if due_on < today:
        raise ValidationError({"due_on": "The due date must be today or in the future"})
    if plan.status != Plan.Status.OPEN:
        raise ValidationError("This plan is closed: actions can no longer be added")
    with transaction.atomic():
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
            reason="Added an action to a multi-agency plan",
            details={
                "plan": plan.pk,
                "type": type,
                "owner_agency": owner_agency.pk,
                "owner": owner.pk if owner else None,
                "due_on": due_on.isoformat(),
            },
        )
    return action


def action_update(
    *,
    by: Practitioner,
    action: Action,
    base_version: int,
    status: str | None = None,
    outcome: str | None = None,
    now: datetime | None = None,
) -> Action:
    """Record progress on an action. Finishing it (done, could not, not done) needs an outcome.

    Raises :class:`ConflictError` when someone else changed the action since ``base_version``.
    """
    now = now or timezone.now()
    status = action.status if status is None else status
    outcome = action.outcome if outcome is None else (outcome or "").strip()
    if status not in Action.Status.values:
        raise ValidationError({"status": "Choose the action's status"})
    if status in FINISHED_STATUSES and not outcome:
        raise ValidationError(
            {"outcome": "Say what happened: an action that is finished needs an outcome"}
        )
    changes = {"status": status, "outcome": outcome}
    if status in FINISHED_STATUSES:
        changes["completed_at"] = action.completed_at or now
    else:
        changes["completed_at"] = None
    with transaction.atomic():
        saved = Action.objects.filter(pk=action.pk, version=base_version).update(
            version=F("version") + 1, **changes
        )
        if not saved:
            raise ConflictError(ACTION_CONFLICT)
        before = action.status
        action.refresh_from_db()
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=action,
            reason="Updated an action on a multi-agency plan",
            details={"plan": action.plan_id, "from": before, "to": status},
        )
    return action


# Escalation ------------------------------------------------------------------------------


def overdue_actions(today: date | None = None):
    today = today or timezone.localdate()
    return Action.objects.filter(status__in=Action.OPEN_STATUSES, due_on__lt=today)


def escalate_overdue_actions(*, today: date | None = None, now: datetime | None = None) -> int:
    """Tell the owner agency's hub managers (and the plan's lead professional) once about each
    overdue open action. Idempotent: an escalated action is not escalated again. Returns how
    many actions were escalated."""
    now = now or timezone.now()
    escalated = 0
    candidates = overdue_actions(today).filter(escalated_at__isnull=True)
    for pk in list(candidates.values_list("pk", flat=True)):
        with transaction.atomic():
            action = (
                Action.objects.select_for_update(of=("self",))
                .select_related("plan", "plan__lead_professional", "owner_agency", "owner")
                .filter(pk=pk, escalated_at__isnull=True)
                .first()
            )
            if action is None:
                continue
            recipients = list(
                Practitioner.objects.filter(
                    agency=action.owner_agency, role=Role.HUB_MANAGER, is_active=True
                )
            )
            lead = action.plan.lead_professional
            if lead is not None and lead.is_active and lead not in recipients:
                recipients.append(lead)
            link = reverse("plans:plan", kwargs={"pk": action.plan_id})
            owner = str(action.owner) if action.owner else "no named practitioner"
            for recipient in recipients:
                outbox_write(
                    recipient=recipient,
                    subject="An action on a multi-agency plan is overdue",
                    body=(
                        f"An action owned by {action.owner_agency} ({owner}) was due on "
                        f"{action.due_on:%-d %B %Y} and is not finished. Open the plan to see "
                        "it and agree what happens next."
                    ),
                    dedupe_key=f"plans:action-overdue:{action.pk}:{recipient.pk}",
                    link=link,
                )
            action.escalated_at = now
            action.save(update_fields=["escalated_at"])
            audit_record(
                actor=None,
                verb=Verb.CHANGE,
                obj=action,
                reason="Escalated an overdue action to the owner agency's managers",
                recipients=[r.username for r in recipients],
                details={"plan": action.plan_id},
            )
            escalated += 1
    return escalated
