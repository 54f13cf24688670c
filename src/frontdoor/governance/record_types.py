"""The record types Front Door holds today, registered with their default rules and disposal.

Defaults and their sources are explained in docs/retention.md. Disposal deletes a record and the
parts that exist only because of it, in an order that clears every PROTECT foreign key; it runs
inside the review's transaction, so anything it did not clear (a new app's PROTECT, say) raises
``ProtectedError`` and nothing at all is deleted.
"""

from __future__ import annotations

from collections import Counter

from django.core.exceptions import ValidationError
from django.db.models import Max, Q
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse

from frontdoor.agencies.roles import CASEWORK_ROLES, Role

from .registry import RecordType, register_record_type

MOPI = "College of Policing APP Information management (MoPI): 6-year clear period, then review"
SIX_YEARS = (
    "Limitation Act 1980 s.2, s.5 (6 years); IRMS retention guidelines for local authorities"
)
NHS_CODE = "NHS Records Management Code of Practice 2023: adult records 8 years after last contact"


def _count(removed: Counter, deleted: tuple[int, dict[str, int]]) -> None:
    for label, number in deleted[1].items():
        if number:
            removed[label.lower()] += number


# Disposal -------------------------------------------------------------------------------------


def dispose_contact(contact) -> dict[str, int]:
    """The whole case: disagreements, plans from it, its agenda items (with what was shared and
    MARAC cases), DASH assessments made for it, then the contact with its subjects, information
    requests and responses, decision, signposting and timeline."""
    from frontdoor.disagreements.models import Disagreement
    from frontdoor.meetings.models import AgendaItem, DashAssessment, MaracCase
    from frontdoor.plans.models import Plan

    removed: Counter = Counter()
    _count(removed, Disagreement.objects.filter(contact=contact).delete())
    _count(removed, Plan.objects.filter(contact=contact).delete())
    assessments = DashAssessment.objects.filter(contact=contact)
    _count(removed, MaracCase.objects.filter(assessment__in=assessments).delete())
    _count(removed, AgendaItem.objects.filter(contact=contact).delete())
    _count(removed, assessments.delete())
    _count(removed, type(contact).objects.filter(pk=contact.pk).delete())
    return dict(removed)


def dispose_person(person) -> dict[str, int]:
    """The person on the index with their agency records, aliases, relationships and answered
    access requests. Refused while an access request about them is open (DPA 2018 s.173 makes
    destroying requested data an offence) or while any case still names them."""
    from django.db.models import ProtectedError

    from frontdoor.people.models import AgencyRecord

    from .models import SubjectAccessRequest

    access_requests = SubjectAccessRequest.objects.filter(person=person)
    if access_requests.filter(status=SubjectAccessRequest.Status.OPEN).exists():
        raise ValidationError(
            "A subject access request about this person is open: nothing about them may be "
            "disposed of until it is answered."
        )
    removed: Counter = Counter()
    _count(removed, access_requests.delete())
    try:
        _count(removed, AgencyRecord.objects.filter(person=person).delete())
        _count(removed, type(person).objects.filter(pk=person.pk).delete())
    except ProtectedError as protected:
        kinds = sorted({str(obj._meta.verbose_name_plural) for obj in protected.protected_objects})
        raise ValidationError(
            "Other records still refer to this person ("
            + ", ".join(kinds)
            + "): review and dispose of those first."
        ) from None
    return dict(removed)


def _delete_one(obj) -> dict[str, int]:
    removed: Counter = Counter()
    _count(removed, type(obj).objects.filter(pk=obj.pk).delete())
    return dict(removed)


def dispose_dash(assessment) -> dict[str, int]:
    from frontdoor.meetings.models import MaracCase

    removed: Counter = Counter()
    _count(removed, MaracCase.objects.filter(assessment=assessment).delete())
    _count(removed, type(assessment).objects.filter(pk=assessment.pk).delete())
    return dict(removed)


# Who reviews ----------------------------------------------------------------------------------


def _casework(practitioner) -> bool:
    return practitioner.role in CASEWORK_ROLES


def contacts_owned_by(practitioner) -> Q | None:
    """Hub managers own the front door's contacts; a referrer owns the drafts they never sent."""
    drafts = Q(status="draft", referrer=practitioner)
    if practitioner.role == Role.HUB_MANAGER:
        return ~Q(status="draft") | drafts
    return drafts if _casework(practitioner) else None


def people_owned_by(practitioner) -> Q | None:
    return Q() if practitioner.role == Role.HUB_MANAGER else None


def meetings_owned_by(practitioner) -> Q | None:
    return Q(chair=practitioner) if _casework(practitioner) else None


def plans_owned_by(practitioner) -> Q | None:
    if not _casework(practitioner):
        return None
    return Q(lead_professional=practitioner) | Q(
        lead_professional__isnull=True, created_by=practitioner
    )


def disagreements_owned_by(practitioner) -> Q | None:
    if practitioner.role != Role.HUB_MANAGER or not practitioner.agency_id:
        return None
    return Q(raised_by_agency=practitioner.agency_id)


def sessions_owned_by(practitioner) -> Q | None:
    return Q(relationship__supervisor=practitioner)


def dash_owned_by(practitioner) -> Q | None:
    return Q(completed_by=practitioner) if _casework(practitioner) else None


def incidents_owned_by(practitioner) -> Q | None:
    """A force's analysts review its incidents: the force imported them and is the controller."""
    if practitioner.role != Role.ANALYST or not practitioner.agency_id:
        return None
    return Q(agency_id=practitioner.agency_id)


def encompass_owned_by(practitioner) -> Q | None:
    return Q(recorded_by=practitioner) if _casework(practitioner) else None


def requests_owned_by(practitioner) -> Q | None:
    return Q() if practitioner.role == Role.ADMINISTRATOR else None


# Start events ---------------------------------------------------------------------------------


def _contact_start(queryset):
    return queryset.annotate(retention_start=Coalesce("decided_at", "submitted_at", "created_at"))


def _person_start(queryset):
    return queryset.annotate(
        retention_start=Greatest(
            "created_at", Coalesce(Max("subjects__contact__created_at"), "created_at")
        )
    )


def _disagreement_start(queryset):
    return queryset.annotate(retention_start=Coalesce("resolved_at", "raised_at"))


def _request_start(queryset):
    return queryset.annotate(retention_start=Coalesce("released_at", "opened_at"))


def _url(name: str):
    return lambda obj: reverse(name, args=[obj.pk])


BUILT_IN = (
    RecordType(
        key="referrals.contact",
        label="Contacts and referrals (the whole case)",
        start_field="retention_start",
        annotate=_contact_start,
        start_event="the front door's decision (or when it was sent; or started, for a draft)",
        default_months=72,
        default_source=SIX_YEARS,
        owned_by=contacts_owned_by,
        dispose=dispose_contact,
        describe=lambda c: c.reference or f"Draft contact {c.pk}",
        link=_url("hub:contact"),
        agency_field="referrer_agency",
        parts=(
            "subjects and their roles",
            "information requests and the responses",
            "the decision, signposting and timeline",
            "agenda items about the case, with what each agency shared",
            "plans and actions made from it",
            "DASH assessments made for it",
            "professional disagreements about it",
        ),
    ),
    RecordType(
        key="people.person",
        label="People on the person index",
        start_field="retention_start",
        annotate=_person_start,
        start_event="the last contact that named them (or when they were added)",
        default_months=72,
        default_source=SIX_YEARS,
        owned_by=people_owned_by,
        dispose=dispose_person,
        describe=lambda p: f"Person {p.pk} on the index",
        parts=("agency records", "aliases", "relationships", "answered access requests"),
    ),
    RecordType(
        key="meetings.meeting",
        label="Meetings (agendas, attendance, what was shared, minutes)",
        start_field="starts_at",
        start_event="the meeting",
        default_months=72,
        default_source=SIX_YEARS,
        owned_by=meetings_owned_by,
        dispose=_delete_one,
        describe=lambda m: f"{m.get_type_display()}, {m.starts_at:%d %b %Y}",
        link=_url("meetings:detail"),
        agency_field="chair__agency",
        parts=("attendance", "agenda items", "information shared", "MARAC cases"),
    ),
    RecordType(
        key="plans.plan",
        label="Multi-agency plans and their actions",
        start_field="created_at",
        start_event="the day the plan was made",
        default_months=72,
        default_source=SIX_YEARS,
        owned_by=plans_owned_by,
        dispose=_delete_one,
        describe=lambda p: f"Plan {p.pk}",
        link=_url("plans:plan"),
        parts=("actions and their outcomes",),
    ),
    RecordType(
        key="disagreements.disagreement",
        label="Professional disagreements",
        start_field="retention_start",
        annotate=_disagreement_start,
        start_event="its resolution (or when it was raised)",
        default_months=72,
        default_source=SIX_YEARS,
        owned_by=disagreements_owned_by,
        dispose=_delete_one,
        describe=lambda d: f"Disagreement {d.pk}",
        link=_url("disagreements:detail"),
        agency_field="raised_by_agency",
        parts=("escalation levels",),
    ),
    RecordType(
        key="supervision.session",
        label="Reflective supervision sessions",
        start_field="held_on",
        start_is_date=True,
        start_event="the session",
        default_months=72,
        default_source="Staff records: 6 years (Limitation Act 1980; CIPD retention guidance)",
        owned_by=sessions_owned_by,
        dispose=_delete_one,
        describe=str,
        link=_url("supervision:session"),
        agency_field="relationship__agency",
        parts=("earlier versions", "agreed actions"),
    ),
    RecordType(
        key="meetings.dashassessment",
        label="DASH risk assessments",
        start_field="completed_on",
        start_is_date=True,
        start_event="the assessment",
        default_months=72,
        default_source=SIX_YEARS,
        owned_by=dash_owned_by,
        dispose=dispose_dash,
        describe=lambda a: f"DASH assessment {a.pk}",
        link=_url("meetings:dash"),
        agency_field="agency",
        parts=("answers", "MARAC referrals made from it"),
    ),
    RecordType(
        key="incidents.incident",
        label="Police incidents",
        start_field="occurred_at",
        start_event="the incident",
        default_months=72,
        default_source=MOPI,
        owned_by=incidents_owned_by,
        dispose=_delete_one,
        describe=lambda i: f"Incident {i.ref}",
        agency_field="agency",
        parts=("the people named in it and their roles",),
    ),
    RecordType(
        key="sharing.encompassnotification",
        label="Operation Encompass notifications",
        sentence_label="Operation Encompass notifications",
        start_field="sent_at",
        start_event="the notification",
        default_months=72,
        default_source=SIX_YEARS,
        owned_by=encompass_owned_by,
        dispose=_delete_one,
        describe=lambda n: f"Notification {n.police_reference}",
        link=_url("sharing:encompass_detail"),
        agency_field="police_agency",
    ),
    RecordType(
        key="governance.subjectaccessrequest",
        label="Subject access requests",
        start_field="retention_start",
        annotate=_request_start,
        start_event="the release (or when it was opened)",
        default_months=24,
        default_source="Front Door default: long enough for an ICO complaint or a court claim "
        "about the answer (DPA 2018 s.165-167)",
        owned_by=requests_owned_by,
        dispose=_delete_one,
        describe=str,
        link=_url("governance:sar"),
        parts=("marked redactions",),
    ),
)

for _record_type in BUILT_IN:
    register_record_type(_record_type)
