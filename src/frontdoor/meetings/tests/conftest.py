"""People and cases for the meetings tests: a police meeting chair, the hub, a school and an
agency that is never invited."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory


@pytest.fixture
def school(db):
    return AgencyFactory(name="Riverside Primary School", sector="education")


@pytest.fixture
def housing(db):
    return AgencyFactory(name="Testshire Homes", sector="housing")


@pytest.fixture
def chair(police):
    return PractitionerFactory(
        username="chair", agency=police, role=Role.MEETING_CHAIR, first_name="Jo", last_name="Chair"
    )


@pytest.fixture
def hub_worker(social_care):
    return PractitionerFactory(username="hubworker", agency=social_care, role=Role.HUB_PRACTITIONER)


@pytest.fixture
def teacher(school):
    return PractitionerFactory(
        username="teacher", agency=school, role=Role.FRONTLINE, first_name="Dee", last_name="Lead"
    )


@pytest.fixture
def housing_officer(housing):
    return PractitionerFactory(username="housingofficer", agency=housing, role=Role.FRONTLINE)


@pytest.fixture
def make_contact(hub_worker):
    """A contact sent at ``at`` (and rated ``rag`` by the hub, if given)."""
    from frontdoor.referrals import services as referrals
    from frontdoor.referrals.models import Concern, Consent, Contact, Subject

    def make(referrer, *, at, rag="", crime=True, child=True, send=True) -> Contact:
        with time_machine.travel(at, tick=False):
            contact = referrals.contact_start(by=referrer)
            referrals.contact_update_draft(
                contact=contact,
                by=referrer,
                changes={
                    "concerns": [Concern.DOMESTIC_ABUSE],
                    "what_happened": "Police were called to shouting at the home.",
                    "crime_alleged": crime,
                    "immediate_danger": False,
                    "consent": Consent.GIVEN,
                },
            )
            referrals.subject_save(
                contact=contact,
                by=referrer,
                data={
                    "role": Subject.Role.CHILD_AT_RISK if child else Subject.Role.VICTIM,
                    "given_names": "Zara",
                    "family_name": "Quillfeather",
                    "date_of_birth": date(2018, 2, 28) if child else date(1990, 5, 1),
                },
            )
            if not send:
                return contact
            contact = referrals.contact_submit(contact=contact, by=referrer)
            if rag:
                contact = referrals.contact_triage(
                    contact=contact,
                    by=hub_worker,
                    expected_version=contact.version,
                    rag=rag,
                    rationale="Rated for the test.",
                )
        return contact

    return make
