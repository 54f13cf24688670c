import pytest
from django.utils import timezone

from frontdoor.core.models import OutboxMessage
from frontdoor.demo.front_door import build_front_door
from frontdoor.demo.generator import build_partnership
from frontdoor.referrals.models import Contact
from frontdoor.sharing.models import InformationRequest

pytestmark = pytest.mark.django_db


def test_demo_referrals_come_in_every_state_from_many_agencies():
    build_partnership(seed=2026, practitioners_per_agency=0)
    contacts = build_front_door(seed=2026, contacts=36)
    assert len(contacts) == 36
    statuses = set(Contact.objects.values_list("status", flat=True))
    assert statuses == set(Contact.Status.values)
    assert Contact.objects.filter(source=Contact.Source.PUBLIC).exists()
    assert Contact.objects.values("referrer_agency__sector").distinct().count() >= 6
    request_statuses = set(InformationRequest.objects.values_list("status", flat=True))
    assert request_statuses == set(InformationRequest.Status.values)
    assert InformationRequest.objects.filter(status="open", due_at__lt=timezone.now()).exists()
    assert not Contact.objects.filter(submitted_at__gt=timezone.now()).exists()
    decided = Contact.objects.filter(status=Contact.Status.DECIDED)
    assert all(c.referrer_told_at for c in decided)


def test_demo_advice_decisions_signpost_to_the_demo_directory():
    from frontdoor.demo.directory_services import build_directory
    from frontdoor.referrals.models import Decision, SignpostedService

    build_partnership(seed=2026, practitioners_per_agency=0)
    build_directory(seed=2026)
    build_front_door(seed=2026, contacts=36)
    advice = Decision.objects.filter(outcome=Decision.Outcome.ADVICE)
    assert advice.exists()
    signposted = SignpostedService.objects.filter(decision__in=advice)
    assert signposted.exists()
    assert all(item.service_id and item.phone for item in signposted)
    told = OutboxMessage.objects.filter(subject__startswith="Outcome of referral")
    assert any("Services we have signposted to:" in m.body for m in told)
