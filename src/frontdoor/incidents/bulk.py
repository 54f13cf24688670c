"""Fast inserts for the import's own two tables (incidents and their parties).

For the hundreds of thousands of rows of a force's extract we insert plain tuples
(``frontdoor.core.bulk.insert_rows``: COPY on PostgreSQL, ``executemany`` on SQLite) after
reserving the incidents' ids, so that their parties can point at them without reading them
back. The column lists below must name every column (a test checks them against the models);
``insert_objects`` does the same for model objects built by the import (new people and their
police records).
"""

from __future__ import annotations

from django.db import connection

from frontdoor.core.bulk import insert_rows

from .models import Incident, IncidentParty

__all__ = ["insert_rows", "insert_objects", "reserve_ids"]

INCIDENT_COLUMNS = (
    "id",
    "agency_id",
    "ref",
    "occurred_at",
    "incident_type",
    "offence_code",
    "offence_description",
    "domestic_abuse",
    "postcode",
    "area",
    "import_run_id",
    "fingerprint",
    "created_at",
    "updated_at",
)
PARTY_COLUMNS = (
    "incident_id",
    "role",
    "person_id",
    "record_id",
    "given_names",
    "family_name",
    "date_of_birth",
    "sex",
)


def reserve_ids(model, count: int) -> list[int]:
    """``count`` fresh primary keys for ``model``. Call inside the import's transaction."""
    if count == 0:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return [row[0] for row in cursor.fetchall()]
        # SQLite: the import holds the only write lock, so nobody can take these meanwhile.
        quoted = connection.ops.quote_name(table)
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {quoted}")  # noqa: S608  # nosec B608
        highest = cursor.fetchone()[0]
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        start = max(highest, row[0] if row else 0) + 1
        return list(range(start, start + count))


def when(value):
    """A datetime as the database backend stores it."""
    return connection.ops.adapt_datetimefield_value(value)


def day(value):
    return connection.ops.adapt_datefield_value(value)


def concrete_columns(model) -> set[str]:
    return {field.column for field in model._meta.concrete_fields}


def check_columns() -> None:
    """Raise if a model gained or lost a column the fast insert does not know about."""
    if concrete_columns(Incident) != set(INCIDENT_COLUMNS):
        raise AssertionError("bulk.INCIDENT_COLUMNS does not match the Incident model")
    if concrete_columns(IncidentParty) - {"id"} != set(PARTY_COLUMNS):
        raise AssertionError("bulk.PARTY_COLUMNS does not match the IncidentParty model")


def insert_objects(model, objects: list) -> None:
    """Insert unsaved model objects like ``bulk_create`` (defaults, ``auto_now_add``, each
    field's own conversion) but without building SQL per batch; sets each object's pk."""
    if not objects:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    for obj, pk in zip(objects, reserve_ids(model, len(objects)), strict=True):
        obj.pk = pk
        obj._state.adding = False
    insert_rows(
        model,
        ["id", *(f.column for f in fields)],
        (
            (obj.pk, *(f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields))
            for obj in objects
        ),
    )
