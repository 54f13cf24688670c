"""Retention reviews and subject access, page by page: every read of personal data is recorded
(SECURITY.md promise 6) and free text, the bundle's included, comes back as text, never as
markup (promise 14).

The retention pages list records by type, number or reference only (``describe`` in
record_types.py), the list of requests shows numbers and dates, and the extend, close and
release forms show the request's number: none of them is a read of personal data. Opening a
record's review is."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from frontdoor.core.testing.promises import (
    Read,
    Refusal,
    assert_read_recorded,
    assert_refusal_recorded,
    assert_shown_as_text,
    hostile,
)
from frontdoor.disagreements.models import Disagreement
from frontdoor.governance import services
from frontdoor.governance.registry import RECORD_TYPES
from frontdoor.meetings.models import AgendaItem
from frontdoor.plans.models import Plan
from frontdoor.referrals.models import Contact

from .test_pages import make_due
from .test_subject_access import open_request, release

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(case, administrator, hub_manager):
    make_due(case.contact)
    return {
        "case": case,
        "sar": open_request(case, administrator),
        "administrator": administrator,
        "hub_manager": hub_manager,
    }


def _sar_url(name):
    return lambda w: reverse(name, args=[w["sar"].pk])


READS = {
    "a record's retention review": Read(
        lambda w: reverse("governance:review", args=["referrals.contact", w["case"].contact.pk]),
        "hub_manager",
        lambda w: ("referrals.contact", str(w["case"].contact.pk)),
        lambda w: w["case"].contact.reference,
    ),
    "people found to open a request": Read(
        lambda w: reverse("governance:sar_new") + "?q=zara+quill",
        "administrator",
        lambda w: ("people.person", ""),
        lambda w: "born 28 Feb 2018",
    ),
    "opening a request for a person": Read(
        lambda w: reverse("governance:sar_open", args=[w["case"].person.pk]),
        "administrator",
        lambda w: w["case"].person,
        lambda w: "Zara Quillfeather",
    ),
    "a request": Read(
        _sar_url("governance:sar"), "administrator", lambda w: w["sar"], lambda w: "Greta"
    ),
    "marking redactions": Read(
        _sar_url("governance:sar_redact"),
        "administrator",
        lambda w: w["sar"],
        lambda w: "Zara said",
    ),
    "checking the bundle": Read(
        _sar_url("governance:sar_bundle"),
        "administrator",
        lambda w: w["sar"],
        lambda w: "Zara said",
    ),
}


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_each_governance_page_with_personal_data_records_its_read(world, signed_in, read):
    assert_read_recorded(signed_in(world[read.reader]), read, world)


# Changes refused on those pages show them again: each is a read too (promise 6).
REFUSALS = {
    "a request opened without a requester": Refusal(
        READS["opening a request for a person"],
        lambda w: {
            "requester_name": "",
            "requester_is": "parent",
            "received_on": timezone.localdate().isoformat(),
        },
    ),
    "a request received tomorrow": Refusal(
        READS["opening a request for a person"],
        lambda w: {
            "requester_name": "Greta Quillfeather",
            "requester_is": "parent",
            "received_on": (timezone.localdate() + timedelta(days=1)).isoformat(),
        },
    ),
    "a retention review without a reason": Refusal(
        READS["a record's retention review"], lambda w: {"outcome": "retain", "reason": ""}
    ),
    "a disposal not confirmed": Refusal(
        READS["a record's retention review"],
        lambda w: {"outcome": "dispose", "reason": "No longer needed."},
    ),
    "a redaction without a reason": Refusal(
        READS["marking redactions"],
        lambda w: {"target": "", "passage": "", "reason": ""},
    ),
}


@pytest.mark.parametrize("refusal", REFUSALS.values(), ids=REFUSALS.keys())
def test_a_refused_change_that_shows_the_page_again_records_the_read(world, signed_in, refusal):
    assert_refusal_recorded(signed_in(world[refusal.read.reader]), refusal, world)


def test_hostile_text_in_a_request_and_its_bundle_is_shown_as_text(case, administrator, signed_in):
    """The records in the bundle are made directly (conftest), so their text is set directly;
    the request's own text goes through the services."""
    Contact.objects.filter(pk=case.contact.pk).update(what_happened=hostile("what happened"))
    AgendaItem.objects.filter(pk=case.item.pk).update(decisions=hostile("decisions"))
    Plan.objects.filter(pk=case.plan.pk).update(own_words=hostile("own words"))
    Disagreement.objects.filter(pk=case.disagreement.pk).update(issue=hostile("issue"))
    bundled = ["what happened", "decisions", "own words", "issue"]
    sar = services.sar_open(
        by=administrator,
        person=case.person,
        requester_name=hostile("requester"),
        requester_is="parent",
        received_on=case.contact.decided_at.date(),
    )
    services.sar_extend(by=administrator, request=sar, reason=hostile("extension"), version=1)
    sar.refresh_from_db()
    services.redaction_add(
        by=administrator,
        request=sar,
        item_key=f"referrals.contact:{case.contact.pk}",
        field="professional_opinion",
        passage="",
        reason=hostile("redaction reason"),
    )
    closed = services.sar_open(
        by=administrator,
        person=case.mother,
        requester_name="Marnie Quillfeather",
        requester_is="subject",
        received_on=case.contact.decided_at.date(),
    )
    services.sar_close(by=administrator, request=closed, reason=hostile("closed"), version=1)
    client = signed_in(administrator)
    pages = [
        (reverse("governance:sar", args=[sar.pk]), ["requester", "extension"]),
        (reverse("governance:sar", args=[closed.pk]), ["closed"]),
        (reverse("governance:sar_redact", args=[sar.pk]), [*bundled, "redaction reason"]),
        (reverse("governance:sar_bundle", args=[sar.pk]), bundled),
        (reverse("governance:sar_list"), []),
    ]
    for url, fields in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_shown_as_text(response.content.decode(), *[hostile(f) for f in fields], where=url)
    released = release(client, sar, administrator, format="html")
    assert released.status_code == 200
    assert_shown_as_text(released.content.decode(), *[hostile(f) for f in bundled], where="file")


def test_hostile_text_in_retention_rules_and_reviews_is_shown_as_text(
    case, administrator, hub_manager, signed_in
):
    contact_type = RECORD_TYPES["referrals.contact"]
    services.rule_set(
        by=administrator,
        record_type=contact_type,
        expected_version=0,
        period_months=72,
        source=hostile("source"),
    )
    make_due(case.contact)
    services.review_retain(
        by=hub_manager,
        record_type=contact_type,
        obj=case.contact,
        reason=hostile("retain reason"),
        next_review_on=timezone.localdate() + timedelta(days=30),
    )
    services.review_dispose(
        by=hub_manager,
        record_type=RECORD_TYPES["plans.plan"],
        obj=case.plan,
        reason=hostile("dispose reason"),
    )
    review = reverse("governance:review", args=["referrals.contact", case.contact.pk])
    for who, url, fields in [
        (administrator, reverse("governance:rules"), ["source"]),
        (hub_manager, review, ["retain reason"]),
        (administrator, reverse("governance:erasures"), ["dispose reason"]),
    ]:
        response = signed_in(who).get(url)
        assert response.status_code == 200, url
        assert_shown_as_text(response.content.decode(), *[hostile(f) for f in fields], where=url)
