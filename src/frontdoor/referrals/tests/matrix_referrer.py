"""The referrer's pages in the permission matrix.

None of the personas is the referrer of the world's draft or sent contact. A draft is visible
to its referrer only: everyone who may make referrals gets 404, everyone else is refused at
the door with the same 404 (whatever the record). A sent contact is also visible to the hub,
who have their own pages for it: they get 403 here.
"""

from frontdoor.agencies.roles import CASEWORK_ROLES, HUB_ROLES
from frontdoor.core.testing.matrix import REFUSED, Endpoint, roles_else

OTHERS_DRAFT = roles_else(CASEWORK_ROLES, ok=404)


def OTHERS_SENT(role, involved):  # noqa: N802 (an expectation, like OTHERS_DRAFT)
    """Not theirs: 404; the hub sees it but uses its own pages: 403; refused at the door."""
    if role in HUB_ROLES:
        return 403
    return 404 if role in CASEWORK_ROLES else REFUSED


def draft(world):
    return {"pk": world.objects["draft"].pk}


def sent(world):
    return {"pk": world.objects["contact"].pk}


def draft_subject(world):
    # The draft has no subjects: any subject of another contact must not be reachable through it.
    return {"pk": world.objects["draft"].pk, "subject_pk": world.objects["child"].pk}


def sent_subject(world):
    return {"pk": world.objects["contact"].pk, "subject_pk": world.objects["child"].pk}


def secret(world):
    return world.objects["contact"].what_happened


def child_name(world):
    return world.objects["child"].family_name


CONTACT_PAGES = (
    "referrals:mine_detail",
    "referrals:caller",
    "referrals:people",
    "referrals:person_add",
    "referrals:concerns",
    "referrals:what_happened",
    "referrals:consent",
    "referrals:check",
    "referrals:sent",
)

ENDPOINTS = [
    Endpoint("referrals:mine", roles_else(CASEWORK_ROLES), secret=secret),
    Endpoint("referrals:start", roles_else(CASEWORK_ROLES)),
    Endpoint(
        "referrals:start",
        roles_else(CASEWORK_ROLES, ok=302),
        method="post",
        data=lambda w: {"source": "practitioner"},
    ),
    *(Endpoint(name, OTHERS_DRAFT, kwargs=draft) for name in CONTACT_PAGES),
    *(Endpoint(name, OTHERS_SENT, kwargs=sent, secret=secret) for name in CONTACT_PAGES),
    # Writes to someone else's referral are refused the same way.
    *(
        Endpoint(name, OTHERS_DRAFT, kwargs=draft, method="post", data=lambda w: {})
        for name in CONTACT_PAGES
        if name not in ("referrals:mine_detail", "referrals:sent")
    ),
    Endpoint("referrals:check", OTHERS_SENT, kwargs=sent, method="post", data=lambda w: {}),
    Endpoint("referrals:person_edit", OTHERS_DRAFT, kwargs=draft_subject),
    Endpoint("referrals:person_edit", OTHERS_SENT, kwargs=sent_subject, secret=child_name),
    Endpoint("referrals:person_remove", OTHERS_DRAFT, kwargs=draft_subject, method="post"),
    Endpoint(
        "referrals:person_remove",
        OTHERS_SENT,
        kwargs=sent_subject,
        method="post",
        secret=child_name,
    ),
]
