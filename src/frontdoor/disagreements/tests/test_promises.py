"""Professional disagreements, page by page: every read of one is recorded (SECURITY.md
promise 6) and its free text comes back as text, never as markup (promise 14).

The list of my disagreements and the escalate and resolve forms show only the contact's
reference, the two agencies, the theme and the level, no names or narrative, so they are not
reads of personal data."""

from __future__ import annotations

import pytest
from django.urls import reverse

from frontdoor.core.testing.promises import (
    Read,
    assert_read_recorded,
    assert_shown_as_text,
    hostile,
)
from frontdoor.disagreements import services
from frontdoor.disagreements.models import Disagreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_world(decided_contact, officer, hub_manager, social_care, threshold):
    """A police officer disagrees with social care's decision, escalates, then both agree;
    ``text`` gives the free text of each field, by the field's name."""

    def make(text) -> dict:
        raised = services.disagreement_raise(
            contact=decided_contact,
            by=officer,
            other_agency=social_care,
            disputed=text("disputed"),
            issue=text("issue"),
            wanted=text("wanted"),
            theme=threshold,
            about_decision=True,
        )
        escalated = services.disagreement_escalate(
            disagreement=raised,
            by=officer,
            reason=text("escalation reason"),
            expected_version=raised.version,
        )
        return {
            "escalated": escalated,
            "contact": decided_contact,
            "officer": officer,
            "hub_manager": hub_manager,
        }

    return make


def _resolve(world, text) -> None:
    escalated = world["escalated"]
    services.disagreement_resolve(
        disagreement=escalated,
        by=world["officer"],
        outcome=Disagreement.Outcome.COMPROMISE,
        resolution=text("resolution"),
        expected_version=escalated.version,
    )


@pytest.fixture
def world(make_world):
    return make_world(lambda field: f"Quillfeather {field}")


def _detail(w) -> str:
    return reverse("disagreements:detail", args=[w["escalated"].pk])


READS = {
    "as the practitioner who raised it": Read(
        _detail, "officer", lambda w: w["escalated"], lambda w: "Quillfeather issue"
    ),
    "as the other agency's hub manager": Read(
        _detail, "hub_manager", lambda w: w["escalated"], lambda w: "Quillfeather wanted"
    ),
}


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_reading_a_disagreement_is_recorded(world, signed_in, read):
    assert_read_recorded(signed_in(world[read.reader]), read, world)


def _assert_pages_show_as_text(signed_in, w, pages) -> None:
    for reader, url, fields in pages:
        response = signed_in(w[reader]).get(url)
        assert response.status_code == 200, url
        assert_shown_as_text(
            response.content.decode(), *[hostile(f) for f in fields], where=f"{reader} at {url}"
        )


def test_hostile_text_in_every_disagreement_field_is_shown_as_text(make_world, signed_in):
    w = make_world(hostile)
    contact, pk = w["contact"].pk, w["escalated"].pk
    open_fields = ["disputed", "issue", "wanted", "escalation reason"]
    pages = [
        ("officer", _detail(w), open_fields),
        ("hub_manager", _detail(w), open_fields),
        ("hub_manager", reverse("hub:contact", args=[contact]), ["disputed"]),
        ("officer", reverse("referrals:mine_detail", args=[contact]), ["disputed"]),
        ("officer", reverse("disagreements:mine"), []),
        ("officer", reverse("disagreements:escalate", args=[pk]), []),
        ("officer", reverse("disagreements:resolve", args=[pk]), []),
    ]
    _assert_pages_show_as_text(signed_in, w, pages)
    _resolve(w, hostile)
    closed = [*open_fields, "resolution"]
    _assert_pages_show_as_text(signed_in, w, [("hub_manager", _detail(w), closed)])
