"""The recurrence engine against small cases whose answers were worked out by hand."""

import datetime as dt

import pyarrow as pa
import pytest

from frontdoor.incidents import recurrence as rec

HARM = {"105A": 1, "8N": 14, "8L": 13, "asb": 3}
UNKNOWN_HARM = 2
WINDOW = rec.Window(as_of=dt.date(2026, 1, 10), days=10)  # 1–10 Jan; halves split at 6 Jan
DOB = {
    "A": "2000-01-11",
    "B": "1990-05-05",
    "C": "2010-01-10",
    "D": "2012-06-01",
    "W": "1980-01-01",
}

# (incident, occurred_at, incident_type, offence_code, [(person, role), ...])
INCIDENTS = [
    ("I1", "2026-01-02T10:00:00", "crime", "105A", [("A", "victim"), ("B", "offender")]),
    (
        "I2",
        "2026-01-04T12:00:00",
        "crime",
        "8N",
        [("A", "victim"), ("B", "suspect"), ("W", "witness")],
    ),
    ("I3", "2026-01-07T09:00:00", "crime", "8L", [("C", "victim"), ("B", "offender")]),
    ("I4", "2026-01-09T20:00:00", "asb", "", [("B", "victim"), ("D", "suspect")]),
    ("I5", "2025-12-20T10:00:00", "crime", "8N", [("A", "victim"), ("B", "offender")]),  # before
    ("I6", "2026-01-10T23:00:00", "crime", "99Z", [("C", "victim")]),  # unknown code: harm 2
    ("I7", "2026-01-11T00:00:00", "crime", "8N", [("A", "victim")]),  # after the window
]


def party_rows() -> pa.Table:
    rows = [
        {
            "incident_ref": ref,
            "occurred_at": at,
            "incident_type": kind,
            "offence_code": code,
            "person_ref": person,
            "role": role,
            "date_of_birth": DOB[person],
        }
        for ref, at, kind, code, people in INCIDENTS
        for person, role in people
    ]
    return pa.Table.from_pylist(rows)


@pytest.fixture(scope="module")
def scored() -> dict[str, dict]:
    table = rec.score(party_rows(), HARM, WINDOW, unknown_harm=UNKNOWN_HARM)
    return {row["person_ref"]: row for row in table.to_pylist()}


def test_measures_per_person_match_the_hand_count(scored):
    # A: victim in I1 (harm 1) and I2 (14); I5 and I7 fall outside the window.
    a = scored["A"]
    assert (a["victim_incidents"], a["victim_harm"], a["offender_incidents"]) == (2, 15, 0)
    assert (a["incidents"], a["harm_sum"], a["harm_max"], a["days_since_last"]) == (2, 15, 14, 6)
    assert (a["harm_first_half"], a["harm_second_half"], a["escalation"]) == (15, 0, -1)
    # B: offender in I1, I2, I3 (1 + 14 + 13), victim in I4 (asb, 3); victims A and C.
    b = scored["B"]
    assert (b["victim_incidents"], b["victim_harm"]) == (1, 3)
    assert (b["offender_incidents"], b["offender_harm"], b["incidents"], b["harm_sum"]) == (
        3,
        28,
        4,
        31,
    )
    assert (b["distinct_victims"], b["days_since_last"]) == (2, 1)
    assert b["escalation"] == pytest.approx((16 - 15) / 31)
    # C: victim in I3 (13) and I6 (unknown code, 2), last incident on the as-of day.
    c = scored["C"]
    assert (c["victim_incidents"], c["harm_sum"], c["days_since_last"], c["escalation"]) == (
        2,
        15,
        0,
        1,
    )
    d = scored["D"]
    assert (d["offender_incidents"], d["harm_sum"], d["distinct_victims"]) == (1, 3, 1)
    # Witnesses are not scored.
    assert "W" not in scored
    # Ages on 10 Jan 2026: A turns 26 tomorrow, C turns 16 today.
    assert [scored[p]["age"] for p in "ABCD"] == [25, 35, 16, 13]


def test_score_adds_the_documented_points(scored):
    # A: recency 10 × (1 − 6/10) = 4; frequency 5 × 2 = 10; gravity 4 × log2(16) = 16.
    assert scored["A"]["score"] == pytest.approx(30)
    # B: 9 + 20 + 4 × log2(32) + serial 10 + overlap 5 + escalation 10 × 1/31.
    assert scored["B"]["score"] == pytest.approx(64 + 10 / 31)
    # C: 10 + 10 + 16 + escalation 10 × 1.
    assert scored["C"]["score"] == pytest.approx(46)
    # D: 9 + 5 + 4 × log2(4) + 10.
    assert scored["D"]["score"] == pytest.approx(32)


def test_every_weight_is_configurable():
    weights = rec.ScoreWeights(
        recency=0, frequency=1, gravity=0, serial=100, overlap=0, escalation=0
    )
    table = rec.score(party_rows(), HARM, WINDOW, weights, unknown_harm=UNKNOWN_HARM)
    by_person = {r["person_ref"]: r["score"] for r in table.to_pylist()}
    assert by_person == {"B": 104, "A": 2, "C": 2, "D": 1}


def test_explanation_lists_each_component_and_sums_to_the_score(scored):
    explanation = rec.explain(scored["B"], window_days=WINDOW.days)
    points = {c.name: c.points for c in explanation.components}
    assert points == pytest.approx(
        {
            "recency": 9,
            "frequency": 20,
            "gravity": 20,
            "serial": 10,
            "overlap": 5,
            "escalation": 10 / 31,
        }
    )
    assert sum(points.values()) == pytest.approx(explanation.score)
    gravity = next(c for c in explanation.components if c.name == "gravity")
    assert (gravity.value, gravity.weight) == (5, 4)


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (rec.CohortRule(min_incidents=2, min_age=16), ["B", "C", "A"]),  # D: one incident, 13
        (rec.CohortRule(min_incidents=3, min_age=16), ["B"]),
        (rec.CohortRule(min_incidents=None, min_harm=15, min_age=16), ["B", "C", "A"]),
        (rec.CohortRule(min_incidents=None, min_harm=16, min_age=None), ["B"]),
        (rec.CohortRule(min_incidents=None, include_serial=True, min_age=None), ["B"]),
        (rec.CohortRule(min_incidents=1, min_age=None), ["B", "C", "D", "A"]),
        (rec.CohortRule(min_incidents=1, min_age=None, limit=2), ["B", "C"]),
    ],
)
def test_cohort_rules_give_a_ranked_list(scored, rule, expected):
    table = rec.score(party_rows(), HARM, WINDOW, unknown_harm=UNKNOWN_HARM)
    members = rec.cohort(table, rule)
    assert [m["person_ref"] for m in members] == expected
    assert [m["rank"] for m in members] == list(range(1, len(expected) + 1))


def test_concentration_of_the_small_case():
    result = rec.concentration(
        party_rows(), HARM, WINDOW, unknown_harm=UNKNOWN_HARM, lorenz_points=3
    )
    victims, offenders, pairs = result["victims"], result["offenders"], result["pairs"]
    # Victims A (2 incidents, harm 15), B (1, 3), C (2, 15): the top 1%–10% of 3 is 1 person.
    assert (victims["units"], victims["incidents"], victims["harm"]) == (3, 5, 33)
    assert [t["people"] for t in victims["top"]] == [1, 1, 1, 1]
    assert victims["top"][0]["incident_share"] == pytest.approx(2 / 5)
    assert victims["top"][0]["harm_share"] == pytest.approx(15 / 33)
    # Offenders B (3 incidents, harm 28) and D (1, 3).
    assert offenders["top"][3]["incident_share"] == pytest.approx(3 / 4)
    assert offenders["top"][3]["harm_share"] == pytest.approx(28 / 31)
    # Pairs A←B (I1, I2: 2 incidents, 15), C←B (I3: 13), B←D (I4: 3).
    assert (pairs["units"], pairs["incidents"], pairs["harm"]) == (3, 4, 31)
    assert pairs["top"][0]["incident_share"] == pytest.approx(2 / 4)
    assert pairs["top"][0]["harm_share"] == pytest.approx(15 / 31)
    # Lorenz of victims' harm [3, 15, 15] at thirds of people.
    assert victims["lorenz"] == pytest.approx([(0, 0), (1 / 3, 3 / 33), (2 / 3, 18 / 33), (1, 1)])


def test_top_shares_use_the_ceiling_of_the_share_of_people():
    # 50 people: one with harm 100, 49 with harm 1 (total 149).
    shares = rec._shares([1] * 50, [100] + [1] * 49, rec.TOP_SHARES, 4)
    assert [t["people"] for t in shares["top"]] == [1, 1, 3, 5]
    assert [t["harm_share"] for t in shares["top"]] == pytest.approx(
        [100 / 149, 100 / 149, 102 / 149, 104 / 149]
    )
    assert shares["top"][3]["incident_share"] == pytest.approx(5 / 50)


def test_parquet_and_arrow_give_the_same_scores(tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "rows.parquet"
    pq.write_table(party_rows(), path)
    from_file = rec.score(path, HARM, WINDOW, unknown_harm=UNKNOWN_HARM)
    from_table = rec.score(party_rows(), HARM, WINDOW, unknown_harm=UNKNOWN_HARM)
    assert from_file.sort_by("person_ref").equals(from_table.sort_by("person_ref"))
