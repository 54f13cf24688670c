"""Recompute, snapshots and movement, and putting people forward to a panel."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.incidents import services_recurrence as services
from frontdoor.incidents.models import CohortMember, CohortRule, PanelSelection
from frontdoor.meetings.models import MeetingType
from frontdoor.meetings.services import meeting_create

from .recurrence_world import AS_OF, add_incidents, load_hand_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(police):
    return load_hand_case(police)


@pytest.fixture
def rule(db):
    return CohortRule.objects.create(
        name="Two or more", window_days=10, min_incidents=2, min_age=16
    )


@pytest.fixture
def analyst(police):
    return PractitionerFactory(username="analyst", agency=police, role=Role.ANALYST)


@pytest.fixture
def panel(police, analyst):
    chair = PractitionerFactory(username="chair", agency=police, role=Role.MEETING_CHAIR)
    return meeting_create(
        by=chair,
        type=MeetingType.PRACTITIONER_PANEL,
        starts_at=timezone.now() + dt.timedelta(days=7),
        chair=chair,
        title="Northbrook practitioner panel",
    )


def test_recompute_stores_the_ranked_cohort_with_explained_scores(people, rule, analyst):
    run = services.recurrence_recompute(rule=rule, as_of=AS_OF, by=analyst)
    members = list(run.members.order_by("rank"))
    # B 64.32, C 46, A 30 (D is 13 and has one incident): the hand-computed ranking.
    assert [(m.person, m.rank) for m in members] == [
        (people["B"], 1),
        (people["C"], 2),
        (people["A"], 3),
    ]
    assert [m.score for m in members] == [64.32, 46.0, 30.0]
    assert run.people_scored == 4
    points = {c["name"]: c["points"] for c in members[0].explanation}
    assert points["serial"] == 10 and points["overlap"] == 5 and points["gravity"] == 20
    assert members[0].measures["distinct_victims"] == 2
    assert all(m.movement == CohortMember.Movement.NEW for m in members)
    # Concentration is stored as aggregate shares only.
    assert run.concentration["offenders"]["top"][0]["harm_share"] == pytest.approx(28 / 31)
    assert all(
        set(group) == {"units", "incidents", "harm", "top", "lorenz"}
        for group in run.concentration.values()
    )
    assert AuditEvent.objects.filter(object_type="incidents.recurrencerun", actor=analyst).exists()


def test_the_next_run_shows_who_is_new_who_left_and_who_moved(police, people, rule, analyst):
    first = services.recurrence_recompute(rule=rule, as_of=AS_OF, by=analyst)
    # D has two more incidents as offender; the age limit is lifted so D (13) may count.
    rule.min_age = None
    rule.save()
    add_incidents(
        police,
        people,
        incidents=[
            ("J1", "2026-01-12T10:00:00", "crime", "8N", [("A", "victim"), ("D", "offender")]),
            ("J2", "2026-01-13T10:00:00", "crime", "8N", [("C", "victim"), ("D", "offender")]),
        ],
    )
    second = services.recurrence_recompute(
        rule=rule, as_of=AS_OF + dt.timedelta(days=4), by=analyst
    )
    # Window 5–14 Jan, halves split at 10 Jan. By hand:
    # D: offender in I4, J1, J2 (harm 3 + 14 + 14 = 31; victims B, A, C: serial):
    #    9 + 15 + 20 + 10 + 10 × (28 − 3)/31 = 62.06, rank 1, new.
    # A: victim in I7 and J1 (28): 8 + 10 + 4·log2(29) + 10 = 47.43, rank 2, up from 3.
    # C: victim in I3, I6, J2 (29): 9 + 15 + 4·log2(30) + 10 × 3/29 = 44.66, rank 3, down from 2.
    # B: one incident each as offender (I3) and victim (I4): leaves the cohort.
    movement = {
        m.person.given_names: (m.rank, m.previous_rank, m.movement, m.score)
        for m in second.members.all()
    }
    assert movement == {
        "Dafydd": (1, None, CohortMember.Movement.NEW, 62.06),
        "Alys": (2, 3, CohortMember.Movement.UP, 47.43),
        "Cerys": (3, 2, CohortMember.Movement.DOWN, 44.66),
    }
    assert services.left_since_previous(second) == [(people["B"].pk, 1)]
    assert services.left_since_previous(first) == []


def test_panel_selection_puts_people_on_the_agenda_with_the_reason(people, rule, analyst, panel):
    run = services.recurrence_recompute(rule=rule, as_of=AS_OF, by=analyst)
    chosen = [people["B"], people["C"], people["A"]]
    services.panel_select(
        run=run, people=chosen, meeting=panel, reason="Top three this month", by=analyst
    )
    items = list(panel.items.order_by("order"))
    assert [i.person for i in items] == chosen
    selections = PanelSelection.objects.filter(meeting=panel)
    assert {s.reason for s in selections} == {"Top three this month"}
    assert AuditEvent.objects.filter(
        object_type="people.person", object_id=str(people["B"].pk), verb="disclose"
    ).exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"reason": "  "}, "Enter why"),
        ({"people": []}, "Select at least one person"),
        ({"people": "D"}, "Select people from this cohort list"),
    ],
)
def test_bad_panel_selections_change_nothing(people, rule, analyst, panel, change, message):
    run = services.recurrence_recompute(rule=rule, as_of=AS_OF, by=analyst)
    arguments = {"people": [people["B"]], "reason": "Rising harm"}
    arguments.update(change)
    if arguments["people"] == "D":
        arguments["people"] = [people["B"], people["D"]]
    with pytest.raises(ValidationError, match=message):
        services.panel_select(run=run, meeting=panel, by=analyst, **arguments)
    assert not panel.items.exists()
    assert not PanelSelection.objects.exists()


def test_selecting_someone_twice_for_one_panel_is_refused(people, rule, analyst, panel):
    run = services.recurrence_recompute(rule=rule, as_of=AS_OF, by=analyst)
    services.panel_select(run=run, people=[people["B"]], meeting=panel, reason="First", by=analyst)
    with pytest.raises(ValidationError, match="already on this panel"):
        services.panel_select(
            run=run, people=[people["C"], people["B"]], meeting=panel, reason="Again", by=analyst
        )
    assert panel.items.count() == 1


def test_the_command_recomputes_against_the_active_rule(people, rule, capsys):
    call_command("recurrence_recompute", "--as-of", "2026-01-10")
    assert "Scored 4 people as of 10 Jan 2026: 3 in the cohort (3 new)." in capsys.readouterr().out


def test_rule_update_checks_the_version_and_is_audited(rule, analyst):
    from frontdoor.core.errors import ConflictError

    data = {
        "name": "Harm only",
        "window_days": 365,
        "min_incidents": None,
        "min_harm": 100,
        "min_age": 18,
        "include_serial": False,
        "gravity": 8.0,
    }
    updated = services.rule_update(rule=rule, by=analyst, data=data, expected_version=1)
    assert (updated.min_harm, updated.version, services.weights_of(updated).gravity) == (
        100,
        2,
        8.0,
    )
    assert services.weights_of(updated).recency == 10.0  # untouched weights keep their default
    with pytest.raises(ConflictError):
        services.rule_update(rule=rule, by=analyst, data=data, expected_version=1)
    assert AuditEvent.objects.filter(object_type="incidents.cohortrule", verb="change").count() == 1
