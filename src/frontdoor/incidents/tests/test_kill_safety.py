"""Kill the import process while it writes: nothing it was writing may remain (promise 19).

The import runs as ``manage.py import_incidents`` in a subprocess against this test's
database (a file copy of it on SQLite), and is sent SIGKILL once it has started writing.
"""

import os
import signal
import sqlite3
import subprocess  # nosec B404
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from frontdoor.core.testing.factories import AgencyFactory
from frontdoor.incidents.generator import generate, write_csv

pytestmark = pytest.mark.django_db(transaction=True)

INCIDENTS = 12_000
TABLES = ("incidents_incident", "incidents_incidentparty", "people_person", "people_agencyrecord")


class Database:
    """This test's database, reachable from a subprocess."""

    def __init__(self, tmp_path: Path) -> None:
        self.file = None
        if connection.vendor == "sqlite":
            self.file = tmp_path / "kill.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(self.file)
            connection.connection.backup(target)
            target.execute("PRAGMA journal_mode=WAL")
            target.close()
            self.url = f"sqlite:///{self.file}"
        else:
            s = connection.settings_dict
            password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
            self.url = f"postgres://{s['USER']}{password}@{s['HOST']}:{s['PORT']}/{s['NAME']}"

    def query(self, sql: str):
        if self.file is None:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall()
        with sqlite3.connect(self.file, timeout=30) as db:
            return db.execute(sql).fetchall()

    def counts(self) -> dict[str, int]:
        return {t: self.query(f"SELECT COUNT(*) FROM {t}")[0][0] for t in TABLES}  # noqa: S608  # nosec B608

    def run(self) -> tuple:
        rows = self.query(
            "SELECT status, phase, written_rows FROM incidents_importrun ORDER BY id DESC LIMIT 1"
        )
        return rows[0] if rows else (None, None, 0)


def start_import(db: Database, path: Path, force) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": db.url}
    return subprocess.Popen(  # noqa: S603  # nosec B603
        [
            sys.executable,
            "manage.py",
            "import_incidents",
            str(path),
            "--force",
            str(force.pk),
            "--no-progress",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_a_killed_import_leaves_nothing_half_written(tmp_path):
    force = AgencyFactory(name="Killshire Police", sector="police")
    path = tmp_path / "big.csv"
    rows = write_csv(generate(INCIDENTS, 3_000, seed=3, years=2), path)
    db = Database(tmp_path)
    before = db.counts()

    process = start_import(db, path, force)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        status, phase, written = db.run()
        # PostgreSQL shows rows written so far; SQLite (one writer) only that writing began.
        if phase == "writing" and (written or connection.vendor == "sqlite"):
            break
        time.sleep(0.05)
    time.sleep(0.2)
    assert process.poll() is None, "the import finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)

    assert db.counts() == before  # no incident, party, person or record from the killed run
    status, phase, _ = db.run()
    assert (status, phase) == ("running", "writing")  # the record shows where it stopped

    # The same file imported again afterwards is complete.
    again = start_import(db, path, force)
    assert again.wait(timeout=300) == 0, again.stderr.read().decode()
    after = db.counts()
    assert after["incidents_incidentparty"] == rows
    assert after["incidents_incident"] == INCIDENTS
