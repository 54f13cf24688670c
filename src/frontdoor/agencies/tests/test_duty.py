"""Who is on duty now, who to contact, absences, cover and handover."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from frontdoor.agencies import duty
from frontdoor.agencies.models_duty import Absence, DutyArrangement, Shift
from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.errors import ConflictError
from frontdoor.core.models import OutboxMessage
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory
from frontdoor.core.testing.smuggling import Smuggled, assert_extras_ignored
from frontdoor.referrals import services as referrals
from frontdoor.referrals.models import Concern, Consent, Contact, Subject, TimelineEntry

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
WEDNESDAY_10AM = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
WEDNESDAY_10PM = datetime(2026, 12, 2, 22, 0, tzinfo=LONDON)


@pytest.fixture
def force(db):
    agency = AgencyFactory(
        name="Testshire Constabulary",
        sector="police",
        out_of_hours_contact="Force control room: 101, ask for the duty sergeant",
        contact_phone="01632 960 000",
    )
    DutyArrangement.objects.create(
        agency=agency, duty_contact="MASH police desk", duty_phone="01632 960 111"
    )
    return agency


def person(agency, username, first, last, role=Role.HUB_PRACTITIONER, **extra):
    return PractitionerFactory(
        username=username, agency=agency, role=role, first_name=first, last_name=last, **extra
    )


@pytest.fixture
def sam(force):
    return person(force, "sam", "Sam", "Patel", phone="07700 900 001")


@pytest.fixture
def jo(force):
    return person(force, "jo", "Jo", "Nightingale", phone="07700 900 002")


@pytest.fixture
def sergeant(force):
    return person(force, "sergeant", "Gwen", "Sergeant", role=Role.HUB_MANAGER)


def shift(practitioner, starts, hours=10):
    return Shift.objects.create(
        agency=practitioner.agency,
        practitioner=practitioner,
        starts_at=starts,
        ends_at=starts + timedelta(hours=hours),
    )


def owned_contact(owner, by=None):
    referrer = PractitionerFactory(role=Role.FRONTLINE)
    contact = referrals.contact_start(by=referrer)
    referrals.contact_update_draft(
        contact=contact,
        by=referrer,
        changes={
            "concerns": [Concern.NEGLECT],
            "what_happened": "Children left alone overnight.",
            "crime_alleged": False,
            "immediate_danger": False,
            "consent": Consent.GIVEN,
        },
    )
    referrals.subject_save(
        contact=contact,
        by=referrer,
        data={"role": Subject.Role.CHILD_AT_RISK, "given_names": "Ola", "family_name": "Nowak"},
    )
    contact = referrals.contact_submit(contact=contact, by=referrer)
    return referrals.contact_triage(
        contact=contact,
        by=by or owner,
        expected_version=contact.version,
        rag="amber",
        rationale="Young children alone.",
        assign_to=owner,
    )


# On duty now -----------------------------------------------------------------------------


def test_on_duty_during_a_shift(force, sam, jo):
    shift(jo, datetime(2026, 12, 2, 7, 0, tzinfo=LONDON))
    cover = duty.on_duty_now(force, WEDNESDAY_10AM)
    assert cover.kind == "rota"
    assert cover.practitioners == [jo]
    assert "Jo Nightingale, 07700 900 002" in cover.summary


def test_a_night_shift_covers_after_midnight(force, jo):
    shift(jo, datetime(2026, 12, 2, 22, 0, tzinfo=LONDON), hours=9)
    assert duty.on_duty_now(force, datetime(2026, 12, 3, 3, 0, tzinfo=LONDON)).practitioners == [jo]
    assert duty.on_duty_now(force, datetime(2026, 12, 3, 7, 30, tzinfo=LONDON)).kind != "rota"


def test_without_a_shift_office_hours_give_the_duty_contact(force, sam):
    cover = duty.on_duty_now(force, WEDNESDAY_10AM)
    assert cover.kind == "office_hours"
    assert cover.summary == "MASH police desk, 01632 960 111"


def test_out_of_hours_falls_back_to_the_out_of_hours_contact(force, sam):
    for moment in (WEDNESDAY_10PM, datetime(2026, 12, 5, 11, 0, tzinfo=LONDON)):  # Saturday
        cover = duty.on_duty_now(force, moment)
        assert cover.kind == "out_of_hours"
        assert cover.contact == "Force control room: 101, ask for the duty sergeant"


def test_bank_holidays_are_out_of_hours(force):
    boxing_day_observed = datetime(2026, 12, 28, 11, 0, tzinfo=LONDON)  # a Monday
    assert duty.on_duty_now(force, boxing_day_observed).kind == "out_of_hours"


def test_office_hours_follow_the_wall_clock_across_the_clock_change(force):
    # 09:30 local on the Monday after the clocks go back is 09:30 GMT; before, 08:30 UTC.
    assert duty.is_office_hours(force, datetime(2026, 10, 26, 9, 30, tzinfo=LONDON))
    assert duty.is_office_hours(force, datetime(2026, 10, 23, 8, 30, tzinfo=ZoneInfo("UTC")))
    assert not duty.is_office_hours(force, datetime(2026, 10, 26, 8, 30, tzinfo=ZoneInfo("UTC")))


def test_a_night_shift_over_the_clock_change_lasts_its_real_length(force, sergeant, jo):
    made = duty.rota_generate_weekly(
        agency=force,
        by=sergeant,
        practitioner=jo,
        first_day=date(2026, 10, 24),
        weeks=1,
        weekdays=[5],  # Saturday night into Sunday 25 October, when the clocks go back
        start="22:00",
        hours=10,
        label="Nights",
    )
    assert len(made) == 1
    made[0].refresh_from_db()
    assert made[0].ends_at - made[0].starts_at == timedelta(hours=10)
    assert made[0].ends_at.astimezone(LONDON).time() == time(7, 0)  # 10 hours with one gained


def test_an_absent_practitioner_on_shift_is_not_on_duty(force, sam, jo):
    shift(sam, datetime(2026, 12, 2, 7, 0, tzinfo=LONDON))
    shift(jo, datetime(2026, 12, 2, 7, 0, tzinfo=LONDON))
    Absence.objects.create(
        practitioner=sam,
        starts_at=datetime(2026, 12, 2, 8, 0, tzinfo=LONDON),
        ends_at=datetime(2026, 12, 7, 9, 0, tzinfo=LONDON),
        reason=Absence.Reason.SICK,
    )
    assert duty.on_duty_now(force, WEDNESDAY_10AM).practitioners == [jo]


# Who to contact --------------------------------------------------------------------------


def test_the_owner_at_work_is_the_one_to_contact(force, sam):
    advice = duty.who_to_contact(force, sam, at=WEDNESDAY_10AM)
    assert advice.owner_available
    assert advice.summary == "Sam Patel, 07700 900 001"


def test_an_absent_owner_redirects_to_cover_with_the_reason(force, sam, jo, sergeant):
    shift(jo, datetime(2026, 12, 2, 7, 0, tzinfo=LONDON))
    Absence.objects.create(
        practitioner=sam,
        starts_at=datetime(2026, 11, 30, 8, 0, tzinfo=LONDON),
        ends_at=datetime(2026, 12, 7, 9, 0, tzinfo=LONDON),
        reason=Absence.Reason.LEAVE,
    )
    advice = duty.who_to_contact(force, sam, at=WEDNESDAY_10AM, viewer=sergeant)
    assert not advice.owner_available
    assert advice.summary == (
        "Sam Patel is on leave until Monday 09:00. On duty now: Jo Nightingale, 07700 900 002 "
        "(Testshire Constabulary)."
    )


def test_the_reason_for_an_absence_is_for_managers_only(force, sam, jo):
    Absence.objects.create(
        practitioner=sam,
        starts_at=datetime(2026, 11, 30, 8, 0, tzinfo=LONDON),
        ends_at=datetime(2026, 12, 7, 9, 0, tzinfo=LONDON),
        reason=Absence.Reason.SICK,
    )
    colleague = duty.who_to_contact(force, sam, at=WEDNESDAY_10AM, viewer=jo)
    partner = duty.who_to_contact(
        force, sam, at=WEDNESDAY_10AM, viewer=PractitionerFactory(role=Role.HUB_MANAGER)
    )
    for advice in (colleague, partner):
        assert advice.reason == "Sam Patel is away until Monday 09:00."
        assert "sick" not in advice.summary
    assert "off sick" in duty.who_to_contact(force, sam, at=WEDNESDAY_10AM, viewer=sam).reason


def test_an_owner_working_to_the_rota_is_off_between_shifts(force, sam):
    shift(sam, datetime(2026, 12, 2, 22, 0, tzinfo=LONDON))
    advice = duty.who_to_contact(force, sam, at=WEDNESDAY_10AM)
    assert advice.reason == "Sam Patel is off shift until 22:00 today."
    assert advice.cover.kind == "office_hours"


def test_out_of_hours_an_owner_is_covered_by_the_out_of_hours_contact(force, sam):
    advice = duty.who_to_contact(force, sam, at=WEDNESDAY_10PM)
    assert advice.reason == "Sam Patel is out of office hours."
    assert "Force control room" in advice.summary


# Rota validation -------------------------------------------------------------------------


def test_a_shift_must_end_after_it_starts_last_at_most_a_day_and_be_at_the_agency(
    force, sam, sergeant
):
    start = datetime(2026, 12, 2, 7, 0, tzinfo=LONDON)
    with pytest.raises(ValidationError, match="end after it starts"):
        duty.shift_add(agency=force, by=sergeant, practitioner=sam, starts_at=start, ends_at=start)
    with pytest.raises(ValidationError, match="at most 24 hours"):
        duty.shift_add(
            agency=force,
            by=sergeant,
            practitioner=sam,
            starts_at=start,
            ends_at=start + timedelta(hours=25),
        )
    outsider = PractitionerFactory(role=Role.HUB_PRACTITIONER)
    with pytest.raises(ValidationError, match="belong to this agency"):
        duty.shift_add(
            agency=force,
            by=sergeant,
            practitioner=outsider,
            starts_at=start,
            ends_at=start + timedelta(hours=8),
        )
    assert not Shift.objects.exists()


def test_a_manager_adds_a_night_shift_through_the_rota(client, signed_in, force, sam, sergeant):
    signed_in(sergeant)
    url = reverse("agencies:duty_shift_add", args=[force.pk])
    response = client.post(
        url,
        {"practitioner": sam.pk, "day": "02/12/2026", "starts": "22:00", "ends": "07:00"},
    )
    assert response.status_code == 302
    made = Shift.objects.get()
    assert made.ends_at - made.starts_at == timedelta(hours=9)
    assert AuditEvent.objects.filter(verb=Verb.CREATE, object_type="agencies.shift").count() == 1
    page = client.get(reverse("agencies:duty_rota", args=[force.pk]) + "?week=2026-12-02")
    assert "Sam Patel" in page.content.decode()


def test_bad_shift_input_gets_a_clear_message_and_saves_nothing(client, signed_in, force, sergeant):
    signed_in(sergeant)
    response = client.post(
        reverse("agencies:duty_shift_add", args=[force.pk]),
        {"practitioner": sergeant.pk, "day": "31/02/2026", "starts": "25:00", "ends": ""},
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "There is a problem" in body
    assert "as a date" in body
    assert not Shift.objects.exists()


def test_a_practitioner_records_their_own_absence(client, signed_in, force, sam, jo, sergeant):
    signed_in(sam)
    response = client.post(
        reverse("agencies:duty_absence_add", args=[sam.pk]),
        {
            "reason": "leave",
            "from_day": "07/12/2026",
            "from_time": "00:00",
            "to_day": "14/12/2026",
            "to_time": "09:00",
        },
    )
    assert response.status_code == 302
    assert Absence.objects.get().reason == "leave"
    assert AuditEvent.objects.filter(verb=Verb.CREATE, object_type="agencies.absence").count() == 1
    # Colleagues see "Away"; the manager sees the reason.
    rota = reverse("agencies:duty_rota", args=[force.pk]) + "?week=2026-12-07"
    signed_in(jo)
    assert "On leave" not in client.get(rota).content.decode()
    assert "Away" in client.get(rota).content.decode()
    assert not AuditEvent.objects.filter(reason__contains="absences on the rota").exists()
    signed_in(sergeant)
    assert "On leave" in client.get(rota).content.decode()
    seen = AuditEvent.objects.get(reason__contains="absences on the rota")
    assert seen.actor == sergeant
    assert seen.details == {"practitioners": ["sam"]}


def test_an_absence_must_end_after_it_starts(client, signed_in, sam):
    signed_in(sam)
    response = client.post(
        reverse("agencies:duty_absence_add", args=[sam.pk]),
        {
            "reason": "sick",
            "from_day": "07/12/2026",
            "from_time": "09:00",
            "to_day": "06/12/2026",
            "to_time": "09:00",
        },
    )
    assert response.status_code == 422
    assert not Absence.objects.exists()


def test_duty_arrangements_edits_are_version_checked(client, signed_in, force, sergeant):
    signed_in(sergeant)
    url = reverse("agencies:duty_arrangements", args=[force.pk])
    data = {
        "office_opens": "08:00",
        "office_closes": "18:00",
        "duty_contact": "MASH desk",
        "duty_phone": "01632 960 222",
        "version": 1,
    }
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "duty_contact": "Stale edit"})
    assert response.status_code == 409
    force.duty_arrangement.refresh_from_db()
    assert force.duty_arrangement.duty_contact == "MASH desk"
    assert force.duty_arrangement.office_opens == time(8, 0)


# Handover --------------------------------------------------------------------------------


@time_machine.travel(WEDNESDAY_10AM, tick=False)
def test_handover_is_recorded_on_the_timeline_in_the_audit_trail_and_tells_the_new_owner(
    force, sam, jo, sergeant
):
    contact = owned_contact(sam)
    handed = duty.contact_hand_over(
        contact=contact,
        by=sergeant,
        to=jo,
        note="Strategy discussion booked for 2pm; call the school first.",
        expected_version=contact.version,
    )
    assert handed.assigned_to == jo
    assert handed.version == contact.version + 1
    entry = TimelineEntry.objects.filter(contact=contact).last()
    assert entry.summary == "Handed over from Sam Patel to Jo Nightingale"
    assert entry.detail.startswith("Strategy discussion booked")
    event = AuditEvent.objects.get(
        verb=Verb.CHANGE, object_id=str(contact.pk), reason="Handed a contact over to cover"
    )
    assert event.actor == sergeant
    assert event.details == {"from": "sam", "to": "jo"}
    message = OutboxMessage.objects.get(recipient=jo)
    assert contact.reference in message.subject
    assert "call the school first" in message.body


@time_machine.travel(WEDNESDAY_10AM, tick=False)
def test_handover_is_refused_to_another_agency_an_inactive_colleague_or_a_stale_version(
    force, sam, jo, sergeant
):
    contact = owned_contact(sam)
    elsewhere = PractitionerFactory(role=Role.HUB_PRACTITIONER)
    gone = person(force, "gone", "Gone", "Away", is_active=False)

    def hand_to(to, version=contact.version):
        return duty.contact_hand_over(
            contact=contact, by=sergeant, to=to, note="Please pick up.", expected_version=version
        )

    with pytest.raises(ValidationError, match="colleague at Testshire Constabulary"):
        hand_to(elsewhere)
    with pytest.raises(ValidationError, match="no longer has an active account"):
        hand_to(gone)
    with pytest.raises(ConflictError):
        hand_to(jo, version=contact.version - 1)
    with pytest.raises(ValidationError, match="handover note"):
        duty.contact_hand_over(
            contact=contact, by=sergeant, to=jo, note="  ", expected_version=contact.version
        )
    contact.refresh_from_db()
    assert contact.assigned_to == sam
    assert not OutboxMessage.objects.filter(recipient__in=[jo, elsewhere, gone]).exists()


@time_machine.travel(WEDNESDAY_10PM, tick=False)
def test_handover_is_refused_to_a_colleague_not_on_duty(force, sam, jo, sergeant):
    contact = owned_contact(sam)
    with pytest.raises(ValidationError, match="not on duty now"):
        duty.contact_hand_over(
            contact=contact,
            by=sergeant,
            to=jo,
            note="Over to you",
            expected_version=contact.version,
        )


@time_machine.travel(WEDNESDAY_10AM, tick=False)
def test_the_owner_hands_over_through_the_form_and_a_stale_form_conflicts(
    client, signed_in, force, sam, jo
):
    contact = owned_contact(sam)
    signed_in(sam)
    url = reverse("agencies:duty_handover", args=[contact.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Jo Nightingale" in page.content.decode()
    assert AuditEvent.objects.filter(
        verb=Verb.VIEW, object_id=str(contact.pk), reason="Opened a contact to hand it over"
    ).exists()
    stale = {"to": jo.pk, "note": "Over to you", "version": contact.version - 1}
    assert client.post(url, stale).status_code == 409
    response = client.post(url, {**stale, "version": contact.version})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.assigned_to == jo


@time_machine.travel(WEDNESDAY_10AM, tick=False)
def test_who_to_contact_shows_on_the_hub_and_referrer_pages(client, signed_in, force, sam, jo):
    contact = owned_contact(sam)
    Absence.objects.create(
        practitioner=sam,
        starts_at=datetime(2026, 11, 30, 8, 0, tzinfo=LONDON),
        ends_at=datetime(2026, 12, 7, 9, 0, tzinfo=LONDON),
        reason=Absence.Reason.SICK,
    )
    shift(jo, datetime(2026, 12, 2, 7, 0, tzinfo=LONDON))
    signed_in(jo)
    hub_page = client.get(reverse("hub:contact", args=[contact.pk])).content.decode()
    assert "Who to contact now" in hub_page
    assert "Sam Patel is away until Monday 09:00." in hub_page
    assert "Jo Nightingale" in hub_page
    signed_in(contact.referrer)
    mine = client.get(reverse("referrals:mine_detail", args=[contact.pk])).content.decode()
    assert "Who to contact now" in mine
    assert "Jo Nightingale" in mine
    assert "off sick" not in mine
    assert "Hand this over" not in mine


@time_machine.travel(WEDNESDAY_10AM, tick=False)
def test_the_cover_page_lists_an_absent_colleagues_open_contacts(
    client, signed_in, force, sam, jo, sergeant
):
    contact = owned_contact(sam)
    Absence.objects.create(
        practitioner=sam,
        starts_at=datetime(2026, 11, 30, 8, 0, tzinfo=LONDON),
        ends_at=datetime(2026, 12, 7, 9, 0, tzinfo=LONDON),
        reason=Absence.Reason.LEAVE,
    )
    signed_in(sergeant)
    index = client.get(reverse("agencies:duty_cover_index")).content.decode()
    assert "Sam Patel" in index
    page = client.get(reverse("agencies:duty_cover", args=[sam.pk])).content.decode()
    assert contact.reference in page
    assert "Sam Patel is on leave until Monday 09:00." in page
    assert AuditEvent.objects.filter(
        verb=Verb.VIEW, object_type="agencies.practitioner", object_id=str(sam.pk)
    ).exists()
    response = client.post(
        reverse("agencies:duty_handover", args=[contact.pk]) + "?from=cover",
        {"to": jo.pk, "note": "Sam is on leave", "version": contact.version},
    )
    assert response.url == reverse("agencies:duty_cover", args=[sam.pk])
    assert "Sam Patel owns no open contacts" in client.get(response.url).content.decode()


def test_on_duty_now_lists_every_agency(client, signed_in, force, sam):
    other = AgencyFactory(name="Testshire Council", out_of_hours_contact="Emergency duty team")
    with time_machine.travel(WEDNESDAY_10PM, tick=False):
        signed_in(sam)
        body = client.get(reverse("agencies:duty_now")).content.decode()
    assert "Force control room: 101" in body
    assert other.name in body
    assert "Emergency duty team" in body


def test_a_manager_adds_a_weekly_night_pattern(client, signed_in, force, jo, sergeant):
    signed_in(sergeant)
    url = reverse("agencies:duty_pattern_add", args=[force.pk])
    data = {
        "practitioner": jo.pk,
        "first_day": "07/12/2026",
        "weeks": 2,
        "weekdays": ["0", "2"],
        "starts": "22:00",
        "hours": "10",
        "label": "Nights",
    }
    assert client.post(url, {**data, "weekdays": []}).status_code == 422
    assert client.post(url, {**data, "hours": "25"}).status_code == 422
    assert not Shift.objects.exists()
    response = client.post(url, data)
    assert response.status_code == 302
    shifts = list(Shift.objects.order_by("starts_at"))
    assert [s.starts_at.astimezone(LONDON).strftime("%a %d %H:%M") for s in shifts] == [
        "Mon 07 22:00",
        "Wed 09 22:00",
        "Mon 14 22:00",
        "Wed 16 22:00",
    ]
    assert all(s.label == "Nights" and s.practitioner == jo for s in shifts)
    assert duty.on_duty_now(force, datetime(2026, 12, 8, 3, 0, tzinfo=LONDON)).practitioners == [jo]


@time_machine.travel(WEDNESDAY_10AM, tick=False)
def test_the_handover_form_refuses_a_colleague_it_did_not_offer(client, signed_in, force, sam):
    contact = owned_contact(sam)
    elsewhere = PractitionerFactory(role=Role.HUB_PRACTITIONER)
    signed_in(sam)
    response = client.post(
        reverse("agencies:duty_handover", args=[contact.pk]),
        {"to": elsewhere.pk, "note": "Over to you", "version": contact.version},
    )
    assert response.status_code == 422
    assert "There is a problem" in response.content.decode()
    contact.refresh_from_db()
    assert contact.assigned_to == sam
    assert not OutboxMessage.objects.filter(recipient=elsewhere).exists()


def test_the_tag_for_actions_shows_who_to_contact_now(rf, force, sam, jo):
    from django.template import Context, Template

    Absence.objects.create(
        practitioner=sam,
        starts_at=datetime(2026, 11, 30, 8, 0, tzinfo=LONDON),
        ends_at=datetime(2026, 12, 7, 9, 0, tzinfo=LONDON),
        reason=Absence.Reason.TRAINING,
    )
    request = rf.get("/")
    request.user = jo
    template = Template("{% load duty_tags %}{% who_to_contact_now agency owner %}")
    with time_machine.travel(WEDNESDAY_10AM, tick=False):
        html = template.render(Context({"request": request, "agency": force, "owner": sam}))
    assert "Sam Patel is away until Monday 09:00." in html
    assert "MASH police desk" in html
    assert "training" not in html


# Promise 4: no mass assignment ------------------------------------------------------------


@pytest.mark.parametrize("form", ["shift", "pattern", "arrangements", "absence", "handover"])
@time_machine.travel(WEDNESDAY_10AM, tick=False)
def test_duty_forms_ignore_fields_they_do_not_have(form, signed_in, force, sam, jo, sergeant):
    """Promise 4: a shift's agency, team and creator; an absence's practitioner and recorder;
    the arrangements' agency and editor; a handed-over contact's status, referrer, reference,
    rating and owner (other than the colleague chosen) come from the page and the services,
    never from extra posted fields."""
    elsewhere = AgencyFactory(name="Elsewhere Council")
    stranger = PractitionerFactory(username="stranger", agency=elsewhere)
    stamps = {"created_at": "2001-01-01T00:00", "recorded_at": "2001-01-01T00:00"}
    shift_extras = {
        **stamps,
        "agency": elsewhere.pk,
        "team": "1",
        "created_by": stranger.pk,
        "starts_at": "2001-01-01T00:00",
        "ends_at": "2001-01-02T00:00",
    }
    latest_shift = lambda: Shift.objects.latest("pk")  # noqa: E731
    shift_expected = {"agency": force, "team": None, "created_by": sergeant, "practitioner": jo}

    def handover_case():
        contact = owned_contact(sam)
        return Smuggled(
            client=signed_in(sam),
            url=reverse("agencies:duty_handover", args=[contact.pk]),
            data={"to": jo.pk, "note": "Over to you", "version": contact.version},
            extras={
                "assigned_to": stranger.pk,
                "status": "decided",
                "referrer": stranger.pk,
                "referrer_agency": elsewhere.pk,
                "reference": "FD-FORGED-1",
                "rag": "red",
                "rated_by": stranger.pk,
                "decision_due_at": "2099-01-01T00:00",
            },
            record=lambda: Contact.objects.get(pk=contact.pk),
            expected={
                "assigned_to": jo,
                "status": contact.status,
                "referrer": contact.referrer,
                "referrer_agency": contact.referrer_agency,
                "reference": contact.reference,
                "rag": contact.rag,
                "rated_by": contact.rated_by,
                "decision_due_at": contact.decision_due_at,
                "version": contact.version + 1,
            },
        )

    cases = {
        "shift": lambda: Smuggled(
            client=signed_in(sergeant),
            url=reverse("agencies:duty_shift_add", args=[force.pk]),
            data={
                "practitioner": jo.pk,
                "day": "07/12/2026",
                "starts": "22:00",
                "ends": "07:00",
                "label": "Nights",
            },
            extras=shift_extras,
            record=latest_shift,
            expected={**shift_expected, "starts_at": datetime(2026, 12, 7, 22, 0, tzinfo=LONDON)},
        ),
        "pattern": lambda: Smuggled(
            client=signed_in(sergeant),
            url=reverse("agencies:duty_pattern_add", args=[force.pk]),
            data={
                "practitioner": jo.pk,
                "first_day": "07/12/2026",
                "weeks": 1,
                "weekdays": ["0"],
                "starts": "22:00",
                "hours": "10",
                "label": "Nights",
            },
            extras=shift_extras,
            record=latest_shift,
            expected={**shift_expected, "starts_at": datetime(2026, 12, 7, 22, 0, tzinfo=LONDON)},
        ),
        "arrangements": lambda: Smuggled(
            client=signed_in(sergeant),
            url=reverse("agencies:duty_arrangements", args=[force.pk]),
            data={
                "office_opens": "08:00",
                "office_closes": "18:00",
                "duty_team": "",
                "duty_contact": "MASH desk",
                "duty_phone": "01632 960 222",
                "version": force.duty_arrangement.version,
            },
            extras={
                "agency": elsewhere.pk,
                "updated_by": stranger.pk,
                "updated_at": "2001-01-01T00:00",
            },
            record=lambda: DutyArrangement.objects.get(pk=force.duty_arrangement.pk),
            expected={
                "agency": force,
                "updated_by": sergeant,
                "updated_at": WEDNESDAY_10AM,
                "duty_contact": "MASH desk",
                "version": force.duty_arrangement.version + 1,
            },
        ),
        "absence": lambda: Smuggled(
            client=signed_in(sergeant),
            url=reverse("agencies:duty_absence_add", args=[sam.pk]),
            data={
                "reason": "leave",
                "from_day": "07/12/2026",
                "from_time": "00:00",
                "to_day": "14/12/2026",
                "to_time": "09:00",
            },
            extras={
                **stamps,
                "practitioner": jo.pk,
                "recorded_by": stranger.pk,
                "starts_at": "2001-01-01T00:00",
                "ends_at": "2001-01-02T00:00",
            },
            record=lambda: Absence.objects.latest("pk"),
            expected={
                "practitioner": sam,
                "recorded_by": sergeant,
                "recorded_at": WEDNESDAY_10AM,
                "starts_at": datetime(2026, 12, 7, 0, 0, tzinfo=LONDON),
                "reason": "leave",
            },
        ),
        "handover": handover_case,
    }
    assert_extras_ignored(cases[form]())
