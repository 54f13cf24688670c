"""How fast is recurrence scoring on a force-sized extract, against pandas and a DuckDB floor?

Generates N incidents (10 million by default, over 2 million people; --quick: 200,000 over
40,000) with ``frontdoor.incidents.generator`` into a Parquet file of party rows, then scores
everyone over the 12 months to the generator's end date three ways, each in its own subprocess
so its time and peak memory (``ru_maxrss``) are its own:

  (a) frontdoor  ``frontdoor.incidents.recurrence.score`` (what the app runs);
  (b) pandas     the obvious analyst's version: groupby per person and incident, then per person;
  (c) floor      one hand-written DuckDB SQL query over the same Parquet file.

All three must give identical per-person measures and scores (checked here; floats to 1e-9).

    .venv/bin/python bench/recurrence.py --quick
    flock /work/wt/heavy.lock .venv/bin/python bench/recurrence.py

The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import resource
import subprocess  # nosec B404 (runs our own script in a child process)
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

IMPLEMENTATIONS = ("frontdoor", "pandas", "floor")
COMPARED = (
    "victim_incidents",
    "victim_harm",
    "offender_incidents",
    "offender_harm",
    "incidents",
    "harm_sum",
    "harm_max",
    "distinct_victims",
    "days_since_last",
    "escalation",
    "age",
    "score",
)
UNKNOWN_HARM = 1.0
WINDOW_DAYS = 365


def harm_weights() -> dict[str, float]:
    from frontdoor.incidents.generator import NON_CRIME_TYPES, OFFENCES

    harm = {o.code: o.indicative_harm_days for o in OFFENCES}
    harm.update({kind: 1.0 for kind in NON_CRIME_TYPES})
    return harm


def window():
    from frontdoor.incidents.generator import DEFAULT_END
    from frontdoor.incidents.recurrence import Window

    return Window(as_of=DEFAULT_END, days=WINDOW_DAYS)


# --------------------------------------------------------------------------------------------
# (a) Front Door


def run_frontdoor(parquet: str):
    from frontdoor.incidents.recurrence import score

    return score(parquet, harm_weights(), window(), unknown_harm=UNKNOWN_HARM)


# --------------------------------------------------------------------------------------------
# (b) pandas, as an analyst would write it


def run_pandas(parquet: str):
    import numpy as np
    import pandas as pd

    w = window()
    harm = harm_weights()
    df = pd.read_parquet(
        parquet,
        columns=[
            "person_ref",
            "incident_ref",
            "occurred_at",
            "role",
            "offence_code",
            "incident_type",
            "date_of_birth",
        ],
        filters=[("occurred_at", ">=", w.start), ("occurred_at", "<", w.end)],
    )
    df = df[df["role"].isin(["victim", "suspect", "offender"])]
    key = np.where(df["incident_type"] == "crime", df["offence_code"], df["incident_type"])
    df["harm"] = pd.Series(key, index=df.index).map(harm).fillna(UNKNOWN_HARM)
    df["as_victim"] = df["role"] == "victim"
    df["as_offender"] = df["role"] != "victim"
    df["dob"] = pd.to_datetime(df["date_of_birth"])

    pi = df.groupby(["person_ref", "incident_ref"], as_index=False).agg(
        occurred=("occurred_at", "max"),
        harm=("harm", "max"),
        dob=("dob", "min"),
        as_victim=("as_victim", "max"),
        as_offender=("as_offender", "max"),
    )
    pi["victim_harm"] = pi["harm"].where(pi["as_victim"], 0.0)
    pi["offender_harm"] = pi["harm"].where(pi["as_offender"], 0.0)
    second = pi["occurred"] >= pd.Timestamp(w.middle)
    pi["harm_first_half"] = pi["harm"].where(~second, 0.0)
    pi["harm_second_half"] = pi["harm"].where(second, 0.0)
    people = pi.groupby("person_ref").agg(
        victim_incidents=("as_victim", "sum"),
        victim_harm=("victim_harm", "sum"),
        offender_incidents=("as_offender", "sum"),
        offender_harm=("offender_harm", "sum"),
        incidents=("incident_ref", "size"),
        harm_sum=("harm", "sum"),
        harm_max=("harm", "max"),
        last_at=("occurred", "max"),
        dob=("dob", "min"),
        harm_first_half=("harm_first_half", "sum"),
        harm_second_half=("harm_second_half", "sum"),
    )
    perps = df.loc[df["as_offender"], ["incident_ref", "person_ref"]]
    victims = df.loc[df["as_victim"], ["incident_ref", "person_ref"]]
    pairs = perps.merge(victims, on="incident_ref", suffixes=("", "_victim"))
    pairs = pairs[pairs["person_ref"] != pairs["person_ref_victim"]]
    distinct = pairs.groupby("person_ref")["person_ref_victim"].nunique()
    people["distinct_victims"] = distinct.reindex(people.index).fillna(0).astype("int64")

    as_of = pd.Timestamp(w.as_of)
    people["days_since_last"] = (as_of - people["last_at"].dt.normalize()).dt.days
    birthday_passed = (people["dob"].dt.month < as_of.month) | (
        (people["dob"].dt.month == as_of.month) & (people["dob"].dt.day <= as_of.day)
    )
    people["age"] = as_of.year - people["dob"].dt.year - (~birthday_passed).astype("int64")
    people["escalation"] = np.where(
        people["harm_sum"] > 0,
        (people["harm_second_half"] - people["harm_first_half"]) / people["harm_sum"],
        0.0,
    )
    people["score"] = (
        10.0 * np.maximum(0.0, 1.0 - people["days_since_last"] / WINDOW_DAYS)
        + 5.0 * np.minimum(people["incidents"], 20)
        + 4.0 * np.log2(1 + people["harm_sum"])
        + np.where(people["distinct_victims"] >= 2, 10.0, 0.0)
        + np.where((people["victim_incidents"] > 0) & (people["offender_incidents"] > 0), 5.0, 0)
        + 10.0 * np.maximum(0.0, people["escalation"])
    )
    return people.reset_index()


# --------------------------------------------------------------------------------------------
# (c) the floor: one hand-written DuckDB query

FLOOR_SQL = """
WITH r AS (
  SELECT person_ref, incident_ref, role, occurred_at, CAST(date_of_birth AS DATE) AS dob,
         COALESCE(h.weight, 1.0::DOUBLE) AS harm
  FROM read_parquet($path) s LEFT JOIN harm h
    ON h.key = CASE WHEN s.incident_type = 'crime' THEN s.offence_code ELSE s.incident_type END
  WHERE role IN ('victim', 'suspect', 'offender') AND occurred_at >= $start AND occurred_at < $end
), pi AS (
  SELECT person_ref, incident_ref, max(occurred_at) t, max(harm) harm, min(dob) dob,
         bool_or(role = 'victim') v, bool_or(role <> 'victim') o
  FROM r GROUP BY ALL
), dv AS (
  SELECT o.person_ref, count(DISTINCT v.person_ref) distinct_victims
  FROM r o JOIN r v USING (incident_ref)
  WHERE o.role <> 'victim' AND v.role = 'victim' AND o.person_ref <> v.person_ref GROUP BY ALL
), m AS (
  SELECT person_ref, count(*) FILTER (v) victim_incidents,
         COALESCE(sum(harm) FILTER (v), 0) victim_harm,
         count(*) FILTER (o) offender_incidents, COALESCE(sum(harm) FILTER (o), 0) offender_harm,
         count(*) incidents, sum(harm) harm_sum, max(harm) harm_max,
         date_diff('day', max(t)::DATE, $as_of) days_since_last,
         date_part('year', age($as_of, min(dob))) age,
         (COALESCE(sum(harm) FILTER (t >= $middle), 0) - COALESCE(sum(harm) FILTER (t < $middle), 0))
           / NULLIF(sum(harm), 0) AS esc
  FROM pi GROUP BY ALL
)
SELECT m.* EXCLUDE (esc), COALESCE(dv.distinct_victims, 0) distinct_victims,
       COALESCE(esc, 0) escalation,
       10.0::DOUBLE * greatest(0, 1 - days_since_last / 365.0::DOUBLE)
       + 5.0::DOUBLE * least(incidents, 20) + 4.0::DOUBLE * log2(1 + harm_sum)
       + CASE WHEN COALESCE(dv.distinct_victims, 0) >= 2 THEN 10.0::DOUBLE ELSE 0 END
       + CASE WHEN victim_incidents > 0 AND offender_incidents > 0 THEN 5.0::DOUBLE ELSE 0 END
       + 10.0::DOUBLE * greatest(0, COALESCE(esc, 0)) AS score
FROM m LEFT JOIN dv USING (person_ref)
"""


def run_floor(parquet: str):
    import duckdb
    import pyarrow as pa

    w = window()
    harm = harm_weights()
    con = duckdb.connect()
    con.execute("SET threads TO 2")
    con.execute("SET preserve_insertion_order = false")
    con.register("harm", pa.table({"key": list(harm), "weight": [float(v) for v in harm.values()]}))
    # Literal dates, as an analyst writing the query by hand would have them.
    sql = (
        FLOOR_SQL.replace("$path", "'" + parquet.replace("'", "''") + "'")
        .replace("$start", f"TIMESTAMP '{w.start:%Y-%m-%d %H:%M:%S}'")
        .replace("$end", f"TIMESTAMP '{w.end:%Y-%m-%d %H:%M:%S}'")
        .replace("$middle", f"TIMESTAMP '{w.middle:%Y-%m-%d %H:%M:%S}'")
        .replace("$as_of", f"DATE '{w.as_of:%Y-%m-%d}'")
    )
    return con.sql(sql).to_arrow_table()


# --------------------------------------------------------------------------------------------


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM restarts at exec, unlike ru_maxrss)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(name: str, parquet: str, out: str) -> None:
    """Run one implementation, write its result and print its time and peak memory."""
    import pandas as pd

    started = time.perf_counter()
    result = {"frontdoor": run_frontdoor, "pandas": run_pandas, "floor": run_floor}[name](parquet)
    seconds = time.perf_counter() - started
    peak_mb = peak_rss_mb()
    frame = result if isinstance(result, pd.DataFrame) else result.to_pandas()
    frame[["person_ref", *COMPARED]].to_parquet(out)
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "people": len(frame)}))


def measure(name: str, parquet: Path, out: Path) -> dict:
    done = subprocess.run(  # noqa: S603  # nosec B603 (our own interpreter and script)
        [sys.executable, __file__, "--child", name, "--parquet", str(parquet), "--out", str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def identical(paths: dict[str, Path]) -> tuple[bool, str]:
    import pandas as pd

    frames = {
        name: pd.read_parquet(path).sort_values("person_ref").reset_index(drop=True)
        for name, path in paths.items()
    }
    base = frames["floor"]
    for name, frame in frames.items():
        if list(frame["person_ref"]) != list(base["person_ref"]):
            return False, f"{name}: different people"
        for column in COMPARED:
            a, b = frame[column].astype("float64"), base[column].astype("float64")
            for x, y in zip(a, b, strict=True):
                if not (math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9) or (x != x and y != y)):
                    return False, f"{name}.{column}: {x} != {y}"
    return True, ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200,000 incidents, a smoke run")
    parser.add_argument("--incidents", type=int)
    parser.add_argument("--people", type=int)
    parser.add_argument(
        "--reuse", help="a Parquet file to reuse if it exists (else generate into it and keep it)"
    )
    parser.add_argument("--child", choices=IMPLEMENTATIONS, help=argparse.SUPPRESS)
    parser.add_argument("--parquet", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.parquet, args.out)
        return

    from frontdoor.incidents.generator import generate_chunks, write_parquet

    incidents = args.incidents or (200_000 if args.quick else 10_000_000)
    people = args.people or max(4, incidents // 5)
    with tempfile.TemporaryDirectory(prefix="bench-recurrence-") as tmp:
        parquet = Path(args.reuse) if args.reuse else Path(tmp) / "incidents.parquet"
        started = time.perf_counter()
        if args.reuse and parquet.exists():
            import pyarrow.parquet as pq

            rows = pq.ParquetFile(parquet).metadata.num_rows
            print(f"reusing {parquet} (made with the same --incidents, --people and seed)")
        else:
            rows = write_parquet(generate_chunks(incidents, people, seed=2026), parquet)
        generate_seconds = time.perf_counter() - started
        print(
            f"generated {incidents:,} incidents, {people:,} people, {rows:,} party rows "
            f"({parquet.stat().st_size / 1e6:.0f} MB Parquet) in {generate_seconds:.1f} s"
        )
        results, outputs = {}, {}
        for name in IMPLEMENTATIONS:
            outputs[name] = Path(tmp) / f"{name}.parquet"
            results[name] = measure(name, parquet, outputs[name])
            print(
                f"{name:>10}: {results[name]['seconds']:7.2f} s, peak {results[name]['peak_mb']:7.0f} MB, "
                f"{results[name]['people']:,} people scored"
            )
        same, why = identical(outputs)
        print("results identical" if same else f"results DIFFER: {why}")
    figures = {
        "incidents": incidents,
        "people": people,
        "party_rows": rows,
        "generate_seconds": round(generate_seconds, 2),
        "frontdoor_seconds": round(results["frontdoor"]["seconds"], 3),
        "pandas_seconds": round(results["pandas"]["seconds"], 3),
        "duckdb_floor_seconds": round(results["floor"]["seconds"], 3),
        "frontdoor_peak_mb": round(results["frontdoor"]["peak_mb"]),
        "pandas_peak_mb": round(results["pandas"]["peak_mb"]),
        "duckdb_floor_peak_mb": round(results["floor"]["peak_mb"]),
        "people_scored": results["frontdoor"]["people"],
        "ratio_vs_pandas": round(results["pandas"]["seconds"] / results["frontdoor"]["seconds"], 2),
        "ratio_vs_duckdb_floor": round(
            results["frontdoor"]["seconds"] / results["floor"]["seconds"], 3
        ),
        "identical": same,
        "cpus": os.cpu_count(),
        "date": dt.datetime.now(dt.UTC).date().isoformat(),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
