"""Disagreements' forms take any text: refused with a form error and nothing changed, or saved
and shown back exactly, never a server error (SECURITY.md promise 17).

Each example posts one form of the table through its real page as the police officer who
raised the disagreement, with one free-text field replaced by generated text
(``core.testing.properties``). Escalating and resolving each start from a disagreement raised
for that example, so every example meets an open disagreement at level 1. The issue, what is
wanted, the reason and the resolution have no length limit of their own: the generator still
tries long text.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st

from frontdoor.core.testing.factories import sign_in
from frontdoor.core.testing.properties import (
    FEW,
    ODD_SENTENCE,
    TextForm,
    any_text,
    assert_refused_or_round_trips,
)
from frontdoor.disagreements import services
from frontdoor.disagreements.models import Disagreement

pytestmark = pytest.mark.django_db

LONG = 20_000  # no limit of their own: try text this long


def _raise_answers(world) -> dict:
    return {
        "other_agency": world["social_care"].pk,
        "about_decision": "on",
        "disputed": "The decision to take no further action",
        "issue": "The child is still left alone at night.",
        "wanted": "A child and family assessment",
        "theme": world["theme"].pk,
    }


def _fresh(world) -> Disagreement:
    """A disagreement raised for this example, open at level 1."""
    world["fresh"] = services.disagreement_raise(
        contact=world["contact"],
        by=world["officer"],
        other_agency=world["social_care"],
        disputed="The decision to take no further action",
        issue="The child is still left alone at night.",
        wanted="A child and family assessment",
        theme=world["theme"],
        about_decision=True,
    )
    return world["fresh"]


def _escalate_answers(world) -> dict:
    return {"reason": "Level 1 did not agree a plan.", "version": _fresh(world).version}


def _resolve_answers(world) -> dict:
    return {
        "outcome": Disagreement.Outcome.AGREED_WITH_RAISER,
        "resolution": "Social care will assess this week.",
        "version": _fresh(world).version,
    }


def _detail(world, record) -> str:
    return reverse("disagreements:detail", args=[world["fresh"].pk])


FORMS = {
    "raise a disagreement": TextForm(
        url=lambda w: reverse("disagreements:raise", args=[w["contact"].pk]),
        poster="client",
        answers=_raise_answers,
        record=lambda w: Disagreement.objects.filter(contact=w["contact"]).order_by("-pk").first(),
        page=lambda w, found: reverse("disagreements:detail", args=[found.pk]),
        texts={"disputed": (300, "disputed"), "issue": (LONG, "issue"), "wanted": (LONG, "wanted")},
    ),
    "escalate it": TextForm(
        url=lambda w: reverse("disagreements:escalate", args=[w["fresh"].pk]),
        poster="client",
        answers=_escalate_answers,
        # The reason is kept on the level the disagreement climbs to.
        record=lambda w: w["fresh"].steps.order_by("-level").first(),
        page=_detail,
        texts={"reason": (LONG, "reason")},
    ),
    "record the outcome": TextForm(
        url=lambda w: reverse("disagreements:resolve", args=[w["fresh"].pk]),
        poster="client",
        answers=_resolve_answers,
        record=lambda w: w["fresh"],
        page=_detail,
        texts={"resolution": (LONG, "resolution")},
    ),
}
TEXT_FIELDS = [(name, field) for name, form in FORMS.items() for field in form.texts]


@pytest.fixture
def world(decided_contact, officer, social_care, threshold):
    client = Client()
    sign_in(client, officer)
    return {
        "contact": decided_contact,
        "officer": officer,
        "social_care": social_care,
        "theme": threshold,
        "client": client,
    }


@FEW
@given(
    case=st.sampled_from(TEXT_FIELDS).flatmap(
        lambda nf: st.tuples(st.just(nf), any_text(FORMS[nf[0]].texts[nf[1]][0]))
    )
)
@example(case=(("raise a disagreement", "disputed"), ODD_SENTENCE))
@example(case=(("raise a disagreement", "issue"), ODD_SENTENCE))
@example(case=(("escalate it", "reason"), ODD_SENTENCE))
@example(case=(("record the outcome", "resolution"), ODD_SENTENCE))
def test_disagreement_forms_refuse_cleanly_or_round_trip_any_text(world, case):
    (name, what), text = case
    assert_refused_or_round_trips(FORMS[name], world, text=(what, text))
