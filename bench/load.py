"""Load test of the busiest pages and endpoints, on PostgreSQL, over loopback only.

    .venv/bin/python bench/load.py [--quick] [--people N] [--incidents N]
                                   [--users 10,50,100] [--seconds 60] [--workers 4]
                                   [--server-url postgres://postgres@127.0.0.1:5432/postgres]

1. Prepares a scratch database `frontdoor_load` on the server: migrate, the demo partnership
   (demo_load with more contacts and practitioners), then scaled up to --people people on the
   person index (with their agency records, so intake matching searches a real-sized index)
   and --incidents police incidents, all fictional, bulk-loaded (COPY, straight into the
   tables: the import path itself is measured by bench/incident_import.py).
2. Serves Front Door with gunicorn on 127.0.0.1 (demo mode for the second-factor code,
   DEBUG off), --workers processes.
3. Runs locust headless (bench/locustfile.py) at each number of --users for --seconds each:
   hub practitioners load the hub queue and a case page (which runs the person search for
   each unlinked subject); referrers make
   referrals through the API; responders list and answer information requests through the
   API.
   Users start over five seconds and sign in as they start (a password check is slow on
   purpose: about half a second of a core); the figures count from when the last one has
   signed in, so they describe practitioners at work, not fifty people signing in at the
   same moment. Each hub user has an account of their own.
4. Prints p50 and p95 latency, requests per second and failures for every page at every
   level, and one JSON object as the last line.

Bounded in time: preparation, then len(users) × seconds of load. --quick: 2,000 people,
10,000 incidents, 5 and 10 users for 15 seconds each (about a minute after preparation).
Drops the scratch database at the end unless --keep. To prepare once and load many times:
`--prepare-only plan.json`, then `--reuse plan.json` (the database is kept).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import socket
import subprocess  # nosec B404
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
PYTHON = ROOT / ".venv" / "bin" / "python"
DATABASE = "frontdoor_load"


def say(message: str) -> None:
    print(message, flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def recreate_database(server_url: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DATABASE))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))


def drop_database(server_url: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DATABASE))
        )


def manage(env: dict, *args: str) -> None:
    subprocess.run(  # noqa: S603  # nosec B603 (our own manage.py)
        [str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True
    )


FIRST = ["Robin", "Sam", "Alex", "Jo", "Charlie", "Morgan", "Riley", "Jamie", "Casey", "Taylor"]
LAST = ["Ashdown", "Brackenbury", "Coldwell", "Dunmore", "Eastleigh", "Fennimore", "Greaves"]


def scale_people(count: int, rng: random.Random) -> tuple[list[dict], list[tuple[int, int]]]:
    """Bulk-add fictional people, each with a police nominal record, and index the records for
    intake matching. Returns a sample to search for and every (person, record) pair added."""
    from django.db import transaction

    from frontdoor.agencies.models import Agency
    from frontdoor.incidents.bulk import insert_objects
    from frontdoor.matching import index
    from frontdoor.people.models import AgencyRecord, Person, RecordKind

    existing = Person.objects.count()
    wanted = max(0, count - existing)
    force = Agency.objects.filter(sector=Agency.Sector.POLICE).order_by("pk").first()
    sample: list[dict] = []
    added: list[tuple[int, int]] = []
    batch = 50_000
    started = time.monotonic()
    for offset in range(0, wanted, batch):
        people = []
        for _ in range(min(batch, wanted - offset)):
            born = date(1950, 1, 1) + timedelta(days=rng.randrange(0, 27_000))
            people.append(
                Person(
                    given_names=rng.choice(FIRST) + rng.choice(["", "a", "e", "y"]),
                    family_name=rng.choice(LAST) + str(rng.randrange(0, 5000)),
                    date_of_birth=born,
                    postcode=f"LA{rng.randrange(1, 9)} {rng.randrange(1, 9)}AB",
                )
            )
        with transaction.atomic():
            insert_objects(Person, people)
            records = [
                AgencyRecord(
                    person=p,
                    agency=force,
                    kind=RecordKind.POLICE_NOMINAL,
                    source_ref=f"LOAD-{p.pk}",
                    given_names=p.given_names,
                    family_name=p.family_name,
                    date_of_birth=p.date_of_birth,
                    postcode=p.postcode,
                )
                for p in people
            ]
            insert_objects(AgencyRecord, records)
            # Bulk writes bypass the save hooks that index records for intake matching.
            index.index_records_bulk(
                (r.pk, *(getattr(r, f) for f in index.RECORD_FIELDS[1:])) for r in records
            )
        added += [(r.person_id, r.pk) for r in records]
        if len(sample) < 500:
            sample += [
                {
                    "given_names": p.given_names,
                    "family_name": p.family_name,
                    "date_of_birth": p.date_of_birth.isoformat(),
                    "postcode": p.postcode,
                }
                for p in people[:50]
            ]
        say(f"    people: {existing + offset + len(people):,} ({time.monotonic() - started:.0f}s)")
    if not sample:
        sample = [
            {
                "given_names": p.given_names,
                "family_name": p.family_name,
                "date_of_birth": p.date_of_birth.isoformat() if p.date_of_birth else "",
                "postcode": p.postcode,
            }
            for p in Person.objects.all()[:200]
        ]
    return sample, added


OFFENCE_MIX = [("8N", "Assault without injury"), ("8L", "Harassment"), ("58C", "Criminal damage")]
NON_CRIME = ["domestic_non_crime", "concern_for_welfare", "asb", "missing_person"]


def scale_incidents(count: int, involved: list[tuple[int, int]], rng: random.Random) -> int:
    """Fictional police incidents over three years, written straight into the tables (COPY),
    each with one to three parties drawn heavy-tailed from ``involved`` (a few people in many
    incidents, most in one or none), as a force's extract would leave them after import."""
    from django.db import transaction
    from django.utils import timezone

    from frontdoor.agencies.models import Agency
    from frontdoor.incidents.bulk import (
        INCIDENT_COLUMNS,
        PARTY_COLUMNS,
        insert_rows,
        reserve_ids,
        when,
    )
    from frontdoor.incidents.models import Incident, IncidentParty

    force = Agency.objects.filter(sector=Agency.Sector.POLICE).order_by("pk").first()
    if not involved:
        return 0
    pool = len(involved)
    now = timezone.now()
    stamp = when(now)
    started = time.monotonic()
    batch = 100_000
    for offset in range(0, count, batch):
        size = min(batch, count - offset)
        with transaction.atomic():
            ids = reserve_ids(Incident, size)
            incidents, parties = [], []
            for number, pk in enumerate(ids, start=offset):
                crime = rng.random() < 0.6
                code, description = rng.choice(OFFENCE_MIX) if crime else ("", "")
                occurred = now - timedelta(minutes=rng.randrange(0, 3 * 365 * 24 * 60))
                incidents.append(
                    (
                        pk, force.pk, f"LOAD-{number}", when(occurred),
                        "crime" if crime else rng.choice(NON_CRIME), code, description,
                        rng.random() < 0.3, "", "", None, "", stamp, stamp,
                    )
                )  # fmt: skip
                chosen = set()
                for role in ("victim", "suspect", "witness")[: rng.choice((1, 2, 2, 3))]:
                    person, record = involved[int(pool * rng.random() ** 3)]
                    if record in chosen:
                        continue
                    chosen.add(record)
                    parties.append((pk, role, person, record, "", "", None, "unknown"))
            insert_rows(Incident, INCIDENT_COLUMNS, incidents)
            insert_rows(IncidentParty, PARTY_COLUMNS, parties)
        say(f"    incidents: {offset + size:,} ({time.monotonic() - started:.0f}s)")
    return count


def open_requests_and_tokens(by_agency: dict[int, str]) -> tuple[list[dict], dict[int, str]]:
    """Every open information request, each with a token of a practitioner who may answer it."""
    from frontdoor.agencies.models import Practitioner
    from frontdoor.agencies.roles import CASEWORK_ROLES
    from frontdoor.api.services import api_token_issue
    from frontdoor.sharing.models import InformationRequest

    open_requests = []
    for info in InformationRequest.objects.filter(status="open"):
        if info.to_agency_id not in by_agency:
            responder = Practitioner.objects.filter(
                agency_id=info.to_agency_id, role__in=CASEWORK_ROLES, is_active=True
            ).first()
            if responder is None:
                continue
            by_agency[info.to_agency_id] = api_token_issue(
                practitioner=responder, name="load test"
            )[1]
        open_requests.append(
            {"id": info.pk, "version": info.version, "token": by_agency[info.to_agency_id]}
        )
    return open_requests, by_agency


def ask_agencies(open_wanted: int) -> int:
    """Top the open information requests up to ``open_wanted``, asked by the hub through the
    service (so each is as real as one asked on the contact page): responders answer one
    each, and each level of load must find enough still open. Returns how many were asked."""
    from itertools import cycle

    from frontdoor.agencies.models import Agency, Practitioner
    from frontdoor.agencies.roles import CASEWORK_ROLES, Role
    from frontdoor.referrals.models import Contact
    from frontdoor.sharing.models import Category, InformationRequest, Window
    from frontdoor.sharing.services import request_create

    short = open_wanted - InformationRequest.objects.filter(status="open").count()
    if short <= 0:
        return 0
    hub = Practitioner.objects.filter(role=Role.HUB_PRACTITIONER, is_active=True).first()
    agencies = cycle(
        Agency.objects.filter(
            is_active=True,
            practitioners__role__in=CASEWORK_ROLES,
            practitioners__is_active=True,
        ).distinct()
    )
    contacts = cycle(
        Contact.objects.filter(
            status__in=(Contact.Status.SUBMITTED, Contact.Status.TRIAGED), subjects__isnull=False
        )
        .distinct()
        .prefetch_related("subjects")[:200]
    )
    for _ in range(short):
        contact = next(contacts)
        request_create(
            contact=contact,
            by=hub,
            to_agency=next(agencies),
            subjects=list(contact.subjects.all())[:1],
            window=Window.MONTHS_12,
            categories=[Category.CHILD_PROTECTION],
            purpose="Load test: what does your agency know about this child? (fictional)",
            lawful_basis="safeguarding",
        )
    return short


OPEN_REQUESTS_PER_LEVEL = 300  # more than 100 users' responders answer in a minute


HUB_LOGINS = 120  # more than the hub users at the busiest level (60 of 100): one login each


def hub_logins(count: int = HUB_LOGINS) -> list[str]:
    """One hub practitioner account per simulated hub user (fictional, in social care's hub).

    Users sharing an account would sign in within the same 30 seconds and the second would
    be refused the code the first had just used (replay protection): a locust user per
    account, as in real life. The demo password's hash is copied, not recomputed."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from frontdoor.agencies.models import Practitioner
    from frontdoor.agencies.roles import HUB_ROLES, Role
    from frontdoor.demo.generator import DEMO_DEVICE_NAME, DEMO_TOTP_KEY_HEX

    model = Practitioner.objects.filter(role=Role.HUB_PRACTITIONER, is_active=True).first()
    existing = set(
        Practitioner.objects.filter(username__startswith="load.hub.").values_list(
            "username", flat=True
        )
    )
    added = [
        Practitioner(
            username=f"load.hub.{n:03d}",
            first_name="Load",
            last_name=f"Hub {n:03d}",
            email=f"load.hub.{n:03d}@example.invalid",
            agency=model.agency,
            team=model.team,
            role=Role.HUB_PRACTITIONER,
            job_title="Hub practitioner (load test)",
            password=model.password,
        )
        for n in range(count)
        if f"load.hub.{n:03d}" not in existing
    ]
    Practitioner.objects.bulk_create(added)
    for practitioner in Practitioner.objects.filter(username__in=[p.username for p in added]):
        TOTPDevice.objects.create(
            user=practitioner, name=DEMO_DEVICE_NAME, confirmed=True, key=DEMO_TOTP_KEY_HEX
        )
    return list(
        Practitioner.objects.filter(role__in=HUB_ROLES, is_active=True)
        .order_by("username")
        .values_list("username", flat=True)
    )


def prepare(server_url: str, people: int, incidents: int, contacts: int) -> dict:
    url = server_url.rsplit("/", 1)[0] + "/" + DATABASE
    env = dict(os.environ, DATABASE_URL=url, FRONTDOOR_DEMO="1", DEBUG="0")
    say(f"Preparing {DATABASE}: migrate and the demo partnership")
    recreate_database(server_url)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(
        env, "demo_load", "--contacts", str(contacts), "--practitioners-per-agency", "6", "-v", "0"
    )
    os.environ.update(DATABASE_URL=url, FRONTDOOR_DEMO="1", DEBUG="0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.config.settings")
    import django

    django.setup()
    from django.db import connection

    from frontdoor.agencies.models import Practitioner
    from frontdoor.agencies.roles import Role
    from frontdoor.api.services import api_token_issue
    from frontdoor.demo.generator import DEMO_PASSWORD
    from frontdoor.people.models import Person
    from frontdoor.referrals.models import Contact

    rng = random.Random(2026)  # nosec B311
    say(f"Scaling up to {people:,} people and {incidents:,} incidents")
    sample, involved = scale_people(people, rng)
    added = scale_incidents(incidents, involved, rng) if incidents else 0
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    hub = hub_logins()
    referrers = Practitioner.objects.filter(role=Role.FRONTLINE, is_active=True)[:20]
    referrer_tokens = [api_token_issue(practitioner=p, name="load test")[1] for p in referrers]
    open_requests, by_agency = open_requests_and_tokens({})
    responder_tokens = list(by_agency.values())
    contact_ids = list(
        Contact.objects.exclude(status=Contact.Status.DRAFT).values_list("pk", flat=True)
    )
    plan = {
        "password": DEMO_PASSWORD,
        "hub_usernames": hub,
        "referrer_tokens": referrer_tokens,
        "responder_tokens": responder_tokens or referrer_tokens,
        "open_requests": open_requests,
        "contacts": contact_ids,
        "person_queries": sample,
        # The most involved people first (scale_incidents draws heavy-tailed from the front).
        "people": [person for person, _record in involved[:100]]
        + [person for person, _record in rng.sample(involved, min(100, len(involved)))]
        or list(Person.objects.values_list("pk", flat=True)[:200]),
    }
    say(
        f"    {len(hub)} hub logins, {len(referrer_tokens)} referrer tokens, "
        f"{len(responder_tokens)} responder tokens, {len(open_requests)} open requests, "
        f"{len(contact_ids)} contacts, {Contact.objects.count():,} contacts in all, "
        f"incidents added {added:,}"
    )
    return {"url": url, "env": env, "plan": plan, "by_agency": by_agency}


def run_level(host: str, plan_path: Path, users: int, seconds: int, out: Path) -> dict:
    prefix = out / f"u{users}"
    subprocess.run(  # noqa: S603  # nosec B603
        [
            str(ROOT / ".venv" / "bin" / "locust"),
            "-f", str(ROOT / "bench" / "locustfile.py"),
            "--headless", "-u", str(users), "-r", str(max(1, users // 5)),
            "--run-time", f"{seconds}s", "--host", host, "--csv", str(prefix),
            "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "5",
        ],
        cwd=ROOT,
        env=dict(os.environ, FRONTDOOR_LOAD_PLAN=str(plan_path)),
        check=False,
        capture_output=True,
    )  # fmt: skip
    pages = {}
    with open(f"{prefix}_stats.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Name"] in ("Aggregated",) or row["Name"].startswith("sign in"):
                continue
            pages[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "p50_ms": float(row["50%"] or 0),
                "p95_ms": float(row["95%"] or 0),
                "rps": round(float(row["Requests/s"] or 0), 1),
            }
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--incidents", type=int, default=5_000_000)
    parser.add_argument("--users", default="10,50,100")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--contacts", type=int, default=300)
    parser.add_argument("--server-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument(
        "--prepare-only",
        metavar="FILE",
        help="prepare the scratch database, write what the load needs to FILE and stop",
    )
    parser.add_argument(
        "--reuse",
        metavar="FILE",
        help="skip preparation: load the database prepared by --prepare-only FILE",
    )
    args = parser.parse_args()
    if args.quick:
        args.people, args.incidents, args.users, args.seconds = 2_000, 10_000, "5,10", 15
        args.contacts = 40
    levels = [int(u) for u in args.users.split(",")]
    # Messages to practitioners (requests asked between levels) go nowhere, not to the console.
    os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend")

    started = time.monotonic()
    if args.reuse:
        prepared = json.loads(Path(args.reuse).read_text(encoding="utf-8"))
        prepared["by_agency"] = {int(k): v for k, v in prepared["by_agency"].items()}
        os.environ.update(prepared["env"])
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.config.settings")
        import django

        django.setup()
        say(f"Reusing {DATABASE} as prepared ({args.reuse})")
        prepared["plan"]["hub_usernames"] = hub_logins()
    else:
        prepared = prepare(args.server_url, args.people, args.incidents, args.contacts)
    prepared_in = time.monotonic() - started
    if args.reuse:
        prepared_in = prepared.get("prepare_s", prepared_in)  # as measured when it was made
    if args.prepare_only:
        prepared["prepare_s"] = round(prepared_in)
        Path(args.prepare_only).write_text(json.dumps(prepared), encoding="utf-8")
        say(f"Prepared in {prepared_in:.0f} s; run the load with --reuse {args.prepare_only}")
        return 0
    port = free_port()
    host = f"http://127.0.0.1:{port}"
    results: dict[int, dict] = {}
    with tempfile.TemporaryDirectory(prefix="frontdoor-load-") as directory:
        out = Path(directory)
        plan_path = out / "plan.json"
        plan_path.write_text(json.dumps(prepared["plan"]), encoding="utf-8")
        server = subprocess.Popen(  # noqa: S603  # nosec B603
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "frontdoor.config.wsgi:application",
                "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers), "--preload",
                "--log-level", "warning",
            ],
            cwd=ROOT,
            env=dict(
                prepared["env"],
                ALLOWED_HOSTS="127.0.0.1,localhost",
                CONN_MAX_AGE="60",  # as docs/deployment.md sets it for production
                EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
            ),
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.2)
            for users in levels:
                # Requests answered at the last level are no longer open: ask more.
                ask_agencies(OPEN_REQUESTS_PER_LEVEL)
                plan = dict(prepared["plan"])
                plan["open_requests"], _ = open_requests_and_tokens(prepared["by_agency"])
                # Responders speak for the agencies that have requests waiting.
                plan["responder_tokens"] = sorted({r["token"] for r in plan["open_requests"]})
                plan_path.write_text(json.dumps(plan), encoding="utf-8")
                say(f"Load: {users} users for {args.seconds}s")
                results[users] = run_level(host, plan_path, users, args.seconds, out)
                for name, figures in sorted(results[users].items()):
                    say(
                        f"    {name:32} p50 {figures['p50_ms']:7.0f} ms  p95 "
                        f"{figures['p95_ms']:7.0f} ms  {figures['rps']:6.1f} req/s  "
                        f"{figures['requests']:6} requests  {figures['failures']} failed"
                    )
        finally:
            server.terminate()
            server.wait(timeout=30)
    if not (args.keep or args.reuse):
        drop_database(args.server_url)
    failures = sum(f["failures"] for level in results.values() for f in level.values())
    middle = 50 if 50 in results else levels[-1]
    worst = max(
        ((name, f["p95_ms"]) for name, f in results[middle].items()), key=lambda item: item[1]
    )
    summary = {
        "people": args.people,
        "incidents": args.incidents,
        "workers": args.workers,
        "seconds_per_level": args.seconds,
        "prepare_s": round(prepared_in),
        "levels": {str(k): v for k, v in results.items()},
        "failures": failures,
        f"worst_p95_ms_at_{middle}_users": worst[1],
        f"worst_page_at_{middle}_users": worst[0],
        "p95_ms": worst[1],
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
