"""The supervision pair used by these tests: a team manager supervising a social worker."""

from datetime import timedelta

import pytest
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.supervision import services


@pytest.fixture
def supervisor(social_care):
    return PractitionerFactory(
        username="supervisor",
        agency=social_care,
        role=Role.HUB_PRACTITIONER,
        first_name="Tomasz",
        last_name="Nowicki",
    )


@pytest.fixture
def supervisee(social_worker):
    return social_worker


@pytest.fixture
def relationship(hub_manager, supervisor, supervisee):
    return services.relationship_set_up(
        by=hub_manager,
        supervisor=supervisor,
        supervisee=supervisee,
        started_on=timezone.localdate() - timedelta(days=90),
    )


@pytest.fixture
def session(relationship, supervisee):
    return services.session_record(
        relationship=relationship,
        by=supervisee,
        held_on=timezone.localdate() - timedelta(days=2),
        reflections="We talked about the Quillfeather home visit and how it felt.",
        wellbeing=3,
        wellbeing_note="Tired after a run of late visits.",
    )


def make_contact(referrer):
    """A sent referral by ``referrer``: visible to them and to the hub, nobody else."""
    from datetime import date

    from frontdoor.referrals import services as referrals
    from frontdoor.referrals.models import Concern, Consent, Subject

    contact = referrals.contact_start(by=referrer)
    referrals.contact_update_draft(
        contact=contact,
        by=referrer,
        changes={
            "concerns": [Concern.NEGLECT],
            "what_happened": "The child came to school hungry.",
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
    return referrals.contact_submit(contact=contact, by=referrer)
