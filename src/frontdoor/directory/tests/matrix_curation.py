"""Keeping the directory current in the permission matrix (issue 8, item 4).

Suggesting is public (every role, like the public, gets the form). The change history and
practice notes are for every signed-in practitioner. Curating is for partnership managers
and administrators everywhere, and for a hub manager at the services' owner agency (the
involved agency); everyone else is refused. POSTs send no data: whoever may act gets 422 and
nothing changes (marking reviewed needs no data, so it succeeds and redirects).
"""

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.matrix import Endpoint, everyone, involved_roles_else

from .matrix import directory

EVERYWHERE = [Role.PARTNERSHIP_MANAGER, Role.ADMINISTRATOR]
AT_OWNER = [Role.HUB_MANAGER]
SUGGESTER_EMAIL = "tell-tale.suggester@example.org"


def curators(ok=200):
    return involved_roles_else(EVERYWHERE, AT_OWNER, ok=ok)


def service_pk(world):
    return {"pk": directory(world).group.pk}


def suggestion_pk(world):
    if "directory_suggestion" not in world.objects:
        from frontdoor.directory.curation import suggestion_create

        world.objects["directory_suggestion"] = suggestion_create(
            service=directory(world).group,
            kind="details_wrong",
            proposed={"name": "Matrix group (renamed)"},
            comment="The group changed its name.",
            contact_email=SUGGESTER_EMAIL,
        )
    return {"pk": world.objects["directory_suggestion"].pk}


def suggester_email(world):
    return SUGGESTER_EMAIL


def nothing(world):
    return {}


ENDPOINTS = [
    Endpoint("directory:suggest", everyone(), kwargs=service_pk),
    Endpoint("directory:suggest", everyone(422), kwargs=service_pk, method="post", data=nothing),
    Endpoint("directory:suggest_done", everyone(), kwargs=service_pk),
    Endpoint("directory:note_add", everyone(422), kwargs=service_pk, method="post", data=nothing),
    Endpoint("directory:history", everyone(), kwargs=service_pk),
    Endpoint("directory:edit", curators(), kwargs=service_pk),
    Endpoint("directory:edit", curators(422), kwargs=service_pk, method="post", data=nothing),
    Endpoint(
        "directory:mark_reviewed", curators(302), kwargs=service_pk, method="post", data=nothing
    ),
    Endpoint("directory:curation_queue", curators()),
    Endpoint(
        "directory:curation_suggestion", curators(), kwargs=suggestion_pk, secret=suggester_email
    ),
    Endpoint(
        "directory:curation_suggestion",
        curators(422),
        kwargs=suggestion_pk,
        method="post",
        data=nothing,
        secret=suggester_email,
    ),
]
