"""How many rows per second does the incident import take, checks included?

Generates a CSV extract of N rows (1,000,000 by default; ``--quick``: 20,000) with the incident
generator, then imports it through ``frontdoor.incidents.services.import_file`` (the path the
upload page, the command and the demo use: every row checked, then one bulk transaction that
creates the incidents, the parties, the police nominal records and the people) into

* SQLite: a scratch database file, migrated from empty;
* PostgreSQL: a scratch database ``frontdoor_incident_bench`` on the server named by
  ``--postgres`` (default ``postgres://postgres@127.0.0.1:5432/postgres``), dropped afterwards.

Each backend runs in its own process. It times the first import (everything new) and a
re-import of the same file (everything unchanged: the idempotent path).

    .venv/bin/python bench/incident_import.py --quick
    flock /work/wt/heavy.lock .venv/bin/python bench/incident_import.py

The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess  # nosec B404
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SCRATCH_DB = "frontdoor_incident_bench"


def generate_csv(rows: int, path: Path) -> int:
    from frontdoor.incidents.generator import generate_chunks, write_csv

    # The generator gives about two party rows per incident.
    incidents = max(10, rows // 2)
    people = max(100, incidents // 5)
    return write_csv(generate_chunks(incidents, people, seed=11, years=3), path)


def child(csv_path: str) -> None:
    """Migrate the scratch database named by DATABASE_URL, import twice, print JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from frontdoor.agencies.models import Agency
    from frontdoor.incidents.services import import_file, import_run_create

    call_command("migrate", verbosity=0)
    force = Agency.objects.create(name="Benchmark Constabulary", sector=Agency.Sector.POLICE)
    figures = {"backend": connection.vendor}
    for label in ("first", "again"):
        run = import_run_create(agency=force, by=None, filename="bench.csv", source="command")
        started = time.perf_counter()
        run = import_file(run=run, path=csv_path)
        seconds = time.perf_counter() - started
        assert run.status == "succeeded", run.errors[:5]
        figures[label] = {
            "seconds": round(seconds, 2),
            "rows": run.processed_rows,
            "rows_per_s": round(run.processed_rows / seconds),
            "created": run.incidents_created,
            "unchanged": run.incidents_unchanged,
            "people_created": run.people_created,
        }
    print(json.dumps(figures))


def run_child(csv_path: Path, database_url: str) -> dict:
    env = {**os.environ, "DATABASE_URL": database_url}
    result = subprocess.run(  # noqa: S603  # nosec B603
        [sys.executable, __file__, "--child", str(csv_path)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"{database_url.split(':')[0]} run failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def postgres_scratch(server_url: str, action: str) -> str:
    import psycopg

    parsed = urlparse(server_url)
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{SCRATCH_DB}"')
        if action == "create":
            db.execute(f'CREATE DATABASE "{SCRATCH_DB}"')
    return parsed._replace(path=f"/{SCRATCH_DB}").geturl()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20,000 rows, a smoke run")
    parser.add_argument("--rows", type=int, default=None)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    target = args.rows or (20_000 if args.quick else 1_000_000)
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "incidents.csv"
        started = time.perf_counter()
        rows = generate_csv(target, csv_path)
        size_mb = csv_path.stat().st_size / 1e6
        print(f"Generated {rows:,} rows ({size_mb:.0f} MB) in {time.perf_counter() - started:.1f}s")

        sqlite = run_child(csv_path, f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        print(
            f"SQLite:     {sqlite['first']['rows_per_s']:>8,} rows/s first import "
            f"({sqlite['first']['seconds']}s), {sqlite['again']['rows_per_s']:,} rows/s re-import"
        )
        postgres = None
        if not args.no_postgres:
            url = postgres_scratch(args.postgres, "create")
            try:
                postgres = run_child(csv_path, url)
            finally:
                postgres_scratch(args.postgres, "drop")
            print(
                f"PostgreSQL: {postgres['first']['rows_per_s']:>8,} rows/s first import "
                f"({postgres['first']['seconds']}s), "
                f"{postgres['again']['rows_per_s']:,} rows/s re-import"
            )
    print(
        json.dumps(
            {
                "rows": rows,
                "incidents": sqlite["first"]["created"],
                "people": sqlite["first"]["people_created"],
                "sqlite_rows_per_s": sqlite["first"]["rows_per_s"],
                "sqlite_reimport_rows_per_s": sqlite["again"]["rows_per_s"],
                "postgres_rows_per_s": postgres["first"]["rows_per_s"] if postgres else None,
                "postgres_reimport_rows_per_s": (
                    postgres["again"]["rows_per_s"] if postgres else None
                ),
            }
        )
    )


if __name__ == "__main__":
    main()
