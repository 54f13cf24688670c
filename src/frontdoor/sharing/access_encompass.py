"""Who sees Operation Encompass notifications: the police who sent them and the school's DSLs.

Police practitioners (frontline or hub roles at a police agency) record notifications and see
those their own agency sent. A school's designated safeguarding leads (casework roles at a
school whose job title names them as DSL or deputy DSL) see those sent to their school. Nobody
else learns that a notification exists (404); a police officer who sees one but is not the
school's DSL may not acknowledge it (403).
"""

from __future__ import annotations

import re

from django.db.models import Q
from django.http import Http404

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.agencies.roles import CASEWORK_ROLES, Role
from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.access import load_or_404, require
from frontdoor.core.policy import may, rule

from .models_encompass import EncompassNotification, SchoolHoliday

ENCOMPASS_RECORD = "sharing.encompass_record"
ENCOMPASS_SCHOOL = "sharing.encompass_school"
ENCOMPASS_USE = "sharing.encompass_use"
ENCOMPASS_VIEW = "sharing.encompass_view"
ENCOMPASS_ACKNOWLEDGE = "sharing.encompass_acknowledge"
ENCOMPASS_HOLIDAYS = "sharing.encompass_holidays"

POLICE_ROLES = frozenset({Role.FRONTLINE, Role.HUB_PRACTITIONER, Role.HUB_MANAGER})
HOLIDAY_KEEPERS = frozenset({Role.ADMINISTRATOR, Role.PARTNERSHIP_MANAGER})
# "Designated Safeguarding Lead", "Deputy Designated Safeguarding Lead", "DSL", "Deputy DSL".
DSL_TITLE = re.compile(r"designated safeguarding lead|(^|[^a-z])dsl([^a-z]|$)", re.IGNORECASE)
DSL_TITLE_SQL = Q(job_title__icontains="designated safeguarding lead") | Q(
    job_title__iregex=r"(^|[^a-z])dsl([^a-z]|$)"
)


def is_police(practitioner) -> bool:
    agency = practitioner.agency
    if agency is None or agency.sector != Agency.Sector.POLICE:
        return False
    return practitioner.role in POLICE_ROLES


def is_school_dsl(practitioner) -> bool:
    agency = practitioner.agency
    if agency is None or agency.sector != Agency.Sector.EDUCATION:
        return False
    if practitioner.role not in CASEWORK_ROLES:
        return False
    return bool(DSL_TITLE.search(practitioner.job_title or ""))


def designated_leads(school: Agency):
    """The school's designated safeguarding leads on Front Door: they get each notification."""
    return Practitioner.objects.filter(
        agency=school, is_active=True, role__in=CASEWORK_ROLES
    ).filter(DSL_TITLE_SQL)


@rule(ENCOMPASS_RECORD)
def _record(practitioner, obj=None) -> bool:
    return is_police(practitioner)


@rule(ENCOMPASS_SCHOOL)
def _school(practitioner, obj=None) -> bool:
    return is_school_dsl(practitioner)


@rule(ENCOMPASS_USE)
def _use(practitioner, obj=None) -> bool:
    return is_police(practitioner) or is_school_dsl(practitioner)


@rule(ENCOMPASS_VIEW)
def _view(practitioner, notification=None) -> bool:
    if notification is None:
        return _use(practitioner)
    if is_police(practitioner):
        return notification.police_agency_id == practitioner.agency_id
    if is_school_dsl(practitioner):
        return notification.school_id == practitioner.agency_id
    return False


@rule(ENCOMPASS_ACKNOWLEDGE)
def _acknowledge(practitioner, notification=None) -> bool:
    if not is_school_dsl(practitioner):
        return False
    return notification is None or notification.school_id == practitioner.agency_id


@rule(ENCOMPASS_HOLIDAYS)
def _holidays(practitioner, obj=None) -> bool:
    """Administrators and partnership managers keep the school holidays the clock skips."""
    return practitioner.role in HOLIDAY_KEEPERS


def notification_for(
    practitioner, pk, permission: str = ENCOMPASS_VIEW, *, reason: str | None = None
) -> EncompassNotification:
    notification = load_or_404(
        EncompassNotification.objects.select_related(
            "school", "police_agency", "recorded_by", "acknowledged_by"
        ),
        pk=pk,
    )
    if not may(practitioner, ENCOMPASS_VIEW, notification):
        raise Http404("No such record, or you may not see it.")
    require(practitioner, permission, notification)
    if reason:
        audit_record(actor=practitioner, verb=Verb.VIEW, obj=notification, reason=reason)
    return notification


def notifications_visible_to(practitioner):
    notifications = EncompassNotification.objects.select_related("school", "acknowledged_by")
    if is_police(practitioner):
        return notifications.filter(police_agency_id=practitioner.agency_id)
    if is_school_dsl(practitioner):
        return notifications.filter(school_id=practitioner.agency_id)
    return notifications.none()


def list_viewed(practitioner, notifications, *, reason: str) -> None:
    """Record that a list of notifications (children's names included) was read: one row."""
    shown = [n.pk for n in notifications]
    audit_record(
        actor=practitioner,
        verb=Verb.VIEW,
        object_type=EncompassNotification._meta.label_lower,
        object_repr=f"Operation Encompass notifications for {practitioner.agency}: {len(shown)}",
        reason=reason,
        details={"notifications": shown},
    )


def holidays_listed(since):
    """School holidays are configuration, not personal data: every keeper sees them all."""
    return SchoolHoliday.objects.select_related("school").filter(last_day__gte=since)


def holiday_or_none(pk) -> SchoolHoliday | None:
    return SchoolHoliday.objects.filter(pk=pk).first()
