"""The one door to a directory record for the public pages."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404

from frontdoor.agencies.roles import Role
from frontdoor.core.access import load_or_404, require
from frontdoor.core.policy import rule

from .models import Body, Membership, Post, Service


def service_for_public(pk: UUID) -> Service:
    """A service a member of the public may read, with what its page shows; 404 otherwise."""
    found = (
        Service.objects.public()
        .select_related("organization")
        .prefetch_related(
            "schedules",
            "contacts__phones",
            "cost_options",
            "languages",
            "service_areas",
            "service_at_locations__location__addresses",
        )
        .filter(id=pk)
        .first()
    )
    if found is None:
        raise Http404("No such service")
    return found


# The partnership map ---------------------------------------------------------------------
# Partnership structures are not personal data, and a representative's name is a work contact
# (as on the agency profiles): every signed-in practitioner may read the map, the bodies and
# the view by agency. Partnership managers and administrators keep the map: they add and edit
# bodies, posts and memberships and record reviews.

VIEW_PARTNERSHIP = "directory.view_partnership"
MANAGE_PARTNERSHIP = "directory.manage_partnership"
PARTNERSHIP_KEEPERS = frozenset({Role.PARTNERSHIP_MANAGER, Role.ADMINISTRATOR})


@rule(VIEW_PARTNERSHIP)
def _view_partnership(practitioner, obj=None) -> bool:
    return True


@rule(MANAGE_PARTNERSHIP)
def _manage_partnership(practitioner, obj=None) -> bool:
    return practitioner.role in PARTNERSHIP_KEEPERS


def body_for_reading(practitioner, pk) -> Body:
    return load_or_404(Body.objects.select_related("area", "parent", "accountable_to"), pk=pk)


def body_for_managing(practitioner, pk) -> Body:
    body = body_for_reading(practitioner, pk)
    require(practitioner, MANAGE_PARTNERSHIP, body)
    return body


def membership_for_managing(practitioner, pk) -> Membership:
    membership = load_or_404(Membership.objects.select_related("body", "agency", "person"), pk=pk)
    require(practitioner, MANAGE_PARTNERSHIP, membership)
    return membership


def post_for_managing(practitioner, pk) -> Post:
    post = load_or_404(Post.objects.select_related("body"), pk=pk)
    require(practitioner, MANAGE_PARTNERSHIP, post)
    return post


def agency_for_partnership(practitioner, pk):
    from frontdoor.agencies.access import agency_for_reading

    return agency_for_reading(practitioner, pk)
