"""A police officer's referral that the hub (social care) decided: the case disagreed about."""

from datetime import date

import pytest

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.disagreements.models import Theme


def make_contact(referrer, *, decide_by=None):
    from frontdoor.referrals import services as referrals
    from frontdoor.referrals.models import Concern, Consent, Decision, Subject

    contact = referrals.contact_start(by=referrer)
    referrals.contact_update_draft(
        contact=contact,
        by=referrer,
        changes={
            "concerns": [Concern.NEGLECT],
            "what_happened": "The child was found alone at home at night.",
            "crime_alleged": False,
            "immediate_danger": False,
            "consent": Consent.GIVEN,
        },
    )
    referrals.subject_save(
        contact=contact,
        by=referrer,
        data={
            "role": Subject.Role.CHILD_AT_RISK,
            "given_names": "Zara",
            "family_name": "Quillfeather",
            "date_of_birth": date(2018, 2, 28),
        },
    )
    contact = referrals.contact_submit(contact=contact, by=referrer)
    if decide_by is not None:
        contact = referrals.contact_triage(
            contact=contact,
            by=decide_by,
            expected_version=contact.version,
            rag="green",
            rationale="No immediate risk",
        )
        referrals.contact_decide(
            contact=contact,
            by=decide_by,
            expected_version=contact.version,
            outcome=Decision.Outcome.NFA,
            rationale="Parents now home at night.",
            feedback="No further action: the parents have arranged childcare.",
        )
        contact.refresh_from_db()
    return contact


@pytest.fixture
def hub_worker(social_care):
    return PractitionerFactory(
        username="hubworker",
        agency=social_care,
        role=Role.HUB_PRACTITIONER,
        first_name="Tomasz",
        last_name="Nowicki",
    )


@pytest.fixture
def police_manager(police):
    return PractitionerFactory(
        username="policemanager",
        agency=police,
        role=Role.HUB_MANAGER,
        first_name="Gareth",
        last_name="Pilling",
    )


@pytest.fixture
def partnership_manager(police):
    return PractitionerFactory(
        username="partnership",
        agency=police,
        role=Role.PARTNERSHIP_MANAGER,
        first_name="Priya",
        last_name="Shah",
    )


@pytest.fixture
def decided_contact(officer, hub_worker):
    return make_contact(officer, decide_by=hub_worker)


@pytest.fixture
def threshold():
    return Theme.objects.get(name="Threshold or eligibility")
