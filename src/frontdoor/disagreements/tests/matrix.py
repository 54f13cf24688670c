"""Professional disagreements in the permission matrix.

The world's contact was sent by a referrer at the involved agency (not a persona); they raise a
disagreement with the *uninvolved* agency, so both agencies are parties: each agency's hub
manager sees it and may act on it, administrators see it but may not act, partnership managers
see it only once it reaches level 4, and every other persona (not involved with the contact)
gets 404. Raising needs a casework role and sight of the contact (the hub sees every sent
contact). POSTs send no data: whoever may act gets 422 and nothing changes.
"""

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.matrix import REFUSED, Endpoint, everyone, roles_else
from frontdoor.disagreements import services
from frontdoor.disagreements.access import THEME_REPORT_ROLES
from frontdoor.disagreements.models import Theme

SECRET_ISSUE = "Tell-tale: the Quillfeather disagreement about the locked door"
HUBS = (Role.HUB_PRACTITIONER, Role.HUB_MANAGER)
CASEWORK = (Role.FRONTLINE, Role.HUB_PRACTITIONER, Role.HUB_MANAGER, Role.MEETING_CHAIR)


def _disagreements(world):
    if "disagreement" not in world.objects:
        referrer, contact = world.objects["referrer"], world.objects["contact"]

        def raised():
            return services.disagreement_raise(
                contact=contact,
                by=referrer,
                other_agency=world.uninvolved,
                disputed="The decision to take no further action",
                issue=SECRET_ISSUE,
                wanted="A strategy discussion",
                theme=Theme.objects.get(name="Threshold or eligibility"),
            )

        first = raised()
        top = raised()
        for _ in range(3):
            top = services.disagreement_escalate(
                disagreement=top, by=referrer, reason="Not resolved", expected_version=top.version
            )
        world.objects.update(disagreement=first, disagreement_l4=top)
    return world.objects


def level_one(world):
    return {"pk": _disagreements(world)["disagreement"].pk}


def level_four(world):
    return {"pk": _disagreements(world)["disagreement_l4"].pk}


def contact(world):
    return {"contact_pk": world.objects["contact"].pk}


def secret(world):
    return SECRET_ISSUE


def nothing(world):
    return {}


def see_level_one(role, involved):
    return 200 if role in (Role.HUB_MANAGER, Role.ADMINISTRATOR) else 404


def act_level_one(ok=200):
    def expect(role, involved):
        if role == Role.HUB_MANAGER:
            return ok
        return 403 if role == Role.ADMINISTRATOR else 404

    return expect


def see_level_four(role, involved):
    return 200 if role in (Role.HUB_MANAGER, Role.ADMINISTRATOR, Role.PARTNERSHIP_MANAGER) else 404


def raise_on_contact(ok=200):
    def expect(role, involved):
        if role not in CASEWORK:
            return REFUSED
        return ok if role in HUBS else 404

    return expect


ENDPOINTS = [
    Endpoint("disagreements:mine", everyone()),
    Endpoint("disagreements:themes", roles_else(THEME_REPORT_ROLES)),
    Endpoint("disagreements:themes_csv", roles_else(THEME_REPORT_ROLES)),
    Endpoint("disagreements:raise", raise_on_contact(), kwargs=contact),
    Endpoint(
        "disagreements:raise", raise_on_contact(422), kwargs=contact, method="post", data=nothing
    ),
    Endpoint("disagreements:detail", see_level_one, kwargs=level_one, secret=secret),
    Endpoint("disagreements:detail", see_level_four, kwargs=level_four, secret=secret),
    Endpoint("disagreements:escalate", act_level_one(), kwargs=level_one, secret=secret),
    Endpoint(
        "disagreements:escalate",
        act_level_one(422),
        kwargs=level_one,
        method="post",
        data=nothing,
        secret=secret,
    ),
    Endpoint("disagreements:resolve", act_level_one(), kwargs=level_one, secret=secret),
    Endpoint(
        "disagreements:resolve",
        act_level_one(422),
        kwargs=level_one,
        method="post",
        data=nothing,
        secret=secret,
    ),
]
