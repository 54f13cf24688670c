"""Keeping the directory current takes any text: refused with a form error and nothing changed,
or saved and shown back exactly, never a server error (SECURITY.md promise 17). The search box
answers any text with a page that echoes it, escaped.

Each example posts one form through its real page, with one free-text field replaced by
generated text (``core.testing.properties``): someone signed out suggests a change to a service
or reports it closed (the curator's page shows what they typed); a curator accepts or rejects a
suggestion with a reason; a practitioner adds a practice note.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from hypothesis import event, example, given
from hypothesis import strategies as st

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import PractitionerFactory, sign_in
from frontdoor.core.testing.properties import (
    FEW,
    ODD_SENTENCE,
    TextForm,
    any_text,
    assert_refused_or_round_trips,
)
from frontdoor.directory import curation
from frontdoor.directory.curation import FIELDS, MAX_COMMENT, MAX_NOTE, MAX_REASON
from frontdoor.directory.models import PracticeNote, Suggestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(owner, directory):
    curator = PractitionerFactory(username="cora.curator", agency=owner, role=Role.HUB_MANAGER)
    frontline = PractitionerFactory(username="fred.frontline", agency=owner, role=Role.FRONTLINE)
    public, curating, practitioner = Client(), Client(), Client()
    sign_in(curating, curator)
    sign_in(practitioner, frontline)
    return {
        "service": directory.group,
        "public": public,
        "curator": curating,
        "frontline": practitioner,
    }


def _shown(value: str, page: str) -> bool:
    from django.template.defaultfilters import linebreaksbr

    raw = "<" in value and len(value.strip()) > 8 and value in page
    return not raw and (escape(value) in page or linebreaksbr(value, autoescape=True) in page)


# Suggesting a change or reporting a closure, signed out -----------------------------------

# What a member of the public types, each in turn: the comment on a closure, or a new value.
SUGGESTED = {"comment": MAX_COMMENT} | {
    f"new_{name}": FIELDS[name].max_length
    for name in ("name", "description", "opening_times", "address", "phone")
}


def _suggestion_answers(field: str, value: str) -> dict:
    if field == "comment":
        return {"kind": Suggestion.Kind.CLOSED, "comment": value}
    return {"kind": Suggestion.Kind.DETAILS_WRONG, "which": [field[4:]], field: value}


@FEW
@given(
    case=st.sampled_from(sorted(SUGGESTED)).flatmap(
        lambda f: st.tuples(st.just(f), any_text(SUGGESTED[f]))
    )
)
@example(case=("comment", ODD_SENTENCE))
@example(case=("new_name", ODD_SENTENCE))
@example(case=("new_description", ODD_SENTENCE))
@example(case=("new_opening_times", "Mon\r\n\r\nTue 9\u20135 \u200f"))
@example(case=("new_name", "a" * 201))
def test_any_suggestion_from_the_public_is_refused_cleanly_or_round_trips(world, case):
    field, value = case
    cache.clear()  # the signed-out rate limit is not what this test is about
    service = world["service"]
    before = list(Suggestion.objects.values_list("pk", flat=True))
    response = world["public"].post(
        reverse("directory:suggest", args=[service.pk]), _suggestion_answers(field, value)
    )
    assert response.status_code < 500, response.status_code
    if response.status_code != 302:
        event("refused")
        assert 400 <= response.status_code < 500, response.status_code
        assert "There is a problem" in response.content.decode()
        assert list(Suggestion.objects.values_list("pk", flat=True)) == before
        return
    event("saved")
    saved = Suggestion.objects.exclude(pk__in=before).get()
    stored = saved.comment if field == "comment" else saved.proposed[field[4:]]
    assert stored == value.strip(), f"{field}: {stored!r} != {value.strip()!r}"
    page = world["curator"].get(reverse("directory:curation_suggestion", args=[saved.pk]))
    assert page.status_code == 200
    assert _shown(stored, page.content.decode()), f"{field} {stored!r} is not shown exactly"


# The curator's decision, a practice note --------------------------------------------------


def _open_suggestion(world) -> Suggestion:
    """A fresh open suggestion each example: a decided one cannot be decided again."""
    world["suggestion"] = curation.suggestion_create(
        service=world["service"], kind=Suggestion.Kind.OTHER, comment="Check the evening times."
    )
    return world["suggestion"]


def _decision(decision: str):
    def answers(world) -> dict:
        _open_suggestion(world)
        service = world["service"]
        service.refresh_from_db()
        return {
            "decision": decision,
            "reason": "Checked with the group.",
            "version": service.version,
        }

    return answers


def _suggestion_page(world, record):
    return reverse("directory:curation_suggestion", args=[record.pk])


FORMS = {
    "reject a suggestion": TextForm(
        url=lambda w: reverse("directory:curation_suggestion", args=[w["suggestion"].pk]),
        poster="curator",
        answers=_decision("reject"),
        record=lambda w: w["suggestion"],
        page=_suggestion_page,
        texts={"reason": (MAX_REASON, "reason")},
    ),
    "accept a suggestion": TextForm(
        url=lambda w: reverse("directory:curation_suggestion", args=[w["suggestion"].pk]),
        poster="curator",
        answers=_decision("accept"),
        record=lambda w: w["suggestion"],
        page=_suggestion_page,
        texts={"reason": (MAX_REASON, "reason")},
    ),
    "add a practice note": TextForm(
        url=lambda w: reverse("directory:note_add", args=[w["service"].pk]),
        poster="frontline",
        answers=lambda w: {"body": "Referrals by email get a reply within a day."},
        record=lambda w: PracticeNote.objects.filter(service=w["service"]).order_by("-pk").first(),
        page=lambda w, note: reverse("directory:service", args=[w["service"].pk]),
        texts={"body": (MAX_NOTE, "body")},
    ),
}
TEXT_FIELDS = [(name, field) for name, form in FORMS.items() for field in form.texts]


@FEW
@given(
    case=st.sampled_from(TEXT_FIELDS).flatmap(
        lambda nf: st.tuples(st.just(nf), any_text(FORMS[nf[0]].texts[nf[1]][0]))
    )
)
@example(case=(("reject a suggestion", "reason"), ODD_SENTENCE))
@example(case=(("accept a suggestion", "reason"), ODD_SENTENCE))
@example(case=(("add a practice note", "body"), ODD_SENTENCE))
@example(case=(("add a practice note", "body"), "n" * (MAX_NOTE + 1)))
def test_curating_and_practice_notes_refuse_cleanly_or_round_trip_any_text(world, case):
    (name, field), value = case
    assert_refused_or_round_trips(FORMS[name], world, text=(field, value))


# The search box -------------------------------------------------------------------------


@FEW
@given(box=st.sampled_from(["q", "where"]), text=any_text(200))
@example(box="q", text=ODD_SENTENCE)
@example(box="q", text="<script>alert(1)</script>\x00")
@example(box="where", text="PR1 \u200f2HE")
def test_searching_the_directory_with_any_text_answers_with_a_page_that_echoes_it(world, box, text):
    response = world["public"].get(reverse("directory:search"), {box: text})
    assert response.status_code < 500, response.status_code
    assert response.status_code in (200, 422), response.status_code
    page = response.content.decode()
    if response.status_code == 422:
        event("refused")
        assert "There is a problem" in page
    if text.strip():
        assert f'value="{escape(text)}"' in page, f"{box} {text!r} is not echoed escaped"
