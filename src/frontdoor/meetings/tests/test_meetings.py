"""Meetings as a chair and the agencies invited use them."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.testing.smuggling import Smuggled, assert_extras_ignored
from frontdoor.meetings import services
from frontdoor.meetings.models import AgendaItem, Meeting, MeetingType
from frontdoor.plans.models import Action, Plan

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=LONDON)


# The daily risk meeting's agenda fills itself ----------------------------------------------


def test_the_daily_agenda_takes_amber_and_red_contacts_with_a_crime_since_the_last_meeting(
    make_contact, officer, chair, hub_worker
):
    with time_machine.travel(at(23, 10), tick=False):
        yesterday, _ = services.daily_risk_meeting_create(by=chair)
    earlier = make_contact(officer, at=at(23, 9), rag="red")  # before yesterday's meeting
    amber = make_contact(officer, at=at(24, 7, 30), rag="amber")
    red = make_contact(officer, at=at(24, 8, 15), rag="red")
    make_contact(officer, at=at(24, 8, 20), rag="green")
    make_contact(officer, at=at(24, 8, 25), rag="amber", crime=False)
    make_contact(officer, at=at(24, 8, 30))  # sent, not yet rated
    make_contact(officer, at=at(24, 8, 35), send=False)  # a draft

    with time_machine.travel(at(24, 10), tick=False):
        meeting, created = services.daily_risk_meeting_create(by=chair)
        again, created_again = services.daily_risk_meeting_create(by=chair)

    assert created and not created_again and again == meeting
    agenda = [item.contact for item in meeting.items.order_by("order")]
    assert agenda == [red, amber]  # red first, then by time
    assert earlier not in agenda
    assert meeting.items.count() == 2  # asking twice did not add the cases again


def test_a_contact_rated_late_goes_on_the_next_agenda_once(make_contact, officer, chair):
    late = make_contact(officer, at=at(23, 9))  # sent before yesterday's meeting, not rated
    with time_machine.travel(at(23, 10), tick=False):
        first, _ = services.daily_risk_meeting_create(by=chair)
    from frontdoor.referrals import services as referrals

    with time_machine.travel(at(23, 15), tick=False):
        referrals.contact_triage(
            contact=late, by=chair, expected_version=late.version, rag="amber", rationale="Late."
        )
    with time_machine.travel(at(24, 10), tick=False):
        second, _ = services.daily_risk_meeting_create(by=chair)
    with time_machine.travel(at(25, 10), tick=False):
        third, _ = services.daily_risk_meeting_create(by=chair)
    assert not first.items.exists()
    assert [i.contact for i in second.items.all()] == [late]
    assert not third.items.exists()


def test_without_an_earlier_meeting_the_agenda_looks_back_a_day(make_contact, officer, chair):
    make_contact(officer, at=at(22, 9), rag="red")
    recent = make_contact(officer, at=at(23, 11), rag="red")
    with time_machine.travel(at(24, 10), tick=False):
        meeting, _ = services.daily_risk_meeting_create(by=chair)
    assert [i.contact for i in meeting.items.all()] == [recent]


def test_the_chair_creates_todays_meeting_from_the_meetings_page(
    make_contact, officer, chair, signed_in
):
    red = make_contact(officer, at=at(24, 8), rag="red")
    client = signed_in(chair)
    with time_machine.travel(at(24, 10), tick=True):
        response = client.post(reverse("meetings:daily_create"), follow=True)
    assert response.status_code == 200
    assert b"with 1 case on its agenda" in response.content
    assert red.reference.encode() in response.content


# Recording decisions and actions ------------------------------------------------------------


@pytest.fixture
def daily(make_contact, officer, chair, social_care, school):
    contact = make_contact(officer, at=at(24, 8), rag="red")
    with time_machine.travel(at(24, 10), tick=False):
        meeting, _ = services.daily_risk_meeting_create(by=chair)
    meeting.attendance.get_or_create(agency=social_care)
    return meeting, meeting.items.get(contact=contact)


def _action(client, item, *, what, agency, owner=None, type="direct", due="2099-01-31"):
    year, month, day = due.split("-")
    return client.post(
        reverse("meetings:item_action", args=[item.pk]),
        {
            "what": what,
            "type": type,
            "owner_agency": agency.pk,
            "owner": owner.pk if owner else "",
            "due_on_day": day,
            "due_on_month": month,
            "due_on_year": year,
        },
    )


def test_the_chair_records_decisions_and_actions_for_police_social_care_and_the_school(
    daily, chair, police, social_care, school, officer, social_worker, teacher, signed_in
):
    meeting, item = daily
    client = signed_in(chair)
    response = client.post(
        reverse("meetings:item", args=[item.pk]),
        {
            "decide-decisions": "Strategy discussion today; school to support the child.",
            "decide-heard": "on",
            "decide-version": item.version,
        },
    )
    assert response.status_code == 302
    for what, agency, owner, kind in (
        ("Arrest the partner and apply bail conditions", police, officer, "safety"),
        ("Visit the mother today", social_care, social_worker, "direct"),
        ("Check in with the child each morning", school, teacher, "direct"),
    ):
        assert (
            _action(client, item, what=what, agency=agency, owner=owner, type=kind).status_code
            == 302
        )

    item.refresh_from_db()
    assert item.decisions.startswith("Strategy discussion today")
    assert item.heard_at is not None
    assert item.actions.count() == 3
    # One plan for the case, made from its contact, holds all three actions.
    plan = Plan.objects.get(contact=item.contact)
    assert plan.actions.count() == 3
    # Each owner, and each owner's agency, finds their action.
    school_action = Action.objects.get(owner_agency=school)
    assert school_action.owner == teacher and school_action.what.startswith("Check in")
    assert Action.objects.filter(owner=officer).get().owner_agency == police
    assert Action.objects.filter(owner=social_worker).get().type == Action.Type.DIRECT
    page = client.get(reverse("meetings:item", args=[item.pk]))
    assert b"Check in with the child each morning" in page.content


def test_an_action_given_to_someone_at_another_agency_is_refused(
    daily, chair, school, officer, signed_in
):
    meeting, item = daily
    response = _action(signed_in(chair), item, what="Do it", agency=school, owner=officer)
    assert response.status_code == 422
    assert b"Select someone who works for Riverside Primary School" in response.content
    assert not Action.objects.exists()


def test_only_the_chair_records(daily, social_worker, signed_in):
    meeting, item = daily
    client = signed_in(social_worker)  # their agency is invited: they see it but cannot record
    assert client.get(reverse("meetings:item", args=[item.pk])).status_code == 200
    response = client.post(
        reverse("meetings:item", args=[item.pk]),
        {"decide-decisions": "Mine", "decide-version": item.version},
    )
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.decisions == ""


def test_information_shared_keeps_fact_apart_from_opinion(daily, chair, police, signed_in):
    meeting, item = daily
    client = signed_in(chair)
    response = client.post(
        reverse("meetings:item_information", args=[item.pk]),
        {
            "info-agency": police.pk,
            "info-facts": "Three call-outs to the address since June.",
            "info-opinion": "We think the risk is rising.",
            "info-withheld": "Intelligence source details: could identify a witness.",
        },
    )
    assert response.status_code == 302
    shared = item.information.get()
    assert shared.facts == "Three call-outs to the address since June."
    assert shared.opinion == "We think the risk is rising."
    missing = client.post(
        reverse("meetings:item_information", args=[item.pk]),
        {"info-agency": police.pk, "info-opinion": "Only an opinion"},
    )
    assert missing.status_code == 422
    assert b"Enter the facts the agency shared" in missing.content
    assert item.information.count() == 1


# Version conflicts ----------------------------------------------------------------------------


def test_two_chairs_saving_the_same_case_do_not_overwrite_each_other(daily, chair, signed_in):
    meeting, item = daily
    client = signed_in(chair)
    url = reverse("meetings:item", args=[item.pk])
    first = client.post(url, {"decide-decisions": "First", "decide-version": item.version})
    second = client.post(url, {"decide-decisions": "Second", "decide-version": item.version})
    assert first.status_code == 302
    assert second.status_code == 409
    assert b"Someone else changed this case" in second.content
    item.refresh_from_db()
    assert item.decisions == "First"


def test_a_stale_attendance_form_is_refused(daily, chair, signed_in):
    meeting, item = daily
    client = signed_in(chair)
    row = meeting.attendance.first()
    url = reverse("meetings:attendance", args=[meeting.pk])
    data = {f"present_{row.pk}": "on", f"name_{row.pk}": "A. Person", "version": meeting.version}
    assert client.post(url, data).status_code == 302
    stale = client.post(url, {**data, f"name_{row.pk}": "Someone else"})
    assert stale.status_code == 409
    row.refresh_from_db()
    assert row.attendee_name == "A. Person"


# Minutes ------------------------------------------------------------------------------------


def _issue(client, meeting):
    meeting.refresh_from_db()
    return client.post(
        reverse("meetings:issue_minutes", args=[meeting.pk]), {"version": meeting.version}
    )


def test_minutes_are_shared_only_with_the_agencies_invited(
    daily, chair, social_worker, teacher, housing_officer, hub_worker, signed_in
):
    meeting, item = daily
    row = meeting.attendance.get(agency=chair.agency)
    services.attendance_update(
        meeting=meeting,
        by=chair,
        expected_version=meeting.version,
        changes=[services.AttendanceChange(row.pk, True, "Jo Chair", False)],
    )
    assert _issue(signed_in(chair), meeting).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.MINUTES_ISSUED
    url = reverse("meetings:minutes", args=[meeting.pk])
    from django.test import Client

    from frontdoor.core.testing.factories import sign_in

    def status_for(practitioner) -> int:
        client = Client()
        sign_in(client, practitioner)
        return client.get(url).status_code

    assert status_for(social_worker) == 200  # social care was invited
    assert status_for(hub_worker) == 200  # the hub sees the front-door case on the agenda
    assert status_for(teacher) == 404  # the school was not invited
    assert status_for(housing_officer) == 404


def test_the_minutes_separate_could_not_from_did_not(daily, chair, police, school, signed_in):
    meeting, item = daily
    client = signed_in(chair)
    for what in ("Done one", "Could not one", "Did not one", "Open one"):
        _action(client, item, what=what, agency=police if "one" in what else school)
    statuses = {
        "Done one": Action.Status.DONE,
        "Could not one": Action.Status.COULD_NOT,
        "Did not one": Action.Status.NOT_DONE,
    }
    for what, status in statuses.items():
        Action.objects.filter(what=what).update(status=status)
    groups = {
        key: [a.what for a in actions] for key, _, actions in services.actions_by_outcome(meeting)
    }
    assert groups == {
        "done": ["Done one"],
        "could_not": ["Could not one"],
        "not_done": ["Did not one"],
        "open": ["Open one"],
    }
    page = client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    assert page.index("Could not be done") < page.index("Could not one") < page.index("Not done")
    assert "Print or save as PDF" in page


def test_issued_minutes_cannot_change(daily, chair, signed_in):
    meeting, item = daily
    row = meeting.attendance.get(agency=chair.agency)
    services.attendance_update(
        meeting=meeting,
        by=chair,
        expected_version=meeting.version,
        changes=[services.AttendanceChange(row.pk, True, "", False)],
    )
    client = signed_in(chair)
    assert _issue(client, meeting).status_code == 302
    item.refresh_from_db()
    response = client.post(
        reverse("meetings:item", args=[item.pk]),
        {"decide-decisions": "Late change", "decide-version": item.version},
    )
    assert response.status_code == 422
    item.refresh_from_db()
    assert item.decisions == ""


def test_minutes_cannot_be_issued_before_anyone_is_recorded_present(daily, chair, signed_in):
    meeting, item = daily
    response = _issue(signed_in(chair), meeting)
    assert response.status_code == 422
    assert b"Record who took part before issuing the minutes" in response.content
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED


# Audit ----------------------------------------------------------------------------------------


def test_reading_minutes_and_cases_and_recording_are_audited(
    daily, chair, social_worker, signed_in
):
    meeting, item = daily
    client = signed_in(social_worker)
    before = AuditEvent.objects.count()
    client.get(reverse("meetings:minutes", args=[meeting.pk]))
    read = AuditEvent.objects.order_by("-id").first()
    assert AuditEvent.objects.count() == before + 1
    assert (read.verb, read.object_type, read.object_id) == (
        Verb.VIEW,
        "meetings.meeting",
        str(meeting.pk),
    )
    assert read.actor == social_worker and read.reason == "Read the minutes of a meeting"
    client.get(reverse("meetings:item", args=[item.pk]))
    read = AuditEvent.objects.order_by("-id").first()
    assert (read.verb, read.object_type) == (Verb.VIEW, "meetings.agendaitem")
    chair_client = signed_in(chair)
    chair_client.post(
        reverse("meetings:item", args=[item.pk]),
        {"decide-decisions": "Decided", "decide-version": item.version},
    )
    change = AuditEvent.objects.order_by("-id").first()
    assert (change.verb, change.actor) == (Verb.CHANGE, chair)


def test_a_refused_view_is_not_audited_and_shows_nothing(daily, teacher, signed_in):
    meeting, item = daily
    before = AuditEvent.objects.count()
    response = signed_in(teacher).get(reverse("meetings:item", args=[item.pk]))
    assert response.status_code == 404
    assert item.contact.reference.encode() not in response.content
    assert AuditEvent.objects.count() == before


# MARAC ----------------------------------------------------------------------------------------


@pytest.fixture
def marac(chair, police, social_care):
    return services.meeting_create(
        by=chair,
        type=MeetingType.MARAC,
        starts_at=at(26, 10),
        chair=chair,
        title="Testshire MARAC",
        agencies=[police, social_care],
    )


def test_at_marac_attendees_acknowledge_the_confidentiality_statement(marac, chair, social_care):
    assert marac.confidentiality_required
    row = marac.attendance.get(agency=social_care)
    with pytest.raises(ValidationError, match="confidentiality statement"):
        services.attendance_update(
            meeting=marac,
            by=chair,
            expected_version=marac.version,
            changes=[services.AttendanceChange(row.pk, True, "Sam", False)],
        )
    row.refresh_from_db()
    assert not row.present
    services.attendance_update(
        meeting=marac,
        by=chair,
        expected_version=marac.version,
        changes=[services.AttendanceChange(row.pk, True, "Sam", True)],
    )
    row.refresh_from_db()
    assert row.present and row.confidentiality_acknowledged_at is not None


def test_at_marac_cases_with_children_are_heard_first(marac, chair):
    first = services.item_add(meeting=marac, by=chair, title="Case AB (no children)")
    second = services.item_add(meeting=marac, by=chair, title="Case CD", children_involved=True)
    third = services.item_add(meeting=marac, by=chair, title="Case EF (no children)")
    order = [i.pk for i in AgendaItem.objects.filter(meeting=marac).order_by("order")]
    assert order == [second.pk, first.pk, third.pk]
    assert [i.pk for i in services.hearing_order(marac.items.all(), marac.type)] == order


def test_other_meeting_types_may_ask_for_the_statement(chair):
    meeting = services.meeting_create(
        by=chair,
        type=MeetingType.PRACTITIONER_PANEL,
        starts_at=at(26, 14),
        chair=chair,
        confidentiality_required=True,
    )
    plain = services.meeting_create(
        by=chair, type=MeetingType.STRATEGY, starts_at=at(26, 15), chair=chair
    )
    assert meeting.confidentiality_required and not plain.confidentiality_required


# Arranging meetings, the list and My work -----------------------------------------------------


def test_a_chair_arranges_a_meeting_and_bad_input_changes_nothing(chair, social_care, signed_in):
    client = signed_in(chair)
    bad = client.post(reverse("meetings:create"), {"type": "marac", "starts_at_time": "25:99"})
    assert bad.status_code == 422
    assert b"Enter the date of the meeting" in bad.content
    assert not Meeting.objects.exists()
    good = client.post(
        reverse("meetings:create"),
        {
            "type": "cp_conference",
            "title": "Initial child protection conference",
            "held_on_day": "30",
            "held_on_month": "11",
            "held_on_year": "2026",
            "starts_at_time": "14:30",
            "chair": chair.pk,
            "agencies": [social_care.pk],
        },
    )
    meeting = Meeting.objects.get()
    assert good.status_code == 302
    assert meeting.starts_at == at(30, 14, 30)
    assert set(meeting.attendance.values_list("agency__name", flat=True)) == {
        chair.agency.name,
        social_care.name,
    }


def test_the_list_and_my_work_show_only_meetings_the_practitioner_may_see(
    daily, chair, social_worker, teacher, signed_in
):
    meeting, item = daily
    with time_machine.travel(at(24, 12), tick=False):
        from frontdoor.meetings.work import meeting_panels

        chair_panels = meeting_panels(chair)
        assert chair_panels[0].title == "Your meetings this week"
        assert "you chair 1" in chair_panels[0].summary
        assert meeting_panels(teacher) == []
    listed = signed_in(social_worker).get(reverse("meetings:list"))
    assert str(meeting).encode() in listed.content
    hidden = signed_in(teacher).get(reverse("meetings:list"))
    assert str(meeting).encode() not in hidden.content


def test_nothing_is_written_when_the_audit_fails(daily, chair, monkeypatch):
    meeting, item = daily

    def broken(**kwargs):
        raise RuntimeError("audit store down")

    monkeypatch.setattr(services, "audit_record", broken)
    with pytest.raises(RuntimeError):
        services.item_record(
            item=item, by=chair, expected_version=item.version, decisions="Lost", heard=False
        )
    item.refresh_from_db()
    assert item.decisions == ""


def test_a_due_date_in_the_past_is_refused(daily, chair, police):
    meeting, item = daily
    with pytest.raises(ValidationError):
        services.action_record(
            item=item,
            by=chair,
            what="Too late",
            type="direct",
            owner_agency=police,
            owner=None,
            due_on=at(1, 9).date() - timedelta(days=400),
        )
    assert not Action.objects.exists()


def test_my_work_shows_the_chair_their_meetings_this_week(daily, chair, signed_in):
    meeting, item = daily
    with time_machine.travel(at(24, 12), tick=True):
        page = signed_in(chair).get(reverse("home")).content.decode()
    assert "Your meetings this week" in page
    assert str(meeting) in page


def test_attendance_rows_of_another_meeting_cannot_be_changed(daily, marac, chair, signed_in):
    meeting, item = daily
    other = marac.attendance.first()
    client = signed_in(chair)
    response = client.post(
        reverse("meetings:attendance", args=[meeting.pk]),
        {f"present_{other.pk}": "on", f"ack_{other.pk}": "on", "version": meeting.version},
    )
    assert response.status_code == 302
    other.refresh_from_db()
    assert not other.present and other.confidentiality_acknowledged_at is None


# Promise 4: forms ignore fields they do not have -------------------------------------------

_LONG_AGO = "2001-01-01T00:00"


def _present(meeting, chair):
    row = meeting.attendance.first()
    services.attendance_update(
        meeting=meeting,
        by=chair,
        expected_version=meeting.version,
        changes=[services.AttendanceChange(row.pk, True, "A. Person", True)],
    )
    meeting.refresh_from_db()
    return row


@pytest.mark.parametrize(
    "form",
    ["create", "item_add", "decisions", "information", "item_action", "attendance", "minutes"],
)
def test_meeting_forms_ignore_fields_they_do_not_have(
    form, daily, marac, make_contact, chair, teacher, school, police, social_care, signed_in
):
    """Promise 4: a meeting's status, author, minute-issuer and version; a case's meeting,
    contact and hearing; shared information's item, agency and recorder; an action's status and
    author; an attendance row's meeting and agency come from the page and the services, never
    from extra posted fields."""
    meeting, item = daily
    other_item = services.item_add(meeting=marac, by=chair, title="Another case")
    elsewhere = make_contact(teacher, at=at(24, 9))
    other_plan = Plan.objects.create(title="Another plan", own_words="Other words")
    client = signed_in(chair)
    someone_else = {
        "created_by": teacher.pk,
        "recorded_by": teacher.pk,
        "minutes_issued_by": teacher.pk,
        "minutes_issued_at": _LONG_AGO,
        "recorded_at": _LONG_AGO,
        "heard_at": _LONG_AGO,
        "completed_at": _LONG_AGO,
    }
    day = timezone.localdate() + timedelta(days=7)
    cases = {
        "create": lambda: Smuggled(
            client=client,
            url=reverse("meetings:create"),
            data={
                "type": "strategy",
                "held_on_day": day.day,
                "held_on_month": day.month,
                "held_on_year": day.year,
                "starts_at_time": "14:30",
                "chair": chair.pk,
                "agencies": [social_care.pk],
            },
            extras={**someone_else, "status": "minutes_issued", "version": 9},
            record=lambda: Meeting.objects.latest("pk"),
            expected={
                "status": "planned",
                "created_by": chair,
                "minutes_issued_by": None,
                "minutes_issued_at": None,
                "version": 1,
            },
        ),
        "item_add": lambda: Smuggled(
            client=client,
            url=reverse("meetings:item_add", args=[meeting.pk]),
            data={"title": "Case GH", "reference": ""},
            extras={
                **someone_else,
                "meeting": marac.pk,
                "contact": elsewhere.pk,
                "decisions": "Forged",
                "version": 9,
            },
            record=lambda: AgendaItem.objects.latest("pk"),
            expected={
                "meeting": meeting,
                "contact": None,
                "person": None,
                "heard_at": None,
                "decisions": "",
                "version": 1,
            },
        ),
        "decisions": lambda: Smuggled(
            client=client,
            url=reverse("meetings:item", args=[item.pk]),
            data={"decide-decisions": "Strategy discussion", "decide-version": item.version},
            extras={
                **someone_else,
                "meeting": marac.pk,
                "contact": elsewhere.pk,
                "title": "Forged",
                "children_involved": "on",
            },
            prefix="decide",
            record=lambda: AgendaItem.objects.get(pk=item.pk),
            expected={
                "meeting": meeting,
                "contact": item.contact,
                "heard_at": None,
                "title": item.title,
                "children_involved": item.children_involved,
            },
        ),
        "information": lambda: Smuggled(
            client=client,
            url=reverse("meetings:item_information", args=[item.pk]),
            data={"info-agency": police.pk, "info-facts": "Two call-outs.", "info-opinion": ""},
            extras={**someone_else, "item": other_item.pk},
            prefix="info",
            record=lambda: item.information.get(),
            expected={"item": item, "agency": police, "recorded_by": chair},
        ),
        "item_action": lambda: Smuggled(
            client=client,
            url=reverse("meetings:item_action", args=[item.pk]),
            data={
                "what": "Visit",
                "type": "direct",
                "owner_agency": school.pk,
                "owner": "",
                "due_on_day": "31",
                "due_on_month": "1",
                "due_on_year": "2099",
            },
            extras={**someone_else, "status": "done", "version": 9, "plan": other_plan.pk},
            record=lambda: Action.objects.latest("pk"),
            expected={
                "status": "open",
                "created_by": chair,
                "completed_at": None,
                "version": 1,
                "plan.contact": item.contact,
            },
        ),
        "attendance": lambda: Smuggled(
            client=client,
            url=reverse("meetings:attendance", args=[meeting.pk]),
            data={
                f"present_{meeting.attendance.first().pk}": "on",
                f"name_{meeting.attendance.first().pk}": "A. Person",
                "version": meeting.version,
            },
            extras={
                **someone_else,
                "meeting": marac.pk,
                "agency": school.pk,
                "attendee": teacher.pk,
                "status": "minutes_issued",
            },
            record=lambda: meeting.attendance.first(),
            expected={
                "meeting": meeting,
                "agency": meeting.attendance.first().agency,
                "attendee": None,
            },
        ),
        "minutes": lambda: Smuggled(
            client=client,
            url=reverse("meetings:issue_minutes", args=[meeting.pk]),
            data={"version": _present(meeting, chair) and meeting.version},
            extras={**someone_else, "chair": teacher.pk, "type": "marac", "title": "Forged"},
            record=lambda: Meeting.objects.get(pk=meeting.pk),
            expected={
                "status": "minutes_issued",
                "minutes_issued_by": chair,
                "chair": chair,
                "created_by": chair,
                "type": meeting.type,
                "title": meeting.title,
            },
        ),
    }
    assert_extras_ignored(cases[form]())
