"""A small, fictional front door history for the statutory export tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import time_machine

from frontdoor.agencies.models import Agency, Area
from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory
from frontdoor.people.models import Ethnicity, Person, Sex
from frontdoor.referrals import services
from frontdoor.referrals.models import Concern, Consent, Contact, Decision, Rag, Subject


@dataclass
class History:
    hub: object
    zara: Person
    police_nfa: Contact
    school_referral: Contact
    earlier_referral: Contact
    public_strategy: Contact
    unlinked_child: Subject
    accepted_nfa: Contact


def _at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def _contact(referrer, day, subjects, *, concerns=(Concern.NEGLECT,), public=None):
    with time_machine.travel(_at(day), tick=False):
        if public:
            contact = services.contact_start(by=referrer, source=Contact.Source.PUBLIC)
        else:
            contact = services.contact_start(by=referrer)
        changes = {
            "concerns": list(concerns),
            "what_happened": "Fictional test history.",
            "crime_alleged": False,
            "immediate_danger": False,
            "consent": Consent.GIVEN,
        }
        if public:
            changes.update(caller_name=public[0], caller_relationship=public[1])
        services.contact_update_draft(contact=contact, by=referrer, changes=changes)
        made = [services.subject_save(contact=contact, by=referrer, data=data) for data in subjects]
        contact = services.contact_submit(contact=contact, by=referrer)
    return contact, made


def _triage(contact, hub, day):
    with time_machine.travel(_at(day, 11), tick=False):
        contact.refresh_from_db()
        return services.contact_triage(
            contact=contact,
            by=hub,
            expected_version=contact.version,
            rag=Rag.GREEN,
            rationale="Test",
        )


def _accept(contact, hub, day):
    with time_machine.travel(_at(day, 12), tick=False):
        contact.refresh_from_db()
        return services.contact_accept_for_social_care(
            contact=contact, by=hub, expected_version=contact.version
        )


def _decide(contact, hub, day, outcome):
    with time_machine.travel(_at(day, 15), tick=False):
        contact.refresh_from_db()
        services.contact_decide(
            contact=contact,
            by=hub,
            expected_version=contact.version,
            outcome=outcome,
            rationale="Test decision",
            feedback="Thank you",
        )


def _link(subject, hub, person=None):
    return services.subject_link(subject=subject, by=hub, person=person).person


def build_history() -> History:
    police = AgencyFactory(name="Testshire Police", sector=Agency.Sector.POLICE)
    school = AgencyFactory(name="Testshire Academy", sector=Agency.Sector.EDUCATION)
    council = AgencyFactory(
        name="Testshire Children's Services", sector=Agency.Sector.CHILDRENS_SOCIAL_CARE
    )
    officer = PractitionerFactory(username="pc.test", agency=police, role=Role.FRONTLINE)
    teacher = PractitionerFactory(username="dsl.test", agency=school, role=Role.FRONTLINE)
    hub = PractitionerFactory(
        username="hub.test", agency=council, role=Role.HUB_MANAGER, job_title="=HYPERLINK(1)"
    )
    zara_data = {
        "role": Subject.Role.CHILD_AT_RISK,
        "given_names": "Zara",
        "family_name": "Testchild",
        "date_of_birth": date(2015, 3, 11),
        "sex": Sex.FEMALE,
        "postcode": "PR1 2AB",
        "nhs_number": "9434765919",
    }
    mother = {
        "role": Subject.Role.PARENT_OR_CARER,
        "given_names": "Mina",
        "family_name": "Testchild",
        "date_of_birth": date(1985, 6, 1),
        "sex": Sex.FEMALE,
    }

    # A year before: a police referral that went to a strategy discussion (the look-back).
    earlier, (zara_0,) = _contact(officer, date(2024, 12, 2), [zara_data])
    _triage(earlier, hub, date(2024, 12, 2))
    _accept(earlier, hub, date(2024, 12, 2))
    _decide(earlier, hub, date(2024, 12, 3), Decision.Outcome.STRATEGY)
    zara = _link(zara_0, hub)
    Person.objects.filter(pk=zara.pk).update(ethnicity=Ethnicity.AIND)

    # 10 March 2025: the police; no further action. Zara is 9 (10 tomorrow); her mother is adult.
    police_nfa, (zara_1, _) = _contact(officer, date(2025, 3, 10), [zara_data, mother])
    _link(zara_1, hub, zara)
    _triage(police_nfa, hub, date(2025, 3, 10))
    _decide(police_nfa, hub, date(2025, 3, 10), Decision.Outcome.NFA)

    # 2 April 2025: the school; accepted by children's social care the next day.
    school_referral, (zara_2,) = _contact(teacher, date(2025, 4, 2), [zara_data])
    _link(zara_2, hub, zara)
    _triage(school_referral, hub, date(2025, 4, 2))
    _accept(school_referral, hub, date(2025, 4, 3))
    _decide(school_referral, hub, date(2025, 4, 4), Decision.Outcome.CHILD_IN_NEED)

    # 5 May 2025: a mother phones; the hub decides a strategy discussion the next day.
    public_strategy, (toddler,) = _contact(
        hub,
        date(2025, 5, 5),
        [
            {
                "role": Subject.Role.CHILD_AT_RISK,
                "given_names": "Tom",
                "estimated_age": 4,
                "sex": Sex.MALE,
                "postcode": "LA1 1AA",
            }
        ],
        concerns=(Concern.MENTAL_HEALTH,),
        public=("Ann Caller", "Child's mother"),
    )
    _triage(public_strategy, hub, date(2025, 5, 5))
    _decide(public_strategy, hub, date(2025, 5, 6), Decision.Outcome.STRATEGY)

    # 10 June 2025: the police again; accepted, then no further action after all.
    accepted_nfa, (zara_3,) = _contact(officer, date(2025, 6, 10), [zara_data])
    _link(zara_3, hub, zara)
    _triage(accepted_nfa, hub, date(2025, 6, 10))
    _accept(accepted_nfa, hub, date(2025, 6, 10))
    _decide(accepted_nfa, hub, date(2025, 6, 11), Decision.Outcome.NFA)

    Area.objects.create(name="Preston", kind=Area.Kind.DISTRICT, postcode_districts="PR1 PR2")
    return History(
        hub=hub,
        zara=zara,
        police_nfa=police_nfa,
        school_referral=school_referral,
        earlier_referral=earlier,
        public_strategy=public_strategy,
        unlinked_child=toddler,
        accepted_nfa=accepted_nfa,
    )
