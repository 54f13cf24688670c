"""The one door to a directory record for the public pages."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404

from .models import Service


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
