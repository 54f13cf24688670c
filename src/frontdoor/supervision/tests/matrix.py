"""Reflective supervision in the permission matrix.

The supervision pair is not one of the personas: to every persona, administrators and the
agency's hub managers included, a session, its relationship and its actions do not exist
(404, and the reflections never appear). The supervisee's agency's hub managers and every
administrator set supervision up, end it, set its frequency and see the overdue overview;
a hub manager elsewhere cannot end it (404) or set the involved agency's frequency (403).
The POSTs send no data: whoever may act gets 422 and nothing changes. The pair's own access
is tested in test_access.py.
"""

from datetime import timedelta

from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.core.testing.matrix import REFUSED, Endpoint, everyone, roles_else
from frontdoor.supervision import services

MANAGERS = [Role.HUB_MANAGER, Role.ADMINISTRATOR]
SECRET_REFLECTION = "Tell-tale: the supervisee's private reflection on the Quillfeather visit"


def _supervision(world):
    if "supervision_session" not in world.objects:
        supervisor = PractitionerFactory(
            username="supervision.supervisor", agency=world.involved, role=Role.FRONTLINE
        )
        supervisee = PractitionerFactory(
            username="supervision.supervisee", agency=world.involved, role=Role.FRONTLINE
        )
        today = timezone.localdate()
        relationship = services.relationship_set_up(
            by=world.personas[(Role.HUB_MANAGER, True)],
            supervisor=supervisor,
            supervisee=supervisee,
            started_on=today - timedelta(days=60),
        )
        session = services.session_record(
            relationship=relationship,
            by=supervisee,
            held_on=today - timedelta(days=3),
            reflections=SECRET_REFLECTION,
            wellbeing=3,
        )
        action = services.action_add(
            session=session,
            by=supervisor,
            description="Tell-tale: book the reflective practice course",
            owner=supervisee,
            due=today + timedelta(days=14),
        )
        world.objects.update(
            supervision_relationship=relationship,
            supervision_session=session,
            supervision_action=action,
        )
    return world.objects


def relationship(world):
    return {"pk": _supervision(world)["supervision_relationship"].pk}


def session(world):
    return {"pk": _supervision(world)["supervision_session"].pk}


def action(world):
    return {"pk": _supervision(world)["supervision_action"].pk}


def involved_agency(world):
    return {"pk": world.involved.pk}


def secret(world):
    return SECRET_REFLECTION


def nothing(world):
    return {}


def nobody(role, involved):
    return 404


def ends_relationship(ok):
    def expect(role, involved):
        if role == Role.ADMINISTRATOR:
            return ok
        if role == Role.HUB_MANAGER:
            return ok if involved else 404
        return REFUSED

    return expect


def sets_frequency(ok):
    def expect(role, involved):
        if role == Role.ADMINISTRATOR:
            return ok
        if role == Role.HUB_MANAGER and involved:
            return ok
        # A hub manager elsewhere sees the agency but may not set its frequency.
        return 403 if role == Role.HUB_MANAGER else REFUSED

    return expect


def _private(url_name, kwargs, method="get"):
    return Endpoint(
        url_name,
        nobody,
        kwargs=kwargs,
        method=method,
        data=nothing if method == "post" else None,
        secret=secret,
    )


ENDPOINTS = [
    Endpoint("supervision:index", everyone(), secret=secret),
    Endpoint("supervision:overview", roles_else(MANAGERS), secret=secret),
    Endpoint("supervision:relationship_create", roles_else(MANAGERS)),
    Endpoint(
        "supervision:relationship_create",
        roles_else(MANAGERS, ok=422),
        method="post",
        data=nothing,
    ),
    Endpoint("supervision:frequency", sets_frequency(200), kwargs=involved_agency),
    Endpoint(
        "supervision:frequency",
        sets_frequency(422),
        kwargs=involved_agency,
        method="post",
        data=nothing,
    ),
    Endpoint(
        "supervision:relationship_end", ends_relationship(200), kwargs=relationship, secret=secret
    ),
    Endpoint(
        "supervision:relationship_end",
        ends_relationship(422),
        kwargs=relationship,
        method="post",
        data=nothing,
        secret=secret,
    ),
    _private("supervision:relationship", relationship),
    _private("supervision:session_create", relationship),
    _private("supervision:session_create", relationship, "post"),
    _private("supervision:session", session),
    _private("supervision:session_edit", session),
    _private("supervision:session_edit", session, "post"),
    _private("supervision:session_changes", session),
    _private("supervision:action_create", session),
    _private("supervision:action_create", session, "post"),
    _private("supervision:action_edit", action),
    _private("supervision:action_edit", action, "post"),
]
