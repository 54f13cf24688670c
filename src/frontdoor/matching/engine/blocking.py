"""Which pairs are compared at all: blocking rules for Splink and the same rules as keys.

Batch linkage compares two records only if they agree exactly on all the columns of at
least one rule below. Real-time matching indexes each record under one key per rule it has
all the columns for (``blocking_keys``); a query's candidates are the records sharing a key
with it. A rule is an equality of columns, so the two find the same pairs
(test_engine_blocking.py checks this against Splink's own blocked pairs).
"""

from __future__ import annotations

from dataclasses import dataclass

from .records import Prepared, Record, prepare


@dataclass(frozen=True)
class BlockingRule:
    key: str  # the prefix of this rule's keys
    columns: tuple[str, ...]
    why: str


BLOCKING_RULES: tuple[BlockingRule, ...] = (
    BlockingRule("nhs", ("nhs_number",), "the same NHS number"),
    BlockingRule("upn", ("upn",), "the same unique pupil number"),
    BlockingRule(
        "fd",
        ("first_canon", "dob_key"),
        "first name (or a variant) and date of birth, day and month either way round:"
        " finds a changed surname",
    ),
    BlockingRule(
        "ny",
        ("first_sdx", "surname_sdx", "dob_year"),
        "names that sound alike and the year of birth: finds typos, transposed dates and moves",
    ),
    BlockingRule(
        "sw",
        ("name_lo", "name_hi", "dob_year"),
        "the two names in either order and the year of birth: finds swapped names",
    ),
    BlockingRule(
        "sp",
        ("surname_sdx", "postcode"),
        "surname sounding alike at the same postcode: finds a wrong date of birth",
    ),
    BlockingRule(
        "dp",
        ("dob_key", "postcode"),
        "date of birth at the same postcode: finds a misspelt or changed name",
    ),
)


def keys_of_prepared(p: Prepared) -> set[str]:
    keys = set()
    for rule in BLOCKING_RULES:
        values = [getattr(p, column) for column in rule.columns]
        if all(values):
            keys.add(rule.key + ":" + "|".join(str(v) for v in values))
    return keys


def blocking_keys(record: Record) -> set[str]:
    """The keys a record is indexed under, one per blocking rule it has all the fields for."""
    return keys_of_prepared(prepare(record))


def splink_blocking_rules() -> list:
    from splink import block_on

    return [block_on(*rule.columns) for rule in BLOCKING_RULES]
