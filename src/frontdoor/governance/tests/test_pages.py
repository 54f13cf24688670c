"""Retention pages through HTTP: administrators set rules; owners review."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from frontdoor.governance.models import RecordReview, RetentionRule
from frontdoor.governance.services import review_retain
from frontdoor.referrals.models import Contact

pytestmark = pytest.mark.django_db


def make_due(contact, years=7):
    Contact.objects.filter(pk=contact.pk).update(
        decided_at=timezone.now() - timedelta(days=365 * years)
    )


def test_an_administrator_sets_a_rule_and_an_agency_rule(administrator, police, signed_in):
    client = signed_in(administrator)
    assert client.get(reverse("governance:rules")).status_code == 200
    url = reverse("governance:rule_edit", args=["referrals.contact"])
    assert client.post(url, {"period_months": "0", "source": "x"}).status_code == 422
    assert not RetentionRule.objects.exists()
    client.post(url, {"period_months": "84", "source": "Partnership policy 2026"})
    assert RetentionRule.objects.get(agency=None).period_months == 84
    client.post(
        reverse("governance:rule_agency", args=["referrals.contact"]),
        {"agency": police.pk, "period_months": "72", "source": "MoPI group 3"},
    )
    rule = RetentionRule.objects.get(agency=police)
    page = client.get(reverse("governance:rules")).content.decode()
    assert "MoPI group 3" in page and "Partnership policy 2026" in page
    client.post(reverse("governance:rule_remove", args=[rule.pk]))
    assert not RetentionRule.objects.filter(agency=police).exists()


def test_an_owner_sees_a_due_record_on_my_work_and_keeps_it(case, hub_manager, signed_in):
    make_due(case.contact)
    client = signed_in(hub_manager)
    home = client.get(reverse("home")).content.decode()
    assert "Records due for review" in home
    url = reverse("governance:review", args=["referrals.contact", case.contact.pk])
    assert url in client.get(reverse("governance:reviews")).content.decode()
    missing_date = client.post(url, {"outcome": "retain", "reason": "Sibling case open"})
    assert missing_date.status_code == 422
    assert not RecordReview.objects.exists()
    next_review = (timezone.localdate() + timedelta(days=400)).isoformat()
    client.post(
        url, {"outcome": "retain", "reason": "Sibling case open", "next_review_on": next_review}
    )
    review = RecordReview.objects.get()
    assert (review.outcome, review.reason) == ("retain", "Sibling case open")
    assert url not in client.get(reverse("governance:reviews")).content.decode()


def test_an_owner_disposes_of_a_case_only_after_confirming(case, hub_manager, signed_in):
    make_due(case.contact)
    client = signed_in(hub_manager)
    url = reverse("governance:review", args=["referrals.contact", case.contact.pk])
    unconfirmed = client.post(url, {"outcome": "dispose", "reason": "No longer needed"})
    assert unconfirmed.status_code == 422
    assert Contact.objects.filter(pk=case.contact.pk).exists()
    client.post(url, {"outcome": "dispose", "reason": "No longer needed", "confirm": "on"})
    assert not Contact.objects.filter(pk=case.contact.pk).exists()
    assert client.get(url).status_code == 404


def test_someone_who_does_not_own_the_record_gets_404(case, officer, signed_in):
    make_due(case.contact)
    url = reverse("governance:review", args=["referrals.contact", case.contact.pk])
    assert signed_in(officer).get(url).status_code == 404


def test_a_kept_record_comes_back_when_its_review_is_due(case, hub_manager):
    from frontdoor.governance.registry import record_type
    from frontdoor.governance.retention import due_for

    make_due(case.contact)
    next_review = timezone.localdate() + timedelta(days=30)
    review_retain(
        by=hub_manager,
        record_type=record_type("referrals.contact"),
        obj=case.contact,
        reason="Open sibling case",
        next_review_on=next_review,
    )
    keys = lambda day: {(d.record_type.key, d.obj.pk) for d in due_for(hub_manager, today=day)}  # noqa: E731
    assert ("referrals.contact", case.contact.pk) not in keys(timezone.localdate())
    assert ("referrals.contact", case.contact.pk) in keys(next_review)
