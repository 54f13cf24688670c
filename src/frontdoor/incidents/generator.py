"""Fictional police incidents with realistic concentration, at any scale up to 10 million.

One row per person per incident, in the agreed extract format
(``frontdoor.incidents.extract_format.COLUMNS``, checked by a test). Everything is invented:
names are drawn from short lists of common first names and surnames, references are sequential, postcodes are inside an invented district. The shape is what matters:

* a heavy-tailed share of people in many incidents (each person's propensity to come to notice
  is log-normal, so a few per cent account for most appearances);
* victim–offender overlap (victim and offender propensities share a latent factor);
* domestic abuse dyads (a fixed set of couples whose incidents repeat, heavy-tailed per dyad);
* seasonal (summer and New Year peaks) and weekly (Friday/Saturday night) rhythm;
* an offence mix from Home Office offence classification codes plus non-crime incident types.

Vectorised numpy throughout, so 10 million incidents take well under a minute; write CSV or
Parquet in chunks. Seeded: the same arguments give the same rows.

    python -m frontdoor.incidents.generator --incidents 100000 --people 20000 --out incidents.csv
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

ROLES = ("victim", "suspect", "offender", "witness", "other")
NON_CRIME_TYPES = ("domestic_non_crime", "concern_for_welfare", "missing_person", "asb")


@dataclass(frozen=True)
class Offence:
    code: str  # Home Office offence classification code
    description: str
    share: float  # share of crime incidents
    domestic_share: float  # share of this offence flagged domestic abuse
    indicative_harm_days: float  # indicative only: the partnership's HarmWeight table decides


# Indicative mix of recorded crime that involves a person (not vehicle crime, fraud, etc.).
OFFENCES: tuple[Offence, ...] = (
    Offence("105A", "Assault without injury", 0.22, 0.35, 2.0),
    Offence("8N", "Assault with injury", 0.14, 0.35, 10.0),
    Offence("5D", "Assault with intent to cause serious harm", 0.02, 0.15, 1095.0),
    Offence("8L", "Harassment", 0.08, 0.45, 5.0),
    Offence("8Q", "Stalking", 0.03, 0.55, 30.0),
    Offence("8U", "Controlling or coercive behaviour", 0.03, 0.98, 365.0),
    Offence("3B", "Threats to kill", 0.02, 0.40, 180.0),
    Offence("9A", "Public fear, alarm or distress", 0.09, 0.15, 1.0),
    Offence("19C", "Rape of a female aged 16 and over", 0.01, 0.40, 1825.0),
    Offence("20A", "Sexual assault on a female aged 13 and over", 0.02, 0.10, 365.0),
    Offence("34B", "Robbery of personal property", 0.03, 0.02, 1460.0),
    Offence("28E", "Burglary - residential - dwelling", 0.05, 0.05, 365.0),
    Offence("39", "Theft from the person", 0.04, 0.02, 28.0),
    Offence("46", "Shoplifting", 0.09, 0.00, 1.0),
    Offence("58A", "Criminal damage to a dwelling", 0.08, 0.30, 2.0),
    Offence("10D", "Possession of article with blade or point", 0.03, 0.01, 180.0),
    Offence("11A", "Cruelty to children/young persons", 0.02, 0.30, 180.0),
)

FIRST_NAMES_F = (
    "Abigail", "Amy", "Beth", "Charlotte", "Chloe", "Danielle", "Eleanor", "Emma", "Gemma",
    "Georgia", "Hannah", "Jade", "Jennifer", "Karen", "Katie", "Laura", "Lucy", "Megan",
    "Natalie", "Nicola", "Rachel", "Rebecca", "Sarah", "Sophie", "Stacey", "Zoe",
)  # fmt: skip
FIRST_NAMES_M = (
    "Adam", "Ben", "Callum", "Carl", "Connor", "Craig", "Daniel", "Dean", "Harry", "Jack",
    "James", "Jordan", "Kieran", "Lee", "Liam", "Mark", "Matthew", "Nathan", "Oliver", "Paul",
    "Ryan", "Scott", "Shaun", "Thomas", "Tyler", "Wayne",
)  # fmt: skip
SURNAMES = (
    "Ashworth", "Barlow", "Bentley", "Bradshaw", "Brierley", "Butterworth", "Clegg", "Crossley",
    "Dawson", "Entwistle", "Fletcher", "Greenhalgh", "Haworth", "Holden", "Howarth", "Kenyon",
    "Lomax", "Marsden", "Nuttall", "Pilling", "Ramsbottom", "Riley", "Schofield", "Shorrock",
    "Singleton", "Sutcliffe", "Tattersall", "Whittaker", "Wolstenholme", "Worsley",
)  # fmt: skip
AREAS = ("Northbrook", "Eastfold", "Southmere", "Westcombe", "Millbridge", "Kingsholme")

DEFAULT_END = dt.date(2026, 10, 31)
DEFAULT_YEARS = 3


def _weighted_pick(rng: np.random.Generator, weights: np.ndarray, size: int) -> np.ndarray:
    """Indices drawn with probability proportional to weights (fast for millions of draws)."""
    cdf = np.cumsum(weights, dtype=np.float64)
    picks = np.searchsorted(cdf, rng.random(size) * cdf[-1], side="right")
    return np.minimum(picks, len(weights) - 1)


def _day_weights(days: np.ndarray) -> np.ndarray:
    """Seasonal (summer and New Year peaks) and weekly (Friday/Saturday) rhythm."""
    dates = days.astype("datetime64[D]")
    day_of_year = (dates - dates.astype("datetime64[Y]")).astype(np.int64)
    weekday = (dates.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
    seasonal = 1.0 + 0.18 * np.cos(2 * np.pi * (day_of_year - 190) / 365.25)
    new_year = np.where((day_of_year <= 1) | (day_of_year >= 364), 1.5, 1.0)
    weekly = np.array([0.90, 0.88, 0.90, 0.95, 1.15, 1.25, 1.05])[weekday]
    return seasonal * new_year * weekly


HOUR_WEIGHTS = np.array(
    [
        5,
        4,
        3,
        2,
        1.5,
        1.2,
        1.5,
        2.5,
        3.5,
        4,
        4.5,
        5,
        5.5,
        5.5,
        5.5,
        6,
        6.5,
        7,
        7.5,
        8,
        8,
        8,
        7.5,
        6.5,
    ]
)


@dataclass(frozen=True)
class Population:
    """The fictional people and their domestic-abuse dyads, shared by every chunk."""

    female: np.ndarray
    first_name: pa.Array
    surname: pa.Array
    dob: pa.Array
    person_ref: pa.Array
    offender_w: np.ndarray
    victim_w: np.ndarray
    other_w: np.ndarray
    dyad_offender: np.ndarray
    dyad_victim: np.ndarray
    dyad_w: np.ndarray

    @property
    def size(self) -> int:
        return len(self.female)


def _capped(weights: np.ndarray) -> np.ndarray:
    """Clip the extreme tail (nobody comes to notice daily for three years)."""
    return np.minimum(weights, np.quantile(weights, 0.999))


def _refs(prefix: str, numbers: np.ndarray, width: int) -> pa.Array:
    digits = pc.utf8_lpad(pc.cast(pa.array(numbers), pa.string()), width, "0")
    return pc.binary_join_element_wise(prefix, digits, "")


def population(n_people: int, seed: int = 7, *, end: dt.date = DEFAULT_END) -> Population:
    if n_people < 4:
        raise ValueError("need at least 4 people")
    rng = np.random.default_rng([seed, 0])
    female = rng.random(n_people) < 0.48
    first_f = pa.array(FIRST_NAMES_F).take(pa.array(rng.integers(0, len(FIRST_NAMES_F), n_people)))
    first_m = pa.array(FIRST_NAMES_M).take(pa.array(rng.integers(0, len(FIRST_NAMES_M), n_people)))
    first = pc.if_else(pa.array(female), first_f, first_m)
    surname = pa.array(SURNAMES).take(pa.array(rng.integers(0, len(SURNAMES), n_people)))
    # Ages 10–85, most between 18 and 45 (a gamma shifted to start at 10).
    age_days = ((10 + np.minimum(rng.gamma(3.0, 7.0, n_people), 75)) * 365.25).astype(np.int64)
    dob = pa.array(np.datetime64(end, "D") - age_days)
    # Heavy tail: a latent "comes to notice" factor shared by victim and offender propensity.
    latent = rng.normal(0, 1, n_people)
    offender_w = _capped(
        np.exp(1.2 * latent + 0.7 * rng.normal(0, 1, n_people)) * np.where(female, 0.45, 1.0)
    )
    victim_w = _capped(np.exp(0.8 * latent + 0.8 * rng.normal(0, 1, n_people)))
    other_w = _capped(np.exp(0.4 * latent + 0.6 * rng.normal(0, 1, n_people)))
    n_dyads = max(2, n_people // 20)
    dyad_offender = _weighted_pick(rng, offender_w, n_dyads)
    dyad_victim = _weighted_pick(rng, victim_w, n_dyads)
    clash = dyad_offender == dyad_victim
    dyad_victim[clash] = (dyad_victim[clash] + 1) % n_people
    return Population(
        female=female,
        first_name=first,
        surname=surname,
        dob=dob,
        person_ref=_refs("P", np.arange(1, n_people + 1), max(7, len(str(n_people)))),
        offender_w=offender_w,
        victim_w=victim_w,
        other_w=other_w,
        dyad_offender=dyad_offender,
        dyad_victim=dyad_victim,
        dyad_w=_capped(rng.pareto(2.0, n_dyads) + 1.0),
    )


def _pick_str(values: tuple[str, ...] | list[str], idx: np.ndarray) -> pa.Array:
    return pa.array(values).take(pa.array(idx))


def _incidents(
    rng: np.random.Generator,
    people: Population,
    n: int,
    first_number: int,
    ref_width: int,
    *,
    end: dt.date,
    years: int,
) -> pa.Table:
    n_people = people.size
    # When: a day drawn with seasonal/weekly weights, an hour with the evening peak.
    end_day = np.datetime64(end, "D")
    days = np.arange(end_day - np.timedelta64(365 * years, "D"), end_day + 1)
    day = days[_weighted_pick(rng, _day_weights(days), n)]
    minutes = _weighted_pick(rng, HOUR_WEIGHTS, n) * 60 + rng.integers(0, 60, n)
    occurred = day.astype("datetime64[s]") + minutes.astype("timedelta64[m]")

    # What: 72% crimes, the rest non-crime types.
    is_crime = rng.random(n) < 0.72
    non_crime = _weighted_pick(rng, np.array([0.35, 0.30, 0.15, 0.20]), n)
    offence_idx = _weighted_pick(rng, np.array([o.share for o in OFFENCES]), n)
    domestic_share = np.array([o.domestic_share for o in OFFENCES])[offence_idx]
    domestic = np.where(is_crime, rng.random(n) < domestic_share, non_crime == 0)
    # type index: 0 crime, 1.. the non-crime types
    type_idx = np.where(is_crime, 0, non_crime + 1)
    code_idx = np.where(is_crime, offence_idx, len(OFFENCES))
    area_idx = _weighted_pick(rng, np.array([0.26, 0.2, 0.18, 0.14, 0.12, 0.1]), n)
    sector = rng.integers(1, 10, n)

    # Who. Domestic incidents come from the fixed set of dyads (heavy-tailed repetition).
    dyad = _weighted_pick(rng, people.dyad_w, n)
    victim = np.where(domestic, people.dyad_victim[dyad], _weighted_pick(rng, people.victim_w, n))
    perp = np.where(domestic, people.dyad_offender[dyad], _weighted_pick(rng, people.offender_w, n))
    # Missing person and welfare concerns: one subject (role "other"), sometimes a reporter.
    subject_only = (type_idx == 2) | (type_idx == 3)
    has_perp = ~subject_only & (rng.random(n) < np.where(is_crime, 0.8, 0.9))
    perp_offender = is_crime & (rng.random(n) < 0.4)
    has_second = has_perp & ~domestic & (rng.random(n) < 0.12)
    second = _weighted_pick(rng, people.offender_w, n)
    has_witness = rng.random(n) < np.where(subject_only, 0.35, 0.2)
    witness = _weighted_pick(rng, people.other_w, n)
    # role index into ROLES: victim 0, suspect 1, offender 2, witness 3, other 4
    slots = [
        (np.ones(n, dtype=bool), victim, np.where(subject_only, 4, 0)),
        (has_perp, perp, np.where(perp_offender, 2, 1)),
        (has_second, second, np.full(n, 1)),
        (has_witness, witness, np.where(subject_only, 4, 3)),
    ]
    incident_idx = np.concatenate([np.flatnonzero(mask) for mask, _, _ in slots])
    person_idx = np.concatenate([who[mask] for mask, who, _ in slots])
    role = np.concatenate([r[mask] for mask, _, r in slots])
    slot_no = np.concatenate([np.full(int(mask.sum()), k) for k, (mask, _, _) in enumerate(slots)])
    # One row per person per incident: a person drawn twice for one incident is replaced by
    # another (the first slot – the victim or subject – always stays).
    for _ in range(8):
        key = incident_idx.astype(np.int64) * n_people + person_idx
        order = np.lexsort((slot_no, key))
        dup = np.zeros(len(key), dtype=bool)
        dup[order[1:]] = key[order[1:]] == key[order[:-1]]
        if not dup.any():
            break
        person_idx[dup] = (person_idx[dup] + 1 + slot_no[dup]) % n_people
    rows = np.lexsort((slot_no, incident_idx))
    inc, who, role = pa.array(incident_idx[rows]), pa.array(person_idx[rows]), role[rows]

    refs = _refs("INC", np.arange(first_number, first_number + n), ref_width)
    postcode = pc.binary_join_element_wise(
        _pick_str([f"FD{i + 1} " for i in range(len(AREAS))], area_idx),
        pc.cast(pa.array(sector), pa.string()),
        pa.array(rng.choice(np.array(["AB", "BD", "EF", "HJ", "LN"]), n)),
        "",
    )
    codes = [o.code for o in OFFENCES] + [""]
    descriptions = [o.description for o in OFFENCES] + [""]
    return pa.table(
        {
            "incident_ref": refs.take(inc),
            "occurred_at": pa.array(occurred).take(inc),
            "offence_code": _pick_str(codes, code_idx).take(inc),
            "offence_description": _pick_str(descriptions, code_idx).take(inc),
            "incident_type": _pick_str(("crime",) + NON_CRIME_TYPES, type_idx).take(inc),
            "domestic_abuse": _pick_str(("N", "Y"), domestic.astype(np.int8)).take(inc),
            "postcode": postcode.take(inc),
            "area": _pick_str(AREAS, area_idx).take(inc),
            "person_ref": people.person_ref.take(who),
            "role": _pick_str(ROLES, role),
            "first_name": people.first_name.take(who),
            "surname": people.surname.take(who),
            "date_of_birth": people.dob.take(who),
            "sex": _pick_str(("M", "F"), people.female.astype(np.int8)).take(who),
        }
    )


def generate_chunks(
    n_incidents: int,
    n_people: int,
    seed: int = 7,
    *,
    chunk_incidents: int = 1_000_000,
    end: dt.date = DEFAULT_END,
    years: int = DEFAULT_YEARS,
) -> Iterator[pa.Table]:
    """Tables of at most ``chunk_incidents`` incidents each, all over one population."""
    people = population(n_people, seed, end=end)
    width = max(7, len(str(n_incidents)))
    for part, start in enumerate(range(0, n_incidents, chunk_incidents)):
        size = min(chunk_incidents, n_incidents - start)
        rng = np.random.default_rng([seed, 1, part])
        yield _incidents(rng, people, size, start + 1, width, end=end, years=years)


def generate(
    n_incidents: int,
    n_people: int,
    seed: int = 7,
    *,
    end: dt.date = DEFAULT_END,
    years: int = DEFAULT_YEARS,
) -> pa.Table:
    """Party rows (one per person per incident) for ``n_incidents`` fictional incidents."""
    return pa.concat_tables(
        generate_chunks(n_incidents, n_people, seed, chunk_incidents=10**9, end=end, years=years)
    )


def as_extract(table: pa.Table) -> pa.Table:
    """The table with the CSV extract's text forms (ISO 8601 date-times with a ``T``)."""
    i = table.schema.get_field_index("occurred_at")
    if pa.types.is_timestamp(table.schema.field(i).type):
        text = pc.strftime(table["occurred_at"], format="%Y-%m-%dT%H:%M:%S")
        table = table.set_column(i, "occurred_at", text)
    return table


def write_csv(tables: pa.Table | Iterable[pa.Table], path: str | Path) -> int:
    """Write one table or a stream of chunks as one CSV file; returns the row count."""
    tables = [tables] if isinstance(tables, pa.Table) else tables
    rows = 0
    writer = None
    try:
        for table in tables:
            table = as_extract(table)
            if writer is None:
                writer = pacsv.CSVWriter(str(path), table.schema)
            writer.write_table(table)
            rows += table.num_rows
    finally:
        if writer is not None:
            writer.close()
    return rows


def write_parquet(tables: pa.Table | Iterable[pa.Table], path: str | Path) -> int:
    """Write one table or a stream of chunks as one Parquet file; returns the row count."""
    tables = [tables] if isinstance(tables, pa.Table) else tables
    rows = 0
    writer = None
    try:
        for table in tables:
            if writer is None:
                writer = pq.ParquetWriter(str(path), table.schema, compression="zstd")
            writer.write_table(table)
            rows += table.num_rows
    finally:
        if writer is not None:
            writer.close()
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", required=True, help="a .csv or .parquet file")
    args = parser.parse_args(argv)
    chunks = generate_chunks(args.incidents, args.people, args.seed)
    writer = write_parquet if str(args.out).endswith(".parquet") else write_csv
    rows = writer(chunks, args.out)
    print(f"{rows} rows for {args.incidents} incidents written to {args.out}")


if __name__ == "__main__":
    main()
