"""Partnership health surveys in the permission matrix.

Every signed-in practitioner answers (the POSTs send no answers: 422, nothing changes);
partnership managers and administrators run rounds; partnership managers, analysts and
administrators see and export the results.
"""

from datetime import timedelta

from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.core.testing.matrix import Endpoint, everyone, roles_else
from frontdoor.insights.access import SURVEY_MANAGERS, SURVEY_RESULT_READERS

SECRET_COMMENT = "Tell-tale: a comment only result readers see"


def _open_round(world):
    if "survey_round" not in world.objects:
        from frontdoor.insights.services_survey import survey_round_create

        owner = PractitionerFactory(
            username="survey.owner", agency=world.involved, role=Role.PARTNERSHIP_MANAGER
        )
        today = timezone.localdate()
        world.objects["survey_round"] = survey_round_create(
            by=owner, opens_on=today - timedelta(days=1), closes_on=today + timedelta(days=10)
        )
    return world.objects["survey_round"]


def open_round(world):
    return {"number": _open_round(world).number}


def nothing(world):
    return {}


ENDPOINTS = [
    Endpoint("insights:health", everyone()),
    Endpoint("insights:health_answer", everyone(), kwargs=open_round),
    Endpoint(
        "insights:health_answer", everyone(422), kwargs=open_round, method="post", data=nothing
    ),
    Endpoint("insights:health_rounds", roles_else(SURVEY_MANAGERS)),
    Endpoint("insights:health_round_new", roles_else(SURVEY_MANAGERS)),
    Endpoint(
        "insights:health_round_new",
        roles_else(SURVEY_MANAGERS, ok=422),
        method="post",
        data=nothing,
    ),
    Endpoint(
        "insights:health_remind",
        roles_else(SURVEY_MANAGERS, ok=302),
        kwargs=open_round,
        method="post",
        data=nothing,
    ),
    Endpoint(
        "insights:health_results",
        roles_else(SURVEY_RESULT_READERS),
        kwargs=lambda w: (_open_round(w), {})[1],
    ),
    Endpoint(
        "insights:health_export",
        roles_else(SURVEY_RESULT_READERS),
        kwargs=lambda w: (_open_round(w), {})[1],
    ),
]
