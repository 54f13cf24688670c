"""Who may see and change rotas, absences and cover, and who may hand a contact over."""

from __future__ import annotations

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.access import load_or_404, require
from frontdoor.core.policy import may, rule

from .models import Agency, Practitioner
from .models_duty import Shift
from .roles import Role

EDIT_ROTA = "agencies.edit_rota"
RECORD_ABSENCE = "agencies.record_absence"
SEE_ABSENCE_REASON = "agencies.see_absence_reason"
ARRANGE_COVER = "agencies.arrange_cover"
HAND_OVER = "agencies.hand_over"


@rule(EDIT_ROTA)
def _edit_rota(practitioner, agency=None) -> bool:
    if practitioner.role == Role.ADMINISTRATOR:
        return True
    if practitioner.role != Role.HUB_MANAGER:
        return False
    return agency is None or practitioner.agency_id == agency.pk


@rule(RECORD_ABSENCE)
def _record_absence(practitioner, absentee=None) -> bool:
    if absentee is None:
        return True  # anyone may record their own absence
    if absentee.pk == practitioner.pk:
        return True
    if practitioner.role == Role.ADMINISTRATOR:
        return True
    if practitioner.role != Role.HUB_MANAGER:
        return False
    return practitioner.agency_id == absentee.agency_id


@rule(SEE_ABSENCE_REASON)
def _see_absence_reason(practitioner, absentee=None) -> bool:
    # Why someone is away (sick, on leave) is their own business and their managers'.
    return absentee is not None and _record_absence(practitioner, absentee)


@rule(ARRANGE_COVER)
def _arrange_cover(practitioner, absentee=None) -> bool:
    """The cover pages list an absent colleague's open contacts: hub managers of their agency."""
    if practitioner.role != Role.HUB_MANAGER:
        return False
    return absentee is None or practitioner.agency_id == absentee.agency_id


@rule(HAND_OVER)
def _hand_over(practitioner, contact=None) -> bool:
    """The contact's owner, or a hub manager of the owner's agency (any hub manager while no
    one owns it)."""
    if contact is None:
        return practitioner.role in (Role.HUB_PRACTITIONER, Role.HUB_MANAGER)
    owner = contact.assigned_to
    if owner is not None and owner.pk == practitioner.pk:
        return True
    if practitioner.role != Role.HUB_MANAGER:
        return False
    return owner is None or owner.agency_id == practitioner.agency_id


def agency_for_rota(practitioner, pk, *, edit: bool = False) -> Agency:
    agency = load_or_404(Agency.objects.all(), pk=pk)
    if edit:
        require(practitioner, EDIT_ROTA, agency)
    return agency


def shift_for_removal(practitioner, agency: Agency, pk) -> Shift:
    shift = load_or_404(Shift.objects.select_related("practitioner"), pk=pk, agency=agency)
    require(practitioner, EDIT_ROTA, agency)
    return shift


def absentee_for_recording(practitioner, pk) -> Practitioner:
    absentee = load_or_404(Practitioner.objects.select_related("agency"), pk=pk, is_active=True)
    require(practitioner, RECORD_ABSENCE, absentee)
    return absentee


def absentee_for_cover(practitioner, pk) -> Practitioner:
    absentee = load_or_404(Practitioner.objects.select_related("agency"), pk=pk)
    require(practitioner, ARRANGE_COVER, absentee)
    return absentee


def contact_for_handover(practitioner, pk):
    """Not visible → 404; visible but not theirs to hand over → 403; the read is audited."""
    from frontdoor.referrals.access import contact_for

    return contact_for(practitioner, pk, HAND_OVER, reason="Opened a contact to hand it over")


def contacts_visible_to(practitioner):
    from frontdoor.referrals.access import contacts_visible_to as visible

    return visible(practitioner)


def audit_cover_list(practitioner, absentee: Practitioner) -> None:
    audit_record(
        actor=practitioner,
        verb=Verb.VIEW,
        obj=absentee,
        reason="Viewed an absent colleague's open contacts to arrange cover",
    )


def absences_for_rota(practitioner, agency: Agency, absences) -> list[dict]:
    """Each absence with its reason, or just "Away" where the viewer may not know why. Seeing
    why colleagues are away (sickness is health data) is recorded in the audit trail."""
    rows, disclosed = [], []
    for absence in absences:
        visible = may(practitioner, SEE_ABSENCE_REASON, absence.practitioner)
        rows.append(
            {"absence": absence, "reason": absence.get_reason_display() if visible else "Away"}
        )
        if visible and absence.practitioner_id != practitioner.pk:
            disclosed.append(absence.practitioner.username)
    if disclosed:
        audit_record(
            actor=practitioner,
            verb=Verb.VIEW,
            obj=agency,
            reason="Viewed the reasons for colleagues' absences on the rota",
            details={"practitioners": sorted(set(disclosed))},
        )
    return rows
