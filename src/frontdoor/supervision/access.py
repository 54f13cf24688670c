"""Who may see a supervision record: only its supervisor and its practitioner.

Supervision is private between the two of them. Nobody else, administrators and managers
included, reads a session or an agreed action: to anyone else a session does not exist (404).
The supervisee's agency's hub managers and administrators set relationships up, end them, set
how often supervision is due and see who is overdue: names and dates, never content.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.http import Http404

from frontdoor.agencies.models import Agency
from frontdoor.agencies.roles import Role
from frontdoor.audit.services import audit_read
from frontdoor.core.access import load_or_404, require
from frontdoor.core.policy import may, rule

from .models import AgreedAction, Relationship, Session

TAKE_PART = "supervision.take_part"
MANAGE = "supervision.manage"

MANAGER_ROLES = frozenset({Role.HUB_MANAGER, Role.ADMINISTRATOR})

__all__ = ["MANAGE", "TAKE_PART", "may"]


@rule(TAKE_PART)
def _take_part(practitioner, relationship=None) -> bool:
    """Anyone signed in has a "My supervision" page; a record belongs to its two parties."""
    if relationship is None:
        return True
    if relationship.supervisor_id == practitioner.pk:
        return True
    return relationship.supervisee_id == practitioner.pk


@rule(MANAGE)
def _manage(practitioner, obj=None) -> bool:
    """Set up, end and oversee supervision: the agency's hub managers, or an administrator."""
    if practitioner.role == Role.ADMINISTRATOR:
        return True
    if practitioner.role != Role.HUB_MANAGER:
        return False
    if obj is None:
        return True
    agency_id = obj.pk if isinstance(obj, Agency) else obj.agency_id
    return practitioner.agency_id == agency_id


def _not_found() -> Http404:
    return Http404("No such record, or you may not see it.")


# The two parties -----------------------------------------------------------------------


def relationships_for(practitioner):
    """The relationships the practitioner is a party to, as supervisor or supervisee."""
    return Relationship.objects.involving(practitioner).select_related(
        "supervisor", "supervisor__agency", "supervisee", "supervisee__agency", "agency"
    )


def relationship_for_party(practitioner, pk, *, reason: str = "") -> Relationship:
    """A relationship its supervisor or supervisee opens (else 404), audited when ``reason``."""
    relationship = load_or_404(relationships_for(practitioner), pk=pk)
    if not may(practitioner, TAKE_PART, relationship):
        raise _not_found()
    if reason:
        audit_read(actor=practitioner, obj=relationship, reason=reason)
    return relationship


def session_for_party(practitioner, pk, *, reason: str = "") -> Session:
    """A session its two parties open (else 404, whoever asks), audited when ``reason``."""
    session = load_or_404(
        Session.objects.select_related(
            "relationship",
            "relationship__supervisor",
            "relationship__supervisee",
            "created_by",
            "updated_by",
        ),
        pk=pk,
    )
    if not may(practitioner, TAKE_PART, session.relationship):
        raise _not_found()
    if reason:
        audit_read(actor=practitioner, obj=session, reason=reason)
    return session


def action_for_party(practitioner, pk, *, reason: str = "") -> AgreedAction:
    action = load_or_404(
        AgreedAction.objects.select_related(
            "owner",
            "session",
            "session__relationship",
            "session__relationship__supervisor",
            "session__relationship__supervisee",
        ),
        pk=pk,
    )
    if not may(practitioner, TAKE_PART, action.session.relationship):
        raise _not_found()
    if reason:
        audit_read(actor=practitioner, obj=action, reason=reason)
    return action


def sessions_of(relationship: Relationship):
    """Sessions of a relationship already opened through ``relationship_for_party``."""
    return relationship.sessions.select_related("created_by", "updated_by")


def actions_of(relationship: Relationship):
    return AgreedAction.objects.filter(session__relationship=relationship).select_related(
        "owner", "session"
    )


def open_actions_owned_by(practitioner):
    return AgreedAction.objects.filter(
        owner=practitioner,
        done_at__isnull=True,
        session__relationship__in=Relationship.objects.involving(practitioner),
    ).select_related("session")


# Cases discussed -----------------------------------------------------------------------

_REFERENCE_SEPARATORS = re.compile(r"[\s,;]+")


def parse_references(text: str) -> list[str]:
    seen: list[str] = []
    for token in _REFERENCE_SEPARATORS.split(text.strip()):
        token = token.strip().upper()
        if token and token not in seen:
            seen.append(token)
    return seen


def cases_supervisee_may_see(supervisee, references: list[str]) -> list:
    """The contacts named by ``references``, each one the supervisee may see through the
    front door's own rules (``referrals.access``). A reference that does not exist and one
    the supervisee may not see get the same answer, so the picker reveals nothing."""
    from frontdoor.referrals.access import contacts_visible_to

    if not references:
        return []
    visible = {
        contact.reference: contact
        for contact in contacts_visible_to(supervisee).filter(
            reference__in=references, reference__isnull=False
        )
    }
    refused = [reference for reference in references if reference not in visible]
    if refused:
        raise ValidationError(
            f"{', '.join(refused)}: not a case that {supervisee} can see in Front Door. "
            "Link only cases the practitioner being supervised can see, by their reference.",
            code="case",
        )
    return [visible[reference] for reference in references]


def case_link_for(practitioner, contact) -> str:
    """Where a case reference links to for this reader. The page itself checks the reader's
    own access again: a supervisor who may not see the case gets 404 there."""
    from django.urls import reverse

    if contact.referrer_id == practitioner.pk:
        return reverse("referrals:mine_detail", args=[contact.pk])
    return reverse("hub:contact", args=[contact.pk])


# Managers and administrators -----------------------------------------------------------


def relationship_for_management(practitioner, pk) -> Relationship:
    """Visible to its parties and to those who manage it; only the managers may change it."""
    relationship = load_or_404(
        Relationship.objects.select_related("supervisor", "supervisee", "agency"), pk=pk
    )
    visible = may(practitioner, TAKE_PART, relationship) or may(practitioner, MANAGE, relationship)
    if not visible:
        raise _not_found()
    require(practitioner, MANAGE, relationship)
    return relationship


def agency_for_supervision_policy(practitioner, pk) -> Agency:
    """Agencies are public; only their own hub managers, or an administrator, set the policy."""
    agency = load_or_404(Agency.objects.all(), pk=pk)
    require(practitioner, MANAGE, agency)
    return agency


def agencies_managed_by(practitioner):
    if practitioner.role == Role.ADMINISTRATOR:
        return Agency.objects.filter(is_active=True)
    if practitioner.role == Role.HUB_MANAGER and practitioner.agency_id:
        return Agency.objects.filter(pk=practitioner.agency_id)
    return Agency.objects.none()


def relationships_managed_in(practitioner, agency: Agency):
    """The current relationships at an agency the manager looks after: names and dates only."""
    require(practitioner, MANAGE, agency)
    return (
        Relationship.objects.current()
        .filter(agency=agency)
        .select_related("supervisor", "supervisee")
        .order_by("supervisee__last_name", "supervisee__first_name")
    )
