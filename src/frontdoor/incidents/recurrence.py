"""Recurrence scoring, cohorts and concentration over police incident party rows (DuckDB).

A pure facade: give it party rows (an Arrow table or a Parquet file with one row per person
per incident: ``person_ref, incident_ref, occurred_at, role, offence_code, incident_type`` and,
optionally, ``date_of_birth``) and a harm-weight mapping; get back Arrow tables. No Django here:
the app feeds it rows from the database and stores what it returns (see services_recurrence).

How each measure and the score are defined, with the reasoning, is in docs/recurrence.md.
In short, over the ``window_days`` days ending on ``as_of`` (inclusive):

* a person's incidents are those where they were a victim, suspect or offender (witnesses and
  "other" parties come to notice but are not scored); a person with two roles in one incident
  counts once in each role and once in the total;
* harm of an incident = the weight of its offence code (crimes) or of its incident type
  (non-crime), ``unknown_harm`` when the mapping has neither;
* distinct victims = other people recorded as victims in incidents where this person was a
  suspect or offender ("serial" when 2 or more);
* recency = whole days from the last incident to ``as_of``; escalation = (harm in the second half
  of the window − harm in the first half) ÷ total harm, from −1 (all early) to +1 (all recent).

The score adds points, each from one measure times a configurable weight (``ScoreWeights``), so
every person's score is explained by listing the points of each component.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

PERPETRATOR_ROLES = ("suspect", "offender")
SCORED_ROLES = ("victim", *PERPETRATOR_ROLES)
TOP_SHARES = (0.01, 0.02, 0.05, 0.10)

Rows = pa.Table | str | Path


@dataclass(frozen=True)
class ScoreWeights:
    """Points per unit of each measure; a partnership may change any of them."""

    recency: float = 10.0  # × (1 − days since last ÷ window days), so 10 for today, 0 at the edge
    frequency: float = 5.0  # × incidents as victim, suspect or offender, up to frequency_cap
    frequency_cap: int = 20
    gravity: float = 4.0  # × log2(1 + harm sum): doubling harm adds 4 points
    serial: float = 10.0  # if a suspect/offender against 2 or more distinct victims
    overlap: float = 5.0  # if both victim and suspect/offender in the window
    escalation: float = 10.0  # × escalation when positive (harm rising through the window)


@dataclass(frozen=True)
class Window:
    as_of: dt.date
    days: int = 365

    @property
    def start(self) -> dt.datetime:
        return dt.datetime.combine(self.as_of - dt.timedelta(days=self.days - 1), dt.time())

    @property
    def end(self) -> dt.datetime:  # exclusive
        return dt.datetime.combine(self.as_of + dt.timedelta(days=1), dt.time())

    @property
    def middle(self) -> dt.datetime:
        return self.start + dt.timedelta(days=self.days // 2)


@dataclass(frozen=True)
class CohortRule:
    """Who is in the cohort: (enough incidents as victim or as offender, or enough harm) and
    old enough. ``None`` switches a condition off."""

    min_incidents: int | None = 3
    min_harm: float | None = None
    min_age: int | None = 16
    include_serial: bool = False  # also everyone with 2+ distinct victims
    limit: int | None = None


@dataclass
class Component:
    name: str
    label: str
    value: float
    weight: float
    points: float


@dataclass
class Explanation:
    person_ref: str
    score: float
    components: list[Component] = field(default_factory=list)


COMPONENTS = (
    ("recency", "Recency (share of the window since the last incident)"),
    ("frequency", "Frequency (incidents as victim, suspect or offender)"),
    ("gravity", "Gravity (log2 of 1 + harm)"),
    ("serial", "Serial (2 or more distinct victims)"),
    ("overlap", "Victim and offender"),
    ("escalation", "Escalation (harm rising through the window)"),
)


def _connect() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("SET threads TO 2")
    con.execute("SET preserve_insertion_order = false")
    return con


def _source(con: duckdb.DuckDBPyConnection, rows: Rows) -> str:
    if isinstance(rows, pa.Table):
        con.register("party_rows", rows)
        return "party_rows"
    path = str(rows).replace("'", "''")
    return f"read_parquet('{path}')"


def _register_harm(con: duckdb.DuckDBPyConnection, harm: Mapping[str, float]) -> None:
    keys = list(harm)
    con.register(
        "harm_weights",
        pa.table(
            {
                "key": pa.array(keys, pa.string()),
                "weight": pa.array([float(harm[k]) for k in keys], pa.float64()),
            }
        ),
    )


def _has_column(con: duckdb.DuckDBPyConnection, source: str, name: str) -> bool:
    cols = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()]  # noqa: S608  # nosec B608
    return name in cols


def _num(value: float) -> str:
    """A number as a DuckDB DOUBLE literal (bare decimals would be DECIMAL)."""
    return f"CAST({float(value)!r} AS DOUBLE)"


def score_sql(
    source: str, window: Window, weights: ScoreWeights, *, unknown_harm: float, with_age: bool
) -> str:
    """The scoring query (reads ``source`` and the ``harm_weights`` relation)."""
    w = weights
    start, end, middle = (
        f"TIMESTAMP '{t:%Y-%m-%d %H:%M:%S}'" for t in (window.start, window.end, window.middle)
    )
    as_of = f"DATE '{window.as_of:%Y-%m-%d}'"
    dob = "CAST(date_of_birth AS DATE)" if with_age else "CAST(NULL AS DATE)"
    return f"""
WITH rows AS (
    SELECT person_ref, incident_ref, role, CAST(occurred_at AS TIMESTAMP) AS occurred,
           COALESCE(h.weight, {_num(unknown_harm)}) AS harm, {dob} AS dob
    FROM {source} s
    LEFT JOIN harm_weights h
      ON h.key = CASE WHEN s.incident_type = 'crime' THEN s.offence_code ELSE s.incident_type END
    WHERE role IN ('victim', 'suspect', 'offender')
      AND CAST(occurred_at AS TIMESTAMP) >= {start} AND CAST(occurred_at AS TIMESTAMP) < {end}
),
person_incident AS (
    SELECT person_ref, incident_ref, max(occurred) AS occurred, max(harm) AS harm, min(dob) AS dob,
           bool_or(role = 'victim') AS as_victim, bool_or(role <> 'victim') AS as_offender
    FROM rows GROUP BY person_ref, incident_ref
),
victims_of AS (
    SELECT o.person_ref, count(DISTINCT v.person_ref) AS distinct_victims
    FROM rows o JOIN rows v ON v.incident_ref = o.incident_ref
    WHERE o.role <> 'victim' AND v.role = 'victim' AND v.person_ref <> o.person_ref
    GROUP BY o.person_ref
),
measures AS (
    SELECT person_ref,
           count(*) FILTER (WHERE as_victim) AS victim_incidents,
           COALESCE(sum(harm) FILTER (WHERE as_victim), 0) AS victim_harm,
           count(*) FILTER (WHERE as_offender) AS offender_incidents,
           COALESCE(sum(harm) FILTER (WHERE as_offender), 0) AS offender_harm,
           count(*) AS incidents,
           sum(harm) AS harm_sum,
           max(harm) AS harm_max,
           max(occurred) AS last_at,
           min(dob) AS date_of_birth,
           COALESCE(sum(harm) FILTER (WHERE occurred < {middle}), 0) AS harm_first_half,
           COALESCE(sum(harm) FILTER (WHERE occurred >= {middle}), 0) AS harm_second_half
    FROM person_incident GROUP BY person_ref
),
parts AS (
    SELECT m.*, COALESCE(d.distinct_victims, 0) AS distinct_victims,
           date_part('year', age({as_of}, m.date_of_birth)) AS age,
           date_diff('day', CAST(m.last_at AS DATE), {as_of}) AS days_since_last,
           CASE WHEN m.harm_sum > 0
                THEN (m.harm_second_half - m.harm_first_half) / m.harm_sum ELSE 0 END AS escalation
    FROM measures m
    LEFT JOIN victims_of d USING (person_ref)
),
points AS (
    SELECT *,
           {_num(w.recency)} * greatest(0.0, 1.0 - days_since_last / {_num(window.days)})
               AS points_recency,
           {_num(w.frequency)} * least(incidents, {int(w.frequency_cap)}) AS points_frequency,
           {_num(w.gravity)} * log2(1 + harm_sum) AS points_gravity,
           CASE WHEN distinct_victims >= 2 THEN {_num(w.serial)} ELSE 0.0 END AS points_serial,
           CASE WHEN victim_incidents > 0 AND offender_incidents > 0
                THEN {_num(w.overlap)} ELSE 0.0 END AS points_overlap,
           {_num(w.escalation)} * greatest(0.0, escalation) AS points_escalation
    FROM parts
)
SELECT *, points_recency + points_frequency + points_gravity + points_serial
          + points_overlap + points_escalation AS score
FROM points
"""  # noqa: S608  # nosec B608


def score(
    rows: Rows,
    harm: Mapping[str, float],
    window: Window,
    weights: ScoreWeights = ScoreWeights(),
    *,
    unknown_harm: float = 1.0,
) -> pa.Table:
    """One row per person with incidents in the window: every measure, points and the score
    (in no particular order: ``cohort`` ranks)."""
    con = _connect()
    try:
        source = _source(con, rows)
        _register_harm(con, harm)
        sql = score_sql(
            source,
            window,
            weights,
            unknown_harm=unknown_harm,
            with_age=_has_column(con, source, "date_of_birth"),
        )
        return con.sql(sql).to_arrow_table()
    finally:
        con.close()


def explain(
    row: Mapping, weights: ScoreWeights = ScoreWeights(), window_days: int = 365
) -> Explanation:
    """Each component's measure, weight and points for one scored row (a dict from ``score``)."""
    values = {
        "recency": max(0.0, 1.0 - row["days_since_last"] / window_days),
        "frequency": float(min(row["incidents"], weights.frequency_cap)),
        "gravity": math.log2(1 + row["harm_sum"]),
        "serial": 1.0 if row["distinct_victims"] >= 2 else 0.0,
        "overlap": 1.0 if row["victim_incidents"] and row["offender_incidents"] else 0.0,
        "escalation": max(0.0, row["escalation"]),
    }
    weight_of = asdict(weights)
    return Explanation(
        person_ref=row["person_ref"],
        score=row["score"],
        components=[
            Component(name, label, values[name], weight_of[name], row[f"points_{name}"])
            for name, label in COMPONENTS
        ],
    )


def cohort(scored: pa.Table, rule: CohortRule) -> list[dict]:
    """The ranked cohort (rank 1 = highest score) from a ``score`` table."""
    members = []
    for row in scored.to_pylist():
        if not qualifies(row, rule):
            continue
        members.append(row)
    members.sort(key=lambda r: (-r["score"], r["person_ref"]))
    if rule.limit:
        members = members[: rule.limit]
    for rank, row in enumerate(members, start=1):
        row["rank"] = rank
    return members


def qualifies(row: Mapping, rule: CohortRule) -> bool:
    by_count = rule.min_incidents is not None and (
        row["victim_incidents"] >= rule.min_incidents
        or row["offender_incidents"] >= rule.min_incidents
    )
    by_harm = rule.min_harm is not None and row["harm_sum"] >= rule.min_harm
    by_serial = rule.include_serial and row["distinct_victims"] >= 2
    if not (by_count or by_harm or by_serial):
        return False
    if rule.min_age is not None:
        return row["age"] is not None and row["age"] >= rule.min_age
    return True


# ---------------------------------------------------------------------------------------------
# Concentration


def concentration(
    rows: Rows,
    harm: Mapping[str, float],
    window: Window,
    *,
    unknown_harm: float = 1.0,
    shares: Sequence[float] = TOP_SHARES,
    lorenz_points: int = 20,
) -> dict:
    """Share of incidents and harm from the top people (as victims, as offenders) and the top
    victim–offender pairs, plus Lorenz curve points, over the window.

    The "top p" are the ceil(p × n) people (or pairs) with the most incidents (for the incident
    share) or the most harm (for the harm share), n counting only those with at least one."""
    con = _connect()
    try:
        source = _source(con, rows)
        _register_harm(con, harm)
        start, end = (f"TIMESTAMP '{t:%Y-%m-%d %H:%M:%S}'" for t in (window.start, window.end))
        con.execute(
            f"""
CREATE TEMP TABLE r AS
SELECT person_ref, incident_ref, role, COALESCE(h.weight, {_num(unknown_harm)}) AS harm
FROM {source} s LEFT JOIN harm_weights h
  ON h.key = CASE WHEN s.incident_type = 'crime' THEN s.offence_code ELSE s.incident_type END
WHERE role IN ('victim', 'suspect', 'offender')
  AND CAST(occurred_at AS TIMESTAMP) >= {start} AND CAST(occurred_at AS TIMESTAMP) < {end}
"""  # noqa: S608  # nosec B608
        )
        groups = {
            "victims": "SELECT person_ref AS unit, count(DISTINCT incident_ref) AS incidents, "
            "sum(harm) AS harm FROM (SELECT DISTINCT person_ref, incident_ref, harm FROM r "
            "WHERE role = 'victim') GROUP BY 1",
            "offenders": "SELECT person_ref AS unit, count(DISTINCT incident_ref) AS incidents, "
            "sum(harm) AS harm FROM (SELECT DISTINCT person_ref, incident_ref, harm FROM r "
            "WHERE role <> 'victim') GROUP BY 1",
            "pairs": "SELECT v.person_ref || '→' || o.person_ref AS unit, "
            "count(DISTINCT v.incident_ref) AS incidents, sum(v.harm) AS harm FROM "
            "(SELECT DISTINCT person_ref, incident_ref, harm FROM r WHERE role = 'victim') v "
            "JOIN (SELECT DISTINCT person_ref, incident_ref FROM r WHERE role <> 'victim') o "
            "ON o.incident_ref = v.incident_ref AND o.person_ref <> v.person_ref GROUP BY 1",
        }
        result = {}
        for name, sql in groups.items():
            table = con.execute(sql).fetchnumpy()
            result[name] = _shares(table["incidents"], table["harm"], shares, lorenz_points)
        return result
    finally:
        con.close()


def _shares(incidents, harm, shares: Sequence[float], lorenz_points: int) -> dict:
    import numpy as np

    incidents = np.sort(np.asarray(incidents, dtype=np.float64))[::-1]
    harm = np.sort(np.asarray(harm, dtype=np.float64))[::-1]
    n = len(incidents)
    total_incidents, total_harm = incidents.sum(), harm.sum()
    top = []
    for share in shares:
        k = min(n, math.ceil(round(share * n, 9))) if n else 0
        top.append(
            {
                "share_of_people": share,
                "people": k,
                "incident_share": float(incidents[:k].sum() / total_incidents) if n else 0.0,
                "harm_share": float(harm[:k].sum() / total_harm) if total_harm else 0.0,
            }
        )
    return {
        "units": n,
        "incidents": float(total_incidents),
        "harm": float(total_harm),
        "top": top,
        "lorenz": lorenz(harm, lorenz_points),
    }


def lorenz(values, points: int = 20) -> list[tuple[float, float]]:
    """(share of people, share of the total held by that poorest share), from (0, 0) to (1, 1).

    Points at i/points of people; a share of people that falls between two people is
    interpolated linearly, which is how a Lorenz curve of a finite population is drawn."""
    import numpy as np

    ascending = np.sort(np.asarray(values, dtype=np.float64))
    n = len(ascending)
    total = ascending.sum()
    if n == 0 or total == 0:
        return [(i / points, i / points) for i in range(points + 1)]
    cumulative = np.concatenate([[0.0], np.cumsum(ascending) / total])
    xs = np.linspace(0.0, 1.0, points + 1)
    ys = np.interp(xs * n, np.arange(n + 1), cumulative)
    return [(float(x), float(y)) for x, y in zip(xs, ys, strict=True)]
