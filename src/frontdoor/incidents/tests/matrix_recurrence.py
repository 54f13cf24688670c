"""Recurrence pages in the permission matrix.

Analysts build the cohort (list, rules, recompute, selection to a panel) and see every profile.
Partnership managers see concentration only (aggregate figures), never a list or a profile.
A profile is otherwise 404: the matrix's personas chair no panel with the person on it (the
chair's own access is tested in test_recurrence_views.py). POSTs send no data: whoever may act
gets 422 and nothing changes; recompute needs no data and redirects (302).
"""

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.matrix import Endpoint, roles_else

ANALYST = [Role.ANALYST]
SECRET_NAME = "Quennell"


def _recurrence(world):
    if "recurrence_run" not in world.objects:
        from frontdoor.incidents import services_recurrence as services
        from frontdoor.incidents.models import CohortRule

        from .recurrence_world import AS_OF, load_hand_case

        people = load_hand_case(world.uninvolved)
        rule = CohortRule.objects.create(name="Matrix rule", window_days=10, min_incidents=2)
        run = services.recurrence_recompute(rule=rule, as_of=AS_OF)
        world.objects.update(recurrence_run=run, recurrence_person=people["B"])
    return world.objects


def run(world):
    return {"pk": _recurrence(world)["recurrence_run"].pk}


def person(world):
    return {"pk": _recurrence(world)["recurrence_person"].pk}


def secret(world):
    _recurrence(world)
    return SECRET_NAME


def nothing(world):
    return {}


def analyst_only_profile(role, involved):
    if role == Role.ANALYST:
        return 200
    return 404  # partnership managers too: refused before any lookup


ENDPOINTS = [
    Endpoint(
        "incidents:recurrence_cohort",
        roles_else(ANALYST),
        kwargs=lambda w: (_recurrence(w), {})[1],
        secret=secret,
    ),
    Endpoint(
        "incidents:recurrence_recompute", roles_else(ANALYST, ok=302), method="post", data=nothing
    ),
    Endpoint(
        "incidents:recurrence_select",
        roles_else(ANALYST, ok=422),
        kwargs=run,
        method="post",
        data=nothing,
        secret=secret,
    ),
    Endpoint("incidents:recurrence_profile", analyst_only_profile, kwargs=person, secret=secret),
    Endpoint(
        "incidents:recurrence_concentration",
        roles_else([Role.ANALYST, Role.PARTNERSHIP_MANAGER]),
        secret=secret,
    ),
    Endpoint("incidents:recurrence_rules", roles_else(ANALYST)),
    Endpoint(
        "incidents:recurrence_rules", roles_else(ANALYST, ok=422), method="post", data=nothing
    ),
]
