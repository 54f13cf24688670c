"""A trained (or hand-set) match model and the pure-Python scorer that uses it.

The model is a Fellegi-Sunter model: for each comparison level, m (how often a true match
lands on it) and u (how often two random records do). A level's weight is log2(m/u); a
pair's match weight is the prior's log odds plus the weights of the levels it lands on.
Exact matches on names and postcodes are adjusted for how common the value is (term
frequency): Smith-Smith counts for less than Oyelaran-Oyelaran. The arithmetic is Splink's,
so the same model scores the same pair to the same weight in SQL and here.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .comparisons import COMPARISONS, GENERATION_VETO_M, Comparison
from .records import Prepared, Record, prepare

FORMAT = "frontdoor-match-model"
FORMAT_VERSION = 1
PRIOR_FIELD = "prior"
PRIOR_LABEL = "Starting point: how likely two records picked at random are the same person"
# Weights are clipped here so that a level nobody saw in training cannot dominate a score.
_MIN_PROBABILITY = 1e-300


@dataclass(slots=True)
class Contribution:
    """How much one field moved the score: ``weight`` is a log2 Bayes factor."""

    field: str
    level: str
    weight: float


@dataclass(slots=True)
class Score:
    """``match_weight`` is the sum of the contributions' weights (the prior's first)."""

    match_weight: float
    probability: float
    contributions: list[Contribution] = field(default_factory=list)


def probability_from_weight(weight: float) -> float:
    if weight > 60:
        return 1.0
    if weight < -60:
        return 0.0
    odds = 2.0**weight
    return odds / (1.0 + odds)


# Hand-set parameters, used before a partnership's own model is trained. Per comparison, one
# (m, u) per level after "missing". m: among records of the same person, how often the pair
# lands on the level (from the kinds of error agencies make); u: among two different people,
# how often (roughly, from the spread of names, dates and postcodes in England).
DEFAULT_PROBABILITY_TWO_RANDOM_RECORDS_MATCH = 1e-4
DEFAULT_PARAMETERS: dict[str, list[tuple[float, float]]] = {
    "first_name": [
        (0.80, 0.01),
        (0.02, 0.0001),
        (0.06, 0.002),
        (0.05, 0.003),
        (0.02, 0.01),
        (0.02, 0.05),
        (0.03, 0.9249),
    ],
    "surname": [
        (0.78, 0.005),
        (0.02, 0.0001),
        (0.05, 0.002),
        (0.02, 0.008),
        (0.03, 0.001),
        (0.10, 0.9839),
    ],
    "middle_names": [(0.80, 0.05), (0.10, 0.08), (0.10, 0.87)],
    "date_of_birth": [
        (0.85, 0.0001),
        (0.03, 0.00004),
        (0.06, 0.001),
        (0.03, 0.03),
        (GENERATION_VETO_M, 0.5),
        (0.03, 0.46886),
    ],
    "generation": [(1.0, 0.5), (GENERATION_VETO_M, 0.5)],
    "sex": [(0.98, 0.5), (0.02, 0.5)],
    "address": [(0.45, 0.0002), (0.20, 0.0003), (0.05, 0.005), (0.05, 0.05), (0.25, 0.9445)],
    "nhs_number": [(0.99, 0.00001), (0.01, 0.99999)],
    "upn": [(0.99, 0.00001), (0.01, 0.99999)],
}


@dataclass
class LevelParameters:
    label: str
    m: float | None
    u: float | None

    @property
    def weight(self) -> float:
        if self.m is None or self.u is None:
            return 0.0
        return math.log2(max(self.m, _MIN_PROBABILITY) / max(self.u, _MIN_PROBABILITY))


class MatchModel:
    """Parameters for every comparison level, term frequencies, and the scorer."""

    def __init__(
        self,
        *,
        probability_two_random_records_match: float,
        parameters: Mapping[str, Sequence[tuple[float | None, float | None]]],
        tf: Mapping[str, Mapping[str, float]] | None = None,
        tf_default: Mapping[str, float] | None = None,
        trained_at: str | None = None,
        description: str = "",
        training: Mapping[str, Any] | None = None,
    ) -> None:
        self.probability_two_random_records_match = float(probability_two_random_records_match)
        self.trained_at = trained_at
        self.description = description
        self.training: dict[str, Any] = dict(training or {})
        self.tf: dict[str, dict[str, float]] = {k: dict(v) for k, v in (tf or {}).items()}
        self.tf_default: dict[str, float] = dict(tf_default or {})
        self.levels: dict[str, list[LevelParameters]] = {}
        for comparison in COMPARISONS:
            given = list(parameters.get(comparison.name, ()))
            if len(given) == len(comparison.labels) - 1:
                given = [(None, None), *given]
            if len(given) != len(comparison.labels):
                raise ValueError(
                    f"comparison {comparison.name!r} needs {len(comparison.labels) - 1} levels"
                    f" after 'missing', got {len(given)}"
                )
            self.levels[comparison.name] = [
                LevelParameters(label, None if i == 0 else m, None if i == 0 else u)
                for i, (label, (m, u)) in enumerate(zip(comparison.labels, given, strict=True))
            ]
        unknown = set(parameters) - set(self.levels)
        if unknown:
            raise ValueError(f"unknown comparisons in model: {', '.join(sorted(unknown))}")
        self._compile()

    # --- construction and persistence ---------------------------------------------------

    @classmethod
    def default(cls) -> MatchModel:
        """The hand-set model (DEFAULT_PARAMETERS), for use before any training."""
        return cls(
            probability_two_random_records_match=DEFAULT_PROBABILITY_TWO_RANDOM_RECORDS_MATCH,
            parameters=DEFAULT_PARAMETERS,
            description="Hand-set default parameters (not trained on any data)",
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "version": self.version,
            "trained_at": self.trained_at,
            "description": self.description,
            "probability_two_random_records_match": self.probability_two_random_records_match,
            "comparisons": [
                {
                    "name": name,
                    "levels": [{"label": p.label, "m": p.m, "u": p.u} for p in levels],
                }
                for name, levels in self.levels.items()
            ],
            "tf": self.tf,
            "tf_default": self.tf_default,
            "training": self.training,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=1, sort_keys=False)

    @classmethod
    def from_json(cls, text: str) -> MatchModel:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ValueError(f"not a model file: {error}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a Front Door match model (format field missing or wrong)")
        if data.get("format_version") != FORMAT_VERSION:
            raise ValueError(f"model format version {data.get('format_version')} not supported")
        parameters: dict[str, list[tuple[float | None, float | None]]] = {}
        for comparison in data["comparisons"]:
            expected = _comparison(comparison["name"])
            labels = tuple(level["label"] for level in comparison["levels"])
            if expected is not None and labels != expected.labels:
                raise ValueError(
                    f"comparison {comparison['name']!r} has other levels than this version of"
                    " Front Door; retrain the model"
                )
            parameters[comparison["name"]] = [(lv["m"], lv["u"]) for lv in comparison["levels"]]
        model = cls(
            probability_two_random_records_match=data["probability_two_random_records_match"],
            parameters=parameters,
            tf=data.get("tf"),
            tf_default=data.get("tf_default"),
            trained_at=data.get("trained_at"),
            description=data.get("description", ""),
            training=data.get("training"),
        )
        if data.get("version") and data["version"] != model.version:
            raise ValueError("model file altered: its version does not match its parameters")
        return model

    @property
    def version(self) -> str:
        """A content hash of the parameters: two models with one version score alike."""
        payload = json.dumps(
            [
                self.probability_two_random_records_match,
                {n: [(p.m, p.u) for p in lv] for n, lv in self.levels.items()},
                self.tf,
                self.tf_default,
            ],
            sort_keys=True,
        )
        return "fd1-" + hashlib.sha256(payload.encode()).hexdigest()[:12]

    # --- scoring ------------------------------------------------------------------------

    def _compile(self) -> None:
        p = min(max(self.probability_two_random_records_match, _MIN_PROBABILITY), 1 - 1e-12)
        self._prior = math.log2(p / (1 - p))
        self._compiled: list[tuple[Comparison, list[float], list[str], dict[int, tuple]]] = []
        for comparison in COMPARISONS:
            levels = self.levels[comparison.name]
            weights = [level.weight for level in levels]
            tf_levels: dict[int, tuple] = {}
            for index, column in comparison.tf_levels.items():
                m = levels[index].m
                if m is None or column not in self.tf:
                    continue
                tf_levels[index] = (
                    column,
                    math.log2(max(m, _MIN_PROBABILITY)),
                    self.tf[column],
                    self.tf_default.get(column),
                )
            self._compiled.append((comparison, weights, list(comparison.labels), tf_levels))

    def _level_weight(self, tf_levels: dict, weights: list[float], index: int, value: str):
        spec = tf_levels.get(index)
        if spec is None:
            return weights[index]
        _column, log_m, table, default = spec
        frequency = table.get(value, default)
        if not frequency:
            return weights[index]
        return log_m - math.log2(frequency)

    def score_prepared(self, a: Prepared, b: Prepared) -> Score:
        total = self._prior
        contributions = [Contribution(PRIOR_FIELD, PRIOR_LABEL, self._prior)]
        for comparison, weights, labels, tf_levels in self._compiled:
            index = comparison.level(a, b)
            if tf_levels and index in tf_levels:
                weight = self._level_weight(
                    tf_levels, weights, index, getattr(a, tf_levels[index][0])
                )
            else:
                weight = weights[index]
            total += weight
            contributions.append(Contribution(comparison.name, labels[index], weight))
        return Score(total, probability_from_weight(total), contributions)

    def score(self, a: Record, b: Record) -> Score:
        """How likely ``a`` and ``b`` are the same person, with each field's contribution."""
        return self.score_prepared(prepare(a), prepare(b))

    def score_many(self, query: Record, candidates: Sequence[Record]) -> list[Score]:
        """``score(query, c)`` for each candidate, in the candidates' order."""
        prepared = prepare(query)
        return [self.score_prepared(prepared, prepare(c)) for c in candidates]

    def __repr__(self) -> str:
        return f"<MatchModel {self.version} trained_at={self.trained_at!r}>"


def _comparison(name: str) -> Comparison | None:
    for comparison in COMPARISONS:
        if comparison.name == name:
            return comparison
    return None
