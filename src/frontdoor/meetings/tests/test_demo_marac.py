"""The demo MARAC referrals: four DASH checklists, three referred, one a repeat."""

import pytest
from django.urls import reverse

from frontdoor.demo.front_door import build_front_door
from frontdoor.demo.generator import build_partnership
from frontdoor.demo.marac import build_marac
from frontdoor.demo.meetings import build_meetings
from frontdoor.meetings.models import DashAssessment, MaracCase

pytestmark = pytest.mark.django_db


def test_the_demo_has_dash_checklists_and_a_repeat_marac_referral(client, signed_in):
    build_partnership(seed=2026, practitioners_per_agency=0, with_second_factor=False)
    build_front_door(seed=2026, contacts=6)
    build_meetings(seed=2026)
    made = build_marac(seed=2026)
    assert (made.assessments, made.referrals) == (4, 3)
    assert build_marac(seed=2026).assessments == 0  # loading twice adds nothing
    assert DashAssessment.objects.count() == 4
    repeat = MaracCase.objects.get(repeat_of_heard_at__isnull=False)
    assert repeat.assessment.victim_name == "Marisol Brightwater"
    assert {c["key"] for case in MaracCase.objects.all() for c in case.criteria} == {
        "visible_high_risk",
        "escalation",
        "professional_judgement",
    }
    meeting = repeat.item.meeting
    signed_in(meeting.chair)
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Repeat: heard on" in page
