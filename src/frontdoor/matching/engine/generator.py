"""Fictional people and the records agencies hold about them, with the truth kept.

    frame = generate_frame(people=40_000, seed=1)      # pandas, ~2.4 records a person
    for chunk in generate(people=2_000_000, seed=1):   # streaming, one DataFrame per chunk
        ...
    python -m frontdoor.matching.engine.generator --people 40000 --out records.csv

People live in households (couples, children, lone adults). Each person has one to several
records across police, social care, health, school and housing, and each record varies the
way agency records do: typing mistakes, nicknames, first and last names swapped, day and
month of birth transposed or a digit wrong, missing fields, an old address after a move, a
maiden name, a dropped half of a double-barrelled surname. The hard cases are planted on
purpose: twins (same birthday, address and surname) and a father and son (or mother and
daughter) with the same name at one address, sometimes told apart by Jr/Sr.

Columns: the record columns (records.COLUMNS) plus ``person_id`` (the truth),
``household_id`` and ``same_name_relative`` (the person shares first name and surname with
someone else in the household). Names are drawn at random from names.py, so no record is
a real person. Seeded: the same arguments give the same records, chunk by chunk.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd

from . import names
from .nicknames import GROUPS, canonical_given_name
from .records import COLUMNS

REFERENCE_DATE = date(2025, 12, 31)  # "today" for the generator, so runs repeat
AREAS = ("QA", "QB", "QC", "QD", "QE", "QF", "QG", "QH")  # no real postcode starts with Q
OUTPUT_COLUMNS = ["person_id", "household_id", "same_name_relative", *COLUMNS]
_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters real inward codes use

# Rates of each kind of variation, per record (or per person where noted).
RATES = {
    "nickname": 0.10,
    "first_typo": 0.04,
    "surname_typo": 0.04,
    "swap_names": 0.015,
    "upper_case": 0.15,
    "drop_middle": 0.5,
    "maiden_name": 0.35,  # of records of a person whose surname changed
    "dob_missing": 0.04,
    "dob_transposed": 0.04,
    "dob_digit": 0.02,
    "sex_missing": 0.05,
    "old_address": 0.4,  # of records of a person who moved
    "postcode_missing": 0.06,
    "address_missing": 0.2,
    "nhs_typo": 0.005,
    "middle_initial": 0.15,
    "sex_wrong": 0.005,
    "suffix": 0.3,  # Jr/Sr written, on records of a same-name parent or child
}


def _zipf_weights(n: int, exponent: float = 1.0) -> np.ndarray:
    weights = 1.0 / np.arange(1, n + 1) ** exponent
    return weights / weights.sum()


_NICKNAMES: dict[str, tuple[str, ...]] = {}
for _group in GROUPS:
    _members = tuple(n for n in _group.split() if "-" not in n)
    for _name in _members:
        _NICKNAMES[_name] = tuple(m for m in _members if m != _name)


@dataclass
class Person:
    person_id: str
    household_id: str
    first_name: str
    middle_names: str
    surname: str
    sex: str
    dob: date
    postcode: str
    address: str
    previous_surname: str = ""
    previous_postcode: str = ""
    previous_address: str = ""
    nhs_number: str = ""
    upn: str = ""
    suffix: str = ""
    same_name_relative: bool = False
    sources: list[str] = field(default_factory=list)


class _Pools:
    def __init__(self) -> None:
        self.male = np.array(names.MALE)
        self.female = np.array(names.FEMALE)
        self.male_p = _zipf_weights(len(self.male), 0.5)
        self.female_p = _zipf_weights(len(self.female), 0.5)
        common = list(names.SURNAMES)
        invented = list(names.invented_surnames())
        self.surnames = np.array(common + invented)
        # Common surnames follow Zipf; the invented tail shares the rest evenly.
        head = _zipf_weights(len(common), 0.5) * 0.5
        tail = np.full(len(invented), 0.5 / len(invented))
        self.surname_p = np.concatenate([head, tail])


def _postcode(index: int) -> str:
    # About 200 units a sector, ten sectors a district, 40 districts an area, as in England.
    unit_number = index % 200
    unit = _LETTERS[unit_number % len(_LETTERS)] + _LETTERS[unit_number // len(_LETTERS)]
    rest = index // 200
    sector = rest % 10
    rest //= 10
    district = 1 + rest % 40
    area = AREAS[(rest // 40) % len(AREAS)]
    return f"{area}{district} {sector}{unit}"


def _street(index: int) -> str:
    street = names.STREET_NAMES[(index * 7919) % len(names.STREET_NAMES)]
    kind = names.STREET_KINDS[(index * 104729) % len(names.STREET_KINDS)]
    return f"{street} {kind}"


def nhs_number(rng: random.Random) -> str:
    """A random ten-digit number with a valid modulus 11 check digit (fictional)."""
    while True:
        digits = [rng.randrange(10) for _ in range(9)]
        digits[0] = rng.randrange(4, 10)  # avoid all-zero-ish placeholders
        total = sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True))
        check = 11 - total % 11
        check = 0 if check == 11 else check
        if check != 10:
            return "".join(map(str, digits)) + str(check)


class _Household:
    def __init__(self, gen: _Generator, household_id: str) -> None:
        self.gen = gen
        self.household_id = household_id
        rng = gen.rng
        self.pc_index = gen.unit()
        self.postcode = _postcode(self.pc_index)
        self.address = f"{rng.randint(1, 180)} {_street(self.pc_index)}"
        if rng.random() < 0.3:  # moved in recently: records may still hold the old address
            old = gen.unit()
            self.previous = (_postcode(old), f"{rng.randint(1, 180)} {_street(old)}")
        else:
            self.previous = ("", "")


class _Generator:
    def __init__(self, total_people: int, seed: int, chunk: int) -> None:
        self.rng = random.Random(seed * 1_000_003 + chunk)  # nosec B311 (fictional data)
        self.np = np.random.default_rng([seed, chunk])
        self.pools = _POOLS
        self.n_units = max(60, total_people // 25)
        # Names are drawn in bulk (numpy) and handed out one by one: much faster than one
        # weighted draw per name.
        self._drawn: dict[str, list[str]] = {"female": [], "male": [], "surname": []}

    def unit(self) -> int:
        """A postcode unit: 50 used units in each sector, sectors filled in order."""
        index = self.rng.randrange(self.n_units)
        return (index // 50) * 200 + index % 50

    def _next(self, kind: str) -> str:
        drawn = self._drawn[kind]
        if not drawn:
            pool, weights = {
                "female": (self.pools.female, self.pools.female_p),
                "male": (self.pools.male, self.pools.male_p),
                "surname": (self.pools.surnames, self.pools.surname_p),
            }[kind]
            drawn.extend(self.np.choice(pool, size=20_000, p=weights).tolist())
        return drawn.pop()

    def given(self, sex: str) -> str:
        return self._next("female" if sex == "female" else "male")

    def surname(self) -> str:
        name = self._next("surname")
        if self.rng.random() < 0.03:
            other = self._next("surname")
            if other != name:
                name = f"{name}-{other}"
        return name

    def date_between(self, first: date, last: date) -> date:
        span = (last - first).days
        return first + timedelta(days=self.rng.randint(0, max(span, 0)))


def _people(total: int, start: int, count: int, seed: int, chunk: int) -> list[Person]:
    gen = _Generator(total, seed, chunk)
    rng = gen.rng
    people: list[Person] = []
    sizes = (1, 2, 3, 4, 5, 6)
    size_weights = (0.28, 0.32, 0.17, 0.15, 0.06, 0.02)
    household_number = 0
    while len(people) < count:
        household = _Household(gen, f"H{chunk:04d}-{household_number:06d}")
        household_number += 1
        size = min(rng.choices(sizes, size_weights)[0], count - len(people))
        members = _household_members(gen, household, size)
        for member in members:
            member.person_id = f"P{start + len(people):09d}"
            people.append(member)
    return people


def _new_person(gen: _Generator, household: _Household, sex: str, dob: date, surname: str):
    rng = gen.rng
    middle = gen.given(sex) if rng.random() < 0.6 else ""
    person = Person(
        person_id="",
        household_id=household.household_id,
        first_name=gen.given(sex),
        middle_names=middle,
        surname=surname,
        sex=sex,
        dob=dob,
        postcode=household.postcode,
        address=household.address,
        previous_postcode=household.previous[0],
        previous_address=household.previous[1],
        nhs_number=nhs_number(rng) if rng.random() < 0.97 else "",
    )
    age = (REFERENCE_DATE - dob).days // 365
    if 4 <= age <= 18 and rng.random() < 0.95:
        person.upn = rng.choice("ABCDEFGHJKLMNPRTUVWXYZ") + "".join(
            str(rng.randrange(10)) for _ in range(12)
        )
    return person


def _household_members(gen: _Generator, household: _Household, size: int) -> list[Person]:
    rng = gen.rng
    head_sex = rng.choice(("female", "male"))
    head_dob = gen.date_between(date(1948, 1, 1), date(2005, 12, 31))
    family = gen.surname()
    head = _new_person(gen, household, head_sex, head_dob, family)
    members = [head]
    mother = head if head_sex == "female" else None
    father = head if head_sex == "male" else None
    if size >= 2 and rng.random() < 0.85:
        partner_sex = "male" if head_sex == "female" else "female"
        if rng.random() < 0.06:
            partner_sex = head_sex
        offset = int(rng.gauss(0, 4) * 365)
        partner_dob = min(head_dob + timedelta(days=offset), date(2006, 12, 31))
        partner = _new_person(gen, household, partner_sex, partner_dob, family)
        if partner_sex == "female" and head_sex == "male" and rng.random() < 0.6:
            partner.previous_surname = gen.surname()  # took the family name on marriage
        elif partner_sex != head_sex:
            partner.surname = gen.surname()
        members.append(partner)
        mother = mother or (partner if partner_sex == "female" else None)
        father = father or (partner if partner_sex == "male" else None)
    oldest_parent = min(m.dob for m in members)
    youngest_parent = max(m.dob for m in members)
    first_birth = date(youngest_parent.year + 18, 1, 1)
    last_birth = min(date(oldest_parent.year + 44, 12, 31), REFERENCE_DATE - timedelta(days=30))
    children: list[Person] = []
    births: list[date] = []
    while len(members) + len(children) < size and first_birth <= last_birth:
        sex = rng.choice(("female", "male"))
        dob = gen.date_between(first_birth, last_birth)
        if any(abs((dob - other).days) < 300 for other in births):
            if len(births) > 4 * size:
                break
            births.append(dob)  # a sibling is born at least ten months apart; try again
            continue
        births.append(dob)
        child = _new_person(gen, household, sex, dob, family)
        taken = {canonical_given_name(m.first_name) for m in members + children}
        # Parents do not give two children one name (nor Harry and Henry).
        while canonical_given_name(child.first_name) in taken:
            child.first_name = gen.given(sex)
        children.append(child)
    if len(children) >= 2 and rng.random() < 0.08:  # twins
        twin = children[1]
        twin.dob = children[0].dob
        twin.upn = (
            children[0].upn[:-3] + f"{(int(children[0].upn[-3:]) + 1) % 1000:03d}"
            if children[0].upn and twin.upn
            else twin.upn
        )
        while canonical_given_name(twin.first_name) == canonical_given_name(children[0].first_name):
            twin.first_name = gen.given(twin.sex)
    for child in children:
        parent = father if child.sex == "male" else mother
        chance = 0.10 if child.sex == "male" else 0.04
        if parent is not None and rng.random() < chance:  # named after the parent
            child.first_name = parent.first_name
            if rng.random() < 0.4:
                child.middle_names = parent.middle_names
            child.surname = parent.surname
            child.same_name_relative = parent.same_name_relative = True
            if child.sex == "male":
                child.suffix, parent.suffix = "Jr", "Sr"
    return members + children


_POOLS = _Pools()
_SOURCES_CHILD = (("school", 0.85), ("health", 0.7), ("social_care", 0.25), ("police", 0.08))
_SOURCES_ADULT = (("health", 0.7), ("police", 0.3), ("housing", 0.35), ("social_care", 0.15))


def _typo(rng: random.Random, text: str) -> str:
    if len(text) < 3:
        return text
    i = rng.randrange(1, len(text))
    kind = rng.random()
    if kind < 0.3:
        return text[:i] + text[i + 1 :]  # deletion
    if kind < 0.6 and i < len(text) - 1:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]  # transposition
    if kind < 0.8:
        return text[:i] + rng.choice("aeiourstnl") + text[i:]  # insertion
    return text[:i] + rng.choice("aeiourstnlm") + text[i + 1 :]  # substitution


def _dob_text(rng: random.Random, dob: date) -> str:
    roll = rng.random()
    if roll < RATES["dob_missing"]:
        return ""
    roll -= RATES["dob_missing"]
    if roll < RATES["dob_transposed"] and dob.day <= 12 and dob.day != dob.month:
        dob = date(dob.year, dob.day, dob.month)
    elif roll < RATES["dob_transposed"] + RATES["dob_digit"]:
        day = dob.day
        new_day = day + rng.choice((-10, -1, 1, 10))
        try:
            dob = dob.replace(day=new_day)
        except ValueError:
            dob = dob.replace(day=min(dob.day, 28), year=dob.year + rng.choice((-1, 1)))
    style = rng.random()
    if style < 0.6:
        return dob.isoformat()
    if style < 0.95:
        return dob.strftime("%d/%m/%Y")
    return dob.strftime("%d %b %Y")


def _middle(rng: random.Random, middle: str) -> str:
    if not middle or rng.random() < RATES["drop_middle"]:
        return ""
    if rng.random() < RATES["middle_initial"]:
        return middle[0].upper()
    return middle.title()


def _sex(rng: random.Random, sex: str) -> str:
    roll = rng.random()
    if roll < RATES["sex_missing"]:
        return ""
    if roll < RATES["sex_missing"] + RATES["sex_wrong"]:
        return "male" if sex == "female" else "female"
    return sex


def _records(gen_rng: random.Random, person: Person) -> list[dict[str, object]]:
    rng = gen_rng
    age = (REFERENCE_DATE - person.dob).days // 365
    table = _SOURCES_CHILD if age < 18 else _SOURCES_ADULT
    sources = [s for s, p in table if rng.random() < p] or [table[0][0]]
    if rng.random() < 0.08:
        sources.append(rng.choice(sources))  # a duplicate within one agency
    rows = []
    for n, source in enumerate(sources):
        first, surname = person.first_name, person.surname
        if person.previous_surname and rng.random() < RATES["maiden_name"]:
            surname = person.previous_surname
        if "-" in surname and rng.random() < 0.2:
            surname = rng.choice(surname.split("-"))
        variants = _NICKNAMES.get(first)
        if variants and rng.random() < RATES["nickname"]:
            first = rng.choice(variants)
        if rng.random() < RATES["first_typo"]:
            first = _typo(rng, first)
        if rng.random() < RATES["surname_typo"]:
            surname = _typo(rng, surname)
        if person.suffix and rng.random() < RATES["suffix"]:
            surname = f"{surname} {person.suffix}"
        first, surname = first.title(), surname.title().replace("'S", "'s")
        if rng.random() < RATES["upper_case"]:
            first, surname = first.upper(), surname.upper()
        if rng.random() < RATES["swap_names"]:
            first, surname = surname, first
        postcode, address = person.postcode, person.address
        if person.previous_postcode and rng.random() < RATES["old_address"]:
            postcode, address = person.previous_postcode, person.previous_address
        if rng.random() < RATES["postcode_missing"]:
            postcode = ""
        elif rng.random() < 0.3:
            postcode = postcode.replace(" ", "").lower()
        if rng.random() < RATES["address_missing"]:
            address = ""
        nhs = ""
        if source == "health" or (source == "social_care" and rng.random() < 0.5):
            nhs = person.nhs_number
            if nhs and rng.random() < RATES["nhs_typo"]:
                nhs = nhs[:5] + str((int(nhs[5]) + 1) % 10) + nhs[6:]
        upn = person.upn if source in ("school", "social_care") else ""
        rows.append(
            {
                "person_id": person.person_id,
                "household_id": person.household_id,
                "same_name_relative": person.same_name_relative,
                "record_id": f"{source[:2].upper()}-{person.person_id[1:]}-{n}",
                "source": source,
                "first_name": first,
                "middle_names": _middle(rng, person.middle_names),
                "surname": surname,
                "date_of_birth": _dob_text(rng, person.dob),
                "sex": _sex(rng, person.sex),
                "postcode": postcode,
                "address": address.title(),
                "nhs_number": nhs,
                "upn": upn,
            }
        )
    return rows


def generate(people: int, *, seed: int = 1, chunk_people: int = 50_000) -> Iterator[pd.DataFrame]:
    """Records of ``people`` fictional people, one DataFrame per chunk of people."""
    for chunk, start in enumerate(range(0, people, chunk_people)):
        count = min(chunk_people, people - start)
        population = _people(people, start, count, seed, chunk)
        rng = random.Random(seed * 7_000_003 + chunk)  # nosec B311 (fictional data)
        rows = [row for person in population for row in _records(rng, person)]
        yield pd.DataFrame(rows, columns=OUTPUT_COLUMNS)


def generate_frame(people: int, *, seed: int = 1) -> pd.DataFrame:
    return pd.concat(list(generate(people, seed=seed)), ignore_index=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m frontdoor.matching.engine.generator",
        description="Write fictional agency records of fictional people (with the truth).",
    )
    parser.add_argument("--people", type=int, required=True, help="number of people")
    parser.add_argument("--out", required=True, help="CSV file to write")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.people < 1:
        parser.error("--people must be at least 1")
    written = 0
    for index, chunk in enumerate(generate(args.people, seed=args.seed)):
        chunk.to_csv(args.out, mode="w" if index == 0 else "a", header=index == 0, index=False)
        written += len(chunk)
        print(f"\r{written:,} records written", end="", file=sys.stderr, flush=True)
    print(f"\r{written:,} records of {args.people:,} people written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
