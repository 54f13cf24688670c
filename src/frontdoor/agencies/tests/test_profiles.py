"""Agency profiles: readable by every practitioner, maintained by the agency, conflicts caught."""

import pytest
from django.urls import reverse

from frontdoor.agencies.models import Agency, Timescale
from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import PractitionerFactory

pytestmark = pytest.mark.django_db


def profile_post(agency, **overrides):
    data = {
        "version": agency.profile_version,
        "remit": "We investigate crime and protect people at risk.",
        "does_not_do": "We do not carry out social care assessments.",
        "powers": "Police protection under the Children Act 1989 s.46.",
        "thresholds": "Any child at immediate risk of significant harm.",
        "working_hours": "24 hours a day.",
        "out_of_hours_contact": "Call 999 in an emergency.",
        "contact_phone": "01632 960000",
        "contact_email": "mash@police.example",
        "ts-TOTAL_FORMS": "1",
        "ts-INITIAL_FORMS": "0",
        "ts-MIN_NUM_FORMS": "0",
        "ts-MAX_NUM_FORMS": "30",
        "ts-0-activity": "Police checks for the hub",
        "ts-0-amount": "8",
        "ts-0-unit": "weeks",
        "ts-0-notes": "",
    }
    data.update(overrides)
    return data


def test_every_practitioner_reads_another_agencys_profile(signed_in, officer, social_care):
    social_care.powers = "Section 47 enquiries"
    social_care.save()
    page = signed_in(officer).get(reverse("agencies:detail", args=[social_care.pk]))
    assert page.status_code == 200
    assert "Section 47 enquiries" in page.content.decode()
    assert "Edit this profile" not in page.content.decode()


def test_a_hub_manager_edits_their_own_agencys_profile_and_timescales(signed_in, police):
    manager = PractitionerFactory(agency=police, role=Role.HUB_MANAGER)
    client = signed_in(manager)
    response = client.post(reverse("agencies:profile_edit", args=[police.pk]), profile_post(police))
    assert response.status_code == 302
    police.refresh_from_db()
    assert police.powers.startswith("Police protection")
    assert police.profile_version == 2
    assert police.profile_updated_by == manager
    timescale = Timescale.objects.get(agency=police)
    assert str(timescale) == "Police checks for the hub: 8 weeks"
    page = client.get(reverse("agencies:detail", args=[police.pk])).content.decode()
    assert "Police checks for the hub" in page
    assert "8 weeks" in page


def test_a_second_editor_on_the_same_version_gets_a_conflict(signed_in, police):
    manager = PractitionerFactory(agency=police, role=Role.HUB_MANAGER)
    client = signed_in(manager)
    stale = profile_post(police, remit="First editor's remit")
    client.post(reverse("agencies:profile_edit", args=[police.pk]), stale)
    second = profile_post(police, remit="Second editor's remit")  # still version 1
    response = client.post(reverse("agencies:profile_edit", args=[police.pk]), second)
    assert response.status_code == 409
    assert "Someone else changed this profile" in response.content.decode()
    police.refresh_from_db()
    assert police.remit == "First editor's remit"


def test_bad_timescale_input_changes_nothing(signed_in, police):
    manager = PractitionerFactory(agency=police, role=Role.HUB_MANAGER)
    client = signed_in(manager)
    response = client.post(
        reverse("agencies:profile_edit", args=[police.pk]),
        profile_post(police, **{"ts-0-amount": "-3", "contact_email": "not an email"}),
    )
    assert response.status_code == 422
    assert "There is a problem" in response.content.decode()
    police.refresh_from_db()
    assert police.profile_version == 1
    assert not Timescale.objects.exists()


def test_profile_edit_cannot_set_other_fields(signed_in, police):
    """Promise 4: the name, sector and activity of an agency are not the profile's to change."""
    manager = PractitionerFactory(agency=police, role=Role.HUB_MANAGER)
    client = signed_in(manager)
    client.post(
        reverse("agencies:profile_edit", args=[police.pk]),
        profile_post(
            police, name="Renamed", sector="health", is_active="false", profile_version="99"
        ),
    )
    police.refresh_from_db()
    assert (police.name, police.sector, police.is_active) == ("Testshire Police", "police", True)
    assert police.profile_version == 2


def test_profile_text_is_escaped(signed_in, officer, social_care):
    social_care.remit = "<script>alert('x')</script>"
    social_care.save()
    page = (
        signed_in(officer).get(reverse("agencies:detail", args=[social_care.pk])).content.decode()
    )
    assert "<script>alert('x')</script>" not in page
    assert "&lt;script&gt;" in page


def test_agency_list_filters_by_sector(signed_in, officer, social_care):
    client = signed_in(officer)
    page = client.get(reverse("agencies:list"), {"sector": "police"}).content.decode()
    assert "Testshire Police" in page
    assert "Testshire Children&#x27;s Social Care" not in page
    assert Agency.objects.count() == 2
