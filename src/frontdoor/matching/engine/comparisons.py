"""The comparisons Front Door matches people on: one definition for Splink and for Python.

Each comparison lists its levels in order (the first that holds decides). For every level
there is the Splink level (SQL, run by DuckDB or Spark in batch linkage) and the same test
written in Python (``level``, used to score a pair in real time). test_engine_agreement.py
scores pairs both ways and checks that they land on the same level with the same weight.

Level 0 of every comparison is "missing" (either side unknown): it carries no evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz.distance import JaroWinkler, Levenshtein

from .records import Prepared

# Two dates of birth this many years apart are two generations (a parent and child), not a
# typing mistake; the weight of that level is fixed, not learnt (see ADR 0028).
GENERATION_YEARS = 14
# m of the "different generation" levels, fixed (not learnt): 2**-50, a weight of about -49,
# which outweighs everything two relatives sharing a name and an address agree on.
GENERATION_VETO_M = 2.0**-50
NAME_SIMILAR = 0.92
NAME_PARTLY_ALIKE = 0.8


@dataclass(frozen=True)
class Comparison:
    name: str
    labels: tuple[str, ...]
    level: Callable[[Prepared, Prepared], int]
    splink_levels: Callable[[], list]
    tf_levels: dict[int, str] = field(default_factory=dict)  # level -> column adjusted on
    fixed_m: dict[int, float] = field(default_factory=dict)  # level -> m probability, not learnt


def _jw(a: str, b: str) -> float:
    return JaroWinkler.similarity(a, b)


# --- first name ---------------------------------------------------------------------------


def _first_name(a: Prepared, b: Prepared) -> int:
    x, y = a.first_name, b.first_name
    if not x or not y:
        return 0
    if x == y:
        return 1
    if x == b.surname and y == a.surname:
        return 2
    if a.first_canon == b.first_canon:
        return 3
    if _jw(x, y) >= NAME_SIMILAR:
        return 4
    if a.first_sdx == b.first_sdx:
        return 5
    if _jw(x, y) >= NAME_PARTLY_ALIKE:
        return 6
    return 7


def _first_name_splink() -> list:
    import splink.comparison_level_library as cll

    return [
        cll.NullLevel("first_name"),
        cll.ExactMatchLevel("first_name", term_frequency_adjustments=True),
        cll.CustomLevel(
            '"first_name_l" = "surname_r" AND "first_name_r" = "surname_l"',
            base_dialect_str="duckdb",
        ),
        cll.ExactMatchLevel("first_canon"),
        cll.JaroWinklerLevel("first_name", NAME_SIMILAR),
        cll.ExactMatchLevel("first_sdx"),
        cll.JaroWinklerLevel("first_name", NAME_PARTLY_ALIKE),
        cll.ElseLevel(),
    ]


# --- surname ------------------------------------------------------------------------------


def _surname(a: Prepared, b: Prepared) -> int:
    x, y = a.surname, b.surname
    if not x or not y:
        return 0
    if x == y:
        return 1
    if x == b.first_name and y == a.first_name:
        return 2
    if _jw(x, y) >= NAME_SIMILAR:
        return 3
    if a.surname_sdx == b.surname_sdx:
        return 4
    if f" {x} " in f" {y} " or f" {y} " in f" {x} ":
        return 5
    return 6


def _surname_splink() -> list:
    import splink.comparison_level_library as cll

    return [
        cll.NullLevel("surname"),
        cll.ExactMatchLevel("surname", term_frequency_adjustments=True),
        cll.CustomLevel(
            '"surname_l" = "first_name_r" AND "surname_r" = "first_name_l"',
            base_dialect_str="duckdb",
        ),
        cll.JaroWinklerLevel("surname", NAME_SIMILAR),
        cll.ExactMatchLevel("surname_sdx"),
        cll.CustomLevel(
            "instr(concat(' ', \"surname_l\", ' '), concat(' ', \"surname_r\", ' ')) > 0"
            " OR instr(concat(' ', \"surname_r\", ' '), concat(' ', \"surname_l\", ' ')) > 0",
            base_dialect_str="duckdb",
        ),
        cll.ElseLevel(),
    ]


# --- middle names -------------------------------------------------------------------------


def _middle_names(a: Prepared, b: Prepared) -> int:
    x, y = a.middle_names, b.middle_names
    if not x or not y:
        return 0
    if x == y:
        return 1
    if x[0] == y[0]:
        return 2
    return 3


def _middle_names_splink() -> list:
    import splink.comparison_level_library as cll

    return [
        cll.NullLevel("middle_names"),
        cll.ExactMatchLevel("middle_names"),
        cll.CustomLevel(
            'substr("middle_names_l", 1, 1) = substr("middle_names_r", 1, 1)',
            base_dialect_str="duckdb",
        ),
        cll.ElseLevel(),
    ]


# --- date of birth ------------------------------------------------------------------------


def _dob(a: Prepared, b: Prepared) -> int:
    x, y = a.dob, b.dob
    if not x or not y:
        return 0
    if x == y:
        return 1
    if x[:4] == y[:4] and x[5:7] == y[8:10] and x[8:10] == y[5:7]:
        return 2
    if Levenshtein.distance(x, y) <= 1:
        return 3
    gap = abs(a.dob_year - b.dob_year)
    if gap <= 1:
        return 4
    if gap >= GENERATION_YEARS:
        return 5
    return 6


def _dob_splink() -> list:
    import splink.comparison_level_library as cll

    return [
        cll.NullLevel("dob"),
        cll.ExactMatchLevel("dob"),
        cll.CustomLevel(
            'substr("dob_l", 1, 4) = substr("dob_r", 1, 4)'
            ' AND substr("dob_l", 6, 2) = substr("dob_r", 9, 2)'
            ' AND substr("dob_l", 9, 2) = substr("dob_r", 6, 2)',
            base_dialect_str="duckdb",
        ),
        cll.LevenshteinLevel("dob", 1),
        cll.CustomLevel('abs("dob_year_l" - "dob_year_r") <= 1', base_dialect_str="duckdb"),
        cll.CustomLevel(
            f'abs("dob_year_l" - "dob_year_r") >= {GENERATION_YEARS}', base_dialect_str="duckdb"
        ),
        cll.ElseLevel(),
    ]


# --- generation suffix (Jr, Sr, III) ------------------------------------------------------


def _generation(a: Prepared, b: Prepared) -> int:
    x, y = a.generation, b.generation
    if not x or not y:
        return 0
    return 1 if x == y else 2


def _generation_splink() -> list:
    import splink.comparison_level_library as cll

    return [cll.NullLevel("generation"), cll.ExactMatchLevel("generation"), cll.ElseLevel()]


# --- sex ----------------------------------------------------------------------------------


def _sex(a: Prepared, b: Prepared) -> int:
    x, y = a.sex, b.sex
    if not x or not y:
        return 0
    return 1 if x == y else 2


def _sex_splink() -> list:
    import splink.comparison_level_library as cll

    return [cll.NullLevel("sex"), cll.ExactMatchLevel("sex"), cll.ElseLevel()]


# --- address (postcode, and the address line where the postcode agrees) ------------------
# One comparison, not two: the address line and the postcode say the same thing twice, and
# counting both would double the evidence of living at one address (and merge twins).


def _address(a: Prepared, b: Prepared) -> int:
    x, y = a.postcode, b.postcode
    if not x or not y:
        return 0
    if x == y:
        return 1 if a.address and a.address == b.address else 2
    if a.postcode_sector and a.postcode_sector == b.postcode_sector:
        return 3
    if a.postcode_district == b.postcode_district:
        return 4
    return 5


def _address_splink() -> list:
    import splink.comparison_level_library as cll

    return [
        cll.NullLevel("postcode"),
        cll.CustomLevel(
            '"postcode_l" = "postcode_r" AND "address_l" = "address_r"', base_dialect_str="duckdb"
        ),
        cll.ExactMatchLevel("postcode", term_frequency_adjustments=True),
        cll.ExactMatchLevel("postcode_sector"),
        cll.ExactMatchLevel("postcode_district"),
        cll.ElseLevel(),
    ]


# --- identifiers --------------------------------------------------------------------------


def _identifier(column: str) -> Callable[[Prepared, Prepared], int]:
    def level(a: Prepared, b: Prepared) -> int:
        x, y = getattr(a, column), getattr(b, column)
        if not x or not y:
            return 0
        return 1 if x == y else 2

    return level


def _identifier_splink(column: str) -> Callable[[], list]:
    def build() -> list:
        import splink.comparison_level_library as cll

        return [cll.NullLevel(column), cll.ExactMatchLevel(column), cll.ElseLevel()]

    return build


COMPARISONS: tuple[Comparison, ...] = (
    Comparison(
        "first_name",
        (
            "First name missing",
            "First name the same",
            "First name and surname swapped",
            "Nickname or variant of the same name",
            "First name spelt similarly",
            "First name sounds alike",
            "First name partly alike (heavily misspelt?)",
            "First name different",
        ),
        _first_name,
        _first_name_splink,
        tf_levels={1: "first_name"},
    ),
    Comparison(
        "surname",
        (
            "Surname missing",
            "Surname the same",
            "Surname and first name swapped",
            "Surname spelt similarly",
            "Surname sounds alike",
            "One surname part of the other (double-barrelled)",
            "Surname different (it may have changed)",
        ),
        _surname,
        _surname_splink,
        tf_levels={1: "surname"},
    ),
    Comparison(
        "middle_names",
        (
            "Middle names missing",
            "Middle names the same",
            "Middle names start with the same letter",
            "Middle names different",
        ),
        _middle_names,
        _middle_names_splink,
    ),
    Comparison(
        "date_of_birth",
        (
            "Date of birth missing",
            "Date of birth the same",
            "Day and month swapped",
            "Date of birth one digit different",
            "Born within a year of each other",
            f"Born {GENERATION_YEARS} or more years apart (a different generation)",
            "Date of birth different",
        ),
        _dob,
        _dob_splink,
        fixed_m={5: GENERATION_VETO_M},
    ),
    Comparison(
        "generation",
        (
            "No Jr/Sr suffix on one or both",
            "Same Jr/Sr suffix",
            "Different Jr/Sr suffix (a different generation)",
        ),
        _generation,
        _generation_splink,
        fixed_m={2: GENERATION_VETO_M},
    ),
    Comparison(
        "sex",
        ("Sex missing", "Sex the same", "Sex different"),
        _sex,
        _sex_splink,
    ),
    Comparison(
        "address",
        (
            "Postcode missing",
            "Same address (postcode and address line)",
            "Same postcode",
            "Postcode in the same sector",
            "Postcode in the same district",
            "Postcode different (they may have moved)",
        ),
        _address,
        _address_splink,
        tf_levels={2: "postcode"},
    ),
    Comparison(
        "nhs_number",
        ("NHS number missing", "NHS number the same", "NHS number different"),
        _identifier("nhs_number"),
        _identifier_splink("nhs_number"),
    ),
    Comparison(
        "upn",
        ("UPN missing", "UPN the same", "UPN different"),
        _identifier("upn"),
        _identifier_splink("upn"),
    ),
)

BY_NAME: dict[str, Comparison] = {c.name: c for c in COMPARISONS}
