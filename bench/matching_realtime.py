"""How fast and how good is "is this person already known?" at intake, beside Splink?

Generates fictional agency records with the truth kept (``frontdoor.matching.engine.generator``),
holds out one record of each of a few hundred people as the subjects being entered, and loads
the rest into a scratch application database as the person index: one person per true person,
their agency records, and the blocking-key index built by ``frontdoor.matching.index.rebuild``.
Then, in the same run and on the same records and model:

- Front Door: ``frontdoor.matching.facade.candidates`` (the code the referral pages call:
  indexed key lookup in the database, scoring in Python), timed per query; recall@5 is the
  share of queries whose true person is among the five candidates.
- Splink 5 ``linker.inference.score_pair``: one query against its true record (one pair).
  Splink answers the same queries as Front Door (``--splink-queries`` to answer fewer), and
  Front Door's recall@5 is also given over exactly the queries Splink answered.
- Splink 5 ``linker.inference.predict_between``: one new record against the whole index (how
  Splink finds matches for new records), top five by match probability for recall@5.

The model is trained once with Splink on the first index (the engine's ``train``), stored as
the active model version, and given to Splink as its settings, so both score alike.
SQLite by default; DATABASE_URL for PostgreSQL. The scratch database is dropped afterwards.

    .venv/bin/python bench/matching_realtime.py --quick    # 10,000 records, a smoke run
    flock /work/wt/heavy.lock .venv/bin/python bench/matching_realtime.py   # 100k and 1M

The last line printed is one JSON object: the largest index's ``p95_ms``, ``recall_at_5`` and
``ratio_vs_predict_between`` (Splink predict_between's median over Front Door's p95), with
every size's figures under ``sizes``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.config.settings")

SECTORS = {
    "police": "police",
    "social_care": "childrens_social_care",
    "health": "health",
    "school": "education",
    "housing": "housing",
}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def generated(records: int, seed: int):
    import pandas as pd

    from frontdoor.matching.engine.generator import generate

    frames, total = [], 0
    for chunk in generate(int(records / 1.5) + 50, seed=seed):
        frames.append(chunk)
        total += len(chunk)
        if total >= records:
            break
    return pd.concat(frames, ignore_index=True).iloc[:records].reset_index(drop=True)


def split_queries(frame, queries: int, rng: random.Random):
    """One record of each of ``queries`` people with two or more records: held out."""
    counts = frame["person_id"].value_counts()
    several = sorted(counts[counts >= 2].index)
    chosen = set(rng.sample(several, k=min(queries, len(several))))
    last = frame[frame["person_id"].isin(chosen)].drop_duplicates("person_id", keep="last")
    return frame.drop(index=last.index).reset_index(drop=True), last.reset_index(drop=True)


def parse_dob(text):
    from frontdoor.matching.engine import normalise

    if not text:
        return None
    try:
        return normalise.parse_date(text)
    except (ValueError, TypeError):
        return None


def load_index(frame) -> tuple[dict[str, int], float]:
    """People, agency records and blocking keys in the database; returns person pks by truth."""
    from django.db import connection

    from frontdoor.agencies.models import Agency
    from frontdoor.matching import index
    from frontdoor.people.models import AgencyRecord, Person, RecordKind

    started = time.perf_counter()
    agencies = {
        source: Agency.objects.create(name=f"Bench {source}", sector=SECTORS.get(source, "other"))
        for source in sorted(frame["source"].unique())
    }
    rows = frame.to_dict("records")
    for row in rows:
        row["dob"] = parse_dob(row["date_of_birth"])
    firsts = {}
    for row in rows:
        firsts.setdefault(row["person_id"], row)
    truth_ids = list(firsts)
    people = []
    for start in range(0, len(truth_ids), 5000):
        batch = [
            Person(
                given_names=firsts[t]["first_name"] or "Unknown",
                family_name=firsts[t]["surname"],
                date_of_birth=firsts[t]["dob"],
                sex=firsts[t]["sex"] or "unknown",
                postcode=(firsts[t]["postcode"] or "")[:10],
                address=firsts[t]["address"],
                nhs_number=(firsts[t]["nhs_number"] or "")[:10],
            )
            for t in truth_ids[start : start + 5000]
        ]
        people.extend(Person.objects.bulk_create(batch))
    person_of = {t: p.pk for t, p in zip(truth_ids, people, strict=True)}
    batch = []
    for row in rows:
        batch.append(
            AgencyRecord(
                person_id=person_of[row["person_id"]],
                agency=agencies[row["source"]],
                kind=RecordKind.OTHER,
                source_ref=row["record_id"],
                given_names=row["first_name"],
                middle_names=row["middle_names"],
                family_name=row["surname"],
                date_of_birth=row["dob"],
                sex=row["sex"] or "unknown",
                postcode=(row["postcode"] or "")[:10],
                address=row["address"],
                nhs_number=(row["nhs_number"] or "")[:10],
                upn=(row["upn"] or "")[:13],
            )
        )
        if len(batch) == 5000:
            AgencyRecord.objects.bulk_create(batch)
            batch = []
    AgencyRecord.objects.bulk_create(batch)
    keys = index.rebuild()
    with connection.cursor() as cursor:
        # After a bulk load, as autovacuum would soon do on PostgreSQL: statistics, and the
        # visibility map that lets the key lookups read the index alone.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(f"  loaded {len(truth_ids):,} people, {len(rows):,} records, {keys:,} keys")
    return person_of, time.perf_counter() - started


def engine_record(row, record_id: str):
    from frontdoor.matching.engine import Record

    return Record(
        record_id=record_id,
        source=row["source"],
        first_name=row["first_name"] or "",
        middle_names=row["middle_names"] or "",
        surname=row["surname"] or "",
        date_of_birth=parse_dob(row["date_of_birth"]),
        sex=row["sex"] or "",
        postcode=row["postcode"] or "",
        address=row["address"] or "",
        nhs_number=row["nhs_number"] or "",
        upn=row["upn"] or "",
    )


def time_facade(hub, queries, person_of) -> dict:
    from frontdoor.matching import facade

    latencies, hits = [], []
    rows = queries.to_dict("records")
    for row in rows[:5]:  # warm up: the model's parse, the database's caches
        facade.candidates(
            hub, given_names=row["first_name"] or "", family_name=row["surname"] or ""
        )
    for row in rows:
        started = time.perf_counter()
        found = facade.candidates(
            hub,
            given_names=row["first_name"] or "",
            family_name=row["surname"] or "",
            date_of_birth=parse_dob(row["date_of_birth"]),
            sex=row["sex"] or "",
            postcode=row["postcode"] or "",
            nhs_number=row["nhs_number"] or "",
            upn=row["upn"] or "",
            limit=5,
            min_probability=0.0,
        )
        latencies.append((time.perf_counter() - started) * 1000)
        hits.append(person_of.get(row["person_id"]) in {c.person.pk for c in found})
    return {
        "p50_ms": round(statistics.median(latencies), 2),
        "p95_ms": round(percentile(latencies, 0.95), 2),
        "max_ms": round(max(latencies), 2),
        "recall_at_5": round(sum(hits) / len(rows), 4),
        "queries": len(rows),
        "hits": hits,
    }


def time_splink(index_frame, queries, model, splink_queries: int) -> dict:
    from splink import DuckDBAPI, Linker

    from frontdoor.matching.engine.frames import prepare_frame
    from frontdoor.matching.engine.linkage import TF_COLUMNS, splink_settings

    prepared = prepare_frame(
        [engine_record(row, str(i)) for i, row in enumerate(index_frame.to_dict("records"))]
    )
    truth_of = dict(zip(prepared["unique_id"], index_frame["person_id"], strict=True))
    first_record_of = {}
    for uid, person in truth_of.items():
        first_record_of.setdefault(person, uid)
    api = DuckDBAPI()
    table = api.register(prepared, dataset_display_name="index_records")
    linker = Linker(table, splink_settings(model), log_level=logging.WARNING)
    for column in TF_COLUMNS:
        linker.table_management.compute_tf_table(column)
    rows = queries.to_dict("records")[:splink_queries]
    by_uid = prepared.set_index("unique_id", drop=False)
    pair_ms, between_ms, hits = [], [], 0
    for n, row in enumerate(rows):
        query = prepare_frame([engine_record(row, f"q{n}")])
        left = query.to_dict("records")[0]
        right = by_uid.loc[first_record_of[row["person_id"]]].to_dict()
        started = time.perf_counter()
        linker.inference.score_pair(left, right).as_pandas_dataframe()
        pair_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        new = api.register(query, dataset_display_name=f"new_{n}")
        scored = linker.inference.predict_between(
            table, new, warning_mode="never"
        ).as_pandas_dataframe()
        between_ms.append((time.perf_counter() - started) * 1000)
        if len(scored):
            scored = scored.sort_values("match_probability", ascending=False)
            other = [
                right_id if left_id == f"q{n}" else left_id
                for left_id, right_id in zip(
                    scored["unique_id_l"], scored["unique_id_r"], strict=True
                )
            ]
            top = []
            for uid in other:
                person = truth_of.get(uid)
                if person is not None and person not in top:
                    top.append(person)
                if len(top) == 5:
                    break
            hits += row["person_id"] in top
    return {
        "score_pair_p50_ms": round(statistics.median(pair_ms), 1),
        "score_pair_p95_ms": round(percentile(pair_ms, 0.95), 1),
        "predict_between_p50_ms": round(statistics.median(between_ms), 1),
        "predict_between_p95_ms": round(percentile(between_ms, 0.95), 1),
        "predict_between_recall_at_5": round(hits / len(rows), 4),
        "queries": len(rows),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one index of 10,000 records")
    parser.add_argument("--sizes", default="100000,1000000", help="index sizes, comma-separated")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--splink-queries",
        type=int,
        default=None,
        help="how many of the queries Splink answers too (default: all; 0 times Front Door only)",
    )
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    sizes = [10_000] if args.quick else [int(s) for s in args.sizes.split(",")]
    queries_wanted = 100 if args.quick else args.queries
    splink_queries = args.splink_queries
    if splink_queries is None:
        splink_queries = 30 if args.quick else queries_wanted

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment
    from django.utils import timezone

    from frontdoor.agencies.models import Practitioner
    from frontdoor.agencies.roles import Role
    from frontdoor.matching.engine import train
    from frontdoor.matching.models import ModelVersion
    from frontdoor.matching.scoring import MAX_SCORED

    rng = random.Random(args.seed)  # nosec B311: fictional data, not security
    results, model = {}, None
    vendor = connection.vendor
    for size in sizes:
        print(f"index of {size:,} records ({vendor})")
        frame = generated(size + queries_wanted, args.seed)
        index_frame, queries = split_queries(frame, queries_wanted, rng)
        if model is None:
            started = time.perf_counter()
            sample = index_frame.iloc[: min(len(index_frame), 100_000)]
            model, _linker = train(
                [engine_record(r, str(i)) for i, r in enumerate(sample.to_dict("records"))]
            )
            print(
                f"  trained the model on {len(sample):,} records in {time.perf_counter() - started:.0f} s"
            )
        scratch = None
        if vendor == "sqlite":
            scratch = tempfile.mkdtemp(prefix="matching-bench-")
            connection.settings_dict.setdefault("TEST", {})["NAME"] = f"{scratch}/bench.sqlite3"
        setup_test_environment()
        old_name = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
        try:
            ModelVersion.objects.create(
                version=model.version,
                params=model.to_json(),
                trained_at=timezone.now(),
                active=True,
            )
            person_of, build_s = load_index(index_frame)
            agency = Practitioner._meta.get_field("agency").related_model.objects.first()
            hub = Practitioner.objects.create(
                username="bench.hub", role=Role.HUB_PRACTITIONER, agency=agency
            )
            if os.environ.get("BENCH_PROFILE"):
                import cProfile
                import pstats

                profiler = cProfile.Profile()
                profiler.enable()
                ours = time_facade(hub, queries, person_of)
                profiler.disable()
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
            else:
                ours = time_facade(hub, queries, person_of)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)
        print(
            f"  Front Door facade: p50 {ours['p50_ms']} ms, p95 {ours['p95_ms']} ms, "
            f"max {ours['max_ms']} ms, recall@5 {ours['recall_at_5']} ({ours['queries']} queries)"
        )
        if not splink_queries:
            results[size] = {**ours, "build_s": round(build_s, 1)}
            results[size].pop("hits")
            continue
        theirs = time_splink(index_frame, queries, model, splink_queries)
        print(
            f"  Splink score_pair: p50 {theirs['score_pair_p50_ms']} ms; predict_between: "
            f"p50 {theirs['predict_between_p50_ms']} ms, p95 {theirs['predict_between_p95_ms']} ms, "
            f"recall@5 {theirs['predict_between_recall_at_5']} ({theirs['queries']} queries)"
        )
        # Recall on exactly the queries Splink answered, so the two are comparable.
        hits = ours.pop("hits")[: theirs["queries"]]
        ours["recall_at_5_on_splink_queries"] = round(sum(hits) / len(hits), 4)
        print(
            f"  Front Door recall@5 on Splink's {len(hits)} queries: "
            f"{ours['recall_at_5_on_splink_queries']}"
        )
        ratio = theirs["predict_between_p50_ms"] / ours["p95_ms"]
        print(f"  predict_between median / Front Door p95: {ratio:.1f}x")
        results[size] = {
            **ours,
            **{f"splink_{k}": v for k, v in theirs.items()},
            "ratio_vs_predict_between": round(ratio, 1),
            "ratio_p50_vs_p50": round(theirs["predict_between_p50_ms"] / ours["p50_ms"], 1),
            "build_s": round(build_s, 1),
        }
    largest = results[max(results)]
    print(
        json.dumps(
            {
                "benchmark": "matching_realtime",
                "backend": vendor,
                "records": max(results),
                "p50_ms": largest["p50_ms"],
                "p95_ms": largest["p95_ms"],
                "recall_at_5": largest["recall_at_5"],
                "ratio_vs_predict_between": largest.get("ratio_vs_predict_between"),
                "recall_at_5_on_splink_queries": largest.get("recall_at_5_on_splink_queries"),
                "splink_predict_between_recall_at_5": largest.get(
                    "splink_predict_between_recall_at_5"
                ),
                "max_scored": MAX_SCORED,
                "sizes": {str(k): v for k, v in results.items()},
                "quick": args.quick,
            }
        )
    )


if __name__ == "__main__":
    main()
