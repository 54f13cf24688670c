"""The one door to directory records: the public pages, and curation for practitioners."""

from __future__ import annotations

from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import Http404

from frontdoor.agencies.roles import Role
from frontdoor.core.access import load_or_404, require
from frontdoor.core.permissions import second_factor_missing
from frontdoor.core.policy import may, rule

from .models import PracticeNote, Service, ServiceChange, Suggestion


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


# Keeping it current (issue 8, item 4) ------------------------------------------------------
#
# Curators of a service: its owner practitioner; a manager at its owner agency; partnership
# managers and administrators for every service. Any signed-in practitioner reads and adds
# practice notes and reads a service's change history (neither holds personal data).

CURATE = "directory.curate"
PRACTICE_NOTES = "directory.practice_notes"
HISTORY = "directory.history"

# Managers who look after their own agency's services.
AGENCY_CURATOR_ROLES = frozenset({Role.HUB_MANAGER})
# Roles that look after every service in the partnership's directory.
PARTNERSHIP_CURATOR_ROLES = frozenset({Role.PARTNERSHIP_MANAGER, Role.ADMINISTRATOR})


def services_curated_by(practitioner) -> QuerySet[Service]:
    if practitioner.role in PARTNERSHIP_CURATOR_ROLES:
        return Service.objects.all()
    mine = Q(owner_practitioner_id=practitioner.pk)
    if practitioner.role in AGENCY_CURATOR_ROLES and practitioner.agency_id:
        mine |= Q(owner_agency_id=practitioner.agency_id)
    return Service.objects.filter(mine)


@rule(CURATE)
def _curate(practitioner, service=None) -> bool:
    if service is None:
        return services_curated_by(practitioner).exists()
    if practitioner.role in PARTNERSHIP_CURATOR_ROLES:
        return True
    if service.owner_practitioner_id == practitioner.pk:
        return True
    if practitioner.role not in AGENCY_CURATOR_ROLES:
        return False
    return bool(practitioner.agency_id) and service.owner_agency_id == practitioner.agency_id


@rule(PRACTICE_NOTES)
def _practice_notes(practitioner, service=None) -> bool:
    return True


@rule(HISTORY)
def _history(practitioner, service=None) -> bool:
    return True


def practitioner_or_none(request):
    """The signed-in practitioner who has passed the second factor, else None (the public)."""
    user = request.user
    if not user.is_authenticated or second_factor_missing(request):
        return None
    return user


def service_for_suggestion(pk: UUID) -> Service:
    """Anyone may suggest a change to a service the public can see."""
    return load_or_404(Service.objects.public(), pk=pk)


def service_for_practitioners(practitioner, pk: UUID) -> Service:
    """Any service, closed ones included (its history and notes outlive it)."""
    service = load_or_404(Service.objects.select_related("organization"), pk=pk)
    require(practitioner, HISTORY, service)
    return service


def service_for_notes(practitioner, pk: UUID) -> Service:
    """Notes are added on the service page, so on services the public can see."""
    service = load_or_404(Service.objects.public(), pk=pk)
    require(practitioner, PRACTICE_NOTES, service)
    return service


def service_for_curating(practitioner, pk: UUID) -> Service:
    service = load_or_404(Service.objects.select_related("organization"), pk=pk)
    require(practitioner, CURATE, service)
    return service


def notes_for(practitioner, service: Service) -> QuerySet[PracticeNote]:
    if not may(practitioner, PRACTICE_NOTES, service):
        return PracticeNote.objects.none()
    return service.practice_notes.select_related("author", "agency")


def history_for(practitioner, service: Service) -> QuerySet[ServiceChange]:
    if not may(practitioner, HISTORY, service):
        return ServiceChange.objects.none()
    return service.changes.select_related("changed_by", "changed_by__agency", "suggestion")


def open_suggestions_for(practitioner) -> QuerySet[Suggestion]:
    """The curator's queue: open suggestions about services they curate, oldest first."""
    return (
        Suggestion.objects.filter(
            status=Suggestion.Status.OPEN, service__in=services_curated_by(practitioner)
        )
        .select_related("service", "suggested_by")
        .order_by("created_at", "id")
    )


def suggestion_for_curating(practitioner, pk: int) -> Suggestion:
    """Visible to the curators of its service (404 to anyone else)."""
    suggestion = load_or_404(
        Suggestion.objects.filter(service__in=services_curated_by(practitioner)).select_related(
            "service", "suggested_by", "suggested_by__agency", "decided_by"
        ),
        pk=pk,
    )
    require(practitioner, CURATE, suggestion.service)
    return suggestion
