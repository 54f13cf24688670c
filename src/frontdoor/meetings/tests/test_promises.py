"""Meetings and MARAC, page by page: every read of personal data is recorded (SECURITY.md
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
from frontdoor.meetings import marac, services
from frontdoor.meetings.models import Checklist, DashAssessment, MeetingType
from frontdoor.meetings.services import AttendanceChange
from frontdoor.plans.models import Action

from .test_marac import idva, idva_service  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def _world(chair, officer, idva, police, make_contact, text) -> dict:  # noqa: F811
    """A strategy meeting with a case, what police shared, a decision, an action and who
    attended; a DASH referred to a MARAC, and police research on that MARAC case. ``text``
    gives the free text of each field, by the field's name."""
    contact = make_contact(officer, at=timezone.now() - timedelta(hours=1))
    meeting = services.meeting_create(
        by=chair,
        type=MeetingType.STRATEGY,
        starts_at=timezone.now() + timedelta(hours=2),
        chair=chair,
        title=text("meeting title"),
        agencies=[police],
    )
    item = services.item_add(meeting=meeting, by=chair, contact=contact, title=text("item title"))
    services.information_add(
        item=item,
        by=chair,
        agency=police,
        facts=text("facts"),
        opinion=text("opinion"),
        withheld=text("withheld"),
    )
    item = services.item_record(
        item=item, by=chair, expected_version=item.version, decisions=text("decisions"), heard=True
    )
    services.action_record(
        item=item,
        by=chair,
        what=text("action"),
        type=Action.Type.DIRECT,
        owner_agency=police,
        owner=officer,
        due_on=timezone.localdate() + timedelta(days=7),
    )
    meeting.refresh_from_db()
    row = meeting.attendance.get()
    services.attendance_update(
        meeting=meeting,
        by=chair,
        expected_version=meeting.version,
        changes=[
            AttendanceChange(
                attendance_id=row.pk,
                present=True,
                attendee_name=text("attendee"),
                acknowledged=False,
            )
        ],
    )
    assessment = marac.dash_complete(
        by=idva,
        checklist=Checklist.objects.get(slug="safelives-dash-2009"),
        victim_name=text("victim name"),
        completed_as=DashAssessment.CompletedAs.IDVA,
        completed_on=timezone.localdate(),
        answers={n: "yes" for n in range(1, 25)},
        victim_comments=text("victim comments"),
        professional_judgement=True,
        judgement_reason=text("judgement"),
    )
    marac_meeting = services.meeting_create(
        by=chair,
        type=MeetingType.MARAC,
        starts_at=timezone.now() + timedelta(days=7),
        chair=chair,
        title="Testshire MARAC",
        agencies=[police],
    )
    case = marac.marac_refer(
        assessment=assessment,
        by=idva,
        meeting=marac_meeting,
        idva_name=text("IDVA"),
        idva_service=text("IDVA service"),
        victim_views=text("victim views"),
    )
    marac.research_record(
        item=case.item,
        by=officer,
        facts=text("research facts"),
        opinion=text("research opinion"),
        withheld=text("research withheld"),
    )
    return {
        "chair": chair,
        "officer": officer,
        "idva": idva,
        "meeting": meeting,
        "item": item,
        "assessment": assessment,
        "marac_item": case.item,
    }


@pytest.fixture
def world(chair, officer, idva, police, make_contact):  # noqa: F811
    return _world(chair, officer, idva, police, make_contact, lambda field: f"Quillfeather {field}")


def _url(name, key=None):
    return lambda w: reverse(name, args=[w[key].pk] if key else [])


READS = {
    "meetings list": Read(
        _url("meetings:list"),
        "chair",
        lambda w: ("meetings.meeting", "list"),
        lambda w: "Quillfeather meeting title",
    ),
    "meeting": Read(
        _url("meetings:detail", "meeting"),
        "chair",
        lambda w: w["meeting"],
        lambda w: "Quillfeather item title",
    ),
    "attendance": Read(
        _url("meetings:attendance", "meeting"),
        "chair",
        lambda w: w["meeting"],
        lambda w: "Quillfeather attendee",
    ),
    "minutes": Read(
        _url("meetings:minutes", "meeting"),
        "officer",
        lambda w: w["meeting"],
        lambda w: "Quillfeather decisions",
    ),
    "case": Read(
        _url("meetings:item", "item"),
        "officer",
        lambda w: w["item"],
        lambda w: "Quillfeather facts",
    ),
    "new action on a case": Read(
        _url("meetings:item_action", "item"),
        "chair",
        lambda w: w["item"],
        lambda w: "Quillfeather item title",
    ),
    "MARAC case": Read(
        _url("meetings:item", "marac_item"),
        "chair",
        lambda w: w["marac_item"],
        lambda w: "Quillfeather victim views",
    ),
    "MARAC research": Read(
        _url("meetings:research", "marac_item"),
        "officer",
        lambda w: w["marac_item"],
        lambda w: "Quillfeather victim name",
    ),
    "DASH list": Read(
        _url("meetings:dash_list"),
        "idva",
        lambda w: ("meetings.dashassessment", ""),
        lambda w: "Quillfeather victim name",
    ),
    "DASH": Read(
        _url("meetings:dash", "assessment"),
        "idva",
        lambda w: w["assessment"],
        lambda w: "Quillfeather victim comments",
    ),
}


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_each_meeting_page_with_personal_data_records_its_read(world, signed_in, read):
    assert_read_recorded(signed_in(world[read.reader]), read, world)


def test_hostile_text_in_every_meeting_and_marac_field_is_shown_as_text(
    chair,
    officer,
    idva,  # noqa: F811
    police,
    make_contact,
    signed_in,
):
    w = _world(chair, officer, idva, police, make_contact, hostile)
    meeting_fields = ["meeting title", "item title", "facts", "opinion", "withheld", "decisions"]
    marac_fields = ["IDVA", "IDVA service", "victim views", "research facts", "research opinion"]
    pages = [
        ("chair", "meetings:list", None, ["meeting title"]),
        ("chair", "meetings:detail", "meeting", ["meeting title", "item title", "attendee"]),
        ("chair", "meetings:attendance", "meeting", ["meeting title", "attendee"]),
        ("officer", "meetings:minutes", "meeting", [*meeting_fields, "action", "attendee"]),
        ("officer", "meetings:item", "item", [*meeting_fields, "action"]),
        ("chair", "meetings:item_action", "item", ["meeting title", "item title"]),
        ("chair", "meetings:item", "marac_item", [*marac_fields, "research withheld"]),
        ("officer", "meetings:research", "marac_item", ["victim name"]),
        ("idva", "meetings:dash_list", None, ["victim name"]),
        ("idva", "meetings:dash", "assessment", ["victim name", "victim comments", "judgement"]),
        ("chair", "plans:plan", None, ["action"]),
    ]
    for reader, name, key, fields in pages:
        if name == "plans:plan":
            url = reverse(name, args=[w["item"].actions.get().plan_id])
        else:
            url = reverse(name, args=[w[key].pk] if key else [])
        response = signed_in(w[reader]).get(url)
        assert response.status_code == 200, url
        assert_shown_as_text(
            response.content.decode(), *[hostile(f) for f in fields], where=f"{reader} at {url}"
        )


def _posted_to(name, key):
    return lambda w: reverse(name, args=[w[key].pk])


# Changes refused on those pages show them again: each is a read too (promise 6).
REFUSALS = {
    "decisions too long": Refusal(
        Read(
            _url("meetings:item", "item"),
            "chair",
            lambda w: w["item"],
            lambda w: "Quillfeather facts",
        ),
        lambda w: {"decide-decisions": "x" * 20_001, "decide-version": w["item"].version},
    ),
    "decisions on a stale version": Refusal(
        Read(
            _url("meetings:item", "item"),
            "chair",
            lambda w: w["item"],
            lambda w: "Quillfeather facts",
        ),
        lambda w: {"decide-decisions": "Refer on.", "decide-version": w["item"].version + 1},
        status=409,
    ),
    "information without facts": Refusal(
        Read(
            _url("meetings:item", "item"),
            "chair",
            lambda w: w["item"],
            lambda w: "Quillfeather facts",
        ),
        lambda w: {"info-agency": "", "info-facts": "", "info-opinion": "An opinion alone."},
        url=_posted_to("meetings:item_information", "item"),
    ),
    "an empty agenda line": Refusal(
        Read(
            _url("meetings:detail", "meeting"),
            "chair",
            lambda w: w["meeting"],
            lambda w: "Quillfeather item title",
        ),
        lambda w: {"reference": "", "title": ""},
        url=_posted_to("meetings:item_add", "meeting"),
    ),
    "an action with nothing to do": Refusal(
        READS["new action on a case"], lambda w: {"what": "", "type": "direct"}
    ),
    "a DASH referral to no meeting": Refusal(
        READS["DASH"],
        lambda w: {"meeting": ""},
        url=_posted_to("meetings:dash_refer", "assessment"),
    ),
}


@pytest.mark.parametrize("refusal", REFUSALS.values(), ids=REFUSALS.keys())
def test_a_refused_change_that_shows_the_page_again_records_the_read(world, signed_in, refusal):
    assert_refusal_recorded(signed_in(world[refusal.read.reader]), refusal, world)
