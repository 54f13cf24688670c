"""Meetings' forms take any text and any date: refused with a form error and nothing changed,
or saved and shown back exactly, never a server error (SECURITY.md promise 17).

Each example posts one form of the table through its real page as the meeting's chair, with
one free-text field (or one date) replaced by generated text (``core.testing.properties``).
"""

from __future__ import annotations

from datetime import timedelta

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
from frontdoor.meetings import services
from frontdoor.meetings.models import Meeting, MeetingType
from frontdoor.plans.models import Action

pytestmark = pytest.mark.django_db


def _item_page(world, record):
    return reverse("meetings:item", args=[world["item"].pk])


def _fresh_version(world) -> int:
    world["item"].refresh_from_db()
    return world["item"].version


FORMS = {
    "arrange a meeting": TextForm(
        url=lambda w: reverse("meetings:create"),
        poster="client",
        answers=lambda w: {
            "type": MeetingType.STRATEGY,
            "title": "Strategy discussion",
            "held_on_day": "1",
            "held_on_month": "1",
            "held_on_year": str(timezone.localdate().year + 1),
            "starts_at_time": "09:30",
            "chair": w["chair"].pk,
            "agencies": [w["police"].pk],
        },
        record=lambda w: Meeting.objects.order_by("-pk").first(),
        page=lambda w, meeting: reverse("meetings:detail", args=[meeting.pk]),
        texts={"title": (200, "title")},
        dates=(DateInput("held_on", "starts_at", read=lambda m: timezone.localdate(m.starts_at)),),
    ),
    "put a case on the agenda": TextForm(
        url=lambda w: reverse("meetings:item_add", args=[w["meeting"].pk]),
        poster="client",
        answers=lambda w: {"reference": "", "title": "J.S. case 41"},
        record=lambda w: w["meeting"].items.order_by("-pk").first(),
        page=lambda w, item: reverse("meetings:detail", args=[w["meeting"].pk]),
        texts={"title": (200, "title")},
    ),
    "what an agency shared": TextForm(
        url=lambda w: reverse("meetings:item_information", args=[w["item"].pk]),
        poster="client",
        answers=lambda w: {
            "info-agency": w["police"].pk,
            "info-facts": "Two call-outs in May.",
            "info-opinion": "Risk is rising.",
            "info-withheld": "",
        },
        record=lambda w: w["item"].information.order_by("-pk").first(),
        page=_item_page,
        texts={"info-facts": (20000, "facts"), "info-opinion": (20000, "opinion")},
    ),
    "the decisions on a case": TextForm(
        url=lambda w: reverse("meetings:item", args=[w["item"].pk]),
        poster="client",
        answers=lambda w: {
            "decide-decisions": "Refer to MARAC.",
            "decide-version": _fresh_version(w),
        },
        record=lambda w: w["item"],
        page=_item_page,
        texts={"decide-decisions": (20000, "decisions")},
    ),
    "an action on a case": TextForm(
        url=lambda w: reverse("meetings:item_action", args=[w["item"].pk]),
        poster="client",
        answers=lambda w: {
            "what": "Visit the family.",
            "type": Action.Type.DIRECT,
            "owner_agency": w["police"].pk,
            "owner": "",
            "due_on_day": "1",
            "due_on_month": "1",
            "due_on_year": str(timezone.localdate().year + 1),
        },
        record=lambda w: w["item"].actions.order_by("-pk").first(),
        page=_item_page,
        texts={"what": (2000, "what")},
        dates=(DateInput("due_on", "due_on"),),
    ),
}


@pytest.fixture
def world(chair, police):
    meeting = services.meeting_create(
        by=chair,
        type=MeetingType.STRATEGY,
        starts_at=timezone.now() + timedelta(days=2),
        chair=chair,
        title="Strategy discussion",
        agencies=[police],
    )
    item = services.item_add(meeting=meeting, by=chair, contact=None, title="A.B. case 7")
    client = Client()
    sign_in(client, chair)
    return {"chair": chair, "police": police, "meeting": meeting, "item": item, "client": client}


@FEW
@given(case=any_case(FORMS))
@example(case=(("what an agency shared", "info-facts"), ODD_SENTENCE, None))
@example(case=(("the decisions on a case", "decide-decisions"), ODD_SENTENCE, None))
@example(case=(("arrange a meeting", "title"), ODD_SENTENCE, None))
@example(
    case=(("an action on a case", FORMS["an action on a case"].dates[0]), None, ("29", "2", "2028"))
)
def test_meeting_forms_refuse_cleanly_or_round_trip_any_text_and_date(world, case):
    check_case(FORMS, world, case)
