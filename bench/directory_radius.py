"""How fast is the directory's radius search ("services near me") on a large directory?

Builds N locations (100,000 by default) spread with a seeded generator over Great Britain, in a
scratch test database, then times 50 radius searches of 5 miles around random points through
``frontdoor.directory.geo.within`` (a bounding box on the latitude and longitude index, then the
exact great-circle distance), against a naive full scan (every location read and measured).
Both must find the same locations. Runs on SQLite by default, or on PostgreSQL when
DATABASE_URL points at one; the scratch database (``test_<name>``) is dropped afterwards.

    .venv/bin/python bench/directory_radius.py            # 100,000 locations
    .venv/bin/python bench/directory_radius.py --quick    # 5,000 locations, a smoke run
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/frontdoor_bench \\
        .venv/bin/python bench/directory_radius.py

The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.config.settings")

SEARCHES = 50
NAIVE_SEARCHES = 5  # a full scan is slow: fewer of them, same centres
RADIUS_M = 5 * 1609.344
# Roughly Great Britain's mainland.
SOUTH, NORTH, WEST, EAST = 50.0, 58.5, -5.5, 1.7


def make_locations(count: int, rng: random.Random) -> float:
    from frontdoor.directory.models import Location

    started = time.perf_counter()
    batch = []
    for _ in range(count):
        batch.append(
            Location(
                location_type="physical",
                latitude=Decimal(f"{rng.uniform(SOUTH, NORTH):.6f}"),
                longitude=Decimal(f"{rng.uniform(WEST, EAST):.6f}"),
            )
        )
        if len(batch) == 5000:
            Location.objects.bulk_create(batch)
            batch = []
    Location.objects.bulk_create(batch)
    return time.perf_counter() - started


def naive(place, metres: float) -> dict:
    from frontdoor.directory.models import Location

    found = {}
    for pk, latitude, longitude in Location.objects.values_list("id", "latitude", "longitude"):
        if latitude is None or longitude is None:
            continue
        distance = place.distance_to(latitude, longitude)
        if distance <= metres:
            found[pk] = distance
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 locations, a smoke run")
    parser.add_argument("--locations", type=int, help="how many locations (default 100,000)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    count = args.locations or (5_000 if args.quick else 100_000)

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    from frontdoor.directory.geo import Place, within
    from frontdoor.directory.models import Location

    scratch = None
    if connection.vendor == "sqlite":
        scratch = tempfile.mkdtemp(prefix="radius-bench-")
        connection.settings_dict.setdefault("TEST", {})["NAME"] = f"{scratch}/bench.sqlite3"
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    rng = random.Random(args.seed)  # nosec B311: fictional data, not security
    try:
        build_seconds = make_locations(count, rng)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE directory_location")
        centres = [
            Place("bench", rng.uniform(SOUTH + 0.5, NORTH - 0.5), rng.uniform(WEST + 1, EAST - 1))
            for _ in range(SEARCHES)
        ]
        within(Location.objects.all(), centres[0], RADIUS_M)  # warm up
        indexed, found = [], []
        for place in centres:
            started = time.perf_counter()
            hits = within(Location.objects.all(), place, RADIUS_M)
            indexed.append((time.perf_counter() - started) * 1000)
            found.append(hits)
        scans = []
        for place, hits in zip(centres[:NAIVE_SEARCHES], found, strict=False):
            started = time.perf_counter()
            expected = naive(place, RADIUS_M)
            scans.append((time.perf_counter() - started) * 1000)
            if expected.keys() != hits.keys():
                raise SystemExit("the radius search and the full scan disagree")
        vendor = connection.vendor
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)

    median, scan = statistics.median(indexed), statistics.median(scans)
    print(f"database          {vendor}")
    print(f"locations         {count:,} (built in {build_seconds:.1f} s)")
    print(f"searches          {SEARCHES} of 5 miles; {NAIVE_SEARCHES} full scans to compare")
    print(f"found per search  {statistics.mean(len(f) for f in found):.1f} on average")
    print(f"indexed median    {median:.2f} ms (slowest {max(indexed):.2f} ms)")
    print(f"full scan median  {scan:.2f} ms")
    print(f"speed-up          {scan / median:.0f}x")
    print(
        json.dumps(
            {
                "benchmark": "directory_radius",
                "backend": vendor,
                "locations": count,
                "searches": SEARCHES,
                "radius_m": round(RADIUS_M),
                "mean_found": round(statistics.mean(len(f) for f in found), 1),
                "indexed_p50_ms": round(median, 2),
                "indexed_max_ms": round(max(indexed), 2),
                "scan_p50_ms": round(scan, 2),
                "speedup": round(scan / median, 1),
                "build_s": round(build_seconds, 1),
                "quick": args.quick,
            }
        )
    )


if __name__ == "__main__":
    main()
