"""Who may see and act on contacts. Need to know: the hub sees submitted contacts; a
referrer sees their own; a partner agency sees only the requests addressed to it."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404

from frontdoor.agencies.roles import CASEWORK_ROLES, HUB_ROLES, Role
from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_read, audit_records
from frontdoor.core.access import load_or_404, require
from frontdoor.core.policy import may, rule

from .models import Contact

MAKE_REFERRAL = "referrals.make"
VIEW_CONTACT = "referrals.view_contact"
EDIT_DRAFT = "referrals.edit_draft"
VIEW_OWN_REFERRAL = "referrals.view_own_referral"
VIEW_QUEUE = "referrals.view_queue"
HUB_WORK = "referrals.hub_work"
SIGN_OFF = "referrals.sign_off"
SIGNPOST_CONFIDENTIAL = "referrals.signpost_confidential"

# Who may signpost to a service whose address is confidential (a refuge). A partnership may
# narrow it with FRONTDOOR_SIGNPOST_CONFIDENTIAL_ROLES (ADR 0016).
SIGNPOST_CONFIDENTIAL_ROLES = (Role.HUB_MANAGER, Role.HUB_PRACTITIONER)


@rule(MAKE_REFERRAL)
def _make_referral(practitioner, obj=None) -> bool:
    if practitioner.agency_id is None:
        return False
    return practitioner.role in CASEWORK_ROLES


@rule(VIEW_QUEUE)
def _view_queue(practitioner, obj=None) -> bool:
    return practitioner.role in HUB_ROLES


@rule(VIEW_CONTACT)
def _view_contact(practitioner, contact=None) -> bool:
    if contact is None:
        return practitioner.role in CASEWORK_ROLES
    if contact.referrer_id == practitioner.pk:
        return True
    if contact.status == Contact.Status.DRAFT:
        return False
    return practitioner.role in HUB_ROLES


@rule(EDIT_DRAFT)
def _edit_draft(practitioner, contact=None) -> bool:
    if contact is None:
        return _make_referral(practitioner)
    if contact.referrer_id != practitioner.pk:
        return False
    return contact.status == Contact.Status.DRAFT


@rule(VIEW_OWN_REFERRAL)
def _view_own_referral(practitioner, contact=None) -> bool:
    """The referrer's own view of what they sent and its outcome (the hub has its own)."""
    if contact is None:
        return practitioner.role in CASEWORK_ROLES
    return contact.referrer_id == practitioner.pk


@rule(HUB_WORK)
def _hub_work(practitioner, contact=None) -> bool:
    if practitioner.role not in HUB_ROLES:
        return False
    return contact is None or contact.status != Contact.Status.DRAFT


@rule(SIGN_OFF)
def _sign_off(practitioner, contact=None) -> bool:
    return practitioner.role == Role.HUB_MANAGER


@rule(SIGNPOST_CONFIDENTIAL)
def _signpost_confidential(practitioner, service=None) -> bool:
    allowed = getattr(
        settings, "FRONTDOOR_SIGNPOST_CONFIDENTIAL_ROLES", SIGNPOST_CONFIDENTIAL_ROLES
    )
    return practitioner.role in allowed


def contact_for(
    practitioner, pk, permission: str = VIEW_CONTACT, *, reason: str | None = None
) -> Contact:
    """Load a contact the practitioner may see (else 404), check ``permission`` (else 403),
    and record the read in the audit trail when a ``reason`` is given."""
    contact = load_or_404(
        Contact.objects.select_related("referrer", "referrer_agency", "assigned_to"), pk=pk
    )
    if not may(practitioner, VIEW_CONTACT, contact):
        raise Http404("No such record, or you may not see it.")
    require(practitioner, permission, contact)
    if reason:
        audit_read(actor=practitioner, obj=contact, reason=reason)
    return contact


def contacts_visible_to(practitioner):
    """Every contact the practitioner may see: for lists, counts and search (promise 2)."""
    contacts = Contact.objects.all()
    if practitioner.role in HUB_ROLES:
        return contacts.exclude(status=Contact.Status.DRAFT) | contacts.filter(
            referrer=practitioner
        )
    return contacts.filter(referrer=practitioner)


def candidates_for(practitioner, subject) -> list:
    """People on the index who may be ``subject`` (none for roles outside the hub). Each one
    shown is a read of that person's record, so each is recorded (promise 6)."""
    from frontdoor.matching import facade as matching

    found = matching.candidates(
        practitioner,
        given_names=subject.given_names,
        family_name=subject.family_name,
        date_of_birth=subject.date_of_birth,
        sex=subject.sex,
        postcode=subject.postcode,
        nhs_number=subject.nhs_number,
    )
    audit_records(
        {
            "actor": practitioner,
            "verb": Verb.VIEW,
            "obj": candidate.person,
            "reason": "Shown as a possible match for someone named in a contact",
            "details": {
                "contact": subject.contact_id,
                "subject": subject.pk,
                "probability": round(candidate.probability, 3),
            },
        }
        for candidate in found
    )
    return found
