"""The hub's contact page, shown again after a refused change, records that read as the
page itself does (SECURITY.md promise 6)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from frontdoor.core.testing.promises import Read, Refusal, assert_refusal_recorded

from .test_hub_properties import hub, sent_contact  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

CONTACT_PAGE = Read(
    lambda w: reverse("hub:contact", args=[w["contact"].pk]),
    "hub",
    lambda w: w["contact"],
    lambda w: "Testperson",
)


def _posted_to(name):
    return lambda w: reverse(name, args=[w["contact"].pk])


REFUSALS = {
    "a rating without a reason": Refusal(
        CONTACT_PAGE,
        lambda w: {"triage-rag": "amber", "triage-rationale": "", "triage-version": 1},
        url=_posted_to("hub:triage"),
    ),
    "a rating on a stale version": Refusal(
        CONTACT_PAGE,
        lambda w: {
            "triage-rag": "amber",
            "triage-rationale": "Young child.",
            "triage-version": w["contact"].version + 1,
        },
        status=409,
        url=_posted_to("hub:triage"),
    ),
    "a decision without an outcome": Refusal(
        CONTACT_PAGE,
        lambda w: {"decision-outcome": "", "decision-version": w["contact"].version},
        url=_posted_to("hub:decide"),
    ),
}


@pytest.mark.parametrize("refusal", REFUSALS.values(), ids=REFUSALS.keys())
def test_a_refused_change_on_the_contact_page_records_the_read(
    hub,  # noqa: F811
    officer,
    signed_in,
    refusal,
):
    world = {"hub": hub, "contact": sent_contact(officer, hub=hub)}
    assert_refusal_recorded(signed_in(hub), refusal, world)
