"""Reflective supervision, page by page: every read of a supervision record is recorded
(SECURITY.md promise 6) and its free text comes back as text, never as markup (promise 14).

My supervision (the index) and the forms to record a session or add an action show only the
two parties' names and dates, which both parties know; the overview is recorded anyway. Every supervision form ignores the ownership and state
fields it does not have (promise 4)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.core.testing.promises import (
    Read,
    Refusal,
    assert_read_recorded,
    assert_refusal_recorded,
    assert_shown_as_text,
    hostile,
)
from frontdoor.core.testing.smuggling import Smuggled, assert_extras_ignored
from frontdoor.supervision import services
from frontdoor.supervision.models import AgreedAction, Relationship, Session, SupervisionPolicy

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


def _date_parts(name, day) -> dict:
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


@pytest.mark.parametrize(
    "form",
    [
        "relationship_create",
        "relationship_end",
        "session_create",
        "session_edit",
        "action_create",
        "action_edit",
        "frequency",
    ],
)
def test_supervision_forms_ignore_fields_they_do_not_have(
    form, world, signed_in, officer, police, social_care
):
    """Promise 4: who supervises whom, at which agency, who set it up and when it started or
    ended; a session's relationship, author, editor and version; an action's session, editor
    and when it was done; a policy's agency and editor come from the page and the services,
    never from extra posted fields."""
    manager, supervisor, supervisee = world["manager"], world["supervisor"], world["supervisee"]
    relationship, session, action = world["relationship"], world["session"], world["action"]
    today = timezone.localdate()
    newcomer = PractitionerFactory(username="newcomer", agency=social_care)
    other = services.relationship_set_up(
        by=manager, supervisor=supervisor, supervisee=newcomer, started_on=today
    )
    other_session = services.session_record(
        relationship=other,
        by=newcomer,
        held_on=today,
        reflections="Someone else's session.",
        wellbeing=4,
        wellbeing_note="",
    )
    long_ago = "2001-01-01"
    stamps = {"created_at": f"{long_ago}T00:00", "updated_at": f"{long_ago}T00:00"}
    session_words = {
        **_date_parts("held_on", today - timedelta(days=1)),
        "reflections": "We reflected on a strategy discussion.",
        "wellbeing": "4",
        "wellbeing_note": "",
        "cases": "",
    }
    action_words = {
        "description": "Read the neglect toolkit",
        "owner": supervisee.pk,
        **_date_parts("due_on", today + timedelta(days=10)),
    }
    cases = {
        "relationship_create": lambda: Smuggled(
            client=signed_in(manager),
            url=reverse("supervision:relationship_create"),
            data={
                "supervisor": manager.pk,
                "supervisee": PractitionerFactory(username="starter", agency=social_care).pk,
                **_date_parts("started_on", today),
            },
            extras={
                **stamps,
                "agency": police.pk,
                "set_up_by": officer.pk,
                "ended_on": long_ago,
                "reminded_for_due_on": long_ago,
            },
            record=lambda: Relationship.objects.latest("pk"),
            expected={
                "agency": social_care,
                "set_up_by": manager,
                "started_on": today,
                "ended_on": None,
                "reminded_for_due_on": None,
            },
        ),
        "relationship_end": lambda: Smuggled(
            client=signed_in(manager),
            url=reverse("supervision:relationship_end", args=[relationship.pk]),
            data=_date_parts("ended_on", today),
            extras={
                **stamps,
                "supervisor": newcomer.pk,
                "supervisee": officer.pk,
                "agency": police.pk,
                "set_up_by": officer.pk,
                "started_on": long_ago,
            },
            record=lambda: Relationship.objects.get(pk=relationship.pk),
            expected={
                "supervisor": supervisor,
                "supervisee": supervisee,
                "agency": social_care,
                "set_up_by": manager,
                "started_on": relationship.started_on,
                "ended_on": today,
            },
        ),
        "session_create": lambda: Smuggled(
            client=signed_in(supervisee),
            url=reverse("supervision:session_create", args=[relationship.pk]),
            data=session_words,
            extras={
                **stamps,
                "relationship": other.pk,
                "created_by": supervisor.pk,
                "updated_by": supervisor.pk,
                "version": 9,
            },
            record=lambda: Session.objects.latest("pk"),
            expected={
                "relationship": relationship,
                "created_by": supervisee,
                "updated_by": supervisee,
                "version": 1,
            },
        ),
        "session_edit": lambda: Smuggled(
            client=signed_in(supervisee),
            url=reverse("supervision:session_edit", args=[session.pk]),
            data={**session_words, "version": session.version},
            extras={
                **stamps,
                "relationship": other.pk,
                "created_by": newcomer.pk,
                "updated_by": supervisor.pk,
            },
            record=lambda: Session.objects.get(pk=session.pk),
            expected={
                "relationship": relationship,
                "created_by": supervisee,
                "updated_by": supervisee,
                "version": session.version + 1,
            },
        ),
        "action_create": lambda: Smuggled(
            client=signed_in(supervisor),
            url=reverse("supervision:action_create", args=[session.pk]),
            data=action_words,
            extras={
                "session": other_session.pk,
                "updated_by": supervisee.pk,
                "updated_at": stamps["updated_at"],
                "done_at": stamps["updated_at"],
                "version": 9,
            },
            record=lambda: AgreedAction.objects.latest("pk"),
            expected={
                "session": session,
                "updated_by": supervisor,
                "done_at": None,
                "version": 1,
            },
        ),
        "action_edit": lambda: Smuggled(
            client=signed_in(supervisee),
            url=reverse("supervision:action_edit", args=[action.pk]),
            data={**action_words, "version": action.version},
            extras={
                "session": other_session.pk,
                "updated_by": supervisor.pk,
                "updated_at": stamps["updated_at"],
                "done_at": stamps["updated_at"],
            },
            record=lambda: AgreedAction.objects.get(pk=action.pk),
            expected={
                "session": session,
                "updated_by": supervisee,
                "done_at": None,
                "version": action.version + 1,
            },
        ),
        "frequency": lambda: Smuggled(
            client=signed_in(manager),
            url=reverse("supervision:frequency", args=[social_care.pk]),
            data={"frequency_weeks": "6", "version": "0"},  # no policy yet: version 0
            extras={"agency": police.pk, "updated_by": officer.pk, **stamps},
            record=lambda: SupervisionPolicy.objects.get(),
            expected={"agency": social_care, "updated_by": manager, "frequency_weeks": 6},
        ),
    }
    assert_extras_ignored(cases[form]())


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
