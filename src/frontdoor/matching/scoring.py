"""Real-time scoring: the active model's parameters applied in Python to indexed candidates.

No Splink SQL runs per call. The blocking keys of the query are looked up in the
application database (one indexed query), the few hundred records that share the most keys
are loaded (one query each for records and people), and the engine scores them in Python.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count

from frontdoor.people.models import AgencyRecord, Person

from . import index
from .engine import MatchModel, Record, Score
from .models import BlockingKey, ModelVersion

# Records sharing the most keys with the query are scored; more is slower, rarely better.
MAX_SCORED = 300
DEFAULT_LINK_AT = 0.95
DEFAULT_REVIEW_FROM = 0.5


@dataclass(frozen=True)
class ActiveModel:
    version: ModelVersion | None
    model: MatchModel
    link_at: float
    review_from: float


_cache_lock = threading.Lock()
_cache: dict[tuple, MatchModel] = {}


def active_model() -> ActiveModel:
    """The active model version's parameters (parsed once per process and version)."""
    version = (
        ModelVersion.objects.filter(active=True)
        .only("pk", "version", "link_at", "review_from", "trained_at")
        .first()
    )
    if version is None:
        model = _cached(("default",), MatchModel.default)
        return ActiveModel(None, model, DEFAULT_LINK_AT, DEFAULT_REVIEW_FROM)
    key = (version.pk, version.version, version.trained_at)

    def load() -> MatchModel:
        params = ModelVersion.objects.values_list("params", flat=True).get(pk=version.pk)
        return MatchModel.from_json(params)

    return ActiveModel(version, _cached(key, load), version.link_at, version.review_from)


def _cached(key: tuple, load) -> MatchModel:
    with _cache_lock:
        model = _cache.get(key)
        if model is None:
            _cache.clear()  # one active model at a time
            model = _cache[key] = load()
        return model


@dataclass(frozen=True)
class Scored:
    """A person on the index and the best score of any of their records against the query."""

    person_id: int
    score: Score
    record_id: int | None  # the agency record that scored best (None: the person's own details)


def scored_people(
    query: Record,
    model: MatchModel,
    *,
    exclude_records: Iterable[int] = (),
    exclude_people: Iterable[int] = (),
) -> list[Scored]:
    """Every indexed person sharing a blocking key with ``query``, best-scoring first."""
    keys = index.keys_of(query)
    if not keys:
        return []
    hits = list(
        BlockingKey.objects.filter(key__in=keys)
        .values("record_id", "person_id")
        .annotate(shared=Count("id"))
        .order_by("-shared")[:MAX_SCORED]
    )
    record_ids = {hit["record_id"] for hit in hits if hit["record_id"]} - set(exclude_records)
    person_ids = {hit["person_id"] for hit in hits if hit["person_id"]}
    excluded_people = set(exclude_people)
    rows = list(
        AgencyRecord.objects.filter(
            pk__in=record_ids, person__isnull=False, person__merged_into__isnull=True
        ).values_list(*index.RECORD_FIELDS)
    )
    people_rows = list(
        Person.objects.filter(pk__in=person_ids, merged_into__isnull=True).values_list(
            *index.PERSON_FIELDS
        )
    )
    candidates: list[Record] = []
    owners: list[tuple[int, int | None]] = []
    for row in rows:
        if row[1] in excluded_people:
            continue
        candidates.append(index.from_record_row(row))
        owners.append((row[1], row[0]))
    for row in people_rows:
        if row[0] in excluded_people:
            continue
        candidates.append(index.from_person_row(row))
        owners.append((row[0], None))
    if not candidates:
        return []
    best: dict[int, Scored] = {}
    for (person_id, record_id), score in zip(
        owners, model.score_many(query, candidates), strict=True
    ):
        known = best.get(person_id)
        if known is None or score.match_weight > known.score.match_weight:
            best[person_id] = Scored(person_id, score, record_id)
    return sorted(best.values(), key=lambda s: (-s.score.match_weight, s.person_id))
