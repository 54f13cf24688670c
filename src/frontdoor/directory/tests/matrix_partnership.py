"""The partnership map in the permission matrix.

Every signed-in practitioner reads the map, a body, the view by agency and the partner-agency
finder. Only partnership managers and administrators add or change bodies, posts and
memberships or record reviews, wherever their agency is. The POSTs send no data: whoever may
act gets 422 and nothing changes; everyone else 403.
"""

from datetime import timedelta

from django.utils import timezone

from frontdoor.core.testing.matrix import Endpoint, everyone, roles_else
from frontdoor.directory.access import PARTNERSHIP_KEEPERS


def _map(world):
    """A children's partnership with one sub-group, a post and the involved agency as member."""
    if "partnership_body" not in world.objects:
        from frontdoor.directory.models import Body, Membership, Post

        review_due = timezone.localdate() + timedelta(days=90)
        body = Body.objects.create(
            name="Matrix Safeguarding Children Partnership",
            classification="safeguarding_children",
            level="force_wide",
            review_due=review_due,
        )
        Body.objects.create(
            name="Matrix Sub-group",
            classification="sub_group",
            level="force_wide",
            parent=body,
            accountable_to=body,
            review_due=review_due,
        )
        post = Post.objects.create(body=body, label="Chair", role="chair")
        membership = Membership.objects.create(
            body=body,
            agency=world.involved,
            person=world.objects["subject_practitioner"],
            post=post,
        )
        world.objects.update(
            partnership_body=body, partnership_post=post, partnership_member=membership
        )
    return world.objects["partnership_body"]


def body(world):
    return {"pk": _map(world).pk}


def post(world):
    _map(world)
    return {"pk": world.objects["partnership_post"].pk}


def membership(world):
    _map(world)
    return {"pk": world.objects["partnership_member"].pk}


def agency(world):
    _map(world)
    return {"pk": world.involved.pk}


def the_map(world):
    _map(world)
    return {}


def nothing(world):
    return {}


KEEP = roles_else(PARTNERSHIP_KEEPERS)
KEEP_422 = roles_else(PARTNERSHIP_KEEPERS, ok=422)

ENDPOINTS = [
    Endpoint("directory:partnership_map", everyone(), kwargs=the_map),
    Endpoint("directory:partnership_body", everyone(), kwargs=body),
    Endpoint("directory:partnership_agency", everyone(), kwargs=agency),
    Endpoint("directory:partnership_agencies", everyone()),
    Endpoint("directory:partnership_agencies", everyone(), data=lambda w: {"q": "Involved"}),
    Endpoint("directory:partnership_body_create", KEEP),
    Endpoint("directory:partnership_body_create", KEEP_422, method="post", data=nothing),
    Endpoint("directory:partnership_body_edit", KEEP, kwargs=body),
    Endpoint("directory:partnership_body_edit", KEEP_422, kwargs=body, method="post", data=nothing),
    Endpoint("directory:partnership_post_create", KEEP, kwargs=body),
    Endpoint(
        "directory:partnership_post_create", KEEP_422, kwargs=body, method="post", data=nothing
    ),
    Endpoint("directory:partnership_post_edit", KEEP, kwargs=post),
    Endpoint("directory:partnership_post_edit", KEEP_422, kwargs=post, method="post", data=nothing),
    Endpoint("directory:partnership_membership_create", KEEP, kwargs=body),
    Endpoint(
        "directory:partnership_membership_create",
        KEEP_422,
        kwargs=body,
        method="post",
        data=nothing,
    ),
    Endpoint("directory:partnership_membership_edit", KEEP, kwargs=membership),
    Endpoint(
        "directory:partnership_membership_edit",
        KEEP_422,
        kwargs=membership,
        method="post",
        data=nothing,
    ),
    Endpoint("directory:partnership_review", KEEP, kwargs=body),
    Endpoint("directory:partnership_review", KEEP_422, kwargs=body, method="post", data=nothing),
]
