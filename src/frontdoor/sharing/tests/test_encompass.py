"""Operation Encompass: the police tell a child's school before the next school day.

Issue 5, item 4 (Domestic Abuse Act 2021 s.49A); SECURITY.md promises 1, 2, 6, 7 and 18.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.models import OutboxMessage
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory, sign_in
from frontdoor.core.testing.smuggling import Smuggled, assert_extras_ignored
from frontdoor.core.work import my_work
from frontdoor.sharing import encompass
from frontdoor.sharing.models import EncompassNotification, SchoolHoliday

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
FRIDAY_NIGHT = datetime(2026, 3, 6, 23, 10, tzinfo=LONDON)  # a Friday in term time
RECORDED = datetime(2026, 3, 6, 23, 40, tzinfo=LONDON)
MONDAY_START = datetime(2026, 3, 9, 8, 30, tzinfo=LONDON)
TUESDAY_START = datetime(2026, 3, 10, 8, 30, tzinfo=LONDON)
HOSTILE = '<script>alert("owned")</script>'


# People and places ------------------------------------------------------------------------


@pytest.fixture
def school(db):
    return AgencyFactory(name="Testbrook Primary School", sector="education")


@pytest.fixture
def other_school(db):
    return AgencyFactory(name="Elmvale High School", sector="education")


@pytest.fixture
def dsl(school):
    return PractitionerFactory(
        username="dsl", agency=school, job_title="Designated Safeguarding Lead"
    )


@pytest.fixture
def deputy(school):
    return PractitionerFactory(
        username="deputy", agency=school, job_title="Deputy DSL and Year 6 teacher"
    )


@pytest.fixture
def teacher(school):
    return PractitionerFactory(username="teacher", agency=school, job_title="Class teacher")


@pytest.fixture
def other_dsl(other_school):
    return PractitionerFactory(
        username="otherdsl", agency=other_school, job_title="Designated Safeguarding Lead"
    )


def client_for(practitioner) -> Client:
    client = Client()
    sign_in(client, practitioner)
    return client


def form_data(for_school, **changes) -> dict:
    data = {
        "police_reference": "RR-2026-0306-118",
        "occurred_date": "6/3/2026",
        "occurred_time": "23:10",
        "location": "The family home, Testbrook",
        "child_given_names": "Ada",
        "child_family_name": "Testbrook",
        "child_date_of_birth": "14/9/2017",
        "school": str(for_school.pk),
        "how": ["present", "household"],
        "voice_of_child": "Ada said she hid under the stairs with her brother.",
        "circumstances": "Shouting and a broken door; Ada was frightened but unhurt.",
    }
    data.update(changes)
    return data


def service_data(for_school, **changes) -> dict:
    data = {
        "police_reference": "RR-1",
        "occurred_at": FRIDAY_NIGHT,
        "location": "The family home",
        "circumstances": "An argument.",
        "school": for_school,
        "child_given_names": "Ada",
        "child_family_name": "Testbrook",
        "child_date_of_birth": date(2017, 9, 14),
        "child_present": True,
        "child_lives_in_household": False,
        "voice_of_child": "",
    }
    data.update(changes)
    return data


def record(officer, school, **changes) -> EncompassNotification:
    with time_machine.travel(RECORDED, tick=False):
        return encompass.notification_record(by=officer, data=service_data(school, **changes))


# The start of the next school day ---------------------------------------------------------


def test_an_incident_late_on_friday_is_due_at_the_start_of_monday(school):
    assert encompass.next_school_day_start(FRIDAY_NIGHT, school) == MONDAY_START


def test_a_configured_holiday_on_monday_moves_it_to_tuesday(school):
    SchoolHoliday.objects.create(
        name="Staff training day", first_day=date(2026, 3, 9), last_day=date(2026, 3, 9)
    )
    assert encompass.next_school_day_start(FRIDAY_NIGHT, school) == TUESDAY_START


def test_one_schools_training_day_does_not_move_another_schools(school, other_school):
    SchoolHoliday.objects.create(
        name="INSET day", first_day=date(2026, 3, 9), last_day=date(2026, 3, 9), school=other_school
    )
    assert encompass.next_school_day_start(FRIDAY_NIGHT, school) == MONDAY_START
    assert encompass.next_school_day_start(FRIDAY_NIGHT, other_school) == TUESDAY_START


def test_before_the_start_of_a_school_day_it_is_due_that_morning(school):
    early = datetime(2026, 3, 10, 7, 0, tzinfo=LONDON)
    assert encompass.next_school_day_start(early, school) == TUESDAY_START
    at_the_bell = datetime(2026, 3, 10, 8, 30, tzinfo=LONDON)
    assert encompass.next_school_day_start(at_the_bell, school) == datetime(
        2026, 3, 11, 8, 30, tzinfo=LONDON
    )


def test_bank_holidays_and_the_holidays_between_terms_are_skipped(school):
    # Good Friday 3 April, Easter Monday 6 April 2026; the Easter holiday runs to 17 April.
    SchoolHoliday.objects.create(
        name="Easter holiday", first_day=date(2026, 4, 7), last_day=date(2026, 4, 17)
    )
    thursday = datetime(2026, 4, 2, 19, 0, tzinfo=LONDON)
    due = encompass.next_school_day_start(thursday, school)
    assert due == datetime(2026, 4, 20, 8, 30, tzinfo=LONDON)
    assert due.utcoffset() is not None
    assert due.astimezone(ZoneInfo("UTC")).hour == 7  # British Summer Time


def test_the_start_of_the_school_day_is_a_setting(school, settings):
    settings.FRONTDOOR_SCHOOL_DAY_STARTS = "08:45"
    assert encompass.next_school_day_start(FRIDAY_NIGHT, school) == datetime(
        2026, 3, 9, 8, 45, tzinfo=LONDON
    )


# The done-when journey ----------------------------------------------------------------------


def test_friday_night_notification_is_sent_at_once_and_shows_unacknowledged_on_monday(
    officer, school, dsl, deputy, teacher, other_dsl
):
    police = client_for(officer)
    with time_machine.travel(RECORDED, tick=False):
        response = police.post(reverse("sharing:encompass_new"), form_data(school))
    notification = EncompassNotification.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("sharing:encompass_detail", args=[notification.pk])
    # Sent at once: recorded at 23:40 on Friday, due at the start of Monday's school day.
    assert notification.sent_at == RECORDED
    assert notification.due_at == MONDAY_START
    told = set(OutboxMessage.objects.values_list("recipient__username", flat=True))
    assert told == {"dsl", "deputy"}  # the DSLs, not the class teacher nor another school
    message = OutboxMessage.objects.get(recipient=dsl)
    assert "08:30 on Monday 9 March" in message.body
    assert "Ada" not in message.subject + message.body  # the email carries no name

    school_side = client_for(dsl)
    with time_machine.travel(datetime(2026, 3, 7, 10, 0, tzinfo=LONDON), tick=False):
        inbox = school_side.get(reverse("sharing:encompass"))
        assert "Ada Testbrook" in inbox.content.decode()
        listing = police.get(reverse("sharing:encompass"), {"status": "overdue"})
        assert "RR-2026-0306-118" not in listing.content.decode()

    with time_machine.travel(datetime(2026, 3, 9, 8, 31, tzinfo=LONDON), tick=False):
        police = client_for(officer)  # a new shift, a new session
        listing = police.get(reverse("sharing:encompass"), {"status": "overdue"}).content.decode()
        assert "RR-2026-0306-118" in listing
        assert "Unacknowledged: overdue" in listing
        panel = next(p for p in my_work(officer) if "Unacknowledged" in p.title)
        assert panel.items[0][0] == "RR-2026-0306-118: Testbrook Primary School"
        dsl_panel = next(p for p in my_work(dsl) if "to acknowledge" in p.title)
        assert dsl_panel.items == [
            (
                "Ada Testbrook",
                reverse("sharing:encompass_detail", args=[notification.pk]),
                "Overdue",
            )
        ]

    # A practitioner at another school sees nothing: not in their list, 404 on the page.
    elsewhere = client_for(other_dsl)
    inbox = elsewhere.get(reverse("sharing:encompass"))
    assert inbox.status_code == 200
    assert "Ada" not in inbox.content.decode()
    response = elsewhere.get(reverse("sharing:encompass_detail", args=[notification.pk]))
    assert response.status_code == 404
    assert "Ada" not in response.content.decode()
    response = elsewhere.post(
        reverse("sharing:encompass_acknowledge", args=[notification.pk]), {"version": 1}
    )
    assert response.status_code == 404
    panel = next(p for p in my_work(other_dsl) if "to acknowledge" in p.title)
    assert panel.items == []


def test_with_monday_a_holiday_it_is_due_on_tuesday_and_not_overdue_on_monday(officer, school, dsl):
    SchoolHoliday.objects.create(
        name="Staff training day", first_day=date(2026, 3, 9), last_day=date(2026, 3, 9)
    )
    police = client_for(officer)
    with time_machine.travel(RECORDED, tick=False):
        police.post(reverse("sharing:encompass_new"), form_data(school))
    assert EncompassNotification.objects.get().due_at == TUESDAY_START
    with time_machine.travel(datetime(2026, 3, 9, 12, 0, tzinfo=LONDON), tick=False):
        police = client_for(officer)
        listing = police.get(reverse("sharing:encompass"), {"status": "overdue"}).content.decode()
        assert "RR-2026-0306-118" not in listing
    with time_machine.travel(datetime(2026, 3, 10, 8, 31, tzinfo=LONDON), tick=False):
        police = client_for(officer)
        listing = police.get(reverse("sharing:encompass"), {"status": "overdue"}).content.decode()
        assert "RR-2026-0306-118" in listing


def test_the_dsl_opens_and_acknowledges_and_the_police_see_it(officer, school, dsl, deputy):
    notification = record(officer, school)
    school_side = client_for(dsl)
    url = reverse("sharing:encompass_detail", args=[notification.pk])
    page = school_side.get(url).content.decode()
    assert "Ada Testbrook" in page and "Acknowledge receipt" in page
    viewed = AuditEvent.objects.filter(verb=Verb.VIEW, object_id=str(notification.pk))
    assert viewed.filter(actor=dsl).count() == 1

    with time_machine.travel(datetime(2026, 3, 9, 8, 5, tzinfo=LONDON), tick=False):
        school_side = client_for(dsl)
        response = school_side.post(
            reverse("sharing:encompass_acknowledge", args=[notification.pk]), {"version": 1}
        )
    assert response.status_code == 302
    notification.refresh_from_db()
    assert notification.acknowledged_by == dsl
    assert notification.acknowledged_at == datetime(2026, 3, 9, 8, 5, tzinfo=LONDON)
    changed = AuditEvent.objects.get(verb=Verb.CHANGE, object_id=str(notification.pk))
    assert changed.actor == dsl

    # The deputy read the old page: their acknowledgement is a conflict, not an overwrite.
    response = client_for(deputy).post(
        reverse("sharing:encompass_acknowledge", args=[notification.pk]), {"version": 1}
    )
    assert response.status_code == 409
    assert "already been acknowledged" in response.content.decode()
    notification.refresh_from_db()
    assert notification.acknowledged_by == dsl

    with time_machine.travel(datetime(2026, 3, 9, 9, 0, tzinfo=LONDON), tick=False):
        listing = client_for(officer).get(reverse("sharing:encompass")).content.decode()
        assert "Acknowledged" in listing and "Unacknowledged: overdue" not in listing
        filtered = client_for(officer).get(reverse("sharing:encompass"), {"status": "acknowledged"})
        assert "RR-1" in filtered.content.decode()


# Who sees what ---------------------------------------------------------------------------


def test_a_teacher_who_is_not_a_dsl_sees_nothing(officer, school, dsl, teacher):
    notification = record(officer, school)
    client = client_for(teacher)
    assert client.get(reverse("sharing:encompass")).status_code == 403
    response = client.get(reverse("sharing:encompass_detail", args=[notification.pk]))
    assert response.status_code == 404
    assert my_work(teacher) == [p for p in my_work(teacher) if "Encompass" not in p.title]


def test_another_police_force_and_the_police_on_the_schools_side_are_refused(officer, school, dsl):
    notification = record(officer, school)
    other_force = PractitionerFactory(
        agency=AgencyFactory(name="Elsewhere Police", sector="police"), role=Role.FRONTLINE
    )
    url = reverse("sharing:encompass_detail", args=[notification.pk])
    assert client_for(other_force).get(url).status_code == 404
    # The officer sees it but the acknowledgement is the school's.
    ack = reverse("sharing:encompass_acknowledge", args=[notification.pk])
    assert client_for(officer).post(ack, {"version": 1}).status_code == 403
    # A police analyst does not record notifications.
    analyst = PractitionerFactory(agency=officer.agency, role=Role.ANALYST)
    assert client_for(analyst).get(reverse("sharing:encompass_new")).status_code == 403
    assert client_for(analyst).get(url).status_code == 404


def test_schools_cannot_send_notifications(dsl, school):
    with pytest.raises(ValidationError):
        encompass.notification_record(by=dsl, data=service_data(school))
    assert client_for(dsl).get(reverse("sharing:encompass_new")).status_code == 403


# Bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"child_date_of_birth": "1/1/2023"}, "This child was 3 on the day of the incident"),
        ({"child_date_of_birth": "1/1/2008"}, "This child was 18 on the day of the incident"),
        ({"child_date_of_birth": "7/3/2026"}, "The date of birth must be before the incident"),
        ({"child_date_of_birth": "31/2/2015"}, "must be a real date"),
        ({"occurred_date": "7/3/2026"}, "must be now or in the past"),
        ({"occurred_time": "25:00"}, "a time on the 24-hour clock"),
        ({"how": []}, "Select whether the child was present or lives in the household"),
        ({"circumstances": "   "}, "Enter the circumstances"),
        ({"police_reference": ""}, "Enter the police reference"),
        ({"school": "999999"}, "Select a school in the partnership"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_is_saved(
    officer, school, dsl, changes, message
):
    with time_machine.travel(RECORDED, tick=False):
        response = client_for(officer).post(
            reverse("sharing:encompass_new"), form_data(school, **changes)
        )
    assert response.status_code == 422
    assert escape(message) in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not EncompassNotification.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_an_agency_that_is_not_a_school_cannot_be_chosen(officer, social_care):
    with time_machine.travel(RECORDED, tick=False):
        response = client_for(officer).post(
            reverse("sharing:encompass_new"), form_data(social_care)
        )
    assert response.status_code == 422
    assert "Select a school in the partnership" in response.content.decode()
    with pytest.raises(ValidationError, match="Choose the child's school"):
        record(officer, social_care)
    assert not EncompassNotification.objects.exists()


def test_a_school_without_a_dsl_on_front_door_is_flagged_to_the_officer(officer, school):
    with time_machine.travel(RECORDED, tick=False):
        response = client_for(officer).post(
            reverse("sharing:encompass_new"), form_data(school), follow=True
        )
    assert "has no designated safeguarding lead on Front Door" in response.content.decode()
    assert not OutboxMessage.objects.exists()


def test_hostile_text_is_shown_as_text(officer, school, dsl):
    notification = record(
        officer,
        school,
        child_given_names=HOSTILE,
        location=HOSTILE,
        circumstances=HOSTILE,
        voice_of_child=HOSTILE,
        police_reference=HOSTILE[:50],
    )
    pages = [
        client_for(dsl).get(reverse("sharing:encompass_detail", args=[notification.pk])),
        client_for(dsl).get(reverse("sharing:encompass")),
        client_for(officer).get(reverse("sharing:encompass")),
        client_for(officer).get(reverse("sharing:encompass_detail", args=[notification.pk])),
    ]
    for page in pages:
        body = page.content.decode()
        assert HOSTILE not in body
        assert escape(HOSTILE[:30]) in body


# The audit trail ---------------------------------------------------------------------------


def test_sending_reading_and_listing_are_audited(officer, school, dsl):
    notification = record(officer, school)
    sent = AuditEvent.objects.get(verb=Verb.DISCLOSE, object_id=str(notification.pk))
    assert sent.actor == officer
    assert sent.recipients == [str(school)]
    assert "49A" in sent.reason
    client_for(officer).get(reverse("sharing:encompass"))
    client_for(dsl).get(reverse("sharing:encompass"))
    lists = AuditEvent.objects.filter(
        verb=Verb.VIEW, object_type="sharing.encompassnotification", object_id=""
    )
    assert {e.actor for e in lists} == {officer, dsl}
    assert all(e.details["notifications"] == [notification.pk] for e in lists)
    client_for(officer).get(reverse("sharing:encompass_detail", args=[notification.pk]))
    assert AuditEvent.objects.filter(
        verb=Verb.VIEW, actor=officer, object_id=str(notification.pk)
    ).exists()


def test_an_acknowledgement_after_the_bell_is_shown_as_late(officer, school, dsl):
    notification = record(officer, school)
    with time_machine.travel(datetime(2026, 3, 9, 10, 15, tzinfo=LONDON), tick=False):
        dsl_client = client_for(dsl)
        dsl_client.post(
            reverse("sharing:encompass_acknowledge", args=[notification.pk]), {"version": 1}
        )
        page = client_for(officer).get(reverse("sharing:encompass_detail", args=[notification.pk]))
    assert "Monday 9 March 2026 at 10:15" in page.content.decode()
    assert "(after the start of the school day)" in page.content.decode()


# School holidays ---------------------------------------------------------------------------


def test_an_administrator_adds_a_holiday_that_moves_the_due_time_and_removes_it(
    administrator, school
):
    client = client_for(administrator)
    url = reverse("sharing:encompass_holidays")
    response = client.post(
        url, {"name": "Staff training day", "first_day": "9/3/2026", "last_day": "9/3/2026"}
    )
    assert response.status_code == 302
    assert encompass.next_school_day_start(FRIDAY_NIGHT, school) == TUESDAY_START
    holiday = SchoolHoliday.objects.get()
    assert AuditEvent.objects.filter(verb=Verb.CREATE, object_id=str(holiday.pk)).exists()
    assert "Staff training day" in client.get(url).content.decode()
    remove = reverse("sharing:encompass_holiday_remove", args=[holiday.pk])
    assert client.post(remove).status_code == 302
    assert not SchoolHoliday.objects.exists()
    assert encompass.next_school_day_start(FRIDAY_NIGHT, school) == MONDAY_START
    assert AuditEvent.objects.filter(verb=Verb.DELETE, object_id=str(holiday.pk)).exists()
    panel = next(p for p in my_work(administrator) if p.title == "School holidays")
    assert panel.link == url


def test_a_holiday_that_ends_before_it_starts_is_refused(administrator):
    response = client_for(administrator).post(
        reverse("sharing:encompass_holidays"),
        {"name": HOSTILE, "first_day": "20/2/2026", "last_day": "16/2/2026"},
    )
    assert response.status_code == 422
    assert "The last day must be the same as or after the first day" in response.content.decode()
    assert not SchoolHoliday.objects.exists()


def test_police_and_schools_do_not_keep_the_holidays(officer, dsl):
    for practitioner in (officer, dsl):
        assert (
            client_for(practitioner).get(reverse("sharing:encompass_holidays")).status_code == 403
        )


def test_an_acknowledgement_without_the_version_read_changes_nothing(officer, school, dsl):
    notification = record(officer, school)
    response = client_for(dsl).post(
        reverse("sharing:encompass_acknowledge", args=[notification.pk]), {}
    )
    assert response.status_code == 422
    assert "Reload the page and try again" in response.content.decode()
    notification.refresh_from_db()
    assert notification.acknowledged_at is None


def test_the_police_list_filters_by_status_and_school(officer, school, other_school, dsl):
    here = record(officer, school, police_reference="RR-HERE")
    record(officer, other_school, police_reference="RR-THERE")
    with time_machine.travel(datetime(2026, 3, 7, 9, 0, tzinfo=LONDON), tick=False):
        police = client_for(officer)
        by_school = police.get(reverse("sharing:encompass"), {"school": school.pk})
        assert "RR-HERE" in by_school.content.decode()
        assert "RR-THERE" not in by_school.content.decode()
        client_for(dsl).post(
            reverse("sharing:encompass_acknowledge", args=[here.pk]), {"version": 1}
        )
        sent = police.get(reverse("sharing:encompass"), {"status": "sent"}).content.decode()
        assert "RR-THERE" in sent and "RR-HERE" not in sent
        # A filter that makes no sense shows everything rather than failing.
        everything = police.get(reverse("sharing:encompass"), {"status": "nonsense"})
        assert everything.status_code == 200
        assert "RR-HERE" in everything.content.decode()


# Promise 4: no mass assignment ------------------------------------------------------------


@pytest.mark.parametrize("form", ["new", "acknowledge", "holidays"])
def test_encompass_forms_ignore_fields_they_do_not_have(
    form, officer, police, school, other_school, dsl, deputy, administrator
):
    """Promise 4: a notification's police force, recorder, sending and due times and
    acknowledgement; on acknowledging, who acknowledged, when, the school and the police
    details; a holiday's identity (an `id` naming an existing holiday must not overwrite it)
    come from the page and the services, never from extra posted fields."""
    long_ago = "2001-01-01T00:00"
    extras = {
        "police_agency": other_school.pk,
        "recorded_by": deputy.pk,
        "sent_at": long_ago,
        "due_at": long_ago,
        "acknowledged_at": long_ago,
        "acknowledged_by": deputy.pk,
        "agency": other_school.pk,
        "status": "acknowledged",
        "created_by": deputy.pk,
    }
    if form == "new":
        case = Smuggled(
            client=client_for(officer),
            url=reverse("sharing:encompass_new"),
            data=form_data(school),
            extras={**extras, "version": "7"},
            record=lambda: EncompassNotification.objects.get(),
            expected={
                "police_agency": police,
                "recorded_by": officer,
                "sent_at": RECORDED,
                "due_at": MONDAY_START,
                "acknowledged_at": None,
                "acknowledged_by": None,
                "school": school,
                "version": 1,
            },
        )
    elif form == "acknowledge":
        notification = record(officer, school)
        case = Smuggled(
            client=client_for(dsl),
            url=reverse("sharing:encompass_acknowledge", args=[notification.pk]),
            data={"version": notification.version},
            extras={
                **extras,
                "school": other_school.pk,
                "police_reference": "FORGED-1",
                "child_given_names": "Forged",
            },
            record=lambda: EncompassNotification.objects.get(pk=notification.pk),
            expected={
                "police_agency": police,
                "recorded_by": officer,
                "sent_at": RECORDED,
                "due_at": MONDAY_START,
                "acknowledged_at": RECORDED,
                "acknowledged_by": dsl,
                "school": school,
                "police_reference": "RR-1",
                "child_given_names": "Ada",
                "version": notification.version + 1,
            },
        )
    else:
        kept = SchoolHoliday.objects.create(
            name="Half term", first_day=date(2026, 2, 16), last_day=date(2026, 2, 20)
        )
        case = Smuggled(
            client=client_for(administrator),
            url=reverse("sharing:encompass_holidays"),
            data={"name": "Staff training day", "first_day": "9/3/2026", "last_day": "9/3/2026"},
            extras={**extras, "id": kept.pk, "version": "7"},
            record=lambda: SchoolHoliday.objects.get(pk=kept.pk),
            expected={
                "name": "Half term",
                "first_day": date(2026, 2, 16),
                "last_day": date(2026, 2, 20),
                "school": None,
            },
        )
    with time_machine.travel(RECORDED, tick=False):
        assert_extras_ignored(case)
    if form == "holidays":
        added = SchoolHoliday.objects.exclude(pk=kept.pk).get()
        assert (added.name, added.first_day, added.school) == (
            "Staff training day",
            date(2026, 3, 9),
            None,
        )
