"""Does it work? A matched comparison group and a difference in differences (pure functions).

The design is level 3 of the Maryland Scientific Methods Scale: outcomes before and after an
intervention for the people who received it, against a comparison group of similar people
who did not, matched on what was known beforehand. Nothing here touches the database: the
service hands in each person's profile and outcome events and gets back an :class:`Evaluation`.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

SMALL_GROUP = 20  # fewer people than this in either group: say the estimate is fragile
POOR_BALANCE = 0.25  # a standardised mean difference above this is poor balance
POOR_MATCH_DISTANCE = 1.0  # more than one matching variable off counts as a poor match
BOOTSTRAP_DRAWS = 2000
SEED = 2026

AGE_BANDS = ((0, 4), (5, 9), (10, 15), (16, 17), (18, 24), (25, 39), (40, 59), (60, 200))
UNKNOWN = "unknown"

REDUCTION = "evidence of a reduction"
INCREASE = "evidence of an increase"
NO_EVIDENCE = "no evidence of an effect"
TOO_FEW = "too few people to estimate"


@dataclass(frozen=True)
class Profile:
    """What is known about a person before the intervention, for matching."""

    date_of_birth: date | None
    sex: str
    district: str


@dataclass(frozen=True)
class Events:
    """One person's outcome events (dates and values, for example 1 per contact), sorted."""

    dates: tuple[date, ...] = ()
    values: tuple[float, ...] = ()

    @classmethod
    def of(cls, pairs: Iterable[tuple[date, float]]) -> Events:
        ordered = sorted(pairs)
        return cls(tuple(d for d, _ in ordered), tuple(v for _, v in ordered))

    def total(self, start: date, end: date) -> float:
        """Sum of values on days from ``start`` up to but not including ``end``."""
        low = bisect.bisect_left(self.dates, start)
        high = bisect.bisect_left(self.dates, end)
        return float(sum(self.values[low:high]))


NO_EVENTS = Events()


@dataclass(frozen=True)
class Observation:
    person_id: int
    on: date  # the intervention date (or the pseudo-intervention date for a comparison)
    days: int  # the length of each window, before and after
    before: float
    after: float
    age: int | None
    age_band: str
    sex: str
    district: str

    @property
    def change(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class Pair:
    member: Observation
    comparison: Observation | None
    distance: float

    @property
    def poor(self) -> bool:
        return self.comparison is None or self.distance > POOR_MATCH_DISTANCE


@dataclass(frozen=True)
class Balance:
    variable: str
    cohort_mean: float
    comparison_mean: float
    smd: float

    @property
    def poor(self) -> bool:
        return abs(self.smd) > POOR_BALANCE


@dataclass(frozen=True)
class Estimate:
    effect: float
    low: float
    high: float
    cohort_before: float
    cohort_after: float
    comparison_before: float
    comparison_after: float
    pairs: int

    @property
    def verdict(self) -> str:
        return verdict(self.low, self.high)

    @property
    def cohort_change(self) -> float:
        return self.cohort_after - self.cohort_before

    @property
    def comparison_change(self) -> float:
        return self.comparison_after - self.comparison_before


@dataclass
class Evaluation:
    pairs: list[Pair]
    estimate: Estimate | None
    balance: list[Balance]
    cohort_size: int
    comparison_size: int  # distinct people in the comparison group
    reused: int  # matches that had to reuse a comparison person
    shortened: int  # members whose follow-up is shorter than the chosen window
    excluded: int  # members with no follow-up at all yet
    warnings: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        return self.estimate.verdict if self.estimate else TOO_FEW

    @property
    def small(self) -> bool:
        """Too few people in either group to rely on the verdict, whatever its interval."""
        return self.cohort_size < SMALL_GROUP or self.comparison_size < SMALL_GROUP


# Building blocks --------------------------------------------------------------


def age_on(born: date | None, on: date) -> int | None:
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def age_band(age: int | None) -> str:
    if age is None or age < 0:
        return UNKNOWN
    for low, high in AGE_BANDS:
        if low <= age <= high:
            return f"{low}+" if high >= 200 else f"{low}–{high}"
    return UNKNOWN


def _band_index(band: str) -> int | None:
    for index, (low, high) in enumerate(AGE_BANDS):
        if band == (f"{low}+" if high >= 200 else f"{low}–{high}"):
            return index
    return None


def follow_up_days(on: date, window_days: int, today: date) -> int:
    """Each window's length: the chosen window, cut short when the after-period has not ended."""
    return max(0, min(window_days, (today - on).days))


def observe(person_id: int, profile: Profile, events: Events, on: date, days: int) -> Observation:
    age = age_on(profile.date_of_birth, on)
    return Observation(
        person_id=person_id,
        on=on,
        days=days,
        before=events.total(on - timedelta(days=days), on),
        after=events.total(on, on + timedelta(days=days)),
        age=age,
        age_band=age_band(age),
        sex=profile.sex or UNKNOWN,
        district=profile.district or UNKNOWN,
    )


def distance(member: Observation, candidate: Observation) -> float:
    """How unalike two people were before the intervention (0 = alike on every variable).

    Each matching variable counts up to 1: prior outcome (per unit of difference), age band
    (half per band apart; unknown against known is a whole), sex and district (0 or 1).
    """
    total = abs(member.before - candidate.before)
    a, b = _band_index(member.age_band), _band_index(candidate.age_band)
    if a is None or b is None:
        total += 0.0 if a == b else 1.0
    else:
        total += min(1.0, abs(a - b) / 2)
    total += 0.0 if member.sex == candidate.sex else 1.0
    total += 0.0 if member.district == candidate.district else 1.0
    return total


Best = tuple[float, int, Observation] | None


def _nearest(
    member: Observation,
    ids: Iterable[int],
    used: set[int],
    profiles: Mapping[int, Profile],
    events: Mapping[int, Events],
) -> tuple[Best, Best]:
    """(the nearest unused candidate, the nearest already used one), ties to the lower number."""
    best: Best = None
    best_used: Best = None
    for candidate in ids:
        seen = observe(
            candidate,
            profiles.get(candidate, UNKNOWN_PROFILE),
            events.get(candidate, NO_EVENTS),
            member.on,
            member.days,
        )
        key = (distance(member, seen), candidate, seen)
        if candidate in used:
            if best_used is None or key[:2] < best_used[:2]:
                best_used = key
        elif best is None or key[:2] < best[:2]:
            best = key
    return best, best_used


UNKNOWN_PROFILE = Profile(None, UNKNOWN, UNKNOWN)


def match(
    members: Sequence[tuple[int, date]],
    pool: Iterable[int],
    profiles: Mapping[int, Profile],
    events: Mapping[int, Events],
    *,
    window_days: int,
    today: date,
) -> tuple[list[Pair], int, int, int]:
    """Nearest-neighbour matching, without replacement while unused candidates remain.

    Each comparison person is observed at their member's date (a pseudo-intervention) over
    the same windows. Returns (pairs, reused, shortened, excluded). Members are matched in
    date-then-person order so that runs repeat; ties go to the lower person number.
    People of the member's own sex and district are searched first: one of them nearer than
    1 is nearer than anyone outside (who is at least 1 away), so the whole pool is searched
    only when none is. The answer is the same as searching everyone, only faster.
    """
    candidates = sorted(set(pool) - {person for person, _ in members})
    strata: dict[tuple[str, str], list[int]] = {}
    for candidate in candidates:
        profile = profiles.get(candidate, UNKNOWN_PROFILE)
        key = (profile.sex or UNKNOWN, profile.district or UNKNOWN)
        strata.setdefault(key, []).append(candidate)
    used: set[int] = set()
    pairs: list[Pair] = []
    reused = shortened = excluded = 0
    for person, on in sorted(members, key=lambda m: (m[1], m[0])):
        days = follow_up_days(on, window_days, today)
        if days == 0:
            excluded += 1
            continue
        if days < window_days:
            shortened += 1
        member = observe(
            person, profiles.get(person, UNKNOWN_PROFILE), events.get(person, NO_EVENTS), on, days
        )
        same = strata.get((member.sex, member.district), [])
        best, best_used = _nearest(member, same, used, profiles, events)
        if best is None or best[0] >= 1:
            best, best_used = _nearest(member, candidates, used, profiles, events)
        chosen = best or best_used
        if chosen is None:
            pairs.append(Pair(member, None, math.inf))
            continue
        if best is None:
            reused += 1
        used.add(chosen[1])
        pairs.append(Pair(member, chosen[2], chosen[0]))
    return pairs, reused, shortened, excluded


def standardised_mean_difference(cohort: Sequence[float], comparison: Sequence[float]) -> float:
    """(mean difference) / pooled standard deviation; 0 when both groups are constant and equal."""
    if not cohort or not comparison:
        return 0.0
    a, b = np.asarray(cohort, dtype=float), np.asarray(comparison, dtype=float)
    spread = math.sqrt((a.var() + b.var()) / 2)
    difference = float(a.mean() - b.mean())
    if spread == 0:
        return 0.0 if difference == 0 else math.copysign(math.inf, difference)
    return difference / spread


def balance(pairs: Sequence[Pair]) -> list[Balance]:
    matched = [p for p in pairs if p.comparison is not None]
    members = [p.member for p in matched]
    others = [p.comparison for p in matched]
    variables = [
        ("Outcome before (prior count)", lambda o: o.before),
        ("Female (share)", lambda o: 1.0 if o.sex == "female" else 0.0),
        ("Age band (order)", lambda o: float(_band_index(o.age_band) or 0)),
        ("Age not known (share)", lambda o: 1.0 if o.age_band == UNKNOWN else 0.0),
    ]
    rows = []
    for name, value in variables:
        a = [value(o) for o in members]
        b = [value(o) for o in others]
        rows.append(
            Balance(
                variable=name,
                cohort_mean=float(np.mean(a)) if a else 0.0,
                comparison_mean=float(np.mean(b)) if b else 0.0,
                smd=standardised_mean_difference(a, b),
            )
        )
    same_district = [1.0 if p.member.district == p.comparison.district else 0.0 for p in matched]
    rows.append(
        Balance(
            variable="Same district as their match (share)",
            cohort_mean=1.0,
            comparison_mean=float(np.mean(same_district)) if same_district else 0.0,
            smd=standardised_mean_difference([1.0] * len(same_district), same_district),
        )
    )
    return rows


def difference_in_differences(
    pairs: Sequence[Pair], *, draws: int = BOOTSTRAP_DRAWS, seed: int = SEED
) -> Estimate | None:
    """(after − before in the cohort) − (after − before in the comparison group).

    The 95% interval comes from a paired bootstrap (resampling matched pairs), seeded so
    that the same data always gives the same interval.
    """
    matched = [p for p in pairs if p.comparison is not None]
    if len(matched) < 2:
        return None
    member_change = np.array([p.member.change for p in matched])
    comparison_change = np.array([p.comparison.change for p in matched])
    differences = member_change - comparison_change
    rng = np.random.default_rng(seed)
    samples = rng.integers(0, len(differences), size=(draws, len(differences)))
    means = differences[samples].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return Estimate(
        effect=float(differences.mean()),
        low=float(low),
        high=float(high),
        cohort_before=float(np.mean([p.member.before for p in matched])),
        cohort_after=float(np.mean([p.member.after for p in matched])),
        comparison_before=float(np.mean([p.comparison.before for p in matched])),
        comparison_after=float(np.mean([p.comparison.after for p in matched])),
        pairs=len(matched),
    )


def verdict(low: float, high: float) -> str:
    if high < 0:
        return REDUCTION
    if low > 0:
        return INCREASE
    return NO_EVIDENCE


def evaluate(
    members: Sequence[tuple[int, date]],
    pool: Iterable[int],
    profiles: Mapping[int, Profile],
    events: Mapping[int, Events],
    *,
    window_days: int,
    today: date,
    draws: int = BOOTSTRAP_DRAWS,
    seed: int = SEED,
) -> Evaluation:
    pairs, reused, shortened, excluded = match(
        members, pool, profiles, events, window_days=window_days, today=today
    )
    estimate = difference_in_differences(pairs, draws=draws, seed=seed)
    matched = [p for p in pairs if p.comparison is not None]
    result = Evaluation(
        pairs=pairs,
        estimate=estimate,
        balance=balance(pairs),
        cohort_size=len(pairs),
        comparison_size=len({p.comparison.person_id for p in matched}),
        reused=reused,
        shortened=shortened,
        excluded=excluded,
    )
    result.warnings = warnings_for(result)
    return result


def warnings_for(result: Evaluation) -> list[str]:
    found = []
    if result.small:
        found.append(
            f"Small groups: {result.cohort_size} in the cohort and {result.comparison_size} in the "
            f"comparison group (fewer than {SMALL_GROUP} in either). The interval is wide and a real "
            "effect could easily be missed; treat any result as a prompt for a larger study."
        )
    if result.excluded:
        found.append(
            f"{result.excluded} people were left out: their intervention was today or later, so "
            "there is no follow-up yet."
        )
    if result.shortened:
        found.append(
            f"{result.shortened} people have not yet had the full follow-up window; their before "
            "and after windows were both cut to the time available."
        )
    if result.reused:
        found.append(
            f"There were not enough different comparison people: {result.reused} matches reuse "
            "someone already matched."
        )
    unmatched = sum(1 for p in result.pairs if p.comparison is None)
    if unmatched:
        found.append(f"{unmatched} people had nobody to compare with and are left out.")
    poor_pairs = sum(1 for p in result.pairs if p.poor)
    if result.pairs and poor_pairs / len(result.pairs) > 0.2:
        found.append(
            f"Matching is poor for {poor_pairs} of {len(result.pairs)} people (more than one "
            "matching variable differs): the groups may differ in ways that explain the result."
        )
    poor_balance = [b.variable for b in result.balance if b.poor]
    if poor_balance:
        found.append(
            "The groups are not well balanced on: "
            + ", ".join(poor_balance)
            + f" (standardised mean difference above {POOR_BALANCE})."
        )
    return found
