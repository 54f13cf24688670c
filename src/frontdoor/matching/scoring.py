"""Real-time scoring: the active model's parameters applied in Python to indexed candidates.

No Splink SQL runs per call. The blocking keys of the query are looked up in the
application database (one indexed query), the few hundred records that share the most keys
are loaded (one query each for records and people), and the engine scores them in Python.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import connection

from frontdoor.people.models import AgencyRecord, Person

from . import index
from .engine import MatchModel, Record, Score
from .models import BlockingKey, ModelVersion

# Records sharing the most keys with the query are scored; more is slower, rarely better.
MAX_SCORED = 150
MAX_PEOPLE = 50  # people's own details: only people without records rely on them
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
    table = ModelVersion._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, version, link_at, review_from, trained_at FROM {table} "  # noqa: S608  # nosec B608
            "WHERE active = %s",
            [True],
        )
        row = cursor.fetchone()
    if row is None:
        model = _cached(("default",), MatchModel.default)
        return ActiveModel(None, model, DEFAULT_LINK_AT, DEFAULT_REVIEW_FROM)
    pk, name, link_at, review_from, trained_at = row
    version = ModelVersion(pk=pk, version=name, link_at=link_at, review_from=review_from)

    def load() -> MatchModel:
        params = ModelVersion.objects.values_list("params", flat=True).get(pk=pk)
        return MatchModel.from_json(params)

    return ActiveModel(version, _cached((pk, name, str(trained_at)), load), link_at, review_from)


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


def _rows(keys: list[str], exclude_records: set[int]) -> tuple[list[tuple], list[tuple]]:
    """The records and people sharing the most keys with the query (two indexed queries).

    Raw SQL on purpose: this is the form's hot path, and the ORM's query building alone
    costs more than the lookups. Only table and column names from the models' metadata and
    ``%s`` placeholders go into the text; every value is a parameter.
    """
    key_table = BlockingKey._meta.db_table
    record_table = AgencyRecord._meta.db_table
    person_table = Person._meta.db_table
    marks = ", ".join(["%s"] * len(keys))
    key = connection.ops.quote_name("key")
    record_columns = ", ".join(
        f"r.{AgencyRecord._meta.get_field(name).column}" if name != "pk" else "r.id"
        for name in index.RECORD_FIELDS
    )
    person_columns = ", ".join(
        f"p.{Person._meta.get_field(name).column}" if name != "pk" else "p.id"
        for name in index.PERSON_FIELDS
    )
    records_sql = (
        f"SELECT {record_columns} FROM {record_table} r "  # noqa: S608  # nosec B608
        f"JOIN {person_table} o ON o.id = r.person_id AND o.merged_into_id IS NULL "
        f"WHERE r.id IN (SELECT record_id FROM {key_table} WHERE {key} IN ({marks}) "
        "AND record_id IS NOT NULL GROUP BY record_id ORDER BY COUNT(*) DESC, record_id "
        "LIMIT %s)"
    )
    people_sql = (
        f"SELECT {person_columns} FROM {person_table} p "  # noqa: S608  # nosec B608
        "WHERE p.merged_into_id IS NULL AND p.id IN ("
        f"SELECT person_id FROM {key_table} WHERE {key} IN ({marks}) "
        "AND person_id IS NOT NULL GROUP BY person_id ORDER BY COUNT(*) DESC, person_id "
        "LIMIT %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(records_sql, [*keys, MAX_SCORED])
        records = [row for row in cursor.fetchall() if row[0] not in exclude_records]
        cursor.execute(people_sql, [*keys, MAX_PEOPLE])
        people = cursor.fetchall()
    return records, people


def _date(value):
    """SQLite hands back dates as text through a raw cursor."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


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
    rows, people_rows = _rows(keys, set(exclude_records))
    excluded_people = set(exclude_people)
    dob_at = index.RECORD_FIELDS.index("date_of_birth")
    person_dob_at = index.PERSON_FIELDS.index("date_of_birth")
    candidates: list[Record] = []
    owners: list[tuple[int, int | None]] = []
    for row in rows:
        if row[1] in excluded_people:
            continue
        row = (*row[:dob_at], _date(row[dob_at]), *row[dob_at + 1 :])
        candidates.append(index.from_record_row(row))
        owners.append((row[1], row[0]))
    for row in people_rows:
        if row[0] in excluded_people:
            continue
        row = (*row[:person_dob_at], _date(row[person_dob_at]), *row[person_dob_at + 1 :])
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
