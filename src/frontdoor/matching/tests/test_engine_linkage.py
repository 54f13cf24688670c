"""Batch linkage with Splink: training, clustering, and the cases that must not merge."""

from __future__ import annotations

import os
import shutil
from datetime import date
from itertools import combinations

import pandas as pd
import pytest

from frontdoor.matching.engine import MatchModel, Record, link, train
from frontdoor.matching.engine.generator import generate_frame
from frontdoor.matching.engine.linkage import local_spark_session


def _pairs(frame: pd.DataFrame, column: str) -> set[tuple[str, str]]:
    pairs = set()
    for ids in frame.groupby(column)["record_id"].apply(sorted):
        pairs.update(combinations(ids, 2))
    return pairs


@pytest.fixture(scope="module")
def generated():
    return generate_frame(1500, seed=11)


@pytest.fixture(scope="module")
def trained(generated):
    model, linker = train(generated.drop(columns=["person_id"]), max_pairs_for_u=3e5)
    return model, linker


def test_training_learns_that_agreement_is_evidence(trained):
    model, _linker = trained
    weight = {n: [lv.weight for lv in levels] for n, levels in model.levels.items()}
    assert weight["date_of_birth"][1] > 8  # same date of birth
    assert weight["date_of_birth"][2] > 3  # day and month swapped
    assert weight["first_name"][1] > 3
    assert weight["first_name"][-1] < 0
    assert weight["date_of_birth"][5] < -40  # a generation apart: fixed, not learnt
    assert model.trained_at
    assert model.tf["surname"]  # term frequencies kept for real-time scoring
    assert MatchModel.from_json(model.to_json()).version == model.version


def test_link_finds_the_people_behind_the_records(generated, trained):
    model, _linker = trained
    result = link(generated.drop(columns=["person_id"]), model)
    assert list(result.columns) == ["record_id", "cluster_id", "match_probability"]
    assert len(result) == len(generated)
    merged = result.merge(generated[["record_id", "person_id", "same_name_relative"]])
    truth, found = _pairs(merged, "person_id"), _pairs(merged, "cluster_id")
    precision = len(truth & found) / len(found)
    recall = len(truth & found) / len(truth)
    assert precision > 0.9 and recall > 0.85, (precision, recall)
    # Same-name relatives in one household are never put in one cluster when their records
    # say when they were born (a record with no date of birth may go either way).
    merged = merged.merge(generated[["record_id", "date_of_birth"]])
    relatives = merged[merged["same_name_relative"] & (merged["date_of_birth"] != "")]
    assert relatives["person_id"].nunique() > 10
    for _cluster, group in relatives.groupby("cluster_id"):
        assert group["person_id"].nunique() == 1


def _household() -> list[Record]:
    def r(record_id, source, first, dob, **extra):
        return Record(
            record_id,
            source,
            first,
            "",
            extra.pop("surname", "Haworth"),
            dob,
            "male",
            "QA4 7BX",
            "12 Kestrel Close",
            **extra,
        )

    return [
        r("f1", "police", "Daniel", date(1961, 4, 2)),
        r("f2", "health", "Dan", date(1961, 2, 4)),
        r("s1", "school", "Daniel", date(1992, 8, 30)),
        r("s2", "health", "Daniel", date(1992, 8, 30)),
        r("x", "housing", "Daniel", None),  # could be either: must not chain them
        r("o1", "police", "Aisha", date(1999, 1, 1), surname="Khan"),
        r("o2", "health", "Aisha", date(1999, 1, 1), surname="Khan"),
    ]


def test_father_and_son_are_never_chained_through_a_record_without_a_date():
    result = link(_household(), MatchModel.default()).set_index("record_id")["cluster_id"]
    assert result["f1"] == result["f2"]
    assert result["s1"] == result["s2"]
    assert result["f1"] != result["s1"]
    assert result["x"] in (result["f1"], result["s1"]) or result["x"] == "x"


def test_earlier_decisions_are_respected():
    records = _household()
    plain = link(records, MatchModel.default()).set_index("record_id")["cluster_id"]
    assert plain["o1"] == plain["o2"]
    decided = link(
        records,
        MatchModel.default(),
        cannot_link=[("o1", "o2")],
        must_link=[("f1", "x")],
    ).set_index("record_id")
    clusters = decided["cluster_id"]
    assert clusters["o1"] != clusters["o2"]
    assert clusters["x"] == clusters["f1"] != clusters["s1"]
    assert decided.loc["x", "match_probability"] == 1.0
    with pytest.raises(ValueError, match="not in the data"):
        link(records, MatchModel.default(), cannot_link=[("o1", "nobody")])


def _java_available() -> bool:
    return shutil.which("java") is not None or bool(os.environ.get("JAVA_HOME"))


@pytest.mark.skipif(
    not _java_available() and not os.environ.get("CI"),
    reason="the Spark backend needs Java (none found, and not on CI where it is required)",
)
def test_spark_backend_links_like_duckdb():
    records = _household()
    duck = link(records, MatchModel.default()).sort_values("record_id").reset_index(drop=True)
    session = local_spark_session(cores=1, memory="1g", tiny=True)
    spark = link(records, MatchModel.default(), backend="spark", spark_session=session)
    spark = spark.sort_values("record_id").reset_index(drop=True)
    assert spark["record_id"].tolist() == duck["record_id"].tolist()
    assert spark["cluster_id"].tolist() == duck["cluster_id"].tolist()
    pd.testing.assert_series_equal(
        spark["match_probability"], duck["match_probability"], check_exact=False, rtol=1e-6
    )
