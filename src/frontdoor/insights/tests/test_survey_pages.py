"""The survey's front page, rounds list and navigation, as each kind of practitioner sees them."""

import pytest
from django.urls import reverse

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory, sign_in

from .survey_helpers import answer_all, open_round, past_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency():
    return AgencyFactory(name="Testshire Police", sector="police")


@pytest.fixture
def manager(agency):
    return PractitionerFactory(username="pm", agency=agency, role=Role.PARTNERSHIP_MANAGER)


def test_a_frontline_practitioner_is_asked_to_answer_and_sees_no_results(client, agency, manager):
    survey = open_round(manager)
    sign_in(client, PractitionerFactory(agency=agency))
    page = client.get(reverse("insights:health")).content.decode()
    assert f"Answer round {survey.number}" in page
    assert "Your answers are anonymous" in page
    assert "See the results" not in page
    assert "Manage survey rounds" not in page
    assert (
        'href="/insights/health/"'
        not in client.get(reverse("home")).content.decode().split("<main")[0]
    )


def test_the_front_page_thanks_those_who_have_answered(client, agency, manager):
    survey = open_round(manager)
    officer = PractitionerFactory(agency=agency)
    answer_all(survey, officer)
    sign_in(client, officer)
    page = client.get(reverse("insights:health")).content.decode()
    assert f"You have answered round {survey.number}" in page
    assert f"Answer round {survey.number}" not in page


def test_a_partnership_manager_reaches_results_and_rounds(client, manager):
    past_round(manager, weeks_ago=8)
    sign_in(client, manager)
    home = client.get(reverse("home")).content.decode()
    assert "Partnership health" in home.split("<main")[0]  # in the navigation
    page = client.get(reverse("insights:health")).content.decode()
    assert "No round of the survey is open" in page
    assert reverse("insights:health_results") in page
    assert reverse("insights:health_rounds") in page
    rounds = client.get(reverse("insights:health_rounds")).content.decode()
    assert "Start the next round" in rounds
    assert "Round 1" in rounds


def test_an_analyst_sees_results_but_cannot_run_rounds(client, agency, manager):
    sign_in(client, PractitionerFactory(agency=agency, role=Role.ANALYST))
    page = client.get(reverse("insights:health")).content.decode()
    assert reverse("insights:health_results") in page
    assert reverse("insights:health_rounds") not in page


def test_reminders_are_sent_only_by_post(client, manager):
    survey = open_round(manager)
    sign_in(client, manager)
    assert client.get(reverse("insights:health_remind", args=[survey.number])).status_code == 405
