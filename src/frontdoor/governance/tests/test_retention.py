"""Retention rules, due dates, reviews and disposal (SECURITY.md promise 22)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.governance import services
from frontdoor.governance.models import RecordReview
from frontdoor.governance.registry import RECORD_TYPES, record_type
from frontdoor.governance.retention import (
    add_months,
    due_for,
    due_for_review,
    review_due_on,
    with_review_state,
)
from frontdoor.referrals.models import Contact, Subject

pytestmark = pytest.mark.django_db
CONTACTS = "referrals.contact"


def test_months_are_added_as_calendar_months():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2026, 3, 15), -72) == date(2020, 3, 15)


# Disposed of with the record type that owns them.
PARTS = {
    "referrals.subject",
    "referrals.decision",
    "referrals.timelineentry",
    "referrals.signpostedservice",
    "sharing.informationrequest",
    "meetings.agendaitem",
    "meetings.informationshared",
    "meetings.attendance",
    "meetings.maraccase",
    "meetings.dashanswer",
    "plans.action",
    "disagreements.levelstep",
    "supervision.sessionrevision",
    "supervision.agreedaction",
    "people.agencyrecord",
    "people.alias",
    "people.relationship",
    "governance.redaction",
    "incidents.incidentparty",
    "matching.reviewitem",
}
# Outside case retention, each for a stated reason (docs/retention.md, "What is not covered").
OUTSIDE = {
    "agencies": "staff accounts, agencies and rotas: administrators manage accounts",
    "api": "API tokens of practitioners",
    "audit": "the audit trail is append-only and kept under its own policy (DPA s.62)",
    "core": "messages to practitioners (a known gap: see docs/retention.md)",
    "directory": "the service directory: organisations and services, not case subjects",
    "insights": "anonymous surveys and analysts' evaluation cohorts (a known gap)",
    "manual": "practice articles written by practitioners",
    "governance.retentionrule": "configuration",
    "governance.recordreview": "the erasure record itself: no personal data",
    "disagreements.theme": "reference data",
    "meetings.checklist": "reference data",
    "meetings.question": "reference data",
    "sharing.schoolholiday": "reference data",
    "supervision.relationship": "who supervises whom: staff records",
    "supervision.supervisionpolicy": "configuration",
    "matching.blockingkey": "derived from the person index and rebuilt from it",
    "matching.modelversion": "the matching model's parameters: no personal data",
    "matching.mergeevent": "merge history (record ids and a reason): a known gap, kept while "
    "either person is on the index",
    "incidents.importrun": "the log of imports: who, when, counts and line-numbered errors "
    "(a known gap)",
    "incidents.harmweight": "configuration",
    "referrals.referencecounter": "the last contact reference given out each year: a number",
    "incidents.cohortrule": "configuration",
    "incidents.recurrencerun": "scoring runs: settings and counts",
    "incidents.cohortmember": "derived scores, recomputed from incidents (a known gap: old "
    "snapshots are kept)",
    "incidents.panelselection": "who was put to a panel and why (a known gap)",
}


def test_every_model_has_a_rule_goes_with_one_or_is_outside_for_a_reason():
    """A model nobody classifies would never be reviewed: a new app's models make this fail
    until they are registered (see the registry's docstring) or listed above with a reason."""
    from django.apps import apps

    unclassified = [
        model._meta.label_lower
        for model in apps.get_models()
        if model.__module__.startswith("frontdoor.")
        and model._meta.label_lower not in RECORD_TYPES
        and model._meta.label_lower not in PARTS
        and model._meta.label_lower not in OUTSIDE
        and model._meta.app_label not in OUTSIDE
    ]
    assert not unclassified, f"models with no retention rule: {unclassified}"
    assert not PARTS & set(RECORD_TYPES)


def test_a_contact_is_due_six_years_after_its_decision(case):
    contacts = record_type(CONTACTS)
    today = timezone.localdate()
    assert not due_for_review(contacts, today=today).filter(pk=case.contact.pk).exists()
    later = add_months(timezone.localdate(case.contact.decided_at), 72)
    assert due_for_review(contacts, today=later).filter(pk=case.contact.pk).exists()
    assert (
        not due_for_review(contacts, today=later - timedelta(days=1))
        .filter(pk=case.contact.pk)
        .exists()
    )
    obj = with_review_state(contacts).get(pk=case.contact.pk)
    assert review_due_on(contacts, obj) == later


def test_the_partnership_rule_and_an_agency_rule_change_the_due_date(case, administrator, police):
    contacts = record_type(CONTACTS)
    decided = timezone.localdate(case.contact.decided_at)
    services.rule_set(
        by=administrator,
        record_type=contacts,
        expected_version=0,
        period_months=24,
        source="Policy",
    )
    assert (
        due_for_review(contacts, today=add_months(decided, 24)).filter(pk=case.contact.pk).exists()
    )
    # The referrer is a police officer: the police's own rule (MoPI) wins for police contacts.
    services.rule_set(
        by=administrator,
        record_type=contacts,
        agency=police,
        expected_version=0,
        period_months=120,
        source="MoPI group 2",
    )
    assert (
        not due_for_review(contacts, today=add_months(decided, 24))
        .filter(pk=case.contact.pk)
        .exists()
    )
    assert (
        due_for_review(contacts, today=add_months(decided, 120)).filter(pk=case.contact.pk).exists()
    )
    assert AuditEvent.objects.filter(object_type="governance.retentionrule").count() == 2


def test_rules_refuse_nonsense(administrator):
    with pytest.raises(ValidationError):
        services.rule_set(
            by=administrator,
            record_type=record_type(CONTACTS),
            expected_version=0,
            period_months=0,
            source="x",
        )


def test_owners_see_their_own_due_records_only(case, hub_manager, officer):
    later = add_months(timezone.localdate(case.contact.decided_at), 73)
    mine = {(d.record_type.key, d.obj.pk) for d in due_for(hub_manager, today=later)}
    assert (CONTACTS, case.contact.pk) in mine
    assert ("meetings.meeting", case.meeting.pk) in mine  # the chair's meeting
    officers = {(d.record_type.key, d.obj.pk) for d in due_for(officer, today=later)}
    assert (CONTACTS, case.contact.pk) not in officers
    assert ("plans.plan", case.plan.pk) in officers  # the lead professional's plan
    assert ("meetings.dashassessment", case.dash.pk) in officers


def test_retaining_records_the_reason_and_the_next_review(case, hub_manager):
    contacts = record_type(CONTACTS)
    later = add_months(timezone.localdate(case.contact.decided_at), 73)
    next_review = timezone.localdate() + timedelta(days=365)
    review = services.review_retain(
        by=hub_manager,
        record_type=contacts,
        obj=case.contact,
        reason="A sibling's case is still open",
        next_review_on=next_review,
    )
    assert review.reason == "A sibling's case is still open"
    assert RecordReview.objects.get(object_id=str(case.contact.pk)).next_review_on == next_review
    # Kept: no longer due until the new date, then due again.
    assert (
        not due_for_review(contacts, today=later).filter(pk=case.contact.pk).exists()
        or later >= next_review
    )
    assert due_for_review(contacts, today=next_review).filter(pk=case.contact.pk).exists()
    assert AuditEvent.objects.filter(
        verb=Verb.CHANGE, object_type=CONTACTS, object_id=str(case.contact.pk)
    ).exists()


def test_retaining_needs_a_future_review_date(case, hub_manager):
    with pytest.raises(ValidationError):
        services.review_retain(
            by=hub_manager,
            record_type=record_type(CONTACTS),
            obj=case.contact,
            reason="Still needed",
            next_review_on=timezone.localdate(),
        )


def test_disposing_of_a_case_deletes_it_all_and_leaves_an_erasure_record(case, hub_manager):
    from frontdoor.disagreements.models import Disagreement
    from frontdoor.meetings.models import AgendaItem, DashAssessment, Meeting
    from frontdoor.plans.models import Action, Plan
    from frontdoor.sharing.models import InformationRequest

    contact_pk = case.contact.pk
    services.review_dispose(
        by=hub_manager,
        record_type=record_type(CONTACTS),
        obj=case.contact,
        reason="Retention period over; no open work",
    )
    assert not Contact.objects.filter(pk=contact_pk).exists()
    assert not Subject.objects.filter(contact_id=contact_pk).exists()
    assert not InformationRequest.objects.filter(pk=case.request.pk).exists()
    assert not AgendaItem.objects.filter(contact_id=contact_pk).exists()
    assert not Plan.objects.filter(pk=case.plan.pk).exists()
    assert not Action.objects.filter(pk=case.action.pk).exists()
    assert not DashAssessment.objects.filter(pk=case.dash.pk).exists()
    assert not Disagreement.objects.filter(pk=case.disagreement.pk).exists()
    assert Meeting.objects.filter(pk=case.meeting.pk).exists()  # the meeting's own record stays
    erasure = AuditEvent.objects.get(
        verb=Verb.DELETE, object_type=CONTACTS, object_id=str(contact_pk)
    )
    assert erasure.actor == hub_manager
    assert erasure.details["erasure"] is True
    assert erasure.details["removed"]["referrals.subject"] == 2
    assert "Retention period over" in erasure.reason
    text = f"{erasure.object_repr} {erasure.reason} {erasure.details}"
    assert "Zara" not in text and "Quillfeather" not in text and "FD-T-1" not in text
    review = RecordReview.objects.get(object_id=str(contact_pk), outcome="dispose")
    assert review.removed["sharing.informationrequest"] == 1


def test_a_person_still_named_in_a_case_is_not_disposed_of(case, hub_manager):
    from frontdoor.people.models import Person

    people = record_type("people.person")
    with pytest.raises(ValidationError, match="Other records still refer"):
        services.review_dispose(by=hub_manager, record_type=people, obj=case.person, reason="Old")
    assert Person.objects.filter(pk=case.person.pk).exists()
    assert not RecordReview.objects.exists()
    assert not AuditEvent.objects.filter(verb=Verb.DELETE).exists()


def test_a_person_is_disposed_of_after_their_cases(case, hub_manager):
    from frontdoor.people.models import Person

    services.review_dispose(
        by=hub_manager, record_type=record_type(CONTACTS), obj=case.contact, reason="Old"
    )
    services.review_dispose(
        by=hub_manager, record_type=record_type("people.person"), obj=case.person, reason="Old"
    )
    assert not Person.objects.filter(pk=case.person.pk).exists()


def test_an_open_access_request_stops_disposal_of_the_person(case, hub_manager, administrator):
    from frontdoor.people.models import Person

    services.review_dispose(
        by=hub_manager, record_type=record_type(CONTACTS), obj=case.contact, reason="Old"
    )
    services.sar_open(
        by=administrator,
        person=case.person,
        requester_name="Zara's gran",
        requester_is="parent",
        received_on=timezone.localdate(),
    )
    with pytest.raises(ValidationError, match="subject access request"):
        services.review_dispose(
            by=hub_manager, record_type=record_type("people.person"), obj=case.person, reason="Old"
        )
    assert Person.objects.filter(pk=case.person.pk).exists()


def test_every_record_type_disposes_of_a_record(case, hub_manager, administrator):
    """Each type's disposal clears its PROTECT foreign keys (no ProtectedError)."""
    for key in (
        "meetings.meeting",
        "meetings.dashassessment",
        "plans.plan",
        "disagreements.disagreement",
    ):
        rt = record_type(key)
        obj = rt.queryset().first()
        services.review_dispose(by=hub_manager, record_type=rt, obj=obj, reason="Old")
        assert not rt.model.objects.filter(pk=obj.pk).exists(), key


def test_reminders_go_to_owners_once_a_day(case, hub_manager, officer):
    from frontdoor.core.models import OutboxMessage

    later = add_months(timezone.localdate(case.contact.decided_at), 73)
    assert services.reminders_send_due(today=later) >= 2
    services.reminders_send_due(today=later)
    assert (
        OutboxMessage.objects.filter(
            recipient=hub_manager, dedupe_key__startswith="retention-due"
        ).count()
        == 1
    )
    assert (
        OutboxMessage.objects.filter(
            recipient=officer, dedupe_key__startswith="retention-due"
        ).count()
        == 1
    )
    assert services.reminders_send_due(today=timezone.localdate()) == 0


def test_a_person_named_in_a_police_incident_is_not_disposed_of_before_it(case, hub_manager):
    """The police record of an incident refers to the person: disposal says so, changes
    nothing and is not a server error."""
    from frontdoor.agencies.models import Agency
    from frontdoor.core.testing.factories import AgencyFactory
    from frontdoor.incidents.resolution import NominalDetails, resolve_parties
    from frontdoor.people.models import AgencyRecord, Person

    force = AgencyFactory(name="Disposalshire Police", sector=Agency.Sector.POLICE)
    resolved = resolve_parties(
        agency=force, nominals={"N1": NominalDetails("Zed", "Quarry", None, "male")}
    )
    person = Person.objects.get(pk=resolved.parties["N1"].person_id)
    from frontdoor.incidents.models import Incident, IncidentParty

    incident = Incident.objects.create(
        agency=force,
        ref="INC-1",
        occurred_at=timezone.now(),
        incident_type="asb",
        created_at=timezone.now(),
        updated_at=timezone.now(),
    )
    IncidentParty.objects.create(
        incident=incident,
        role="victim",
        person=person,
        record_id=resolved.parties["N1"].record_id,
    )
    with pytest.raises(ValidationError, match="Other records still refer to this person"):
        services.review_dispose(
            by=hub_manager, record_type=record_type("people.person"), obj=person, reason="Old"
        )
    assert Person.objects.filter(pk=person.pk).exists()
    assert AgencyRecord.objects.filter(person=person).exists()
