"""Shared by the matching benchmarks: plain Splink as its documentation sets it up, and
pair precision / recall / F1 from clusters.

"Plain Splink" follows Splink's getting-started deduplication example (the fake_1000
tutorial): NameComparison on first name and surname, DateOfBirthComparison, an exact match
with term frequencies on the place column (here postcode) and an exact match on the
identifier (email there, NHS number here); the prior from first name + surname at recall
0.7, u by random sampling (1e6 pairs), m by EM blocked on first name + surname and on date
of birth; predictions clustered at 0.95. Only the data cleaning Splink's examples leave to
the user (lower case, dates to ISO) is done for it, and timed with it.
"""

from __future__ import annotations

import logging
from itertools import combinations

import pandas as pd


def plain_splink_input(raw: pd.DataFrame) -> pd.DataFrame:
    """The cleaning Splink's examples expect done beforehand, vectorised with pandas."""
    raw = raw.copy()
    for column in ("first_name", "surname", "date_of_birth", "postcode", "nhs_number"):
        if column not in raw.columns:
            raw[column] = ""
    dob = pd.to_datetime(raw["date_of_birth"], dayfirst=True, format="mixed", errors="coerce")
    frame = pd.DataFrame(
        {
            "unique_id": raw["record_id"].astype(str),
            "first_name": raw["first_name"].str.strip().str.lower(),
            "surname": raw["surname"].str.strip().str.lower(),
            "dob": dob.dt.strftime("%Y-%m-%d"),
            "postcode": raw["postcode"].str.replace(" ", "").str.upper(),
            "nhs_number": raw["nhs_number"].str.replace(" ", ""),
        }
    )
    return frame.replace("", None)


def plain_splink(
    raw: pd.DataFrame,
    *,
    backend: str = "duckdb",
    spark_session=None,
    blocking_rules=None,
    threshold: float = 0.95,
) -> pd.DataFrame:
    """record_id, cluster_id from Splink's example pipeline."""
    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on

    from frontdoor.matching.engine.linkage import db_api

    frame = plain_splink_input(raw)
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.NameComparison("first_name"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.ExactMatch("postcode").configure(term_frequency_adjustments=True),
            cl.ExactMatch("nhs_number"),
        ],
        blocking_rules_to_generate_predictions=blocking_rules
        or [block_on("first_name", "dob"), block_on("surname")],
        retain_matching_columns=False,
    )
    api = db_api(backend, spark_session=spark_session)
    linker = Linker(api.register(frame), settings, log_level=None)
    logging.getLogger("splink").setLevel(logging.ERROR)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "surname")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("first_name", "surname")
    )
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=threshold
    )
    out = linker.misc.query_sql(
        f"select unique_id, cluster_id from {clusters.physical_name}",  # noqa: S608  # nosec B608 (Splink's own table names)
        output_type="pandas",
    )
    return out.rename(columns={"unique_id": "record_id"}).astype(str)


def cluster_pairs(frame: pd.DataFrame, column: str) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for ids in frame.groupby(column)["record_id"].apply(sorted):
        if len(ids) > 1:
            pairs.update(combinations(ids, 2))
    return pairs


def scores(found: set, truth: set, within: set[str] | None = None) -> dict[str, float]:
    """Pair precision, recall and F1; ``within`` restricts to pairs of those records."""
    if within is not None:
        found = {p for p in found if p[0] in within and p[1] in within}
        truth = {p for p in truth if p[0] in within and p[1] in within}
    hits = len(found & truth)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "true_pairs": len(truth),
        "found_pairs": len(found),
    }
