"""Who can help with this (ADR 0016): whoever may see the contact, nobody else.

No persona is the referrer of the world's contacts. The hub sees the sent contact; other
roles that make referrals get 404 (not theirs); roles that never see contacts are refused at
the door, with the same 404. Nobody but its referrer sees the draft.
"""

from frontdoor.agencies.roles import CASEWORK_ROLES, HUB_ROLES
from frontdoor.core.testing.matrix import REFUSED, SECRET_INCIDENT, Endpoint


def sent_contact(role: str, involved: bool) -> int:
    if role in HUB_ROLES:
        return 200
    return 404 if role in CASEWORK_ROLES else REFUSED


def draft_contact(role: str, involved: bool) -> int:
    return 404 if role in CASEWORK_ROLES else REFUSED


def child_name(world):
    return world.objects["child"].family_name


ENDPOINTS = [
    Endpoint(
        "referrals:who_can_help",
        sent_contact,
        kwargs=lambda w: {"pk": w.objects["contact"].pk},
        secret=child_name,
    ),
    Endpoint(
        "referrals:who_can_help",
        draft_contact,
        kwargs=lambda w: {"pk": w.objects["draft"].pk},
    ),
    # Searching the directory from the decision form is a POST to hub:decide (matrix_hub).
    Endpoint(
        "hub:decide",
        lambda role, involved: 200 if role in HUB_ROLES else REFUSED,
        kwargs=lambda w: {"pk": w.objects["contact"].pk},
        method="post",
        data=lambda w: {"decision-action": "search", "decision-signpost_q": "help"},
        secret=lambda w: SECRET_INCIDENT,
    ),
]
