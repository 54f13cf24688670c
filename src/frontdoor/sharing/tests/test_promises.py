"""Information requests, shown again after a refused answer, decline or ask, record that read
as the page itself does (SECURITY.md promise 6).

A request's page names the people it is about; the ask page lists the contact's people with
their dates of birth. Opening each is recorded (test_requests.py); a refused change shows the
same page again, so it is a read too."""

from __future__ import annotations

import pytest
from django.urls import reverse

from frontdoor.core.testing.promises import Read, Refusal, assert_refusal_recorded
from frontdoor.sharing.models import InformationRequest

from .test_requests import (  # noqa: F401 (fixtures)
    asked,
    health,
    hub,
    nurse,
    partners,
    school,
)

pytestmark = pytest.mark.django_db

REQUEST_PAGE = Read(
    lambda w: reverse("sharing:detail", args=[w["request"].pk]),
    "nurse",
    lambda w: w["request"],
    lambda w: "Amara Testbrook",
)
ASK_PAGE = Read(
    lambda w: reverse("sharing:ask", args=[w["contact"].pk]),
    "hub",
    lambda w: w["contact"],
    lambda w: "Amara Testbrook",
)


def _posted_to(name):
    return lambda w: reverse(name, args=[w["request"].pk])


REFUSALS = {
    "an answer to nothing": Refusal(
        REQUEST_PAGE,
        lambda w: {
            "version": w["request"].version,
            "answer_health_attendances": "",
            "answer_mental_health": "",
        },
        url=_posted_to("sharing:answer"),
    ),
    "an answer to what was not asked": Refusal(
        REQUEST_PAGE,
        lambda w: {
            "version": w["request"].version,
            "answer_health_attendances": "Two A&E attendances.",
            "answer_school": "Attends daily.",
        },
        url=_posted_to("sharing:answer"),
    ),
    "an answer on a stale version": Refusal(
        REQUEST_PAGE,
        lambda w: {
            "version": w["request"].version + 1,
            "answer_health_attendances": "Two A&E attendances.",
        },
        status=409,
        url=_posted_to("sharing:answer"),
    ),
    "a decline without a reason": Refusal(
        REQUEST_PAGE,
        lambda w: {"decline-version": w["request"].version, "decline-reason": ""},
        url=_posted_to("sharing:decline"),
    ),
    "an ask of no agency about no one": Refusal(
        ASK_PAGE, lambda w: {"purpose": "To decide whether the children need a strategy meeting."}
    ),
}


@pytest.mark.parametrize("refusal", REFUSALS.values(), ids=REFUSALS.keys())
def test_a_refused_answer_decline_or_ask_that_shows_the_page_again_records_the_read(
    asked,  # noqa: F811
    hub,  # noqa: F811
    nurse,  # noqa: F811
    signed_in,
    refusal,
):
    world = {"hub": hub, "nurse": nurse, "request": asked["health"], "contact": asked["contact"]}
    requests = {r.pk: (r.status, r.version) for r in InformationRequest.objects.all()}
    assert_refusal_recorded(signed_in(world[refusal.read.reader]), refusal, world)
    assert {r.pk: (r.status, r.version) for r in InformationRequest.objects.all()} == requests
