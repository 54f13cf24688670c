"""MARAC in full: the DASH checklist, the referral criteria, the repeat flag, IDVA and the
victim's views, research by each agency before the meeting, who sees a DASH, and the audit."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory
from frontdoor.core.testing.smuggling import Smuggled, assert_extras_ignored
from frontdoor.meetings import marac, services
from frontdoor.meetings.models import (
    AgendaItem,
    Checklist,
    DashAssessment,
    MaracCase,
    MeetingType,
)
from frontdoor.people.models import Person

pytestmark = pytest.mark.django_db


# The referral criteria, as a pure function -----------------------------------------------


def test_fourteen_yes_answers_qualify_as_visible_high_risk():
    result = marac.referral_criteria(yes_count=14, professional_judgement=False, police_incidents=0)
    assert result.qualifies
    assert result.keys == ["visible_high_risk"]
    assert "14" in result.met[0].why


def test_thirteen_yes_answers_alone_do_not_qualify_and_say_why():
    result = marac.referral_criteria(yes_count=13, professional_judgement=False, police_incidents=2)
    assert not result.qualifies
    assert "13" in result.refusal and "fewer than 14" in result.refusal
    assert "2 (fewer than 3)" in result.refusal


def test_thirteen_yes_answers_with_three_incidents_qualify_by_escalation():
    result = marac.referral_criteria(yes_count=13, professional_judgement=False, police_incidents=3)
    assert result.qualifies
    assert result.keys == ["escalation"]
    assert "3 police-recorded incidents" in result.met[0].why


def test_professional_judgement_qualifies_with_its_reason_and_criteria_combine():
    result = marac.referral_criteria(
        yes_count=15,
        professional_judgement=True,
        judgement_reason="Threats to kill after separation",
        police_incidents=4,
    )
    assert result.keys == ["visible_high_risk", "professional_judgement", "escalation"]
    assert result.met[1].why == "Threats to kill after separation"


def test_thresholds_are_settings(settings):
    settings.MARAC_DASH_YES_THRESHOLD = 12
    settings.MARAC_ESCALATION_INCIDENTS = 5
    assert marac.referral_criteria(
        yes_count=12, professional_judgement=False, police_incidents=0
    ).qualifies
    assert not marac.referral_criteria(
        yes_count=0, professional_judgement=False, police_incidents=4
    ).qualifies


# Through the service ---------------------------------------------------------------------


def test_the_safelives_checklist_is_loaded_with_24_questions_in_order():
    checklist = Checklist.objects.get(slug="safelives-dash-2009")
    numbers = list(checklist.questions.values_list("number", flat=True))
    assert numbers == list(range(1, 25))
    assert checklist.questions.get(number=1).text.startswith("Has the current incident")


@pytest.fixture
def idva_service(db):
    return AgencyFactory(name="Testshire Domestic Abuse Service", sector="voluntary")


@pytest.fixture
def idva(idva_service):
    return PractitionerFactory(
        username="idva",
        agency=idva_service,
        role=Role.FRONTLINE,
        first_name="Ivy",
        last_name="Adviser",
    )


@pytest.fixture
def victim(db):
    return Person.objects.create(given_names="Rowan", family_name="Quillfeather")


def dash(by, *, yes: int, incidents: int | None = None, person=None, judgement: str = ""):
    checklist = Checklist.objects.get(slug="safelives-dash-2009")
    answers = {n: ("yes" if n <= yes else "no") for n in range(1, 25)}
    return marac.dash_complete(
        by=by,
        checklist=checklist,
        victim_name="Rowan Quillfeather",
        completed_as=DashAssessment.CompletedAs.IDVA,
        completed_on=timezone.localdate(),
        answers=answers,
        person=person,
        victim_comments="I am scared he will come back.",
        professional_judgement=bool(judgement),
        judgement_reason=judgement,
        police_incidents_12_months=incidents,
    )


@pytest.fixture
def marac_meeting(chair, police):
    return services.meeting_create(
        by=chair,
        type=MeetingType.MARAC,
        starts_at=timezone.now() + timedelta(days=7),
        chair=chair,
        title="Testshire MARAC",
        agencies=[police],
    )


def test_through_the_service_14_yes_qualify_and_13_with_3_incidents_qualify(idva):
    assert marac.assessment_criteria(dash(idva, yes=14)).keys == ["visible_high_risk"]
    assert marac.assessment_criteria(dash(idva, yes=13, incidents=3)).keys == ["escalation"]
    assert not marac.assessment_criteria(dash(idva, yes=13, incidents=2)).qualifies


def test_a_dash_must_answer_every_question_and_not_be_dated_in_the_future(idva):
    checklist = Checklist.objects.get(slug="safelives-dash-2009")
    with pytest.raises(ValidationError) as refused:
        marac.dash_complete(
            by=idva,
            checklist=checklist,
            victim_name="R Q",
            completed_as="idva",
            completed_on=timezone.localdate() + timedelta(days=1),
            answers={1: "yes"},
        )
    text = " ".join(refused.value.messages)
    assert "cannot be in the future" in text and "Answer every question" in text
    assert not DashAssessment.objects.exists()


def test_a_qualifying_dash_is_referred_to_marac_with_idva_and_victims_views(
    idva, victim, marac_meeting, idva_service
):
    assessment = dash(idva, yes=14, person=victim)
    case = marac.marac_refer(
        assessment=assessment,
        by=idva,
        meeting=marac_meeting,
        idva_name="Ivy Adviser",
        idva_service="Testshire Domestic Abuse Service",
        victim_views="She wants him kept away from the school gate.",
    )
    assert case.item.meeting == marac_meeting
    assert case.item.person == victim
    assert not case.is_repeat
    assert marac_meeting.attendance.filter(agency=idva_service).exists()
    event = AuditEvent.objects.filter(verb=Verb.DISCLOSE, object_id=str(assessment.pk)).get()
    assert event.details["criteria"] == ["visible_high_risk"]


def test_a_referral_that_does_not_qualify_is_refused_with_the_reason(idva, marac_meeting):
    assessment = dash(idva, yes=13, incidents=2)
    with pytest.raises(ValidationError) as refused:
        marac.marac_refer(assessment=assessment, by=idva, meeting=marac_meeting)
    assert "does not meet the MARAC referral criteria" in refused.value.messages[0]
    assert not marac_meeting.items.exists()


def _heard(victim, chair, *, ago: timedelta):
    past = services.meeting_create(
        by=chair,
        type=MeetingType.MARAC,
        starts_at=timezone.now() - ago,
        chair=chair,
        title="An earlier MARAC",
    )
    AgendaItem.objects.create(
        meeting=past, person=victim, title="R Q", order=1, heard_at=timezone.now() - ago
    )


def test_a_victim_heard_5_months_ago_is_flagged_repeat_on_referral_and_agenda(
    idva, victim, chair, marac_meeting, signed_in
):
    _heard(victim, chair, ago=timedelta(days=152))
    case = marac.marac_refer(
        assessment=dash(idva, yes=14, person=victim), by=idva, meeting=marac_meeting
    )
    assert case.is_repeat
    heard = timezone.localtime(case.repeat_of_heard_at)
    label = f"Repeat: heard on {heard.day} {heard:%B %Y}"
    client = signed_in(chair)
    assert label in client.get(reverse("meetings:detail", args=[marac_meeting.pk])).content.decode()
    assert label in client.get(reverse("meetings:item", args=[case.item.pk])).content.decode()


def test_a_victim_heard_13_months_ago_is_not_a_repeat(idva, victim, chair, marac_meeting):
    _heard(victim, chair, ago=timedelta(days=396))
    case = marac.marac_refer(
        assessment=dash(idva, yes=14, person=victim), by=idva, meeting=marac_meeting
    )
    assert not case.is_repeat
    assert marac.last_heard_at_marac(victim) is None


# Pages --------------------------------------------------------------------------------


def _form(yes: int, **extra) -> dict:
    today = timezone.localdate()
    data = {
        "victim_name": "Rowan Quillfeather",
        "completed_as": "idva",
        "completed_on_day": today.day,
        "completed_on_month": today.month,
        "completed_on_year": today.year,
        "victim_comments": "Frightened.",
        "police_incidents": "",
    }
    data.update({f"q{n}": ("yes" if n <= yes else "no") for n in range(1, 25)})
    data.update(extra)
    return data


def test_a_practitioner_completes_a_dash_and_refers_from_its_page(idva, marac_meeting, signed_in):
    client = signed_in(idva)
    response = client.post(reverse("meetings:dash_new"), _form(14))
    assessment = DashAssessment.objects.get()
    assert response.url == reverse("meetings:dash", args=[assessment.pk])
    page = client.get(response.url).content.decode()
    assert "Meets the criteria for MARAC" in page and "14 \u201cyes\u201d answers" in page
    response = client.post(
        reverse("meetings:dash_refer", args=[assessment.pk]),
        {"meeting": marac_meeting.pk, "idva_name": "Ivy Adviser", "victim_views": "Wants to stay."},
    )
    case = MaracCase.objects.get()
    assert response.url == reverse("meetings:item", args=[case.item.pk])
    page = client.get(response.url).content.decode()
    assert "Ivy Adviser" in page and "Wants to stay." in page
    assert "Prepare your agency's research" in page  # its agency is now invited
    assert "Add a safety action" not in page  # only the chair records actions


def test_a_dash_links_only_to_a_case_its_author_may_see(
    idva, officer, hub_worker, make_contact, signed_in
):
    """Promise 2: a front door reference the IDVA did not refer finds nothing, so a guessed
    reference never links a DASH to (or reveals) someone else's case."""
    contact = make_contact(officer, at=timezone.now() - timedelta(hours=2))
    response = signed_in(idva).post(
        reverse("meetings:dash_new"), _form(14, reference=contact.reference)
    )
    assert response.status_code == 422
    assert "There is no case you may see with that front door reference" in (
        response.content.decode()
    )
    assert not DashAssessment.objects.exists()
    # The hub, which sees every sent contact, links the same reference.
    response = signed_in(hub_worker).post(
        reverse("meetings:dash_new"), _form(14, reference=contact.reference)
    )
    assert response.status_code == 302
    assert DashAssessment.objects.get().contact == contact


def test_the_form_shows_what_is_wrong_and_saves_nothing(idva, signed_in):
    client = signed_in(idva)
    data = _form(3, professional_judgement="on", police_incidents="-1")
    del data["q7"]
    response = client.post(reverse("meetings:dash_new"), data)
    assert response.status_code == 422
    page = response.content.decode()
    assert "Answer question 7" in page
    assert "Explain why your professional judgement" in page
    assert not DashAssessment.objects.exists()


def test_refusal_on_the_page_when_not_qualifying(idva, marac_meeting, signed_in):
    assessment = dash(idva, yes=5)
    client = signed_in(idva)
    page = client.get(reverse("meetings:dash", args=[assessment.pk])).content.decode()
    assert "does not meet the MARAC referral criteria" in page
    assert "Refer to MARAC" not in page
    response = client.post(
        reverse("meetings:dash_refer", args=[assessment.pk]), {"meeting": marac_meeting.pk}
    )
    assert response.status_code == 422
    assert not MaracCase.objects.exists()


def test_each_invited_agency_prepares_research_and_the_chair_sees_who_has(
    idva, chair, officer, marac_meeting, signed_in
):
    case = marac.marac_refer(assessment=dash(idva, yes=14), by=idva, meeting=marac_meeting)
    client = signed_in(officer)  # police are invited
    response = client.post(
        reverse("meetings:research", args=[case.item.pk]),
        {"facts": "Two call-outs in May.", "opinion": "Escalating.", "withheld": ""},
    )
    assert response.status_code == 302
    page = signed_in(chair).get(reverse("meetings:item", args=[case.item.pk])).content.decode()
    assert "Two call-outs in May." in page
    rows = {r.agency.name: r.prepared for r in marac.research_status(case.item)}
    assert rows == {"Testshire Police": True, "Testshire Domestic Abuse Service": False}
    assert "Not yet prepared" in page and "Prepared" in page


# Who sees a DASH ------------------------------------------------------------------------


def test_a_dash_is_seen_by_its_agency_and_the_marac_not_by_others(
    idva, chair, officer, social_worker, marac_meeting, signed_in
):
    assessment = dash(idva, yes=14)
    url = reverse("meetings:dash", args=[assessment.pk])
    assert signed_in(officer).get(url).status_code == 404  # not yet referred
    assert signed_in(chair).get(url).status_code == 404
    marac.marac_refer(assessment=assessment, by=idva, meeting=marac_meeting)
    assert signed_in(chair).get(url).status_code == 200  # chairs the MARAC
    assert signed_in(officer).get(url).status_code == 200  # police are invited
    response = signed_in(social_worker).get(url)
    assert response.status_code == 404 and "Quillfeather" not in response.content.decode()
    colleague = PractitionerFactory(username="colleague", agency=idva.agency, role=Role.FRONTLINE)
    assert signed_in(colleague).get(url).status_code == 200


def test_every_read_of_a_dash_is_audited(idva, signed_in):
    assessment = dash(idva, yes=2)
    client = signed_in(idva)
    before = AuditEvent.objects.filter(verb=Verb.VIEW, object_id=str(assessment.pk)).count()
    client.get(reverse("meetings:dash", args=[assessment.pk]))
    events = AuditEvent.objects.filter(verb=Verb.VIEW, object_id=str(assessment.pk))
    assert events.count() == before + 1
    assert events.latest("id").object_type == "meetings.dashassessment"
    created = AuditEvent.objects.get(verb=Verb.CREATE, object_id=str(assessment.pk))
    assert created.object_type == "meetings.dashassessment"
    client.get(reverse("meetings:dash_list"))
    listed = AuditEvent.objects.filter(verb=Verb.VIEW, reason="Listed DASH risk checklists")
    assert listed.get().details["ids"] == [assessment.pk]


def test_the_same_dash_is_not_referred_twice_to_one_meeting(idva, marac_meeting):
    assessment = dash(idva, yes=14)
    marac.marac_refer(assessment=assessment, by=idva, meeting=marac_meeting)
    with pytest.raises(ValidationError) as refused:
        marac.marac_refer(assessment=assessment, by=idva, meeting=marac_meeting)
    assert "already on that meeting's agenda" in refused.value.messages[0]
    assert marac_meeting.items.count() == 1


def test_the_chair_adds_a_safety_action_from_a_marac_case(idva, chair, marac_meeting, signed_in):
    case = marac.marac_refer(assessment=dash(idva, yes=14), by=idva, meeting=marac_meeting)
    client = signed_in(chair)
    page = client.get(reverse("meetings:item", args=[case.item.pk])).content.decode()
    link = reverse("meetings:item_action", args=[case.item.pk]) + "?type=safety"
    assert link in page
    form = client.get(link).content.decode()
    assert 'value="safety" checked' in form


def test_a_flushed_database_gets_the_dash_checklist_back(db):
    from frontdoor.meetings.marac import default_checklist
    from frontdoor.meetings.models import Checklist

    Checklist.objects.all().delete()
    checklist = default_checklist()
    assert checklist is not None and checklist.questions.count() == 24


@pytest.mark.parametrize("form", ["dash", "refer", "research"])
def test_marac_forms_ignore_fields_they_do_not_have(
    form, idva, idva_service, victim, chair, officer, police, marac_meeting, make_contact, signed_in
):
    """Promise 4: a DASH's author, agency, person, case and version; a referral's assessment,
    agenda item and referrer; research's item, agency and recorder come from the page and the
    services, never from extra posted fields."""
    elsewhere = services.item_add(meeting=marac_meeting, by=chair, title="Another case")
    other_dash = dash(officer, yes=14)
    someone_else = {
        "completed_by": officer.pk,
        "referred_by": officer.pk,
        "recorded_by": chair.pk,
        "agency": police.pk,
        "person": victim.pk,
        "version": 9,
        "referred_at": "2001-01-01T00:00",
        "recorded_at": "2001-01-01T00:00",
        "repeat_of_heard_at": "2001-01-01T00:00",
    }
    cases = {
        "dash": lambda: Smuggled(
            client=signed_in(idva),
            url=reverse("meetings:dash_new"),
            data=_form(14),
            extras={**someone_else, "contact": make_contact(officer, at=timezone.now()).pk},
            record=lambda: DashAssessment.objects.latest("pk"),
            expected={
                "completed_by": idva,
                "agency": idva_service,
                "person": None,
                "contact": None,
                "version": 1,
            },
        ),
        "refer": lambda: Smuggled(
            client=signed_in(idva),
            url=reverse("meetings:dash_refer", args=[dash(idva, yes=14).pk]),
            data={"meeting": marac_meeting.pk, "idva_name": "Ivy Adviser"},
            extras={**someone_else, "item": elsewhere.pk, "assessment": other_dash.pk},
            record=lambda: MaracCase.objects.get(),
            expected={
                "assessment.completed_by": idva,
                "referred_by": idva,
                "repeat_of_heard_at": None,
                "item.meeting": marac_meeting,
                "item.title": "Rowan Quillfeather",  # not the smuggled item
            },
        ),
        "research": lambda: Smuggled(
            client=signed_in(officer),
            url=reverse(
                "meetings:research",
                args=[
                    marac.marac_refer(
                        assessment=other_dash, by=officer, meeting=marac_meeting
                    ).item.pk
                ],
            ),
            data={"facts": "Two call-outs in May.", "opinion": "", "withheld": ""},
            extras={**someone_else, "agency": idva_service.pk, "item": elsewhere.pk},
            record=lambda: MaracCase.objects.get().item.information.get(),
            expected={"agency": police, "recorded_by": officer},
        ),
    }
    assert_extras_ignored(cases[form]())
