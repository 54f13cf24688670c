"""The demo's Operation Encompass notifications: every state, repeatable, for the demo logins."""

import pytest
from django.utils import timezone

from frontdoor.demo.encompass import build_encompass
from frontdoor.demo.generator import build_partnership
from frontdoor.sharing.access_encompass import notifications_visible_to
from frontdoor.sharing.models import EncompassNotification

pytestmark = pytest.mark.django_db


def test_the_demo_has_notifications_in_every_state_for_the_demo_logins():
    partnership = build_partnership(seed=2026, practitioners_per_agency=0)
    made = build_encompass(seed=2026)
    now = timezone.now()
    states = [n.status(now) for n in made]
    assert states.count("overdue") == 1
    assert "acknowledged" in states
    assert len(made) == EncompassNotification.objects.count() == 4
    people = {p.username: p for p in partnership.practitioners}
    school_dsl = people["school.dsl"]
    assert notifications_visible_to(school_dsl).count() == 3  # Weftbridge High's
    assert notifications_visible_to(people["police.frontline"]).count() == 4
    assert notifications_visible_to(people["csc.frontline"]).count() == 0
