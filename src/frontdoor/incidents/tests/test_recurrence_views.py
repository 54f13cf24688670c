"""The recurrence pages through HTTP: what each role sees, and that reads and selections are
audited."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.incidents import services_recurrence as services
from frontdoor.incidents.models import CohortRule, PanelSelection
from frontdoor.meetings.models import Attendance, MeetingType
from frontdoor.meetings.services import meeting_create

from .recurrence_world import AS_OF, load_hand_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(police):
    return load_hand_case(police)


@pytest.fixture
def analyst(police):
    return PractitionerFactory(username="analyst", agency=police, role=Role.ANALYST)


@pytest.fixture
def run(people, analyst):
    rule = CohortRule.objects.create(
        name="Two or more", window_days=10, min_incidents=2, min_age=16
    )
    return services.recurrence_recompute(rule=rule, as_of=AS_OF, by=analyst)


@pytest.fixture
def chair(social_care):
    return PractitionerFactory(username="chair", agency=social_care, role=Role.MEETING_CHAIR)


@pytest.fixture
def panel(chair, police):
    return meeting_create(
        by=chair,
        type=MeetingType.PRACTITIONER_PANEL,
        starts_at=timezone.now() + dt.timedelta(days=7),
        chair=chair,
        title="Northbrook practitioner panel",
        agencies=[police],
    )


def test_the_analyst_sees_the_ranked_list_with_each_score_explained(
    signed_in, analyst, run, people
):
    page = signed_in(analyst).get(reverse("incidents:recurrence_cohort"))
    html = page.content.decode()
    assert page.status_code == 200
    # Ranked B, C, A, each with its points.
    assert html.index("Bram Quennell") < html.index("Cerys Ottoway") < html.index("Alys Quennell")
    assert "Dafydd" not in html
    assert "Serial 10.0; Overlap 5.0" in html
    assert "64.3" in html
    assert AuditEvent.objects.filter(actor=analyst, object_type="incidents.recurrencerun").exists()


def test_the_analyst_adds_three_people_to_a_panel_with_a_reason(
    signed_in, analyst, run, people, panel
):
    client = signed_in(analyst)
    chosen = [people["B"].pk, people["C"].pk, people["A"].pk]
    response = client.post(
        reverse("incidents:recurrence_select", args=[run.pk]),
        {"people": chosen, "meeting": panel.pk, "reason": "Highest harm, rising"},
    )
    assert response.status_code == 302
    assert sorted(panel.items.values_list("person_id", flat=True)) == sorted(chosen)
    assert set(PanelSelection.objects.values_list("reason", flat=True)) == {"Highest harm, rising"}


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"reason": ""}, "Enter why these people should come to the panel"),
        ({"people": []}, "Select at least one person from the list"),
        ({"meeting": ""}, "Choose the practitioner panel meeting"),
        ({"people": ["D"]}, "Select people from this list"),
    ],
)
def test_a_bad_selection_says_what_to_fix_and_changes_nothing(
    signed_in, analyst, run, people, panel, data, error
):
    form = {"people": [people["B"].pk], "meeting": panel.pk, "reason": "Rising harm"}
    form.update(data)
    if form["people"] == ["D"]:
        form["people"] = [people["D"].pk]  # scored, but not in the cohort
    response = signed_in(analyst).post(reverse("incidents:recurrence_select", args=[run.pk]), form)
    assert response.status_code == 422
    assert error in response.content.decode()
    assert not panel.items.exists()


def test_the_panel_chair_sees_the_profile_of_a_person_on_their_panel_only(
    signed_in, analyst, chair, run, people, panel
):
    services.panel_select(run=run, people=[people["B"]], meeting=panel, reason="Serial", by=analyst)
    client = signed_in(chair)
    item = panel.items.get()
    agenda = client.get(reverse("meetings:item", args=[item.pk])).content.decode()
    assert "“Serial”" in agenda
    assert reverse("incidents:recurrence_profile", args=[people["B"].pk]) in agenda
    page = client.get(reverse("incidents:recurrence_profile", args=[people["B"].pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Bram Quennell" in html and "How the score is made up" in html
    # The incident history table (the chart's data): I1 to I5, newest first.
    refs = re.findall(r'<td class="govuk-table__cell">(I\d)</td>', html)
    assert refs == ["I4", "I3", "I2", "I1", "I5"]
    assert "Serial" in html
    assert AuditEvent.objects.filter(
        actor=chair, verb="view", object_type="people.person", object_id=str(people["B"].pk)
    ).exists()
    assert (
        client.get(reverse("incidents:recurrence_profile", args=[people["C"].pk])).status_code
        == 404
    )


def test_a_named_attendee_sees_the_profiles_on_the_panel(
    signed_in, analyst, run, people, panel, officer
):
    services.panel_select(
        run=run, people=[people["C"]], meeting=panel, reason="Repeat victim", by=analyst
    )
    client = signed_in(officer)
    url = reverse("incidents:recurrence_profile", args=[people["C"].pk])
    assert client.get(url).status_code == 404
    Attendance.objects.filter(meeting=panel, agency=officer.agency).update(attendee=officer)
    assert client.get(url).status_code == 200


def test_partnership_managers_see_concentration_without_names(signed_in, run, police):
    manager = PractitionerFactory(username="pm", agency=police, role=Role.PARTNERSHIP_MANAGER)
    client = signed_in(manager)
    page = client.get(reverse("incidents:recurrence_concentration"))
    html = page.content.decode()
    assert page.status_code == 200
    # Offenders B (3 incidents, harm 28) and D (1, 3): the top one holds 75% and 90%.
    assert "Suspects and offenders: 2 in all, 4 incidents, harm 31" in html
    assert ">75%<" in html and ">90%<" in html
    assert "Quennell" not in html and "Ottoway" not in html
    assert 'id="lorenz-spec" type="application/json"' in html
    assert client.get(reverse("incidents:recurrence_cohort")).status_code == 403


def test_the_analyst_changes_the_rules(signed_in, analyst, run):
    rule = run.rule
    form = {
        "name": "Harm 15 or more",
        "window_days": "10",
        "min_incidents": "",
        "min_harm": "15",
        "min_age": "16",
        "recency": "10",
        "frequency": "5",
        "frequency_cap": "20",
        "gravity": "4",
        "serial": "10",
        "overlap": "5",
        "escalation": "10",
        "version": str(rule.version),
    }
    client = signed_in(analyst)
    bad = client.post(reverse("incidents:recurrence_rules"), {**form, "min_harm": ""})
    assert bad.status_code == 422
    assert "Set at least one condition" in bad.content.decode()
    assert client.post(reverse("incidents:recurrence_rules"), form).status_code == 302
    rule.refresh_from_db()
    assert (rule.min_incidents, rule.min_harm, rule.name) == (None, 15, "Harm 15 or more")
