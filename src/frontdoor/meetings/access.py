"""Who may see and run meetings, their agendas and minutes.

Need to know: a meeting, its agenda and its minutes are seen by its chair, by the
practitioners of the agencies invited to it (present or not), and by hub practitioners and
managers when a case on its agenda came through the front door (they may see that contact
under the referrals app's own rules). To everyone else a meeting does not exist (404).
Roles that do not do casework (analysts, administrators, partnership managers) have no
meeting pages. Only the meeting's chair, or whoever arranged it, records anything on it.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.agencies.roles import CASEWORK_ROLES, HUB_ROLES, Role
from frontdoor.audit.services import audit_read
from frontdoor.core.access import load_or_404, require
from frontdoor.core.policy import may, rule
from frontdoor.referrals.models import Contact

from .models import AgendaItem, Meeting

VIEW = "meetings.view"
CREATE = "meetings.create"
RECORD = "meetings.record"

CHAIR_ROLES = frozenset({Role.MEETING_CHAIR, Role.HUB_MANAGER})

__all__ = ["CREATE", "RECORD", "VIEW", "may"]


def _contacts_hub_may_see(practitioner):
    from frontdoor.referrals.access import contacts_visible_to

    return contacts_visible_to(practitioner)


@rule(VIEW)
def _view(practitioner, meeting=None) -> bool:
    if practitioner.role not in CASEWORK_ROLES:
        return False
    if meeting is None:
        return True
    if meeting.chair_id == practitioner.pk:
        return True
    if meeting.created_by_id == practitioner.pk:
        return True
    if meeting.attendance.filter(agency_id=practitioner.agency_id).exists():
        return True
    if practitioner.role not in HUB_ROLES:
        return False
    return meeting.items.filter(contact__in=_contacts_hub_may_see(practitioner)).exists()


@rule(CREATE)
def _create(practitioner, obj=None) -> bool:
    if practitioner.agency_id is None:
        return False
    return practitioner.role in CHAIR_ROLES


@rule(RECORD)
def _record(practitioner, meeting=None) -> bool:
    if meeting is None:
        return _create(practitioner)
    if meeting.chair_id == practitioner.pk:
        return True
    return meeting.created_by_id == practitioner.pk


def _not_found() -> Http404:
    return Http404("No such record, or you may not see it.")


def meetings_visible_to(practitioner):
    """Every meeting the practitioner may see: for lists and counts."""
    if practitioner.role not in CASEWORK_ROLES:
        return Meeting.objects.none()
    visible = (
        Q(chair=practitioner)
        | Q(created_by=practitioner)
        | Q(attendance__agency_id=practitioner.agency_id)
    )
    if practitioner.role in HUB_ROLES:
        visible |= Q(items__contact__in=_contacts_hub_may_see(practitioner))
    ids = Meeting.objects.filter(visible).values("pk")
    return Meeting.objects.filter(pk__in=ids).select_related("chair", "chair__agency")


def meeting_for(practitioner, pk, permission: str = VIEW, *, reason: str = "") -> Meeting:
    """A meeting the practitioner may see (else 404), checked for ``permission`` (else 403),
    its read audited when ``reason`` is given."""
    meeting = load_or_404(Meeting.objects.select_related("chair", "chair__agency"), pk=pk)
    if not may(practitioner, VIEW, meeting):
        raise _not_found()
    require(practitioner, permission, meeting)
    if reason:
        audit_read(actor=practitioner, obj=meeting, reason=reason)
    return meeting


def item_for(practitioner, pk, permission: str = VIEW, *, reason: str = "") -> AgendaItem:
    item = load_or_404(
        AgendaItem.objects.select_related(
            "meeting", "meeting__chair", "contact", "contact__referrer_agency", "person"
        ),
        pk=pk,
    )
    if not may(practitioner, VIEW, item.meeting):
        raise _not_found()
    require(practitioner, permission, item.meeting)
    if reason:
        audit_read(actor=practitioner, obj=item, reason=reason)
    return item


def contact_for_agenda(practitioner, meeting: Meeting, reference: str) -> Contact | None:
    """A contact the chair puts on their meeting's agenda, by its front-door reference. The
    chair of a multi-agency meeting may bring any case the front door has received; the
    agenda then shares it with the agencies invited (and the read is audited by the caller)."""
    require(practitioner, RECORD, meeting)
    return (
        Contact.objects.exclude(status=Contact.Status.DRAFT)
        .filter(reference__iexact=reference.strip())
        .first()
    )


def items_of(meeting: Meeting):
    """The agenda of a meeting already opened through ``meeting_for``."""
    return meeting.items.select_related("contact", "person", "marac_case").prefetch_related(
        "information__agency", "actions__owner_agency", "actions__owner"
    )


def attendance_of(meeting: Meeting):
    return meeting.attendance.select_related("agency", "attendee")


def agencies_to_invite():
    return Agency.objects.filter(is_active=True).order_by("name")


def chairs_available():
    return (
        Practitioner.objects.filter(is_active=True, role__in=CHAIR_ROLES, agency__isnull=False)
        .select_related("agency")
        .order_by("agency__name", "last_name", "first_name")
    )


def owners_available():
    """Practitioners an action may be given to (the form checks the owner's agency)."""
    return (
        Practitioner.objects.filter(is_active=True, agency__isnull=False, role__in=CASEWORK_ROLES)
        .select_related("agency")
        .order_by("agency__name", "last_name", "first_name")
    )
