from frontdoor.agencies.roles import HUB_ROLES, Role
from frontdoor.core.testing.matrix import SECRET_INCIDENT, Endpoint, roles_else


def contact(world):
    return {"pk": world.objects["contact"].pk}


def secret(world):
    return SECRET_INCIDENT


# POSTs carry empty data: valid hub users get 422 and nothing changes during the matrix.
ENDPOINTS = [
    Endpoint("hub:queue", roles_else(HUB_ROLES), secret=lambda w: w.objects["contact"].reference),
    Endpoint("hub:contact", roles_else(HUB_ROLES), kwargs=contact, secret=secret),
    Endpoint(
        "hub:triage", roles_else(HUB_ROLES, ok=422), kwargs=contact, method="post", secret=secret
    ),
    Endpoint(
        "hub:accept", roles_else(HUB_ROLES, ok=422), kwargs=contact, method="post", secret=secret
    ),
    Endpoint(
        "hub:link_subject",
        roles_else(HUB_ROLES, ok=422),
        method="post",
        secret=secret,
        kwargs=lambda w: {"pk": w.objects["contact"].pk, "subject_pk": w.objects["child"].pk},
    ),
    Endpoint(
        "hub:decide", roles_else(HUB_ROLES, ok=422), kwargs=contact, method="post", secret=secret
    ),
    Endpoint(
        "hub:sign_off",
        roles_else([Role.HUB_MANAGER], ok=422),
        kwargs=contact,
        method="post",
        secret=secret,
    ),
]
