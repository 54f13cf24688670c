"""Who may see and change agencies, profiles and practitioner records."""

from __future__ import annotations

from django.http import Http404

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.access import load_or_404, require
from frontdoor.core.policy import may, rule

from .models import Agency, Practitioner
from .roles import ROLES_MAINTAINING_PROFILE, Role

VIEW_PROFILES = "agencies.view_profiles"
EDIT_PROFILE = "agencies.edit_profile"
ADMINISTER = "agencies.administer"
VIEW_PRACTITIONER = "agencies.view_practitioner"


@rule(VIEW_PROFILES)
def _view_profiles(practitioner, agency=None) -> bool:
    # The research found partners misunderstand each other's powers and limits:
    # every practitioner may read every agency's profile.
    return True


@rule(EDIT_PROFILE)
def _edit_profile(practitioner, agency=None) -> bool:
    if practitioner.role == Role.ADMINISTRATOR:
        return True
    if agency is None:
        return practitioner.role in ROLES_MAINTAINING_PROFILE
    if practitioner.agency_id != agency.pk:
        return False
    return practitioner.role in ROLES_MAINTAINING_PROFILE


@rule(ADMINISTER)
def _administer(practitioner, obj=None) -> bool:
    return practitioner.role == Role.ADMINISTRATOR


@rule(VIEW_PRACTITIONER)
def _view_practitioner(practitioner, other=None) -> bool:
    if practitioner.role == Role.ADMINISTRATOR:
        return True
    return other is not None and other.pk == practitioner.pk


def agency_for_reading(practitioner, pk) -> Agency:
    return load_or_404(Agency.objects.prefetch_related("areas", "timescales"), pk=pk)


def agency_for_profile_edit(practitioner, pk) -> Agency:
    agency = agency_for_reading(practitioner, pk)
    require(practitioner, EDIT_PROFILE, agency)
    return agency


def agency_for_administration(practitioner, pk) -> Agency:
    agency = load_or_404(Agency.objects.all(), pk=pk)
    require(practitioner, ADMINISTER, agency)
    return agency


def practitioner_for_viewing(practitioner, pk, *, reason: str) -> Practitioner:
    """A practitioner's own record is personal data: not visible → 404, and every read is logged."""
    other = load_or_404(Practitioner.objects.select_related("agency", "team"), pk=pk)
    if not may(practitioner, VIEW_PRACTITIONER, other):
        raise Http404("No such record, or you may not see it.")
    audit_record(actor=practitioner, verb=Verb.VIEW, obj=other, reason=reason)
    return other


def practitioner_for_administration(practitioner, pk) -> Practitioner:
    other = load_or_404(Practitioner.objects.select_related("agency", "team"), pk=pk)
    if not may(practitioner, ADMINISTER, other):
        raise Http404("No such record, or you may not see it.")
    return other
