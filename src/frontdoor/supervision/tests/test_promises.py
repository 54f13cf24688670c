"""Reflective supervision, page by page: every read of a supervision record is recorded
(SECURITY.md promise 6) and its free text comes back as text, never as markup (promise 14).

My supervision (the index) and the forms to record a session or add an action show only the
two parties' names and dates, which both parties know; the overview is recorded anyway."""

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
from frontdoor.supervision import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_world(relationship, supervisor, supervisee, hub_manager):
    """A session the supervisee recorded and then edited, with an agreed action; ``text``
    gives the free text of each field, by the field's name."""

    def make(text) -> dict:
        session = services.session_record(
            relationship=relationship,
            by=supervisee,
            held_on=timezone.localdate() - timedelta(days=2),
            reflections=text("first reflections"),
            wellbeing=3,
            wellbeing_note=text("first wellbeing note"),
        )
        session = services.session_edit(
            session=session,
            by=supervisor,
            base_version=session.version,
            held_on=session.held_on,
            reflections=text("reflections"),
            wellbeing=3,
            wellbeing_note=text("wellbeing note"),
        )
        action = services.action_add(
            session=session,
            by=supervisor,
            description=text("action"),
            owner=supervisee,
            due=timezone.localdate() + timedelta(days=14),
        )
        return {
            "relationship": relationship,
            "session": session,
            "action": action,
            "supervisor": supervisor,
            "supervisee": supervisee,
            "manager": hub_manager,
        }

    return make


@pytest.fixture
def world(make_world):
    return make_world(lambda field: f"Quillfeather {field}")


def _url(name, key=None):
    return lambda w: reverse(name, args=[w[key].pk] if key else [])


READS = {
    "supervision record": Read(
        _url("supervision:relationship", "relationship"),
        "supervisee",
        lambda w: w["relationship"],
        lambda w: "Quillfeather action",
    ),
    "session": Read(
        _url("supervision:session", "session"),
        "supervisor",
        lambda w: w["session"],
        lambda w: "Quillfeather reflections",
    ),
    "editing a session": Read(
        _url("supervision:session_edit", "session"),
        "supervisee",
        lambda w: w["session"],
        lambda w: "Quillfeather wellbeing note",
    ),
    "a session's changes": Read(
        _url("supervision:session_changes", "session"),
        "supervisee",
        lambda w: w["session"],
        lambda w: "first",
    ),
    "agreed action": Read(
        _url("supervision:action_edit", "action"),
        "supervisee",
        lambda w: w["action"],
        lambda w: "Quillfeather action",
    ),
    "overview for a manager": Read(
        _url("supervision:overview"),
        "manager",
        lambda w: ("supervision.overview", str(w["supervisee"].agency_id)),
        lambda w: str(w["supervisee"]),
    ),
}


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_each_supervision_page_with_personal_data_records_its_read(world, signed_in, read):
    assert_read_recorded(signed_in(world[read.reader]), read, world)


def test_hostile_text_in_every_supervision_field_is_shown_as_text(make_world, signed_in):
    w = make_world(hostile)
    now = ["reflections", "wellbeing note"]
    pages = [
        ("supervisee", _url("supervision:relationship", "relationship"), ["action"]),
        ("supervisor", _url("supervision:session", "session"), [*now, "action"]),
        ("supervisee", _url("supervision:session_edit", "session"), now),
        ("supervisee", _url("supervision:session_changes", "session"), []),
        ("supervisee", _url("supervision:action_edit", "action"), ["action"]),
        ("supervisee", _url("supervision:index"), []),
    ]
    for reader, url, fields in pages:
        response = signed_in(w[reader]).get(url(w))
        assert response.status_code == 200, url(w)
        assert_shown_as_text(
            response.content.decode(), *[hostile(f) for f in fields], where=f"{reader} at {url(w)}"
        )


def _session_as_stored(w, **changes) -> dict:
    session = w["session"]
    session.refresh_from_db()
    return {
        "held_on_day": session.held_on.day,
        "held_on_month": session.held_on.month,
        "held_on_year": session.held_on.year,
        "reflections": session.reflections,
        "wellbeing": session.wellbeing,
        "wellbeing_note": session.wellbeing_note,
        "cases": "",
        "version": session.version,
        **changes,
    }


# Changes refused on those pages show them again: each is a read too (promise 6).
REFUSALS = {
    "a session on an impossible date": Refusal(
        READS["editing a session"],
        lambda w: _session_as_stored(w, held_on_day="31", held_on_month="2"),
    ),
    "a session edited on a stale version": Refusal(
        READS["editing a session"],
        lambda w: _session_as_stored(w, version=w["session"].version + 1),
        status=409,
    ),
}


@pytest.mark.parametrize("refusal", REFUSALS.values(), ids=REFUSALS.keys())
def test_a_refused_change_that_shows_the_page_again_records_the_read(world, signed_in, refusal):
    assert_refusal_recorded(signed_in(world[refusal.read.reader]), refusal, world)
