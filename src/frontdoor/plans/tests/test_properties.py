"""Plans' forms take any text and any date: refused with a form error and nothing changed, or
saved and shown back exactly, never a server error (SECURITY.md promise 17).

Each example posts one form of the table through its real page, with one free-text field (or
one date) replaced by generated text (``core.testing.properties``): the hub manager starts a
plan from a contact and edits it and adds an action; the officer who owns an action updates it.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import example, given

from frontdoor.core.testing.factories import sign_in
from frontdoor.core.testing.properties import (
    FEW,
    ODD_SENTENCE,
    DateInput,
    TextForm,
    any_case,
    check_case,
)
from frontdoor.plans.forms import MAX_TEXT
from frontdoor.plans.models import Action, Plan
from frontdoor.supervision.tests.conftest import make_contact

from .conftest import add_action

pytestmark = pytest.mark.django_db


def _plan_page(world, record):
    return reverse("plans:plan", args=[world["plan"].pk])


def _next_year() -> str:
    return str(timezone.localdate().year + 1)


def _plan_answers(world) -> dict:
    plan = world["plan"]
    plan.refresh_from_db()
    return {
        "title": "Plan for the Quillfeather family",
        "own_words": "I want the shouting to stop.",
        "needs": "Safe housing.",
        "lead_professional": plan.lead_professional_id or "",
        "trusted_person": "Aunt Mo",
        "review_on": f"{_next_year()}-01-01",
        "version": plan.version,
    }


def _update_answers(world) -> dict:
    action = world["action"]
    action.refresh_from_db()
    return {
        "status": Action.Status.IN_PROGRESS,
        "outcome": "Visited once.",
        "version": action.version,
    }


PLAN_TEXTS = {
    "title": (200, "title"),
    "own_words": (MAX_TEXT, "own_words"),
    "needs": (MAX_TEXT, "needs"),
    "trusted_person": (200, "trusted_person"),
}

FORMS = {
    "start a plan from a contact": TextForm(
        url=lambda w: reverse("plans:plan_create", args=[w["contact"].pk]),
        poster="hub",
        answers=lambda w: {
            k: v for k, v in _plan_answers(w).items() if k not in {"version", "lead_professional"}
        },
        record=lambda w: Plan.objects.filter(contact=w["contact"]).order_by("-pk").first(),
        page=lambda w, plan: reverse("plans:plan", args=[plan.pk]),
        texts=PLAN_TEXTS,
        dates=(DateInput("review_on", "review_on", parts=False),),
    ),
    "edit a plan": TextForm(
        url=lambda w: reverse("plans:plan_edit", args=[w["plan"].pk]),
        poster="hub",
        answers=_plan_answers,
        record=lambda w: w["plan"],
        page=_plan_page,
        texts=PLAN_TEXTS,
        dates=(DateInput("review_on", "review_on", parts=False),),
    ),
    "add an action": TextForm(
        url=lambda w: reverse("plans:action_create", args=[w["plan"].pk]),
        poster="hub",
        answers=lambda w: {
            "what": "Police welfare visit.",
            "type": Action.Type.DIRECT,
            "owner_agency": w["police"].pk,
            "owner": w["officer"].pk,
            "due_on": f"{_next_year()}-01-01",
        },
        record=lambda w: w["plan"].actions.order_by("-pk").first(),
        page=_plan_page,
        texts={"what": (MAX_TEXT, "what")},
        dates=(DateInput("due_on", "due_on", parts=False),),
    ),
    "update an action": TextForm(
        url=lambda w: reverse("plans:action_update", args=[w["action"].pk]),
        poster="owner",
        answers=_update_answers,
        record=lambda w: w["action"],
        page=_plan_page,
        texts={"outcome": (MAX_TEXT, "outcome")},
    ),
}


@pytest.fixture
def world(plan, hub_manager, police, officer):
    contact = make_contact(officer)
    action = add_action(plan, hub_manager, owner_agency=police, owner=officer, days=10)
    hub, owner = Client(), Client()
    sign_in(hub, hub_manager)
    sign_in(owner, officer)
    return {
        "plan": plan,
        "contact": contact,
        "action": action,
        "police": police,
        "officer": officer,
        "hub": hub,
        "owner": owner,
    }


@FEW
@given(case=any_case(FORMS))
@example(case=(("start a plan from a contact", "own_words"), ODD_SENTENCE, None))
@example(case=(("edit a plan", "needs"), ODD_SENTENCE, None))
@example(case=(("edit a plan", "trusted_person"), ODD_SENTENCE, None))
# Just past the limit: starting a plan cuts the trusted person to 200 characters, so only the
# form's own limit stops a longer name being saved cut short.
@example(case=(("start a plan from a contact", "trusted_person"), "Aunt Mo " * 25 + "O'B", None))
@example(case=(("add an action", "what"), ODD_SENTENCE, None))
@example(case=(("update an action", "outcome"), ODD_SENTENCE, None))
@example(case=(("edit a plan", FORMS["edit a plan"].dates[0]), None, ("29", "2", "2028")))
@example(case=(("add an action", FORMS["add an action"].dates[0]), None, ("31", "4", "2030")))
def test_plan_forms_refuse_cleanly_or_round_trip_any_text_and_date(world, case):
    check_case(FORMS, world, case)
