"""The dashboard and evaluations in the permission matrix.

The dashboard (counts only) is for partnership managers, analysts, hub managers and
administrators, at any agency. An evaluation's result is for partnership managers and
analysts; building a cohort and seeing its people is for analysts only. The POSTs send no
data: whoever may build gets 422 and nothing changes.
"""

from datetime import date

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.matrix import Endpoint, roles_else
from frontdoor.insights.access import COHORT_ROLES, DASHBOARD_ROLES, EVALUATION_ROLES

SECRET_NAME = "Tell-tale: Quentin Matrixperson"


def _cohort(world):
    if "cohort" not in world.objects:
        from frontdoor.insights.services_evaluation import cohort_create
        from frontdoor.people.models import Person

        person = Person.objects.create(given_names="Quentin", family_name="Matrixperson")
        analyst = world.personas[(Role.ANALYST, True)]
        world.objects["cohort"] = cohort_create(
            by=analyst,
            name="Matrix cohort",
            intervention="A matrix plan",
            members=[(person.pk, date(2026, 1, 5))],
        )
    return world.objects["cohort"]


def cohort(world):
    return {"pk": _cohort(world).pk}


def secret(world):
    return "Matrixperson"


def xlsx(world):
    return {"fmt": "xlsx"}


def csv(world):
    return {"fmt": "csv"}


def nothing(world):
    return {}


ENDPOINTS = [
    Endpoint("insights:dashboard", roles_else(DASHBOARD_ROLES)),
    Endpoint("insights:dashboard_export", roles_else(DASHBOARD_ROLES), kwargs=xlsx),
    Endpoint("insights:dashboard_export", roles_else(DASHBOARD_ROLES), kwargs=csv),
    Endpoint("insights:evaluation", roles_else(EVALUATION_ROLES)),
    Endpoint("insights:evaluation_create", roles_else(COHORT_ROLES)),
    Endpoint(
        "insights:evaluation_create",
        roles_else(COHORT_ROLES, ok=422),
        method="post",
        data=nothing,
    ),
    Endpoint(
        "insights:evaluation_detail", roles_else(EVALUATION_ROLES), kwargs=cohort, secret=secret
    ),
    Endpoint("insights:evaluation_people", roles_else(COHORT_ROLES), kwargs=cohort, secret=secret),
]
