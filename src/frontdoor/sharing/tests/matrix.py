"""Information requests in the permission matrix.

world.objects["request"] is addressed to world.involved. The hub (either agency) sees every
request; casework roles see only their own agency's; nobody else learns that it exists (404).
The POSTs send no data, so whoever may respond gets 422 and the request never changes.
"""

from frontdoor.agencies.roles import CASEWORK_ROLES, HUB_ROLES
from frontdoor.core.testing.matrix import Endpoint, involved_roles_else, roles_else


def request_pk(world):
    return {"pk": world.objects["request"].pk}


def contact_pk(world):
    return {"pk": world.objects["contact"].pk}


def child_name(world):
    return str(world.objects["child"])


def respond_expectation(role: str, involved: bool) -> int:
    if involved and role in CASEWORK_ROLES:
        return 422  # may respond; an empty form is refused
    if role in HUB_ROLES:
        return 403  # the hub sees another agency's request but may not answer for it
    return 404


ENDPOINTS = [
    Endpoint("sharing:inbox", roles_else(CASEWORK_ROLES)),
    Endpoint(
        "sharing:detail",
        involved_roles_else(HUB_ROLES, CASEWORK_ROLES, otherwise=404),
        kwargs=request_pk,
        secret=child_name,
    ),
    *(
        Endpoint(
            name,
            respond_expectation,
            kwargs=request_pk,
            method="post",
            data=lambda world: {},
            secret=child_name,
        )
        for name in ("sharing:answer", "sharing:nothing_known", "sharing:decline")
    ),
    # Only the hub asks; nobody else may learn that the contact exists.
    Endpoint(
        "sharing:ask", roles_else(HUB_ROLES, otherwise=404), kwargs=contact_pk, secret=child_name
    ),
]
