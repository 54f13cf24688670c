"""Insights' forms and filters take any text and any date: refused with a form error and nothing
changed, or saved exactly and shown back, never a server error (SECURITY.md promise 17).

Through the real pages (``core.testing.properties``): an analyst builds an evaluation cohort
(its name, what the people received, and the people box, one line a person with the date they
received it); a partnership manager starts a round of the health survey (its opening and
closing dates); a practitioner answers the survey (the comment is stored exactly; it is shown
only to managers, anonymously, once a round has closed with enough answers, so no page shows
it back here); and the dashboard's period filter, typed into the address, is answered with the
figures or a form error, echoing what was typed, escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from hypothesis import event, example, given
from hypothesis import strategies as st

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory, sign_in
from frontdoor.core.testing.properties import (
    FEW,
    ODD_SENTENCE,
    DateInput,
    TextForm,
    any_date,
    any_text,
    assert_refused_or_round_trips,
)
from frontdoor.insights.models import CohortMember, EvaluationCohort, SurveyResponse, SurveyRound
from frontdoor.insights.services_survey import COMMENT_LIMIT
from frontdoor.people.models import Person

from .helpers import plant
from .survey_helpers import open_round

pytestmark = pytest.mark.django_db

ON = timezone.localdate() - timedelta(days=400)
PERSON = 4242  # the person in the people box whose date is typed


@dataclass(frozen=True)
class PeopleLine(DateInput):
    """The cohort's people box with one line: the person's number, a comma and the date."""

    def post(self, parts: tuple[str, str, str]) -> dict[str, str]:
        day, month, year = parts
        return {self.name: f"{PERSON}, {year}-{month}-{day}"}


def _padded(parts: tuple[str, str, str]) -> tuple[str, str, str]:
    day, month, year = parts
    return (day.zfill(2), month.zfill(2), year.zfill(4))


def _cohort_answers(world) -> dict:
    return {
        "name": "MARAC cases, spring",
        "intervention": "A multi-agency action plan agreed at MARAC",
        "window_days": "365",
        "people": world["people"],
    }


def _round_answers(world) -> dict:
    latest = SurveyRound.objects.order_by("-number").first()
    opens = latest.closes_on + timedelta(days=1) if latest else timezone.localdate()
    return {"opens_on": opens.isoformat(), "closes_on": (opens + timedelta(days=20)).isoformat()}


def _survey_answers(world) -> dict:
    """A new practitioner each time (each answers once), signed in to the poster's client."""
    sign_in(world["answering"], PractitionerFactory(agency=world["agency"], role=Role.FRONTLINE))
    world["known"] = set(SurveyResponse.objects.values_list("pk", flat=True))
    questions = world["round"].questions.all()
    return {f"q{q.pk}": "3" for q in questions} | {"comment": "Joint visits work well."}


COHORT_PAGE = {"page": lambda w, cohort: reverse("insights:evaluation_detail", args=[cohort.pk])}
FORMS = {
    "build a cohort": TextForm(
        url=lambda w: reverse("insights:evaluation_create"),
        poster="analyst",
        answers=_cohort_answers,
        record=lambda w: EvaluationCohort.objects.order_by("-pk").first(),
        texts={"name": (200, "name"), "intervention": (300, "intervention")},
        **COHORT_PAGE,
    ),
    "a person's date in a cohort": TextForm(
        url=lambda w: reverse("insights:evaluation_create"),
        poster="analyst",
        answers=_cohort_answers,
        record=lambda w: CohortMember.objects.filter(person_id=PERSON).order_by("-pk").first(),
        page=lambda w, member: reverse("insights:evaluation_detail", args=[member.cohort_id]),
        dates=(PeopleLine("people", "intervention_date", parts=False),),
    ),
    "start a survey round": TextForm(
        url=lambda w: reverse("insights:health_round_new"),
        poster="manager",
        answers=_round_answers,
        record=lambda w: SurveyRound.objects.order_by("-number").first(),
        page=lambda w, survey_round: reverse("insights:health_rounds"),
        dates=(
            DateInput("opens_on", "opens_on", parts=False),
            DateInput("closes_on", "closes_on", parts=False),
        ),
    ),
    "answer the survey": TextForm(
        url=lambda w: reverse("insights:health_answer", args=[w["round"].number]),
        poster="answering",
        answers=_survey_answers,
        record=lambda w: SurveyResponse.objects.exclude(pk__in=w.get("known", ())).first(),
        page=lambda w, response: reverse("insights:health"),
        texts={"comment": (COMMENT_LIMIT, "comment")},
        not_shown=frozenset({"comment"}),
    ),
}
TEXT_FIELDS = [(name, field) for name, form in FORMS.items() for field in form.texts]
DATE_FIELDS = [(name, d) for name, form in FORMS.items() for d in form.dates]


@pytest.fixture
def world(db):
    agency = AgencyFactory(name="Testshire Police")
    analyst = PractitionerFactory(username="ana.analyst", role=Role.ANALYST, agency=agency)
    manager = PractitionerFactory(
        username="pat.partnership", role=Role.PARTNERSHIP_MANAGER, agency=agency
    )
    referrer = PractitionerFactory(username="rita.referrer", agency=agency)
    synthetic = plant(referrer, effect=0, cohort_size=6, pool_size=12, on=ON)
    Person.objects.create(
        pk=PERSON, given_names="Mair", family_name="Ap-Rhys", date_of_birth=ON.replace(year=1990)
    )
    survey_round = open_round(manager)
    clients = {"analyst": Client(), "manager": Client(), "answering": Client()}
    sign_in(clients["analyst"], analyst)
    sign_in(clients["manager"], manager)
    return {
        **clients,
        "agency": agency,
        "round": survey_round,
        "people": "\n".join(f"{pk}, {on.isoformat()}" for pk, on in synthetic.cohort),
    }


@FEW
@given(
    case=st.one_of(
        st.sampled_from(TEXT_FIELDS).flatmap(
            lambda nf: st.tuples(st.just(nf), any_text(FORMS[nf[0]].texts[nf[1]][0]), st.none())
        ),
        st.sampled_from(DATE_FIELDS).flatmap(
            lambda nd: st.tuples(
                st.just(nd), st.none(), st.one_of(any_date(), any_date().map(_padded))
            )
        ),
    )
)
@example(case=(("build a cohort", "name"), ODD_SENTENCE, None))
@example(case=(("build a cohort", "intervention"), ODD_SENTENCE, None))
@example(case=(("answer the survey", "comment"), ODD_SENTENCE, None))
@example(case=(("answer the survey", "comment"), "c" * (COMMENT_LIMIT + 1), None))
@example(case=(("a person's date in a cohort", DATE_FIELDS[0][1]), None, ("29", "02", "2024")))
@example(case=(("a person's date in a cohort", DATE_FIELDS[0][1]), None, ("01", "01", "0001")))
@example(case=(("a person's date in a cohort", DATE_FIELDS[0][1]), None, ("31", "04", "2024")))
@example(case=(("start a survey round", DATE_FIELDS[2][1]), None, ("31", "12", "9999")))
@example(case=(("start a survey round", DATE_FIELDS[1][1]), None, ("1", "1", "0001")))
@example(case=(("start a survey round", DATE_FIELDS[2][1]), None, ("29", "2", "2027")))
def test_insights_forms_refuse_cleanly_or_round_trip_any_text_and_date(world, case):
    (name, what), text, parts = case
    form = FORMS[name]
    if text is not None:
        assert_refused_or_round_trips(form, world, text=(what, text))
    else:
        assert_refused_or_round_trips(form, world, typed=(what, parts))
    if name == "start a survey round":
        # Whatever was saved, the manager can still open the page to start the next round.
        page = world["manager"].get(reverse("insights:health_round_new"))
        assert page.status_code == 200, page.status_code


def _typed(parts: tuple[str, str, str]) -> str:
    day, month, year = parts
    return f"{year}-{month}-{day}"


@FEW
@given(
    box=st.sampled_from(["start", "end"]),
    typed=st.one_of(
        any_date().map(_typed),
        any_date().map(_padded).map(_typed),
        st.dates(date(2000, 1, 1), timezone.localdate()).map(date.isoformat),
        any_text(40),
    ),
)
@example(box="start", typed="0001-01-01")
@example(box="start", typed="2024-02-29")
@example(box="end", typed="2027-02-29")
@example(box="end", typed="9999-12-31")
@example(box="start", typed='"><script>alert(1)</script>')
@example(box="start", typed=" ")
def test_the_dashboard_answers_any_period_with_figures_or_a_form_error(world, box, typed):
    today = timezone.localdate()
    period = {"start": (today - timedelta(days=30)).isoformat(), "end": today.isoformat()}
    response = world["manager"].get(reverse("insights:dashboard"), {**period, box: typed})
    assert response.status_code in (200, 422), response.status_code
    page = response.content.decode()
    if response.status_code == 422:
        event("refused")
        assert "There is a problem" in page
    else:
        event("answered")
    if typed.strip():
        assert f'value="{escape(typed.strip())}"' in page or f'value="{escape(typed)}"' in page, (
            f"{box} {typed!r} is not echoed escaped"
        )
