"""Who may see DASH assessments and MARAC research.

A DASH assessment is sensitive personal data. It is seen by practitioners (casework roles) of
the agency that completed it; by hub practitioners and managers who may see its linked
front-door contact; and, once referred, by whoever may see the MARAC meeting that hears it
(its chair, and the agencies invited: the attendees). To everyone else it does not exist (404).
Only the completing agency refers it. Each agency invited to a MARAC records its own research
on a case before the meeting.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from frontdoor.agencies.roles import CASEWORK_ROLES, HUB_ROLES
from frontdoor.audit.services import audit_read
from frontdoor.core.access import load_or_404, require
from frontdoor.core.policy import may, rule
from frontdoor.referrals.access import contacts_visible_to
from frontdoor.referrals.models import Contact

from . import access
from .models import AgendaItem, DashAssessment, MeetingType

DASH_VIEW = "meetings.dash_view"
DASH_COMPLETE = "meetings.dash_complete"
DASH_REFER = "meetings.dash_refer"
RESEARCH = "meetings.marac_research"


@rule(DASH_VIEW)
def _dash_view(practitioner, assessment=None) -> bool:
    if practitioner.role not in CASEWORK_ROLES:
        return False
    if assessment is None:
        return True
    if practitioner.agency_id and assessment.agency_id == practitioner.agency_id:
        return True
    if (
        practitioner.role in HUB_ROLES
        and assessment.contact_id
        and contacts_visible_to(practitioner).filter(pk=assessment.contact_id).exists()
    ):
        return True
    meetings = {
        case.item.meeting for case in assessment.marac_cases.select_related("item__meeting")
    }
    return any(may(practitioner, access.VIEW, meeting) for meeting in meetings)


@rule(DASH_COMPLETE)
def _dash_complete(practitioner, obj=None) -> bool:
    return practitioner.role in CASEWORK_ROLES and practitioner.agency_id is not None


@rule(DASH_REFER)
def _dash_refer(practitioner, assessment=None) -> bool:
    if not _dash_complete(practitioner):
        return False
    return assessment is None or assessment.agency_id == practitioner.agency_id


@rule(RESEARCH)
def _research(practitioner, item=None) -> bool:
    if practitioner.role not in CASEWORK_ROLES or practitioner.agency_id is None:
        return False
    if item is None:
        return True
    return (
        item.meeting.type == MeetingType.MARAC
        and item.meeting.attendance.filter(agency_id=practitioner.agency_id).exists()
    )


def _not_found() -> Http404:
    return Http404("No such record, or you may not see it.")


def assessments_visible_to(practitioner):
    """The DASH assessments listed for a practitioner: their agency's, and those referred to a
    MARAC they may see, or linked to a contact the hub may see."""
    if practitioner.role not in CASEWORK_ROLES:
        return DashAssessment.objects.none()
    visible = Q(agency_id=practitioner.agency_id) | Q(
        marac_cases__item__meeting__in=access.meetings_visible_to(practitioner)
    )
    if practitioner.role in HUB_ROLES:
        visible |= Q(contact__in=contacts_visible_to(practitioner))
    ids = DashAssessment.objects.filter(visible).values("pk")
    return DashAssessment.objects.filter(pk__in=ids).select_related("agency", "completed_by")


def assessment_for(practitioner, pk, permission: str = DASH_VIEW, *, reason: str = ""):
    assessment = load_or_404(
        DashAssessment.objects.select_related(
            "agency", "completed_by", "checklist", "contact", "person"
        ),
        pk=pk,
    )
    if not may(practitioner, DASH_VIEW, assessment):
        raise _not_found()
    require(practitioner, permission, assessment)
    if reason:
        audit_read(actor=practitioner, obj=assessment, reason=reason)
    return assessment


def cases_of(assessment: DashAssessment):
    """The MARAC cases an assessment opened through ``assessment_for`` was referred to."""
    return assessment.marac_cases.select_related("item", "item__meeting")


def answers_of(assessment: DashAssessment):
    return assessment.answers.select_related("question").order_by("question__number")


def contact_for_dash(practitioner, reference: str) -> Contact | None:
    """A front-door contact the practitioner may see, to link a DASH to it."""
    return (
        contacts_visible_to(practitioner)
        .exclude(status=Contact.Status.DRAFT)
        .filter(reference__iexact=reference.strip())
        .first()
    )


def victim_person(contact: Contact):
    """The person the contact names as the victim (or adult at risk), if linked."""
    from frontdoor.referrals.models import Subject

    subject = (
        contact.subjects.filter(
            role__in=[Subject.Role.VICTIM, Subject.Role.ADULT_AT_RISK], person__isnull=False
        )
        .select_related("person")
        .first()
    )
    return subject.person if subject else None


def research_item_for(practitioner, pk, *, reason: str = "") -> AgendaItem:
    """A MARAC case the practitioner's agency was invited to research (else 404)."""
    item = load_or_404(AgendaItem.objects.select_related("meeting", "contact"), pk=pk)
    if not may(practitioner, access.VIEW, item.meeting):
        raise _not_found()
    require(practitioner, RESEARCH, item)
    if reason:
        audit_read(actor=practitioner, obj=item, reason=reason)
    return item
