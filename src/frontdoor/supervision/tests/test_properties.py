"""Supervision's forms take any text and any date: refused with a form error and nothing
changed, or saved and shown back exactly, never a server error (SECURITY.md promise 17).

Each example posts one form of the table through its real page, with one free-text field (or
one date) replaced by generated text (``core.testing.properties``): the practitioner being
supervised records a session, edits it and agrees an action; the hub manager sets up a
supervision and ends one. The supervision began on 1 January 2020, so 29 February 2020 and
2024 are dates a session may have been held on; a session, a start and an end after today are
refused with the form's own message.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import example, given

from frontdoor.core.testing.factories import PractitionerFactory, sign_in
from frontdoor.core.testing.properties import (
    FEW,
    ODD_SENTENCE,
    DateInput,
    TextForm,
    any_case,
    check_case,
)
from frontdoor.supervision import services
from frontdoor.supervision.forms import MAX_TEXT
from frontdoor.supervision.models import AgreedAction, Relationship, Session

pytestmark = pytest.mark.django_db

BEGAN = date(2020, 1, 1)
NUMBERS = count(1)


def _parts(day: date, name: str) -> dict:
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def _since_it_began(world) -> tuple[date, date]:
    return BEGAN, timezone.localdate()


def _session_answers(world) -> dict:
    return {
        **_parts(timezone.localdate() - timedelta(days=1), "held_on"),
        "reflections": "We talked about the Quillfeather home visit.",
        "wellbeing": "3",
        "wellbeing_note": "",
        "cases": "",
    }


def _edit_answers(world) -> dict:
    session = world["session"]
    session.refresh_from_db()
    # Always a change of its own, so an edit is never refused as changing nothing.
    return {
        **_session_answers(world),
        "reflections": f"Edited for the {next(NUMBERS)}th time.",
        "version": session.version,
    }


def _action_answers(world) -> dict:
    return {
        "description": "Book the safeguarding refresher.",
        "owner": world["supervisee"].pk,
        **_parts(timezone.localdate() + timedelta(days=14), "due_on"),
    }


def _action_edit_answers(world) -> dict:
    action = world["action"]
    action.refresh_from_db()
    return {**_action_answers(world), "version": action.version}


def _new_pair(world) -> tuple:
    """Two practitioners at the same agency, neither supervised yet."""
    agency = world["supervisee"].agency
    n = next(NUMBERS)
    supervisor = PractitionerFactory(username=f"sup.props.{n}", agency=agency)
    supervisee = PractitionerFactory(username=f"see.props.{n}", agency=agency)
    return supervisor, supervisee


def _set_up_answers(world) -> dict:
    supervisor, supervisee = _new_pair(world)
    return {
        "supervisee": supervisee.pk,
        "supervisor": supervisor.pk,
        **_parts(timezone.localdate(), "started_on"),
    }


def _end_answers(world) -> dict:
    """A supervision set up for this example, current, to be ended."""
    supervisor, supervisee = _new_pair(world)
    world["fresh"] = services.relationship_set_up(
        by=world["manager"], supervisor=supervisor, supervisee=supervisee, started_on=BEGAN
    )
    return _parts(timezone.localdate(), "ended_on")


def _overview(world, record) -> str:
    return reverse("supervision:overview") + f"?agency={world['supervisee'].agency_id}"


def _session_page(world, record) -> str:
    return reverse("supervision:session", args=[record.pk])


SESSION_TEXTS = {
    "reflections": (MAX_TEXT, "reflections"),
    "wellbeing_note": (2000, "wellbeing_note"),
}
# Reflections keep their white space; only Windows line breaks become plain ones.
KEEPS = {"reflections": lambda typed: typed.replace("\r\n", "\n")}
HELD_ON = DateInput(
    "held_on",
    "held_on",
    accepts=_since_it_began,
    future="The date of the session must be today or in the past",
)
DUE_ON = DateInput(
    "due_on",
    "due_on",
    accepts=lambda w: (date(2016, 2, 29), timezone.localdate() + timedelta(days=3660)),
)

FORMS = {
    "record a session": TextForm(
        url=lambda w: reverse("supervision:session_create", args=[w["relationship"].pk]),
        poster="supervisee_client",
        answers=_session_answers,
        record=lambda w: (
            Session.objects.filter(relationship=w["relationship"]).order_by("-pk").first()
        ),
        page=_session_page,
        texts=SESSION_TEXTS,
        dates=(HELD_ON,),
        keeps=KEEPS,
    ),
    "edit a session": TextForm(
        url=lambda w: reverse("supervision:session_edit", args=[w["session"].pk]),
        poster="supervisee_client",
        answers=_edit_answers,
        record=lambda w: w["session"],
        page=_session_page,
        texts=SESSION_TEXTS,
        dates=(HELD_ON,),
        keeps=KEEPS,
    ),
    "agree an action": TextForm(
        url=lambda w: reverse("supervision:action_create", args=[w["session"].pk]),
        poster="supervisee_client",
        answers=_action_answers,
        record=lambda w: AgreedAction.objects.filter(session=w["session"]).order_by("-pk").first(),
        page=lambda w, action: reverse("supervision:session", args=[w["session"].pk]),
        texts={"description": (300, "description")},
        dates=(DUE_ON,),
    ),
    "update an action": TextForm(
        url=lambda w: reverse("supervision:action_edit", args=[w["action"].pk]),
        poster="supervisee_client",
        answers=_action_edit_answers,
        record=lambda w: w["action"],
        page=lambda w, action: reverse("supervision:relationship", args=[w["relationship"].pk]),
        texts={"description": (300, "description")},
        dates=(DUE_ON,),
    ),
    "set up a supervision": TextForm(
        url=lambda w: reverse("supervision:relationship_create"),
        poster="manager_client",
        answers=_set_up_answers,
        record=lambda w: Relationship.objects.order_by("-pk").first(),
        page=_overview,
        dates=(
            DateInput(
                "started_on",
                "started_on",
                accepts=lambda w: (date(1000, 1, 1), timezone.localdate()),
                future="The start date must be today or in the past",
            ),
        ),
    ),
    "end a supervision": TextForm(
        url=lambda w: reverse("supervision:relationship_end", args=[w["fresh"].pk]),
        poster="manager_client",
        answers=_end_answers,
        record=lambda w: w["fresh"],
        page=_overview,
        dates=(
            DateInput(
                "ended_on",
                "ended_on",
                accepts=_since_it_began,
                future="The end date must be today or in the past",
            ),
        ),
    ),
}


@pytest.fixture
def world(hub_manager, supervisor, supervisee):
    relationship = services.relationship_set_up(
        by=hub_manager, supervisor=supervisor, supervisee=supervisee, started_on=BEGAN
    )
    session = services.session_record(
        relationship=relationship,
        by=supervisee,
        held_on=BEGAN + timedelta(days=30),
        reflections="Our first session.",
        wellbeing=3,
    )
    action = services.action_add(
        session=session,
        by=supervisee,
        description="Read the neglect toolkit.",
        owner=supervisee,
        due=timezone.localdate() + timedelta(days=7),
    )
    supervisee_client, manager_client = Client(), Client()
    sign_in(supervisee_client, supervisee)
    sign_in(manager_client, hub_manager)
    return {
        "relationship": relationship,
        "session": session,
        "action": action,
        "supervisee": supervisee,
        "manager": hub_manager,
        "supervisee_client": supervisee_client,
        "manager_client": manager_client,
    }


@FEW
@given(case=any_case(FORMS))
@example(case=(("record a session", "reflections"), ODD_SENTENCE, None))
@example(case=(("edit a session", "wellbeing_note"), ODD_SENTENCE, None))
@example(case=(("agree an action", "description"), ODD_SENTENCE, None))
@example(case=(("update an action", "description"), ODD_SENTENCE, None))
@example(case=(("record a session", HELD_ON), None, ("29", "2", "2024")))
@example(case=(("edit a session", HELD_ON), None, ("29", "2", "2020")))
@example(case=(("record a session", HELD_ON), None, ("29", "2", "2027")))
@example(case=(("record a session", HELD_ON), None, ("30", "2", "2024")))
@example(case=(("record a session", HELD_ON), None, ("1", "1", "2099")))
@example(case=(("agree an action", DUE_ON), None, ("29", "2", "2028")))
@example(
    case=(
        ("set up a supervision", FORMS["set up a supervision"].dates[0]),
        None,
        ("29", "2", "2024"),
    )
)
@example(
    case=(
        ("set up a supervision", FORMS["set up a supervision"].dates[0]),
        None,
        ("1", "1", "2099"),
    )
)
@example(
    case=(("end a supervision", FORMS["end a supervision"].dates[0]), None, ("29", "2", "2024"))
)
@example(
    case=(("end a supervision", FORMS["end a supervision"].dates[0]), None, ("1", "1", "2099"))
)
def test_supervision_forms_refuse_cleanly_or_round_trip_any_text_and_date(world, case):
    check_case(FORMS, world, case)
