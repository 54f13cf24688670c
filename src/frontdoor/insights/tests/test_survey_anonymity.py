"""Anonymity by design: who answered and what they answered are never joined."""

import pytest
from django.db import models
from django.urls import reverse

from frontdoor.agencies.models import Practitioner
from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent
from frontdoor.core.models import OutboxMessage
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory, sign_in
from frontdoor.insights.models import (
    SurveyAnswer,
    SurveyParticipation,
    SurveyResponse,
)
from frontdoor.insights.services_survey import (
    AlreadyAnswered,
    SurveyNotOpen,
    survey_round_remind,
)

from .survey_helpers import answer_all, open_round, past_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def police():
    return AgencyFactory(name="Testshire Police", sector="police")


@pytest.fixture
def manager(police):
    return PractitionerFactory(username="pm", agency=police, role=Role.PARTNERSHIP_MANAGER)


@pytest.fixture
def survey(manager):
    return open_round(manager)


def form_data(survey_round, value="4", comment=""):
    data = {f"q{q.pk}": value for q in survey_round.questions.all()}
    data["comment"] = comment
    return data


@pytest.mark.parametrize("model", [SurveyResponse, SurveyAnswer])
def test_nothing_in_a_response_points_at_a_practitioner_or_a_moment(model):
    for field in model._meta.get_fields():
        related = getattr(field, "related_model", None)
        assert related is not Practitioner, f"{model.__name__}.{field.name} names a practitioner"
        assert related is not SurveyParticipation, f"{model.__name__}.{field.name}"
        assert not isinstance(field, models.DateField | models.DateTimeField | models.TimeField), (
            f"{model.__name__}.{field.name} is a timestamp"
        )
    # A sequential id would give away the order answers arrived in.
    assert isinstance(model._meta.pk, models.UUIDField)


def test_the_participation_record_does_not_point_at_the_response():
    related = {getattr(f, "related_model", None) for f in SurveyParticipation._meta.get_fields()}
    assert SurveyResponse not in related
    assert SurveyAnswer not in related
    fields = {f.name for f in SurveyParticipation._meta.get_fields()}
    assert fields == {"id", "round", "practitioner"}


def test_an_answer_keeps_the_group_not_the_person(client, survey, police):
    chair = PractitionerFactory(username="chair.one", agency=police, role=Role.MEETING_CHAIR)
    sign_in(client, chair)
    response = client.post(
        reverse("insights:health_answer", args=[survey.number]),
        form_data(survey, comment="Good meetings"),
    )
    assert response.status_code == 302
    stored = SurveyResponse.objects.get()
    assert (stored.agency_name, stored.sector, stored.staff_level) == (
        "Testshire Police",
        "police",
        "managerial",
    )
    assert stored.answers.count() == survey.questions.count()
    assert SurveyParticipation.objects.filter(round=survey, practitioner=chair).exists()
    # Nothing in the stored row names the practitioner.
    row = SurveyResponse.objects.filter(pk=stored.pk).values().get()
    assert not {str(chair.pk), chair.username, chair.get_full_name()} & {
        str(v) for v in row.values()
    }


@pytest.mark.parametrize(
    "role,level",
    [
        (Role.HUB_MANAGER, "managerial"),
        (Role.PARTNERSHIP_MANAGER, "managerial"),
        (Role.MEETING_CHAIR, "managerial"),
        (Role.FRONTLINE, "frontline"),
        (Role.HUB_PRACTITIONER, "frontline"),
        (Role.ANALYST, "frontline"),
        (Role.ADMINISTRATOR, "frontline"),
    ],
)
def test_managerial_or_frontline_comes_from_the_role(survey, police, role, level):
    answer_all(survey, PractitionerFactory(agency=police, role=role))
    assert SurveyResponse.objects.get().staff_level == level


def test_answering_twice_is_refused(client, survey, police):
    officer = PractitionerFactory(agency=police)
    sign_in(client, officer)
    url = reverse("insights:health_answer", args=[survey.number])
    assert client.post(url, form_data(survey, "2")).status_code == 302
    again = client.post(url, form_data(survey, "5"))
    assert again.status_code == 409
    assert "You have answered round" in again.content.decode()
    assert SurveyResponse.objects.count() == 1
    assert set(SurveyAnswer.objects.values_list("value", flat=True)) == {2}
    with pytest.raises(AlreadyAnswered):
        answer_all(survey, officer)
    # And the answer page says so, rather than offering the form.
    assert "Send my answers" not in client.get(url).content.decode()


def test_missing_answers_get_a_clear_message_and_store_nothing(client, survey, police):
    sign_in(client, PractitionerFactory(agency=police))
    data = form_data(survey)
    first = survey.questions.order_by("position").first()
    del data[f"q{first.pk}"]
    data[f"q{survey.questions.order_by('position').last().pk}"] = "9"
    response = client.post(reverse("insights:health_answer", args=[survey.number]), data)
    assert response.status_code == 422
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Select how far you agree with this statement" in page
    assert "Select one of the five answers" in page
    assert not SurveyResponse.objects.exists()
    assert not SurveyParticipation.objects.exists()


def test_a_closed_round_takes_no_answers(client, manager, police):
    closed = past_round(manager, weeks_ago=8)
    officer = PractitionerFactory(agency=police)
    sign_in(client, officer)
    response = client.post(
        reverse("insights:health_answer", args=[closed.number]), form_data(closed)
    )
    assert response.status_code == 409
    assert "is not open" in response.content.decode()
    assert not SurveyResponse.objects.exists()
    with pytest.raises(SurveyNotOpen):
        answer_all(closed, officer, today=closed.closes_on.replace(year=closed.closes_on.year + 1))


def test_a_round_that_does_not_exist_is_not_found(client, police):
    sign_in(client, PractitionerFactory(agency=police))
    assert client.get(reverse("insights:health_answer", args=[99])).status_code == 404


def test_the_trail_says_who_answered_but_not_which_response(survey, police):
    officer = PractitionerFactory(agency=police)
    answer_all(survey, officer)
    event = AuditEvent.objects.get(actor=officer)
    assert event.object_type == "insights.surveyround"
    assert event.object_id == str(survey.pk)
    response_id = str(SurveyResponse.objects.get().pk)
    assert response_id not in str(event.details) + event.object_repr + event.object_id


def test_my_work_asks_for_an_answer_until_it_is_given(client, survey, police):
    officer = PractitionerFactory(agency=police)
    sign_in(client, officer)
    page = client.get(reverse("home")).content.decode()
    assert "Partnership health survey" in page
    assert reverse("insights:health_answer", args=[survey.number]) in page
    client.post(reverse("insights:health_answer", args=[survey.number]), form_data(survey))
    page = client.get(reverse("home")).content.decode()
    assert reverse("insights:health_answer", args=[survey.number]) not in page


def test_my_work_has_no_prompt_when_no_round_is_open(client, manager, police):
    past_round(manager, weeks_ago=8)
    sign_in(client, PractitionerFactory(agency=police))
    assert "Partnership health survey" not in client.get(reverse("home")).content.decode()


def test_reminders_go_once_and_only_to_those_who_have_not_answered(
    client, survey, manager, police, django_capture_on_commit_callbacks
):
    answered = PractitionerFactory(agency=police)
    waiting = PractitionerFactory(agency=police)
    gone = PractitionerFactory(agency=police, is_active=False)
    answer_all(survey, answered)
    sign_in(client, manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("insights:health_remind", args=[survey.number]))
    assert response.status_code == 302
    reminded = set(OutboxMessage.objects.values_list("recipient_id", flat=True))
    assert waiting.pk in reminded
    assert manager.pk in reminded
    assert answered.pk not in reminded
    assert gone.pk not in reminded
    before = OutboxMessage.objects.count()
    survey_round_remind(survey_round=survey)
    assert OutboxMessage.objects.count() == before
    message = OutboxMessage.objects.get(recipient=waiting)
    assert message.link == reverse("insights:health_answer", args=[survey.number])
    assert "anonymous" in message.body
    assert AuditEvent.objects.filter(
        actor=manager, reason__startswith="Asked for reminders"
    ).exists()


def test_a_closed_round_sends_no_reminders(client, manager, police):
    closed = past_round(manager, weeks_ago=8)
    PractitionerFactory(agency=police)
    sign_in(client, manager)
    response = client.post(reverse("insights:health_remind", args=[closed.number]), follow=True)
    assert "is not open, so nobody was reminded" in response.content.decode()
    assert not OutboxMessage.objects.exists()
