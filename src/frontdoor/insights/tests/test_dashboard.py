"""The partnership dashboard: figures under filters, period checks, exports that are safe and audited."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.clock import is_working_day
from frontdoor.core.testing.factories import (
    AgencyFactory,
    AreaFactory,
    PractitionerFactory,
    sign_in,
)
from frontdoor.insights import figures
from frontdoor.insights.figures import Filters
from frontdoor.people.models import Person
from frontdoor.referrals.models import Decision

from .helpers import at, make_contact

UTC = timezone.get_default_timezone()
NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)


# Pure helpers ----------------------------------------------------------------------


def test_clock_outcomes():
    due = NOW
    assert figures.clock_outcome(due, due - timedelta(hours=1), NOW) == "in_time"
    assert figures.clock_outcome(due, due + timedelta(hours=1), NOW) == "late"
    assert figures.clock_outcome(due, None, NOW + timedelta(seconds=1)) == "overdue"
    assert figures.clock_outcome(due, None, NOW - timedelta(hours=1)) == "waiting"
    assert figures.clock_outcome(None, None, NOW) == "no_clock"


def test_timeliness_rows_count_each_group_and_the_total():
    early, late = NOW - timedelta(hours=2), NOW + timedelta(hours=2)
    items = [
        ("Police", NOW, early),  # in time
        ("Police", NOW, late),  # late
        ("Health", NOW - timedelta(hours=1), None),  # overdue
        ("Health", NOW + timedelta(days=1), None),  # still running
    ]
    rows = figures.timeliness_rows(items, NOW, total="All")
    assert rows == [
        ("Health", 2, 0, 0, 1, 1, 0.0),
        ("Police", 2, 1, 1, 0, 0, 50.0),
        ("All", 4, 1, 1, 1, 1, 33.3),
    ]


def test_share_rows_and_nothing_to_count():
    assert figures.share_rows([("A", True), ("A", False), ("B", True)], total="All") == [
        ("A", 2, 1, 50.0),
        ("B", 1, 1, 100.0),
        ("All", 3, 2, 66.7),
    ]
    assert figures.share_rows([], total="All") == []
    assert figures.percent(1, 0) is None


def test_figures_not_yet_available_have_no_function_and_say_what_they_wait_for():
    waiting = [f for f in figures.FIGURES if not f.available]
    assert waiting == []  # the last one, repeat_incidents, arrived with the incidents app
    later = figures.Figure(key="later", title="", cares="", explanation="", waiting_for="surveys")
    assert (later.available, later.waiting_label) == (False, "Counted when surveys arrive")
    with pytest.raises(ValueError):
        figures.register(
            figures.Figure(key="decisions_by_rag", title="again", cares="", explanation="")
        )


# In the database ---------------------------------------------------------------------


@pytest.fixture
def places(db):
    preston = AreaFactory(name="Preston", postcode_districts="PR1 PR2")
    burnley = AreaFactory(name="Burnley", postcode_districts="BB10 BB11")
    return preston, burnley


@pytest.fixture
def police(db):
    return PractitionerFactory(username="pc", agency=AgencyFactory(name="Testshire Police"))


@pytest.fixture
def school(db):
    return PractitionerFactory(username="dsl", agency=AgencyFactory(name='=HYPERLINK("x") School'))


@pytest.fixture
def manager(db):
    return PractitionerFactory(
        username="partnership", role=Role.PARTNERSHIP_MANAGER, agency=AgencyFactory(name="Board")
    )


def _filters(**kwargs):
    today = timezone.localdate()
    return Filters(start=today - timedelta(days=60), end=today, **kwargs)


def _day(days_ago: int):
    return at(timezone.localdate() - timedelta(days=days_ago))


def _working_monday():
    """10:00 on a Monday at least 10 days ago, when Monday and Tuesday are working days."""
    day = timezone.localdate() - timedelta(days=10)
    while not (
        day.weekday() == 0 and is_working_day(day) and is_working_day(day + timedelta(days=1))
    ):
        day -= timedelta(days=1)
    return at(day)


@pytest.fixture
def front_door(places, police, school):
    """Three decided contacts in Preston (two in time) and one overdue in Burnley."""
    for hours in (2, 3, 30):
        sent = _working_monday()
        make_contact(
            police,
            sent,
            postcode="PR1 4XY",
            rag="amber",
            decision_due_at=sent + timedelta(hours=24),
            decided_at=sent + timedelta(hours=hours),
            referrer_told_at=sent + timedelta(hours=hours),
            status="decided",
        )
    sent = _day(5)
    make_contact(
        school, sent, postcode="BB10 2AB", rag="red", decision_due_at=sent + timedelta(hours=4)
    )


def _row(rows, label):
    return next(row for row in rows if row[0] == label)


def test_the_district_filter_changes_the_numbers(front_door, places):
    preston, burnley = places
    everywhere = figures.decisions_by_rag(_filters())
    assert _row(everywhere, "All ratings")[1] == 4
    in_preston = figures.decisions_by_rag(_filters(district=preston))
    assert in_preston == [("Amber", 3, 2, 1, 0, 0, 66.7), ("All ratings", 3, 2, 1, 0, 0, 66.7)]
    in_burnley = figures.decisions_by_rag(_filters(district=burnley))
    assert _row(in_burnley, "Red")[4] == 1  # overdue


def test_the_agency_and_period_filters(front_door, police):
    assert _row(figures.decisions_by_agency(_filters(agency=police.agency)), "All agencies")[1] == 3
    today = timezone.localdate()
    recent = Filters(start=today - timedelta(days=6), end=today)
    assert _row(figures.decisions_by_agency(recent), "All agencies")[1] == 1


def test_referrers_told_within_a_working_day(front_door):
    rows = figures.referrers_told(_filters())
    # Sent 10:00 on a Monday: told by 12:00 and 13:00 is in time, at 16:00 on Tuesday is not.
    assert rows == [("Testshire Police", 3, 2, 66.7), ("All agencies", 3, 2, 66.7)]


def test_re_referrals_within_12_months(db, police, places):
    known = Person.objects.create(given_names="Ann", family_name="Known", postcode="PR1 1AA")
    other = Person.objects.create(given_names="Bob", family_name="Other")
    make_contact(police, _day(400), people=[known])  # more than 12 months before: not counted
    make_contact(police, _day(20), people=[known])
    make_contact(police, _day(10), people=[known])  # re-referral of the contact 10 days earlier
    make_contact(police, _day(9), people=[other])
    rows = figures.re_referrals(_filters())
    assert rows[-1] == ("All agencies", 3, 1, 33.3)


def test_decision_outcome_mix(front_door, police):
    contact = police.referrals_made.first()
    Decision.objects.create(
        contact=contact,
        outcome=Decision.Outcome.EARLY_HELP,
        rationale="r",
        feedback_to_referrer="f",
        decided_by=police,
        decided_at=timezone.now(),
    )
    assert figures.decision_outcomes(_filters()) == [
        ("Early help", 1, 100.0),
        ("All decisions", 1, 100.0),
    ]


def test_structures_overdue_for_review_by_level_district_and_agency(places, police):
    from frontdoor.directory.models.partnership import Body, BodyType, Level, Membership

    preston, burnley = places
    today = timezone.localdate()
    late, soon = today - timedelta(days=1), today + timedelta(days=30)

    def body(name, level, area, due, **extra):
        return Body.objects.create(
            name=name,
            classification=BodyType.OTHER,
            level=level,
            area=area,
            review_due=due,
            **extra,
        )

    body("Board", Level.FORCE_WIDE, None, soon)
    body("Preston CSP", Level.DISTRICT, preston, late)
    body("Burnley CSP", Level.DISTRICT, burnley, soon)
    panel = body("Preston panel", Level.NEIGHBOURHOOD, preston, late)
    body("Closed group", Level.DISTRICT, preston, late, dissolution_date=today)
    Membership.objects.create(body=panel, agency=police.agency)

    rows = figures.structures_overdue(_filters())
    assert _row(rows, "District") == ("District", 2, 1, 50.0)
    assert _row(rows, "All levels") == ("All levels", 4, 2, 50.0)
    in_preston = figures.structures_overdue(_filters(district=preston))
    assert _row(in_preston, "All levels") == ("All levels", 2, 2, 100.0)
    police_bodies = figures.structures_overdue(_filters(agency=police.agency))
    assert police_bodies == [
        ("Neighbourhood or cluster", 1, 1, 100.0),
        ("All levels", 1, 1, 100.0),
    ]


def test_meetings_held_and_cases_heard_by_type(front_door, places, police, school):
    from frontdoor.meetings.models import AgendaItem, Attendance, Meeting, MeetingType
    from frontdoor.referrals.models import Contact

    preston, burnley = places
    now = timezone.now()
    daily = Meeting.objects.create(
        type=MeetingType.DAILY_RISK,
        starts_at=now - timedelta(days=2),
        chair=police,
        status=Meeting.Status.MINUTES_ISSUED,
    )
    marac = Meeting.objects.create(
        type=MeetingType.MARAC,
        starts_at=now - timedelta(days=1),
        chair=police,
    )
    Meeting.objects.create(  # before the period: not counted
        type=MeetingType.MARAC, starts_at=now - timedelta(days=90), chair=police
    )
    Attendance.objects.create(meeting=marac, agency=school.agency)
    in_preston = Contact.objects.filter(subjects__postcode__startswith="PR1")[:2]
    in_burnley = Contact.objects.filter(subjects__postcode__startswith="BB10").first()
    for order, contact in enumerate(in_preston):
        AgendaItem.objects.create(meeting=daily, contact=contact, order=order, heard_at=now)
    AgendaItem.objects.create(meeting=marac, contact=in_burnley, order=0)

    rows = figures.meetings_held(_filters())
    assert _row(rows, "Daily risk meeting")[1:] == (1, 1, 1, 2, 2, 100.0)
    assert _row(rows, "All meetings")[1:] == (2, 1, 1, 3, 2, 66.7)
    assert [row[0] for row in figures.meetings_held(_filters(agency=school.agency))] == [
        "MARAC (multi-agency risk assessment conference)",
        "All meetings",
    ]
    assert _row(figures.meetings_held(_filters(district=preston)), "All meetings")[1] == 1


# Through the pages ---------------------------------------------------------------------


def test_the_dashboard_shows_figures_and_labels_what_is_not_counted_yet(
    client, manager, front_door
):
    sign_in(client, manager)
    page = client.get(reverse("insights:dashboard")).content.decode()
    assert "Triage decisions made by their deadline, by RAG rating" in page
    assert "Counted when incidents arrive" not in page
    assert "Repeat incidents and harm for people with plans, before and after" in page
    assert "Counted when plans arrive" not in page
    assert "Action mix: the share of actions that directly engage the person" in page
    assert "Counted when disagreements arrive" not in page
    assert "Disagreements by learning theme" in page
    assert "Counted when the partnership map arrives" not in page
    assert "Partnership structures overdue for review" in page


@pytest.mark.parametrize(
    "query,message",
    [
        (
            {"start": "2026-02-10", "end": "2026-02-01"},
            "The end date must be the same as or after the start date",
        ),
        (
            {"start": "2999-01-01", "end": "2999-01-02"},
            "The start date must be today or in the past",
        ),
        ({"start": "2026-01-01", "end": "not a date"}, "Enter a real end date"),
        (
            {"start": "2026-01-01", "end": "2026-01-02", "district": "99999"},
            "Select a district from the list",
        ),
    ],
)
def test_bad_filters_get_a_clear_message(client, manager, query, message):
    sign_in(client, manager)
    response = client.get(reverse("insights:dashboard"), query)
    assert response.status_code == 422
    assert message in response.content.decode()
    export = client.get(reverse("insights:dashboard_export", args=["xlsx"]), query)
    assert export.status_code == 422
    assert not AuditEvent.objects.filter(verb=Verb.EXPORT).exists()


def test_xlsx_export_opens_neutralises_formulas_and_is_audited(client, manager, front_door, places):
    sign_in(client, manager)
    preston, burnley = places
    query = {"district": burnley.pk}
    response = client.get(reverse("insights:dashboard_export", args=["xlsx"]), query)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[0] == "About"
    sheet = book[book.sheetnames[2]]  # decisions by referring agency
    values = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert '\'=HYPERLINK("x") School' in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if len(row) > 1}
    assert about["District"] == "Burnley"
    event = AuditEvent.objects.get(verb=Verb.EXPORT)
    assert event.actor == manager and event.object_type == "insights.dashboard"
    assert event.details["format"] == "xlsx" and event.details["filters"]["District"] == "Burnley"
    assert event.recipients == ["Board"]


def test_csv_export_neutralises_formulas(client, manager, front_door):
    sign_in(client, manager)
    response = client.get(reverse("insights:dashboard_export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    names = [row[0] for row in rows if row]
    assert '\'=HYPERLINK("x") School' in names
    assert not any(name.startswith("=") for name in names)
    assert AuditEvent.objects.filter(verb=Verb.EXPORT, details__format="csv").count() == 1


def test_an_unknown_export_format_is_not_found(client, manager):
    sign_in(client, manager)
    assert client.get(reverse("insights:dashboard_export", args=["pdf"])).status_code == 404


def test_the_dashboard_is_in_the_navigation_of_those_who_may_see_it(client, manager):
    sign_in(client, manager)
    assert 'href="/insights/dashboard/"' in client.get(reverse("home")).content.decode()
    frontline = PractitionerFactory(role=Role.FRONTLINE)
    client.logout()
    sign_in(client, frontline)
    assert 'href="/insights/dashboard/"' not in client.get(reverse("home")).content.decode()
