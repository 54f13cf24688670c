"""Plain-tuple inserts for the few tables that take hundreds of thousands of rows at once.

Django's ``bulk_create`` spends most of its time building SQL and preparing each value of each
object, and SQLite's parameter limit cuts it into batches of about a hundred rows. The
incident import and the blocking-key index insert tuples already in database form instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection

CHUNK = 5000


def insert_rows(model, columns: Sequence[str], rows: Iterable[tuple]) -> int:
    """INSERT the tuples (already in database form); returns how many.

    PostgreSQL gets them through COPY (one stream, no per-row statement); SQLite through
    ``executemany`` in chunks (a prepared statement run per row, in-process).
    """
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(c) for c in columns)
    done = 0
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    done += 1
        return done
    sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608  # nosec B608
    chunk: list[tuple] = []
    with connection.cursor() as cursor:
        for row in rows:
            chunk.append(row)
            if len(chunk) == CHUNK:
                cursor.executemany(sql, chunk)
                done += len(chunk)
                chunk = []
        if chunk:
            cursor.executemany(sql, chunk)
            done += len(chunk)
    return done
