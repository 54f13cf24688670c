"""A whole case about Zara Quillfeather: a decided contact naming her and her mother, a request
answered by the police, a daily risk meeting item, a plan with an action, a DASH assessment on a
MARAC agenda and a disagreement, all made directly (the other apps' tests cover their services)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.people.models import Person

MOTHER_SECRET = "Tell-tale: Mum's own counselling notes"  # noqa: S105


@dataclass
class Case:
    person: Person
    mother: Person
    contact: object
    child: object
    mother_subject: object
    request: object
    item: object
    plan: object
    action: object
    dash: object
    disagreement: object
    meeting: object


def make_case(*, referrer, hub_manager, police_agency, decided_days_ago: int = 10, ref="FD-T-1"):
    from frontdoor.disagreements.models import Disagreement, Theme
    from frontdoor.meetings.models import (
        AgendaItem,
        Checklist,
        DashAssessment,
        InformationShared,
        MaracCase,
        Meeting,
    )
    from frontdoor.plans.models import Action, Plan
    from frontdoor.referrals.models import Contact, Decision, Subject, TimelineEntry
    from frontdoor.sharing.models import InformationRequest

    now = timezone.now()
    decided = now - timedelta(days=decided_days_ago)
    person = Person.objects.create(
        given_names="Zara", family_name="Quillfeather", date_of_birth=date(2018, 2, 28)
    )
    mother = Person.objects.create(given_names="Marnie", family_name="Quillfeather")
    contact = Contact.objects.create(
        reference=ref,
        status=Contact.Status.DECIDED,
        referrer=referrer,
        referrer_agency=referrer.agency,
        concerns=["domestic_abuse"],
        what_happened="Zara said Marnie Quillfeather was crying after the shouting. "
        "Neighbour Olwen Brackenridge called the police.",
        professional_opinion="Marnie needs support too.",
        submitted_at=decided - timedelta(days=1),
        decided_at=decided,
    )
    child = Subject.objects.create(
        contact=contact,
        role=Subject.Role.CHILD_AT_RISK,
        given_names="Zara",
        family_name="Quillfeather",
        person=person,
    )
    mother_subject = Subject.objects.create(
        contact=contact,
        role=Subject.Role.PARENT_OR_CARER,
        given_names="Marnie",
        family_name="Quillfeather",
        person=mother,
    )
    Decision.objects.create(
        contact=contact,
        outcome="early_help",
        rationale="Early help for the family",
        feedback_to_referrer="Early help offered",
        decided_by=hub_manager,
        decided_at=decided,
    )
    TimelineEntry.objects.create(contact=contact, at=decided, summary="Decided: early help")
    request = InformationRequest.objects.create(
        contact=contact,
        to_agency=police_agency,
        window="12",
        categories=["domestic_abuse"],
        purpose="Checks",
        lawful_basis="safeguarding",
        requested_by=hub_manager,
        requested_at=decided,
        due_at=decided + timedelta(days=1),
        status="answered",
        answers={"domestic_abuse": "Two call-outs. " + MOTHER_SECRET},
        answered_at=decided,
    )
    request.subjects.set([child, mother_subject])
    meeting = Meeting.objects.create(type="daily_risk", starts_at=decided, chair=hub_manager)
    item = AgendaItem.objects.create(meeting=meeting, contact=contact, decisions="Refer to MARAC")
    InformationShared.objects.create(
        item=item, agency=police_agency, facts="Police attended twice", recorded_at=decided
    )
    plan = Plan.objects.create(
        title="Plan for Zara",
        contact=contact,
        own_words="I want it to be quiet at home",
        lead_professional=referrer,
        created_by=hub_manager,
    )
    plan.people.set([person])
    action = Action.objects.create(
        plan=plan,
        what="Visit Zara",
        type="direct",
        owner_agency=referrer.agency,
        owner=referrer,
        due_on=decided.date(),
    )
    item.actions.add(action)
    checklist = Checklist.objects.create(slug="test-dash", name="DASH", source="Test")
    dash = DashAssessment.objects.create(
        checklist=checklist,
        victim_name="Marnie Quillfeather",
        person=mother,
        contact=contact,
        completed_by=referrer,
        agency=referrer.agency,
        completed_as="police",
        completed_on=decided.date(),
    )
    marac = Meeting.objects.create(type="marac", starts_at=decided, chair=hub_manager)
    marac_item = AgendaItem.objects.create(meeting=marac, person=mother, title="MARAC case")
    MaracCase.objects.create(
        item=marac_item, assessment=dash, referred_by=referrer, referred_at=decided
    )
    theme, _ = Theme.objects.get_or_create(name="Threshold")
    disagreement = Disagreement.objects.create(
        contact=contact,
        disputed="The decision",
        raised_by=referrer,
        raised_by_agency=referrer.agency,
        other_agency=hub_manager.agency,
        issue="Not enough",
        wanted="An assessment",
        theme=theme,
        raised_at=decided,
        level_started_at=decided,
        level_due_at=decided + timedelta(days=5),
    )
    return Case(
        person,
        mother,
        contact,
        child,
        mother_subject,
        request,
        item,
        plan,
        action,
        dash,
        disagreement,
        meeting,
    )


@pytest.fixture
def case(officer, hub_manager, police):
    return make_case(referrer=officer, hub_manager=hub_manager, police_agency=police)


@pytest.fixture
def hub_manager_police(police):
    return PractitionerFactory(username="police.hubmanager", agency=police, role=Role.HUB_MANAGER)
