"""The demo has the partnership's rules, cases due for the hub manager's review and one subject
access request a few days from its deadline."""

import pytest
from django.utils import timezone

from frontdoor.agencies.models import Practitioner
from frontdoor.governance.models import RetentionRule, SubjectAccessRequest
from frontdoor.governance.registry import RECORD_TYPES
from frontdoor.governance.retention import due_for

pytestmark = pytest.mark.django_db


def test_demo_governance():
    from frontdoor.demo.front_door import build_front_door
    from frontdoor.demo.generator import build_partnership
    from frontdoor.demo.governance import build_governance

    build_partnership(seed=2026, practitioners_per_agency=0)
    build_front_door(seed=2026, contacts=20)
    made = build_governance(seed=2026)
    assert RetentionRule.objects.filter(agency__isnull=True).count() == len(RECORD_TYPES)
    assert RetentionRule.objects.filter(agency__isnull=False).count() == 2
    manager = Practitioner.objects.get(username="csc.manager")
    due = [d for d in due_for(manager) if d.record_type.key == "referrals.contact"]
    assert len(due) == made.due >= 2
    sar = SubjectAccessRequest.objects.get()
    today = timezone.localdate()
    assert sar.state(today) == "due" and 0 <= sar.days_left(today) <= 7
    assert build_governance(seed=2026).rules == 0  # a second run adds nothing
