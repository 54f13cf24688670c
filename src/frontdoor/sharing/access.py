"""Information requests are seen by the hub and by the agency they are addressed to, only."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import Http404

from frontdoor.agencies.roles import CASEWORK_ROLES, HUB_ROLES
from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_read, audit_record
from frontdoor.core.access import load_or_404, require
from frontdoor.core.policy import may, rule

from .models import InformationRequest

VIEW_INBOX = "sharing.view_inbox"
VIEW_REQUEST = "sharing.view_request"
RESPOND = "sharing.respond"
ASK = "sharing.ask"


@rule(VIEW_INBOX)
def _view_inbox(practitioner, obj=None) -> bool:
    if practitioner.agency_id is None:
        return False
    return practitioner.role in CASEWORK_ROLES


@rule(VIEW_REQUEST)
def _view_request(practitioner, request=None) -> bool:
    if request is None:
        return _view_inbox(practitioner)
    if practitioner.role in HUB_ROLES:
        return True
    if practitioner.role not in CASEWORK_ROLES:
        return False
    return request.to_agency_id == practitioner.agency_id


@rule(RESPOND)
def _respond(practitioner, request=None) -> bool:
    """Who answers for the receiving agency. Whether the request is still open is the
    service's business: a stale answer is a conflict (409), not a refusal (403)."""
    if not _view_inbox(practitioner):
        return False
    if request is None:
        return True
    return request.to_agency_id == practitioner.agency_id


@rule(ASK)
def _ask(practitioner, contact=None) -> bool:
    return practitioner.role in HUB_ROLES


def contact_for_asking(practitioner, pk, *, reason: str | None = None):
    """The contact the hub asks about: 404 if the practitioner may not see it (need to know:
    do not reveal that it exists), 403 if they see it but may not ask."""
    from frontdoor.referrals import access as referrals_access

    contact = referrals_access.contact_for(
        practitioner, pk, referrals_access.HUB_WORK, reason=reason
    )
    require(practitioner, ASK, contact)
    return contact


def request_for(practitioner, pk, permission: str = VIEW_REQUEST, *, reason: str | None = None):
    request = load_or_404(
        InformationRequest.objects.select_related(
            "contact", "to_agency", "requested_by", "answered_by"
        ),
        pk=pk,
    )
    if not may(practitioner, VIEW_REQUEST, request):
        raise Http404("No such record, or you may not see it.")
    require(practitioner, permission, request)
    if reason:
        audit_read(actor=practitioner, obj=request, reason=reason)
    return request


def requests_visible_to(practitioner):
    requests = InformationRequest.objects.select_related("contact", "to_agency")
    if practitioner.role in HUB_ROLES:
        return requests
    if practitioner.role in CASEWORK_ROLES and practitioner.agency_id:
        return requests.filter(to_agency_id=practitioner.agency_id)
    return requests.none()


def open_request_counts(practitioner, contacts, now) -> dict[int, dict[str, int]]:
    """For each of ``contacts`` (by id), its open and overdue information requests that the
    practitioner may see, counted in one query: for a page of the hub queue."""
    return {
        row["contact_id"]: row
        for row in requests_visible_to(practitioner)
        .filter(contact__in=contacts, status=InformationRequest.Status.OPEN)
        .order_by()
        .values("contact_id")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_at__lt=now)))
    }


def inbox_for(practitioner):
    """Requests addressed to the practitioner's own agency (never another's)."""
    if not _view_inbox(practitioner):
        return InformationRequest.objects.none()
    return InformationRequest.objects.filter(to_agency_id=practitioner.agency_id).select_related(
        "contact"
    )


def inbox_viewed(practitioner, requests, *, reason: str) -> None:
    """Record that a list of requests (subjects' names included) was read: one audit row."""
    shown = [r.pk for r in requests]
    audit_record(
        actor=practitioner,
        verb=Verb.VIEW,
        object_type=InformationRequest._meta.label_lower,
        object_repr=f"Inbox of {practitioner.agency}: {len(shown)} requests",
        reason=reason,
        details={"requests": shown},
    )


# Operation Encompass's rules live beside these and register when this module loads.
from . import access_encompass  # noqa: E402,F401
