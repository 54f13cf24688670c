"""The API in the permission matrix: the pages' permissions, answered in JSON.

A role that may never use an operation is refused before anything is loaded (the declared
rule): 404 where the path names a record, as for one that does not exist, 403 where it names
none; a role that may use it, but not on this object, gets 404 (need to know).
"""

from frontdoor.agencies.roles import CASEWORK_ROLES, HUB_ROLES
from frontdoor.core.testing.matrix import REFUSED, Endpoint, everyone, roles_else

JSON = "application/json"


def contact(world):
    return {"referral_id": world.objects["contact"].pk}


def request(world):
    return {"request_id": world.objects["request"].pk}


def child_name(world):
    return world.objects["child"].family_name


def referral_detail(role, involved):
    """The hub sees every sent contact; other caseworkers only their own (none here)."""
    if role in HUB_ROLES:
        return 200
    return 404 if role in CASEWORK_ROLES else REFUSED


def request_detail(role, involved):
    """The hub sees every request; other caseworkers only those to their own agency."""
    if role in HUB_ROLES or (involved and role in CASEWORK_ROLES):
        return 200
    return 404 if role in CASEWORK_ROLES else REFUSED


def respond_empty(role, involved):
    """Only the receiving agency answers: an empty answer is refused (422) for it; the hub
    elsewhere sees the request but may not answer it (403)."""
    if role not in CASEWORK_ROLES:
        return REFUSED
    if involved:
        return 422
    return 403 if role in HUB_ROLES else 404


ENDPOINTS = [
    # The schema describes the API's shape, never personal data.
    Endpoint("api:openapi-json", everyone()),
    # Ninja's root only gives the API its prefix; it answers 404 to everyone.
    Endpoint("api:api-root", everyone(404)),
    # An empty referral is refused, nothing created; who may refer gets that far.
    Endpoint(
        "api:referral_create",
        roles_else(CASEWORK_ROLES, ok=422),
        method="post",
        data=lambda world: {},
        content_type=JSON,
    ),
    Endpoint("api:referral_detail", referral_detail, kwargs=contact, secret=child_name),
    Endpoint("api:information_request_list", roles_else(CASEWORK_ROLES), secret=child_name),
    Endpoint("api:information_request_detail", request_detail, kwargs=request, secret=child_name),
    Endpoint(
        "api:information_request_respond",
        respond_empty,
        kwargs=request,
        method="post",
        data=lambda world: {},
        content_type=JSON,
        secret=child_name,
    ),
]
