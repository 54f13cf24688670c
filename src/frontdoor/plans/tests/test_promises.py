"""Plans and actions, page by page: every read of personal data is recorded (SECURITY.md
promise 6) and free text comes back as text, never as markup (promise 14)."""

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
from frontdoor.plans import services
from frontdoor.plans.models import Action

from .conftest import add_action, make_overdue

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_world(hub_manager, social_worker, officer, police, chair):
    """A plan led by a social worker with an overdue police action owned by an officer, and a
    finished one; ``text`` gives the free text of each field, by the field's name."""

    def make(text) -> dict:
        plan = services.plan_create(
            by=hub_manager,
            title=text("title"),
            own_words=text("own words"),
            needs=text("needs"),
            trusted_person=text("trusted person"),
            lead_professional=social_worker,
            review_on=timezone.localdate() + timedelta(days=28),
        )
        action = make_overdue(
            add_action(plan, hub_manager, owner_agency=police, owner=officer, what=text("what"))
        )
        done = add_action(plan, hub_manager, owner_agency=police, what=text("what done"))
        services.action_update(
            by=hub_manager,
            action=done,
            base_version=done.version,
            status=Action.Status.DONE,
            outcome=text("outcome"),
        )
        return {
            "plan": plan,
            "action": action,
            "officer": officer,
            "lead": social_worker,
            "chair": chair,
        }

    return make


@pytest.fixture
def world(make_world):
    return make_world(lambda field: f"Quillfeather {field}")


def _url(name, key=None, query=""):
    return lambda w: reverse(name, args=[w[key].pk] if key else []) + query


LIST = ("plans.action", "list")

READS = {
    "plan": Read(
        _url("plans:plan", "plan"),
        "officer",
        lambda w: w["plan"],
        lambda w: "Quillfeather own words",
    ),
    "editing the plan": Read(
        _url("plans:plan_edit", "plan"), "lead", lambda w: w["plan"], lambda w: "Quillfeather needs"
    ),
    "adding an action": Read(
        _url("plans:action_create", "plan"),
        "lead",
        lambda w: w["plan"],
        lambda w: "Quillfeather title",
    ),
    "updating an action": Read(
        _url("plans:action_update", "action"),
        "officer",
        lambda w: w["action"],
        lambda w: "Quillfeather what",
    ),
    "my actions": Read(
        _url("plans:my_actions"), "officer", lambda w: LIST, lambda w: "Quillfeather what"
    ),
    "my agency's actions": Read(
        _url("plans:agency_actions", query="?show=all"),
        "officer",
        lambda w: LIST,
        lambda w: "Quillfeather outcome",
    ),
    "overdue actions": Read(
        _url("plans:overdue"), "chair", lambda w: LIST, lambda w: "Quillfeather what"
    ),
}


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_each_plan_page_with_personal_data_records_its_read(world, signed_in, read):
    assert_read_recorded(signed_in(world[read.reader]), read, world)


def test_hostile_text_in_every_plan_and_action_field_is_shown_as_text(make_world, signed_in):
    w = make_world(hostile)
    plan_fields = ["title", "own words", "needs", "trusted person"]
    pages = [
        ("officer", _url("plans:plan", "plan"), [*plan_fields, "what", "what done", "outcome"]),
        ("lead", _url("plans:plan_edit", "plan"), plan_fields),
        ("lead", _url("plans:action_create", "plan"), ["title"]),
        ("officer", _url("plans:action_update", "action"), ["title", "what"]),
        ("officer", _url("plans:my_actions"), ["title", "what"]),
        ("officer", _url("plans:agency_actions", query="?show=all"), ["what", "outcome"]),
        ("chair", _url("plans:overdue"), ["title", "what"]),
        ("officer", lambda w: reverse("home"), []),
    ]
    for reader, url, fields in pages:
        response = signed_in(w[reader]).get(url(w))
        assert response.status_code == 200, url(w)
        assert_shown_as_text(
            response.content.decode(), *[hostile(f) for f in fields], where=f"{reader} at {url(w)}"
        )


def _plan_as_stored(w, **changes) -> dict:
    plan = w["plan"]
    plan.refresh_from_db()
    return {
        "title": plan.title,
        "own_words": plan.own_words,
        "needs": plan.needs,
        "lead_professional": plan.lead_professional_id or "",
        "trusted_person": plan.trusted_person,
        "review_on": plan.review_on.isoformat() if plan.review_on else "",
        "version": plan.version,
        **changes,
    }


# Changes refused on those pages show them again: each is a read too (promise 6).
REFUSALS = {
    "a plan without a title": Refusal(
        READS["editing the plan"], lambda w: _plan_as_stored(w, title="")
    ),
    "a plan edited on a stale version": Refusal(
        READS["editing the plan"],
        lambda w: _plan_as_stored(w, version=w["plan"].version + 1),
        status=409,
    ),
    "an action with nothing to do": Refusal(READS["adding an action"], lambda w: {"what": ""}),
    "an action update without a status": Refusal(
        READS["updating an action"], lambda w: {"status": "", "version": w["action"].version}
    ),
}


@pytest.mark.parametrize("refusal", REFUSALS.values(), ids=REFUSALS.keys())
def test_a_refused_change_that_shows_the_page_again_records_the_read(world, signed_in, refusal):
    assert_refusal_recorded(signed_in(world[refusal.read.reader]), refusal, world)
