"""Insights, page by page: every read of personal data is recorded (SECURITY.md promise 6)
and free text, the staff survey's comments included, comes back as text, never as markup
(promise 14).

Only an evaluation cohort touches people: its result (aggregate, recorded anyway) and its
list of people. The dashboard, the statutory returns' pages (their exports are recorded as
exports) and the staff survey's results hold counts and anonymous answers. Every insights form ignores the ownership and state
fields it does not have (promise 4)."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory
from frontdoor.core.testing.promises import (
    Read,
    assert_read_recorded,
    assert_shown_as_text,
    hostile,
)
from frontdoor.core.testing.smuggling import Smuggled, assert_extras_ignored
from frontdoor.insights.models import EvaluationCohort, SurveyParticipation, SurveyResponse
from frontdoor.insights.models import SurveyRound as Round
from frontdoor.insights.services_evaluation import cohort_create

from .helpers import plant
from .survey_helpers import answer_many, open_round, past_round

pytestmark = pytest.mark.django_db

ON = timezone.localdate() - timedelta(days=400)


@pytest.fixture
def make_world(db):
    """An analyst's cohort of six planted people; ``text`` gives its name and intervention."""

    def make(text) -> dict:
        analyst = PractitionerFactory(
            username="analyst", role=Role.ANALYST, agency=AgencyFactory(name="Analysts")
        )
        referrer = PractitionerFactory(username="referrer", agency=AgencyFactory(name="Referrers"))
        synthetic = plant(referrer, effect=2, cohort_size=6, pool_size=12, on=ON)
        cohort = cohort_create(
            by=analyst,
            name=text("cohort name"),
            intervention=text("intervention"),
            members=synthetic.cohort,
        )
        return {"analyst": analyst, "cohort": cohort}

    return make


@pytest.fixture
def world(make_world):
    return make_world(lambda field: f"Quillfeather {field}")


def _url(name):
    return lambda w: reverse(name, args=[w["cohort"].pk])


READS = {
    "a cohort's result": Read(
        _url("insights:evaluation_detail"),
        "analyst",
        lambda w: w["cohort"],
        lambda w: "Quillfeather intervention",
    ),
    "a cohort's people": Read(
        _url("insights:evaluation_people"),
        "analyst",
        lambda w: w["cohort"],
        lambda w: str(w["cohort"].members.first().person),
    ),
}


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_each_insights_page_with_personal_data_records_its_read(world, signed_in, read):
    assert_read_recorded(signed_in(world[read.reader]), read, world)


def test_hostile_cohort_text_is_shown_as_text(make_world, signed_in):
    w = make_world(hostile)
    client = signed_in(w["analyst"])
    fields = [hostile("cohort name"), hostile("intervention")]
    for url, shown in [
        (reverse("insights:evaluation"), fields),
        (_url("insights:evaluation_detail")(w), fields),
        (_url("insights:evaluation_people")(w), fields[:1]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_shown_as_text(response.content.decode(), *shown, where=url)


def test_hostile_survey_comments_are_shown_as_text(signed_in):
    manager = PractitionerFactory(
        username="pm", agency=AgencyFactory(name="Partnership"), role=Role.PARTNERSHIP_MANAGER
    )
    survey = past_round(manager, weeks_ago=8)
    answer_many(survey, AgencyFactory(name="Police"), 6, comment=hostile("comment"))
    response = signed_in(manager).get(reverse("insights:health_results"))
    assert response.status_code == 200
    assert_shown_as_text(response.content.decode(), hostile("comment"), where="survey results")


@pytest.mark.parametrize("form", ["cohort", "round", "answer"])
def test_insights_forms_ignore_fields_they_do_not_have(form, world, signed_in):
    """Promise 4: an evaluation cohort's author, source, outcome and creation time; a survey
    round's number and author; an anonymous response's round, agency, sector and staff level,
    its answers' values and who is recorded as having answered come from the page and the
    services, never from extra posted fields."""
    analyst, cohort = world["analyst"], world["cohort"]
    elsewhere = AgencyFactory(name="Elsewhere", sector="police")
    manager = PractitionerFactory(
        username="pm", role=Role.PARTNERSHIP_MANAGER, agency=analyst.agency
    )
    long_ago = "2001-01-01T00:00"
    people = "\n".join(f"{m.person_id}, {ON.isoformat()}" for m in cohort.members.all())

    def answered():
        response = SurveyResponse.objects.get()
        return SimpleNamespace(
            response=response,
            values={a.value for a in response.answers.all()},
            answered_by=[p.practitioner for p in SurveyParticipation.objects.all()],
        )

    def answer_case():
        survey_round = open_round(manager)
        respondent = PractitionerFactory(username="respondent", role=Role.FRONTLINE)
        answers = {f"q{q.pk}": "3" for q in survey_round.questions.all()}
        return Smuggled(
            client=signed_in(respondent),
            url=reverse("insights:health_answer", args=[survey_round.number]),
            data={**answers, "comment": "Good meetings"},
            extras={
                "agency": elsewhere.pk,
                "agency_name": "Elsewhere",
                "sector": "police",
                "staff_level": "managerial",
                "practitioner": manager.pk,
                "value": "5",
            },
            record=answered,
            expected={
                "response.round": survey_round,
                "response.agency": respondent.agency,
                "response.agency_name": respondent.agency.name,
                "response.sector": respondent.agency.sector,
                "response.staff_level": "frontline",
                "values": {3},
                "answered_by": [respondent],
            },
        )

    cases = {
        "cohort": lambda: Smuggled(
            client=signed_in(analyst),
            url=reverse("insights:evaluation_create"),
            data={
                "name": "Panel cases",
                "intervention": "A plan",
                "window_days": "365",
                "people": people,
            },
            extras={
                "created_by": manager.pk,
                "created_at": long_ago,
                "source": "panel",
                "outcome": "harm",
            },
            record=lambda: EvaluationCohort.objects.latest("pk"),
            expected={"created_by": analyst, "source": "chosen", "outcome": "contacts"},
        ),
        "round": lambda: Smuggled(
            client=signed_in(manager),
            url=reverse("insights:health_round_new"),
            data={
                "opens_on": timezone.localdate().isoformat(),
                "closes_on": (timezone.localdate() + timedelta(days=14)).isoformat(),
            },
            extras={"number": 7, "created_by": analyst.pk, "created_at": long_ago},
            record=lambda: Round.objects.get(),
            expected={"number": 1, "created_by": manager},
        ),
        "answer": answer_case,
    }
    assert_extras_ignored(cases[form]())
