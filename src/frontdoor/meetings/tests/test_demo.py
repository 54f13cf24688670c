"""The demo meetings: every type, agendas filled from the front door, minutes issued, and
actions in every state for the minutes to separate."""

import pytest
from django.urls import reverse

from frontdoor.demo.front_door import build_front_door
from frontdoor.demo.generator import build_partnership
from frontdoor.demo.meetings import build_meetings
from frontdoor.meetings.models import Meeting, MeetingType
from frontdoor.plans.models import Action

pytestmark = pytest.mark.django_db


def test_the_demo_has_meetings_of_every_type_with_actions_in_every_state(client, signed_in):
    build_partnership(seed=2026, practitioners_per_agency=0, with_second_factor=False)
    build_front_door(seed=2026, contacts=24)
    made = build_meetings(seed=2026)
    assert made.meetings == 11
    assert set(Meeting.objects.values_list("type", flat=True)) == set(MeetingType.values)
    statuses = set(Meeting.objects.values_list("status", flat=True))
    assert statuses == set(Meeting.Status.values)
    assert set(Action.objects.values_list("status", flat=True)) == set(Action.Status.values)
    daily = Meeting.objects.filter(type=MeetingType.DAILY_RISK, items__isnull=False).first()
    assert daily is not None, "a daily risk meeting filled its agenda from the front door"
    assert all(i.contact.crime_alleged for i in daily.items.select_related("contact"))
    assert build_meetings(seed=2026).meetings == 0  # loading twice adds nothing

    marac = Meeting.objects.get(type=MeetingType.MARAC)
    signed_in(marac.chair)
    page = client.get(reverse("meetings:minutes", args=[marac.pk])).content.decode()
    assert "Could not be done" in page and "Not done" in page
    assert "confidentiality acknowledged" in page
