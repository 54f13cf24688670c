"""The real-time index's blocking keys find exactly the pairs Splink's blocking rules find."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import combinations

import pandas as pd

from frontdoor.matching.engine import MatchModel, Record, blocking_keys
from frontdoor.matching.engine.blocking import keys_of_prepared
from frontdoor.matching.engine.frames import prepare_frame
from frontdoor.matching.engine.generator import generate_frame
from frontdoor.matching.engine.linkage import _linker, splink_settings
from frontdoor.matching.engine.records import Prepared

from .engine_fixtures import crafted_records


def _prepared_rows(table: pd.DataFrame) -> list[Prepared]:
    rows = []
    for row in table.astype(object).to_dict("records"):
        p = Prepared(**{k: ("" if v is None or v != v else v) for k, v in row.items()})
        p.dob_year = int(p.dob_year) if p.dob_year else 0
        rows.append(p)
    return rows


def test_keys_find_the_same_pairs_as_splink_blocking():
    generated = generate_frame(300, seed=3).drop(
        columns=["person_id", "household_id", "same_name_relative"]
    )
    table = pd.concat(
        [prepare_frame(crafted_records()), prepare_frame(generated)], ignore_index=True
    )
    linker = _linker(table, splink_settings(MatchModel.default()), "duckdb", None)
    splink_pairs = {
        tuple(sorted(p))
        for p in linker.inference.predict()
        .as_pandas_dataframe()[["unique_id_l", "unique_id_r"]]
        .itertuples(index=False)
    }
    index: dict[str, set[str]] = defaultdict(set)
    for p in _prepared_rows(table):
        for key in keys_of_prepared(p):
            index[key].add(p.unique_id)
    key_pairs = {tuple(sorted(pair)) for ids in index.values() for pair in combinations(ids, 2)}
    assert len(splink_pairs) > 200
    assert key_pairs == splink_pairs


def test_keys_survive_the_variations_safeguarding_cares_about():
    person = Record(
        "1",
        first_name="Margaret",
        surname="Hollins",
        date_of_birth=date(1984, 3, 9),
        postcode="QA1 1AA",
    )
    shares = lambda other: bool(blocking_keys(person) & blocking_keys(other))  # noqa: E731
    # Day and month transposed, and moved house.
    assert shares(
        Record(
            "2",
            first_name="Margaret",
            surname="Hollins",
            date_of_birth=date(1984, 9, 3),
            postcode="QZ9 9ZZ",
        )
    )
    # Surname changed, nickname.
    assert shares(
        Record("3", first_name="Peggy", surname="Ashworth", date_of_birth=date(1984, 3, 9))
    )
    # Names swapped.
    assert shares(
        Record("4", first_name="Hollins", surname="Margaret", date_of_birth=date(1984, 3, 9))
    )
    # A typo in both names (they still sound alike).
    assert shares(
        Record("5", first_name="Margeret", surname="Holins", date_of_birth=date(1984, 3, 9))
    )
    # No date of birth, same postcode.
    assert shares(Record("6", first_name="Maggie", surname="Hollins", postcode="qa11aa"))
    # Identifiers alone.
    assert blocking_keys(Record("7", nhs_number="943 476 5919")) == {"nhs:9434765919"}
    assert blocking_keys(Record("8", upn="a123456789012")) == {"upn:A123456789012"}
    # Nothing known, nothing to find it by.
    assert blocking_keys(Record("9", first_name="Margaret")) == set()
    # An invalid NHS number is not a key.
    assert blocking_keys(Record("10", nhs_number="9434765918")) == set()
