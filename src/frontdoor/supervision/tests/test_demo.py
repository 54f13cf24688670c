"""The demo supervision: csc.frontline has a supervisor and sessions; one supervision is overdue."""

import pytest
from django.urls import reverse

from frontdoor.demo.front_door import build_front_door
from frontdoor.demo.generator import build_partnership
from frontdoor.demo.supervision import build_supervision
from frontdoor.supervision import services
from frontdoor.supervision.models import Relationship

pytestmark = pytest.mark.django_db


def test_the_demo_shows_supervision_to_csc_frontline(client, signed_in):
    build_partnership(seed=2026, practitioners_per_agency=0, with_second_factor=False)
    build_front_door(seed=2026, contacts=8)
    made = build_supervision(seed=2026)
    assert made.relationships == 3
    assert made.sessions >= 7
    chloe = Relationship.objects.get(supervisee__username="csc.frontline")
    assert chloe.supervisor.username == "csc.hub"
    standings = {
        s.relationship.supervisee.username: s
        for s in services.standing_of(Relationship.objects.current())
    }
    assert not standings["csc.frontline"].overdue
    assert standings["csc.hub"].overdue
    latest = chloe.sessions.first()
    assert latest.version == 2 and latest.updated_by.username == "csc.hub"
    assert build_supervision(seed=2026).relationships == 0  # loading twice adds nothing

    signed_in(chloe.supervisee)
    page = client.get(reverse("supervision:index")).content.decode()
    assert "Supervised by Tomasz Nowicki" in page
    session_page = client.get(reverse("supervision:session", args=[latest.pk])).content.decode()
    assert "Tomasz Nowicki changed this record" in session_page
