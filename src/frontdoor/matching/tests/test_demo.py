"""The demo person index: agencies' records of the demo people, a model and a review queue."""

import pytest
from django.urls import reverse

from frontdoor.agencies.models import Practitioner
from frontdoor.demo.front_door import build_front_door
from frontdoor.demo.generator import build_partnership
from frontdoor.demo.matching import build_matching
from frontdoor.matching.models import ModelVersion, ReviewItem
from frontdoor.people.models import AgencyRecord

pytestmark = pytest.mark.django_db


def test_the_demo_fills_the_index_and_the_queue_with_father_and_son_kept_apart(client, signed_in):
    build_partnership(seed=2026, practitioners_per_agency=0, with_second_factor=False)
    build_front_door(seed=2026, contacts=8)
    made = build_matching(seed=2026)
    assert made.records >= 20
    assert ModelVersion.objects.filter(active=True).count() == 1
    assert AgencyRecord.objects.values("agency").distinct().count() >= 3
    johns = AgencyRecord.objects.filter(given_names="John", family_name="Smith")
    assert johns.count() == 2
    assert len({record.person_id for record in johns}) == 2  # never merged
    pair = ReviewItem.objects.get(record__in=johns, status=ReviewItem.Status.PENDING)
    hub = Practitioner.objects.get(username="csc.hub")
    signed_in(hub)
    queue = client.get(reverse("matching:queue")).content.decode()
    assert "John Smith" in queue
    page = client.get(reverse("matching:review", args=[pair.pk])).content.decode()
    assert "Date of birth" in page
