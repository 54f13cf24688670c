"""Who may see and change multi-agency plans and their actions (need to know).

A plan is seen by the practitioners (casework roles) of every agency that owns one of its
actions, by its lead professional and whoever started it, by hub practitioners and managers
when they may see the contact the plan came from, and by meeting chairs. To anyone else it
does not exist (404). An action is changed by its named owner, the hub managers of its owner
agency and the plan's lead professional; a plan is edited by its lead professional and hub
managers. The action-mix report is aggregate: partnership managers, chairs, hub managers and
analysts read it.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from frontdoor.agencies.roles import CASEWORK_ROLES, HUB_ROLES, Role
from frontdoor.audit.services import audit_read
from frontdoor.core.access import load_or_404, require
from frontdoor.core.policy import may, rule

from .models import Action, Plan

VIEW_PLAN = "plans.view_plan"
EDIT_PLAN = "plans.edit_plan"
START_PLAN = "plans.start_plan"
ADD_ACTION = "plans.add_action"
CHANGE_ACTION = "plans.change_action"
MY_ACTIONS = "plans.my_actions"
OVERDUE = "plans.overdue"
ACTION_MIX = "plans.action_mix"

ACTION_MIX_ROLES = frozenset(
    {Role.PARTNERSHIP_MANAGER, Role.MEETING_CHAIR, Role.HUB_MANAGER, Role.ANALYST}
)
OVERDUE_ROLES = frozenset({Role.MEETING_CHAIR, Role.HUB_MANAGER})

__all__ = ["may", "require"]


def _not_found() -> Http404:
    return Http404("No such record, or you may not see it.")


def _sees_plan(practitioner, plan: Plan) -> bool:
    if practitioner.role not in CASEWORK_ROLES:
        return False
    if practitioner.role == Role.MEETING_CHAIR:
        return True
    if plan.lead_professional_id == practitioner.pk:
        return True
    if plan.created_by_id == practitioner.pk:
        return True
    if practitioner.agency_id and plan.actions.filter(owner_agency=practitioner.agency_id).exists():
        return True
    return bool(
        practitioner.role in HUB_ROLES
        and plan.contact_id
        and _contacts_visible_to(practitioner).filter(pk=plan.contact_id).exists()
    )


def _contacts_visible_to(practitioner):
    from frontdoor.referrals.access import contacts_visible_to

    return contacts_visible_to(practitioner)


@rule(VIEW_PLAN)
def _view_plan(practitioner, plan=None) -> bool:
    if plan is None:
        return practitioner.role in CASEWORK_ROLES
    return _sees_plan(practitioner, plan)


@rule(EDIT_PLAN)
def _edit_plan(practitioner, plan=None) -> bool:
    if practitioner.role == Role.HUB_MANAGER:
        return True
    if plan is None:
        return practitioner.role in CASEWORK_ROLES
    return plan.lead_professional_id == practitioner.pk


@rule(ADD_ACTION)
def _add_action(practitioner, plan=None) -> bool:
    """Whoever edits the plan, and chairs (a meeting agrees actions)."""
    if practitioner.role == Role.MEETING_CHAIR:
        return True
    return _edit_plan(practitioner, plan)


@rule(START_PLAN)
def _start_plan(practitioner, contact=None) -> bool:
    return practitioner.role in HUB_ROLES


@rule(CHANGE_ACTION)
def _change_action(practitioner, action=None) -> bool:
    if action is None:
        return practitioner.role in CASEWORK_ROLES
    if action.owner_id == practitioner.pk:
        return True
    if practitioner.role == Role.HUB_MANAGER and practitioner.agency_id == action.owner_agency_id:
        return True
    return action.plan.lead_professional_id == practitioner.pk


@rule(MY_ACTIONS)
def _my_actions(practitioner, obj=None) -> bool:
    return practitioner.role in CASEWORK_ROLES


@rule(OVERDUE)
def _overdue(practitioner, obj=None) -> bool:
    return practitioner.role in OVERDUE_ROLES


@rule(ACTION_MIX)
def _action_mix(practitioner, obj=None) -> bool:
    return practitioner.role in ACTION_MIX_ROLES


# Loaders ---------------------------------------------------------------------------------


def plans_visible_to(practitioner):
    """Every plan the practitioner may see: for lists and counts."""
    plans = Plan.objects.all()
    if practitioner.role not in CASEWORK_ROLES:
        return plans.none()
    if practitioner.role == Role.MEETING_CHAIR:
        return plans
    mine = Q(lead_professional=practitioner) | Q(created_by=practitioner)
    if practitioner.agency_id:
        mine |= Q(pk__in=Action.objects.filter(owner_agency=practitioner.agency_id).values("plan"))
    if practitioner.role in HUB_ROLES:
        mine |= Q(contact__in=_contacts_visible_to(practitioner).values("pk"))
    return plans.filter(mine)


def plan_for(practitioner, pk, permission: str = VIEW_PLAN, *, reason: str = "") -> Plan:
    """A plan the practitioner may see (else 404), with ``permission`` (else 403); the read is
    audited when a ``reason`` is given."""
    plan = load_or_404(
        Plan.objects.select_related("lead_professional", "contact", "created_by"), pk=pk
    )
    if not may(practitioner, VIEW_PLAN, plan):
        raise _not_found()
    require(practitioner, permission, plan)
    if reason:
        audit_read(actor=practitioner, obj=plan, reason=reason)
    return plan


def action_for(practitioner, pk, permission: str = CHANGE_ACTION, *, reason: str = "") -> Action:
    action = load_or_404(
        Action.objects.select_related(
            "plan", "plan__lead_professional", "owner", "owner_agency", "created_by"
        ),
        pk=pk,
    )
    if not may(practitioner, VIEW_PLAN, action.plan):
        raise _not_found()
    require(practitioner, permission, action)
    if reason:
        audit_read(actor=practitioner, obj=action, reason=reason)
    return action


def contact_for_plan(practitioner, pk):
    """The contact a hub practitioner starts a plan from (404 / 403 as the hub's own pages)."""
    from frontdoor.referrals.access import HUB_WORK, contact_for

    return contact_for(practitioner, pk, HUB_WORK)


def actions_of(plan: Plan):
    """Actions of a plan already opened through :func:`plan_for`."""
    return plan.actions.select_related("owner", "owner_agency")


def people_of(plan: Plan):
    return plan.people.all()


def contact_subjects_of(plan: Plan) -> list:
    """The people a plan's contact was about, for a plan whose people are not yet linked."""
    if not plan.contact_id:
        return []
    return list(plan.contact.subjects.all())


def people_of_contact(contact) -> list:
    """The indexed people a contact's subjects are linked to (a new plan is for them)."""
    return [s.person for s in contact.subjects.select_related("person") if s.person_id]


def _action_list():
    return Action.objects.select_related("plan", "owner", "owner_agency")


def actions_owned_by(practitioner):
    return _action_list().filter(owner=practitioner)


def actions_of_agency(practitioner):
    if not practitioner.agency_id:
        return Action.objects.none()
    return _action_list().filter(owner_agency=practitioner.agency_id)


def overdue_actions_for(practitioner, today):
    """Chairs see every overdue open action; hub managers their own agency's."""
    overdue = _action_list().filter(status__in=Action.OPEN_STATUSES, due_on__lt=today)
    if practitioner.role == Role.MEETING_CHAIR:
        return overdue
    if practitioner.role == Role.HUB_MANAGER and practitioner.agency_id:
        return overdue.filter(owner_agency=practitioner.agency_id)
    return overdue.none()


def actions_for_mix():
    """Every action, for the aggregate action-mix report (counts only leave the report)."""
    return Action.objects.all()


def owners_for(agency):
    """Practitioners of ``agency`` who may own an action (for the add-action form)."""
    from frontdoor.agencies.models import Practitioner

    return Practitioner.objects.filter(
        agency=agency, is_active=True, role__in=CASEWORK_ROLES
    ).order_by("last_name", "first_name")
