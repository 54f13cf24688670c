"""Multi-agency plans in the permission matrix.

The plan comes from the matrix's contact; its lead professional (a frontline practitioner at
the involved agency) owns its one action, which the involved agency owns. So: casework roles
at the involved agency see the plan; hub roles anywhere see it through the contact; chairs see
every plan; everyone else in a casework role gets 404, and so do roles that never see plans.
Only hub managers of the owner agency (and the owner and lead, who are not personas) update
the action; hub managers edit plans; hub managers and chairs add actions. The POSTs send no
data: whoever may act gets 422 and nothing changes.
"""

from datetime import timedelta

from django.utils import timezone

from frontdoor.agencies.roles import CASEWORK_ROLES, HUB_ROLES, Role
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.core.testing.matrix import REFUSED, Endpoint, roles_else
from frontdoor.plans import services
from frontdoor.plans.access import ACTION_MIX_ROLES, OVERDUE_ROLES
from frontdoor.plans.models import Action

SECRET_WORDS = "Tell-tale: Zara wants to stay with her nan in Quillfeather Lane"


def _plan(world):
    if "plan" not in world.objects:
        lead = world.objects["subject_practitioner"]
        creator = PractitionerFactory(
            username="plans.creator", agency=world.involved, role=Role.HUB_MANAGER
        )
        plan = services.plan_create(
            by=creator,
            title="Matrix plan",
            contact=world.objects["contact"],
            own_words=SECRET_WORDS,
            needs="A safe place to live",
            lead_professional=lead,
            review_on=timezone.localdate() + timedelta(days=30),
        )
        action = services.action_create(
            by=creator,
            plan=plan,
            what="Visit Zara at home",
            type=Action.Type.DIRECT,
            owner_agency=world.involved,
            owner=lead,
            due_on=timezone.localdate() + timedelta(days=7),
        )
        world.objects.update(plan=plan, plan_action=action)
    return world.objects["plan"]


def plan(world):
    return {"pk": _plan(world).pk}


def action(world):
    _plan(world)
    return {"pk": world.objects["plan_action"].pk}


def contact(world):
    return {"contact_pk": world.objects["contact"].pk}


def secret(world):
    return SECRET_WORDS


def nothing(world):
    return {}


def sees_plan(allowed=None, *, ok=200):
    """``ok`` for roles in ``allowed`` that see the plan; 404 for casework roles that do not
    see it, and for roles that never see plans; 403 for roles that see it but may not do this."""
    allowed = CASEWORK_ROLES if allowed is None else frozenset(allowed)

    def expect(role, involved):
        if role not in CASEWORK_ROLES:
            return REFUSED
        visible = involved or role in HUB_ROLES or role == Role.MEETING_CHAIR
        if not visible:
            return 404
        return ok if role in allowed else 403

    return expect


def updates_action(ok=200):
    def expect(role, involved):
        if role not in CASEWORK_ROLES:
            return REFUSED
        visible = involved or role in HUB_ROLES or role == Role.MEETING_CHAIR
        if not visible:
            return 404
        return ok if role == Role.HUB_MANAGER and involved else 403

    return expect


def plan_editors(ok=200):
    def expect(role, involved):
        if role == Role.HUB_MANAGER:
            return ok
        return sees_plan(())(role, involved)

    return expect


ADDERS = {Role.HUB_MANAGER, Role.MEETING_CHAIR}

ENDPOINTS = [
    Endpoint("plans:plan", sees_plan(), kwargs=plan, secret=secret),
    Endpoint("plans:plan_edit", plan_editors(), kwargs=plan, secret=secret),
    Endpoint(
        "plans:plan_edit",
        plan_editors(422),
        kwargs=plan,
        method="post",
        data=nothing,
        secret=secret,
    ),
    Endpoint("plans:action_create", sees_plan(ADDERS), kwargs=plan, secret=secret),
    Endpoint(
        "plans:action_create",
        sees_plan(ADDERS, ok=422),
        kwargs=plan,
        method="post",
        data=nothing,
        secret=secret,
    ),
    Endpoint("plans:action_update", updates_action(), kwargs=action, secret=secret),
    Endpoint(
        "plans:action_update",
        updates_action(422),
        kwargs=action,
        method="post",
        data=nothing,
        secret=secret,
    ),
    Endpoint("plans:plan_create", roles_else(HUB_ROLES), kwargs=contact),
    Endpoint(
        "plans:plan_create",
        roles_else(HUB_ROLES, ok=422),
        kwargs=contact,
        method="post",
        data=nothing,
    ),
    Endpoint("plans:my_actions", roles_else(CASEWORK_ROLES)),
    Endpoint("plans:agency_actions", roles_else(CASEWORK_ROLES)),
    Endpoint("plans:overdue", roles_else(OVERDUE_ROLES)),
    Endpoint("plans:action_mix", roles_else(ACTION_MIX_ROLES)),
    Endpoint(
        "plans:action_mix",
        roles_else(ACTION_MIX_ROLES),
        data=lambda world: {"agency": world.involved.pk, "start": "2020-01-01", "end": ""},
    ),
]
