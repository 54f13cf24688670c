"""Results by group and over time, with small groups and their complements withheld."""

import csv
import io

import pytest
from django.urls import reverse

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory, sign_in
from frontdoor.insights.models import SurveyQuestion
from frontdoor.insights.results_survey import (
    COMPLEMENT,
    SMALL,
    Cell,
    Respondent,
    round_results,
    withhold,
)

from .survey_helpers import answer_many, open_round, past_round

pytestmark = pytest.mark.django_db

WITHHELD = "Fewer than 5 responses — withheld to protect anonymity"


def cells(**sizes):
    return [
        Cell(label=name, respondents=[Respondent(agency=name, staff_level="x")] * n)
        for name, n in sizes.items()
    ]


def states(result):
    return {cell.label: cell.withheld for cell in result}


# The suppression rule itself -------------------------------------------------------------


def test_groups_of_five_or_more_are_shown():
    assert states(withhold(cells(a=5, b=12), total_shown=True)) == {"a": "", "b": ""}


def test_a_group_of_four_is_withheld_and_so_is_the_next_smallest():
    # Shown total 14 minus 10 would give away the group of 4.
    assert states(withhold(cells(a=10, b=4), total_shown=True)) == {"a": COMPLEMENT, "b": SMALL}


def test_only_the_next_smallest_is_withheld_alongside_one_small_group():
    result = states(withhold(cells(big=20, middle=6, small=4, other=7), total_shown=True))
    assert result == {"big": "", "middle": COMPLEMENT, "small": SMALL, "other": ""}


def test_two_small_groups_together_of_five_or_more_protect_each_other():
    result = states(withhold(cells(a=3, b=3, c=8, d=9), total_shown=True))
    assert result == {"a": SMALL, "b": SMALL, "c": "", "d": ""}


def test_two_small_groups_together_under_five_take_another_group_with_them():
    # Total minus the shown groups would give the combined answers of 4 people.
    result = states(withhold(cells(a=2, b=2, c=8, d=9), total_shown=True))
    assert result == {"a": SMALL, "b": SMALL, "c": COMPLEMENT, "d": ""}


def test_when_the_total_is_withheld_every_group_is():
    result = states(withhold(cells(a=3, b=1), total_shown=False))
    assert result == {"a": SMALL, "b": SMALL}


# Figures from real answers -----------------------------------------------------------------


@pytest.fixture
def agencies():
    return {
        "police": AgencyFactory(name="Testshire Police", sector="police"),
        "csc": AgencyFactory(
            name="Testshire Children's Social Care", sector="childrens_social_care"
        ),
        "school": AgencyFactory(name="Testshire Academy", sector="education"),
    }


@pytest.fixture
def manager(agencies):
    return PractitionerFactory(username="pm", agency=agencies["csc"], role=Role.PARTNERSHIP_MANAGER)


@pytest.fixture
def analyst(agencies):
    return PractitionerFactory(username="analyst", agency=agencies["police"], role=Role.ANALYST)


def fill(survey_round, agencies, *, manager_trust, frontline_trust, school=4, comment=""):
    """6 police and 6 social care managers, 7 police frontline, and a small school group."""
    answer_many(
        survey_round,
        agencies["police"],
        6,
        role=Role.HUB_MANAGER,
        by_measure={"trust": manager_trust},
    )
    answer_many(
        survey_round,
        agencies["csc"],
        6,
        role=Role.MEETING_CHAIR,
        by_measure={"trust": manager_trust},
    )
    answer_many(survey_round, agencies["police"], 7, by_measure={"trust": frontline_trust})
    answer_many(survey_round, agencies["school"], school, by_measure={"trust": 1}, comment=comment)


def test_means_and_distribution_by_managers_and_frontline(manager, agencies):
    survey = open_round(manager)
    fill(survey, agencies, manager_trust=5, frontline_trust=2)
    results = round_results(survey)
    assert results.total.n == 23
    levels = {cell.label: cell for cell in results.by_staff_level}
    assert levels["Managers"].mean("trust") == 5.0
    # 7 police frontline at 2, and 4 at the school at 1: (14 + 4) / 11
    assert levels["Frontline and other staff"].mean("trust") == round(18 / 11, 2)
    assert levels["Managers"].mean("commitment") == 3.0
    distribution = results.total.distribution("trust")
    answers_per_person = SurveyQuestion.objects.filter(round=survey, measure="trust").count()
    assert [count for _, count, _ in distribution] == [
        4 * answers_per_person,
        7 * answers_per_person,
        0,
        0,
        12 * answers_per_person,
    ]
    assert sum(percent for _, _, percent in distribution) in (99, 100, 101)


def test_a_group_of_four_and_its_complement_are_withheld_on_the_page(client, manager, agencies):
    survey = past_round(manager, weeks_ago=8)
    # Police 13 and social care 6 shown would leave the school's 4 to be worked out: the
    # smaller of those (social care) is withheld too.
    fill(survey, agencies, manager_trust=5, frontline_trust=2)
    results = {cell.label: cell.withheld for cell in round_results(survey).by_agency}
    assert results == {
        "Testshire Academy": SMALL,
        "Testshire Children's Social Care": COMPLEMENT,
        "Testshire Police": "",
    }
    sign_in(client, manager)
    page = client.get(reverse("insights:health_results")).content.decode()
    assert WITHHELD in page
    assert "Withheld so that a smaller group’s answers cannot be worked out" in page
    assert "23 practitioners answered" in page


def test_a_group_of_five_is_shown(client, manager, agencies):
    survey = open_round(manager)
    fill(survey, agencies, manager_trust=5, frontline_trust=2, school=5)
    assert all(not cell.withheld for cell in round_results(survey).by_agency)


def test_a_round_with_four_answers_shows_nothing_but_that(client, manager, agencies):
    survey = past_round(manager, weeks_ago=8)
    answer_many(survey, agencies["police"], 4, comment="A comment from a small round")
    sign_in(client, manager)
    page = client.get(reverse("insights:health_results")).content.decode()
    assert "fewer than 5 responses — withheld to protect anonymity" in page
    assert "A comment from a small round" not in page
    assert "Testshire Police" not in page


def test_comments_show_from_five_answers_without_who_wrote_them(client, manager, agencies):
    survey = past_round(manager, weeks_ago=8)
    fill(survey, agencies, manager_trust=5, frontline_trust=2, comment="The school feels unheard")
    sign_in(client, manager)
    page = client.get(reverse("insights:health_results")).content.decode()
    assert page.count("The school feels unheard") == 4
    comments = page[
        page.index('<h2 class="govuk-heading-m">Comments</h2>') : page.index("Over time")
    ]
    assert "Testshire" not in comments
    assert "Frontline" not in comments


def test_results_over_time_by_round(client, manager, agencies):
    first = past_round(manager, weeks_ago=20)
    second = past_round(manager, weeks_ago=8)
    for survey_round, frontline in ((first, 2), (second, 4)):
        answer_many(
            survey_round,
            agencies["police"],
            5,
            role=Role.HUB_MANAGER,
            by_measure={"trust": 5},
            today=survey_round.opens_on,
        )
        answer_many(
            survey_round,
            agencies["police"],
            5,
            by_measure={"trust": frontline},
            today=survey_round.opens_on,
        )
    sign_in(client, manager)
    response = client.get(reverse("insights:health_results"))
    over_time = dict(response.context["over_time"])
    trust = [m for m in over_time if m.key == "trust"][0]
    rows = {r.number: [mean for _, mean in cells] for r, cells in over_time[trust]}
    assert rows == {1: [3.5, 5.0, 2.0], 2: [4.5, 5.0, 4.0]}
    page = response.content.decode()
    assert "Round 1" in page and "Round 2" in page
    # Choosing an earlier round shows its figures.
    earlier = client.get(reverse("insights:health_results"), {"round": 1})
    assert earlier.context["results"].survey_round == first
    assert client.get(reverse("insights:health_results"), {"round": 9}).status_code == 404


def test_an_open_round_shows_no_figures_until_it_closes(client, manager, agencies):
    """Figures that change as each person answers would give away a known answerer's answers."""
    sign_in(client, manager)
    survey = open_round(manager)
    fill(survey, agencies, manager_trust=5, frontline_trust=2, comment="Open round comment")
    page = client.get(reverse("insights:health_results")).content.decode()
    assert "No round of the survey has closed yet" in page
    assert "Open round comment" not in page

    closed = past_round(manager, weeks_ago=8)
    answer_many(closed, agencies["police"], 5)
    page = client.get(reverse("insights:health_results")).content.decode()
    assert "Open round comment" not in page
    assert "Its results are shown once it closes" in page
    asked = client.get(reverse("insights:health_results"), {"round": survey.number})
    assert asked.status_code == 404
    export = client.get(reverse("insights:health_export")).content.decode()
    assert {row[0] for row in list(csv.reader(io.StringIO(export)))[1:]} == {str(closed.number)}


def test_the_export_is_audited_and_neutralises_formulas(client, analyst, manager, agencies):
    survey = past_round(manager, weeks_ago=8)
    formula = AgencyFactory(name='=HYPERLINK("http://evil.example")', sector="voluntary")
    fill(survey, agencies, manager_trust=5, frontline_trust=2)
    answer_many(survey, formula, 5)
    sign_in(client, analyst)
    response = client.get(reverse("insights:health_export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:6] == ["Round", "Breakdown", "Group", "Measure", "Responses", "Mean (1 to 5)"]
    groups = {row[2] for row in rows[1:]}
    assert '\'=HYPERLINK("http://evil.example")' in groups
    school = [row for row in rows if row[2] == "Testshire Academy"]
    assert school and all(row[4] == "" and row[5].startswith("Withheld") for row in school)
    everyone_trust = [row for row in rows if row[1] == "All" and row[3] == "Trust"][0]
    assert everyone_trust[4] == "28"
    event = AuditEvent.objects.get(verb=Verb.EXPORT)
    assert event.actor == analyst
    assert event.details["rounds"] == [survey.number]


def test_starting_the_next_round_copies_the_questions(client, manager):
    first = past_round(manager, weeks_ago=8)
    question = first.questions.get(position=1)
    question.text = "Our partnership's own wording of the first statement."
    question.save()
    sign_in(client, manager)
    page = client.get(reverse("insights:health_round_new")).content.decode()
    assert "Start the next round" in page
    response = client.post(
        reverse("insights:health_round_new"),
        {"opens_on": "2099-01-01", "closes_on": "2099-01-20"},
    )
    assert response.status_code == 302
    second = type(first).objects.get(number=2)
    assert list(second.questions.values_list("measure", "scale", "text")) == list(
        first.questions.values_list("measure", "scale", "text")
    )
    assert second.questions.get(position=1).text == question.text
    assert AuditEvent.objects.filter(verb=Verb.CREATE, object_id=str(second.pk)).exists()


@pytest.mark.parametrize(
    "data,message",
    [
        ({"opens_on": "2099-02-10", "closes_on": "2099-02-01"}, "closing date must be on or after"),
        ({"opens_on": "2099-01-10", "closes_on": "2099-02-01"}, "choose dates that do not overlap"),
        (
            {"opens_on": "not a date", "closes_on": "2099-02-01"},
            "Enter the opening date as a real date",
        ),
    ],
)
def test_bad_round_dates_get_a_message_and_change_nothing(client, manager, data, message):
    sign_in(client, manager)
    client.post(
        reverse("insights:health_round_new"), {"opens_on": "2099-01-01", "closes_on": "2099-01-20"}
    )
    response = client.post(reverse("insights:health_round_new"), data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert type(manager).objects.count() == 1
    from frontdoor.insights.models import SurveyRound

    assert SurveyRound.objects.count() == 1


def test_the_first_round_asks_every_dimension_and_factor(manager):
    survey = open_round(manager)
    measures = list(survey.questions.values_list("measure", flat=True))
    for dimension in ("commitment", "trust", "exchange", "respect", "conflict"):
        assert measures.count(dimension) >= 3
    for factor in (
        "leadership",
        "time",
        "co_production",
        "champions",
        "culture",
        "parochialism",
        "politics",
        "governance",
        "practicalities",
    ):
        assert measures.count(factor) == 1
