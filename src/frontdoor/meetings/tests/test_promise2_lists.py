"""SECURITY.md promise 2: the meetings list, the meetings panel on My work and its count, and
the DASH list (MARAC) show only what the practitioner may see. Each test seeds a record the
reader may see and one they may not, each with a distinctive name."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory
from frontdoor.meetings import marac, services
from frontdoor.meetings.models import Checklist, DashAssessment, MeetingType

pytestmark = pytest.mark.django_db

WEDNESDAY = datetime(2026, 11, 25, 9, 0, tzinfo=ZoneInfo("Europe/London"))


def _page(client, name) -> str:
    response = client.get(reverse(name))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def other_chair(social_care):
    return PractitionerFactory(username="otherchair", agency=social_care, role=Role.MEETING_CHAIR)


def test_the_meetings_list_and_my_work_count_hold_only_meetings_the_practitioner_may_see(
    client, signed_in, chair, other_chair, officer, police, school
):
    with time_machine.travel(WEDNESDAY, tick=False):
        invited = services.meeting_create(
            by=chair,
            type=MeetingType.MARAC,
            starts_at=WEDNESDAY + timedelta(hours=5),
            chair=chair,
            title="MARAC for Calloway Finch",
            agencies=[police],
        )
        services.meeting_create(
            by=other_chair,
            type=MeetingType.MARAC,
            starts_at=WEDNESDAY + timedelta(hours=6),
            chair=other_chair,
            title="MARAC for Odalys Thorncroft",
            agencies=[school],
        )
        signed_in(officer)
        listed = _page(client, "meetings:list")
        assert invited.title in listed
        assert "Odalys Thorncroft" not in listed
        home = _page(client, "home")
        assert "1 meeting this week." in home
        assert invited.title in home
        assert "Odalys Thorncroft" not in home
        # The social care chair, who chairs the other, is not invited to the police's one.
        signed_in(other_chair)
        assert "Calloway Finch" not in _page(client, "meetings:list")
        home = _page(client, "home")
        assert "1 meeting this week; you chair 1." in home
        assert "Calloway Finch" not in home


def _dash(by, victim_name):
    return marac.dash_complete(
        by=by,
        checklist=Checklist.objects.get(slug="safelives-dash-2009"),
        victim_name=victim_name,
        completed_as=DashAssessment.CompletedAs.IDVA,
        completed_on=timezone.localdate(),
        answers={n: "yes" if n <= 14 else "no" for n in range(1, 25)},
    )


def test_the_dash_list_holds_only_checklists_the_practitioner_may_see(
    client, signed_in, chair, other_chair, officer, police, housing
):
    idva = PractitionerFactory(
        username="idva",
        agency=AgencyFactory(name="Testshire Domestic Abuse Service", sector="voluntary"),
        role=Role.FRONTLINE,
    )
    own = _dash(officer, "Calloway Finch")
    heard_with_police = _dash(idva, "Odalys Thorncroft")
    not_referred = _dash(idva, "Thaddeus Grimsby")
    heard_without_police = _dash(idva, "Perpetua Vane")
    ours = services.meeting_create(
        by=chair,
        type=MeetingType.MARAC,
        starts_at=timezone.now() + timedelta(days=7),
        chair=chair,
        agencies=[police],
    )
    theirs = services.meeting_create(
        by=other_chair,
        type=MeetingType.MARAC,
        starts_at=timezone.now() + timedelta(days=7),
        chair=other_chair,
        agencies=[housing],
    )
    marac.marac_refer(assessment=heard_with_police, by=idva, meeting=ours)
    marac.marac_refer(assessment=heard_without_police, by=idva, meeting=theirs)
    signed_in(officer)
    listed = _page(client, "meetings:dash_list")
    assert own.victim_name in listed
    assert heard_with_police.victim_name in listed
    assert not_referred.victim_name not in listed
    assert heard_without_police.victim_name not in listed
    for hidden in (not_referred, heard_without_police):
        assert reverse("meetings:dash", args=[hidden.pk]) not in listed
