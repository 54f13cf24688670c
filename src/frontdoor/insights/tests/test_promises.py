"""Insights, page by page: every read of personal data is recorded (SECURITY.md promise 6)
and free text, the staff survey's comments included, comes back as text, never as markup
(promise 14).

Only an evaluation cohort touches people: its result (aggregate, recorded anyway) and its
list of people. The dashboard, the statutory returns' pages (their exports are recorded as
exports) and the staff survey's results hold counts and anonymous answers."""

from __future__ import annotations

from datetime import timedelta

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
from frontdoor.insights.services_evaluation import cohort_create

from .helpers import plant
from .survey_helpers import answer_many, past_round

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
