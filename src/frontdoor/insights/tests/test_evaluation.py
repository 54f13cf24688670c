"""Does it work? The matched difference-in-differences finds a planted effect and no phantom one."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory, sign_in
from frontdoor.insights import evaluation
from frontdoor.insights.evaluation import Events, Observation, Pair, Profile
from frontdoor.insights.forms_evaluation import parse_members
from frontdoor.insights.models import EvaluationCohort
from frontdoor.insights.services_evaluation import cohort_create, cohort_evaluate

from .helpers import plant

# Pure functions ------------------------------------------------------------------


def test_age_bands():
    assert evaluation.age_band(None) == "unknown"
    assert evaluation.age_band(4) == "0–4"
    assert evaluation.age_band(17) == "16–17"
    assert evaluation.age_band(64) == "60+"


def test_age_is_counted_on_the_intervention_date():
    assert evaluation.age_on(date(2010, 3, 1), date(2026, 2, 28)) == 15
    assert evaluation.age_on(date(2010, 3, 1), date(2026, 3, 1)) == 16


def test_events_count_the_window_before_but_not_including_its_end():
    events = Events.of([(date(2026, 1, 1), 1), (date(2026, 1, 10), 1), (date(2026, 1, 20), 2)])
    assert events.total(date(2026, 1, 1), date(2026, 1, 10)) == 1
    assert events.total(date(2026, 1, 1), date(2026, 1, 21)) == 4


def test_follow_up_is_cut_to_the_time_available():
    today = date(2026, 6, 1)
    assert evaluation.follow_up_days(date(2025, 1, 1), 365, today) == 365
    assert evaluation.follow_up_days(date(2026, 5, 1), 365, today) == 31
    assert evaluation.follow_up_days(today, 365, today) == 0


def test_verdict_says_no_evidence_when_the_interval_includes_zero():
    assert evaluation.verdict(-3.0, -0.5) == "evidence of a reduction"
    assert evaluation.verdict(0.2, 1.0) == "evidence of an increase"
    assert evaluation.verdict(-1.0, 0.5) == "no evidence of an effect"


def test_matching_prefers_the_most_similar_person_and_does_not_reuse_them():
    on = date(2025, 6, 1)
    profiles = {
        1: Profile(date(2010, 1, 1), "female", "Preston"),
        2: Profile(date(2010, 1, 1), "female", "Preston"),
        10: Profile(date(2010, 2, 1), "female", "Preston"),  # alike
        11: Profile(date(1960, 1, 1), "male", "Burnley"),  # unalike
    }
    before = [(on - timedelta(days=30), 1.0)] * 2
    events = {1: Events.of(before), 2: Events.of(before), 10: Events.of(before)}
    pairs, reused, _, _ = evaluation.match(
        [(1, on), (2, on)], [10, 11], profiles, events, window_days=365, today=date(2026, 7, 1)
    )
    assert [p.comparison.person_id for p in pairs] == [10, 11]
    assert pairs[0].distance == 0 and pairs[1].poor
    assert reused == 0


def test_matching_reuses_a_person_only_when_nobody_else_is_left():
    on = date(2025, 6, 1)
    profiles = {
        1: Profile(None, "male", ""),
        2: Profile(None, "male", ""),
        9: Profile(None, "male", ""),
    }
    pairs, reused, _, _ = evaluation.match(
        [(1, on), (2, on)], [9], profiles, {}, window_days=365, today=date(2026, 7, 1)
    )
    assert [p.comparison.person_id for p in pairs] == [9, 9]
    assert reused == 1


def test_standardised_mean_difference():
    assert evaluation.standardised_mean_difference([1, 1], [1, 1]) == 0
    assert evaluation.standardised_mean_difference([2, 4], [0, 2]) == pytest.approx(2.0)


def _observation(person, before, after):
    return Observation(person, date(2025, 1, 1), 365, before, after, 30, "25–39", "male", "X")


def test_difference_in_differences_and_its_interval_repeat():
    pairs = [
        Pair(_observation(i, 5, 3 + i % 2), _observation(100 + i, 5, 5 - i % 3), 0)
        for i in range(12)
    ]
    first = evaluation.difference_in_differences(pairs)
    again = evaluation.difference_in_differences(pairs)
    assert first == again
    expected = sum((p.member.change - p.comparison.change) for p in pairs) / len(pairs)
    assert first.effect == pytest.approx(expected)
    assert first.low <= first.effect <= first.high


def test_parse_members_reports_each_bad_line():
    members, problems = parse_members("12, 2025-01-02\nP13,2025-02-30\nnonsense\n\n14 2025-03-01")
    assert members == [(12, date(2025, 1, 2)), (14, date(2025, 3, 1))]
    assert problems == [
        "Line 2: 2025-02-30 is not a real date",
        "Line 3: write the person's number, a comma and the date, like 1042, 2025-03-14",
    ]


LINE_LIKE = st.builds(
    "{}{}{}".format,
    st.integers(min_value=0, max_value=10**30),
    st.sampled_from([",", ", ", ";", "\t", " ", ",,"]),
    st.dates().map(date.isoformat) | st.from_regex(r"\A\d{4}-\d{2}-\d{2}\Z") | st.text(max_size=12),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE_LIKE | st.text(max_size=40), max_size=6).map("\n".join))
def test_any_text_gives_people_or_a_problem_for_each_line(text):
    """Promise 17: every line that is not blank is a member or a numbered problem, and
    every member is a storable number with a real date."""
    members, problems = parse_members(text)
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(members) + len(problems) == len(lines)
    assert all(problem.startswith("Line ") for problem in problems)
    assert all(0 <= person < 2**63 and isinstance(on, date) for person, on in members)


# On synthetic data in the database (the done-when) -------------------------------------


@pytest.fixture
def analyst(db):
    return PractitionerFactory(
        username="analyst", role=Role.ANALYST, agency=AgencyFactory(name="Analysts")
    )


@pytest.fixture
def referrer(db):
    return PractitionerFactory(username="referrer", agency=AgencyFactory(name="Referrers"))


ON = timezone.localdate() - timedelta(days=400)


def _run(analyst, synthetic):
    cohort = cohort_create(
        by=analyst, name="Synthetic", intervention="A plan", members=synthetic.cohort
    )
    return cohort_evaluate(cohort=cohort, by=analyst)[1]


def test_a_planted_reduction_is_found_within_its_interval(analyst, referrer):
    synthetic = plant(referrer, effect=2, cohort_size=40, pool_size=120, on=ON)
    result = _run(analyst, synthetic)
    assert result.cohort_size == 40 and result.comparison_size == 40
    assert result.estimate.low <= -2 <= result.estimate.high
    assert result.estimate.high < 0
    assert result.verdict == "evidence of a reduction"
    assert not any("Small groups" in w for w in result.warnings)


def test_with_no_effect_planted_it_reports_no_evidence(analyst, referrer):
    synthetic = plant(referrer, effect=0, cohort_size=40, pool_size=120, on=ON, seed=11)
    result = _run(analyst, synthetic)
    assert result.estimate.low <= 0 <= result.estimate.high
    assert result.verdict == "no evidence of an effect"


def test_small_groups_are_warned_about(analyst, referrer):
    synthetic = plant(referrer, effect=2, cohort_size=6, pool_size=12, on=ON)
    result = _run(analyst, synthetic)
    assert any(w.startswith("Small groups: 6 in the cohort") for w in result.warnings)
    assert result.small


def test_a_small_groups_verdict_is_qualified_on_the_page(client, analyst, referrer):
    synthetic = plant(referrer, effect=2, cohort_size=6, pool_size=12, on=ON)
    cohort = cohort_create(by=analyst, name="Tiny", intervention="A plan", members=synthetic.cohort)
    sign_in(client, analyst)
    page = client.get(reverse("insights:evaluation_detail", args=[cohort.pk])).content.decode()
    assert "from too few people to rely on" in page


# Through the pages ---------------------------------------------------------------------


def test_an_analyst_builds_a_cohort_and_reads_the_result(client, analyst, referrer):
    synthetic = plant(referrer, effect=2, cohort_size=40, pool_size=120, on=ON)
    sign_in(client, analyst)
    lines = "\n".join(f"{pk}, {on.isoformat()}" for pk, on in synthetic.cohort)
    response = client.post(
        reverse("insights:evaluation_create"),
        {"name": "MARAC 2025", "intervention": "MARAC plan", "window_days": "365", "people": lines},
    )
    cohort = EvaluationCohort.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("insights:evaluation_detail", args=[cohort.pk])
    created = AuditEvent.objects.get(verb=Verb.CREATE, object_type="insights.evaluationcohort")
    assert created.actor == analyst and len(created.details["people"]) == 40

    page = client.get(response.url).content.decode()
    assert "Evidence of a reduction" in page
    assert "level 3" in page and "Maryland Scientific Methods Scale" in page
    assert "Synthetic0" not in page  # the result is aggregate: no names
    assert AuditEvent.objects.filter(verb=Verb.VIEW, object_id=str(cohort.pk)).count() == 1

    people = client.get(reverse("insights:evaluation_people", args=[cohort.pk])).content.decode()
    assert "Synthetic0 Person" in people
    viewed = AuditEvent.objects.filter(
        verb=Verb.VIEW, object_id=str(cohort.pk), reason__contains="people"
    ).get()
    assert len(viewed.details["people"]) == 40


def test_no_effect_reads_no_evidence_on_the_page(client, analyst, referrer):
    synthetic = plant(referrer, effect=0, cohort_size=40, pool_size=120, on=ON, seed=11)
    cohort = cohort_create(by=analyst, name="Flat", intervention="A plan", members=synthetic.cohort)
    sign_in(client, analyst)
    page = client.get(reverse("insights:evaluation_detail", args=[cohort.pk])).content.decode()
    assert "No evidence of an effect" in page
    assert "Small groups" not in page


def test_a_small_cohort_shows_the_warning_on_the_page(client, analyst, referrer):
    synthetic = plant(referrer, effect=2, cohort_size=5, pool_size=10, on=ON)
    cohort = cohort_create(by=analyst, name="Tiny", intervention="A plan", members=synthetic.cohort)
    sign_in(client, analyst)
    page = client.get(reverse("insights:evaluation_detail", args=[cohort.pk])).content.decode()
    assert "Small groups: 5 in the cohort" in page


def test_bad_cohorts_change_nothing(client, analyst, referrer):
    sign_in(client, analyst)
    url = reverse("insights:evaluation_create")
    base = {"name": "Bad", "intervention": "A plan", "window_days": "365"}
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    cases = [
        ("nonsense", "Line 1: write the person"),
        ("999999, 2025-01-01", "No person on the index has the number 999999"),
        (f"999999, {tomorrow}", "Intervention dates cannot be in the future"),
        ("", "Enter at least one person and date"),
        # Past the database's integers: once a server error on PostgreSQL
        ("99999999999999999999999, 2025-01-01", "Line 1: no person on the index has a number"),
        ("9223372036854775807, 2025-01-01", "No person on the index has the number 922337"),
        ("\u0661\u0660\u0664\u0662, 2025-03-14", "Line 1: write the person"),
        ("2025-02-29, 1042", "Line 1: write the person"),
        ("1042, 2025-02-29", "Line 1: 2025-02-29 is not a real date"),
    ]
    for people, message in cases:
        response = client.post(url, {**base, "people": people})
        assert response.status_code == 422
        assert message in response.content.decode()
    assert not EvaluationCohort.objects.exists()
    assert not AuditEvent.objects.filter(object_type="insights.evaluationcohort").exists()


def test_a_partnership_manager_sees_the_result_but_not_the_people(client, analyst, referrer):
    synthetic = plant(referrer, effect=2, cohort_size=5, pool_size=10, on=ON)
    cohort = cohort_create(by=analyst, name="Tiny", intervention="A plan", members=synthetic.cohort)
    manager = PractitionerFactory(role=Role.PARTNERSHIP_MANAGER)
    sign_in(client, manager)
    page = client.get(reverse("insights:evaluation_detail", args=[cohort.pk]))
    assert page.status_code == 200
    assert "See the people in this cohort" not in page.content.decode()
    people = reverse("insights:evaluation_people", args=[cohort.pk])
    assert client.get(people).status_code == 404  # refused at the door, as a missing cohort


def _brute_force(members, pool, profiles, events, today):
    """Matching by scoring everyone for every member: what ``match`` must agree with."""
    used, chosen = set(), []
    for person, on in sorted(members, key=lambda m: (m[1], m[0])):
        days = evaluation.follow_up_days(on, 365, today)
        member = evaluation.observe(person, profiles[person], events[person], on, days)
        scored = sorted(
            (
                evaluation.distance(
                    member, evaluation.observe(c, profiles[c], events[c], on, days)
                ),
                c in used,
                c,
            )
            for c in pool
        )
        unused = [s for s in scored if not s[1]]
        best = (unused or scored)[0]
        used.add(best[2])
        chosen.append(best[2])
    return chosen


def test_matching_finds_the_same_people_as_scoring_everyone():
    import random

    rng = random.Random(5)
    today = date(2026, 1, 1)
    people = range(300)
    profiles = {
        i: Profile(
            rng.choice([None, date(1980, 1, 1), date(2005, 6, 1), date(2012, 1, 1)]),
            rng.choice(["female", "male"]),
            rng.choice(["A", "B", "C"]),
        )
        for i in people
    }
    events = {
        i: Events.of(
            (date(2024, 1, 1) + timedelta(days=rng.randint(0, 700)), 1.0)
            for _ in range(rng.randint(0, 6))
        )
        for i in people
    }
    members = [(i, date(2025, rng.randint(1, 6), 1)) for i in range(40)]
    pool = list(range(40, 300))
    pairs, *_ = evaluation.match(members, pool, profiles, events, window_days=365, today=today)
    assert [p.comparison.person_id for p in pairs] == _brute_force(
        members, pool, profiles, events, today
    )
