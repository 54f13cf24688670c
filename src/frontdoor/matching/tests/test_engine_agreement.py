"""The Python scorer and Splink agree: same comparison level, same weight, for every pair.

One definition (engine.comparisons) drives both; this test proves the SQL and the Python
tests of each level say the same thing, and that the model's arithmetic (prior, m/u, term
frequency adjustment) is Splink's.
"""

from __future__ import annotations

import pytest

from frontdoor.matching.engine import COMPARISONS, MatchModel
from frontdoor.matching.engine.clusters import level_from_gamma
from frontdoor.matching.engine.frames import prepare_frame
from frontdoor.matching.engine.generator import generate_frame
from frontdoor.matching.engine.linkage import _linker, splink_settings, term_frequencies
from frontdoor.matching.engine.records import Prepared

from .engine_fixtures import crafted_records


@pytest.fixture(scope="module")
def scored_both_ways():
    generated = generate_frame(60, seed=7).drop(
        columns=["person_id", "household_id", "same_name_relative"]
    )
    crafted = prepare_frame(crafted_records())
    prepared = prepare_frame(generated)
    import pandas as pd

    table = pd.concat([crafted, prepared], ignore_index=True)
    model = MatchModel.default()
    model.tf, model.tf_default = term_frequencies(table)
    model._compile()
    settings = splink_settings(model, retain_columns=True)
    settings.blocking_rules_to_generate_predictions = ["1=1"]
    linker = _linker(table, settings, "duckdb", None)
    pairs = linker.inference.predict().as_pandas_dataframe()
    rows = {
        row["unique_id"]: Prepared(
            **{k: ("" if v is None or v != v else v) for k, v in row.items()}
        )
        for row in table.astype(object).to_dict("records")
    }
    for p in rows.values():
        p.dob_year = int(p.dob_year) if p.dob_year else 0
    return model, pairs, rows


def test_every_pair_lands_on_the_same_level_with_the_same_weight(scored_both_ways):
    model, pairs, rows = scored_both_ways
    assert len(pairs) > 3000
    seen: set[tuple[str, int]] = set()
    for pair in pairs.to_dict("records"):
        a, b = rows[pair["unique_id_l"]], rows[pair["unique_id_r"]]
        score = model.score_prepared(a, b)
        for comparison in COMPARISONS:
            splink_level = level_from_gamma(comparison.name, int(pair[f"gamma_{comparison.name}"]))
            python_level = comparison.level(a, b)
            assert python_level == splink_level, (comparison.name, a.unique_id, b.unique_id)
            seen.add((comparison.name, python_level))
        assert score.match_weight == pytest.approx(pair["match_weight"], abs=1e-6), (
            a.unique_id,
            b.unique_id,
        )
    every_level = {(c.name, i) for c in COMPARISONS for i in range(len(c.labels))}
    assert every_level - seen == set(), "some levels were never exercised"
