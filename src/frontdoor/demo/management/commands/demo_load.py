"""manage.py demo_load: load the fictional demo partnership and print how to sign in."""

from __future__ import annotations

import argparse
import os
from base64 import b32encode

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from frontdoor.agencies.models import Agency, Area, Practitioner
from frontdoor.demo.directory_curation import build_curation
from frontdoor.demo.directory_services import build_directory
from frontdoor.demo.disagreements import build_disagreements
from frontdoor.demo.encompass import build_encompass
from frontdoor.demo.evaluation import build_evaluation
from frontdoor.demo.front_door import build_front_door
from frontdoor.demo.generator import (
    DEMO_PASSWORD,
    DEMO_TOTP_KEY_HEX,
    PARTNERSHIP_NAME,
    Login,
    build_partnership,
    partnership_logins,
)
from frontdoor.demo.governance import build_governance
from frontdoor.demo.incidents import build_incidents
from frontdoor.demo.manual_articles import build_manual
from frontdoor.demo.marac import build_marac
from frontdoor.demo.matching import build_matching
from frontdoor.demo.meetings import build_meetings
from frontdoor.demo.partnership_bodies import build_partnership_bodies
from frontdoor.demo.partnership_health import build_partnership_health
from frontdoor.demo.plans import build_plans
from frontdoor.demo.recurrence import build_recurrence
from frontdoor.demo.rotas import build_rotas
from frontdoor.demo.statutory import build_ethnicity
from frontdoor.demo.supervision import build_supervision


def _non_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


def demo_url() -> str:
    """Where `make demo` serves: its HOST and PORT (127.0.0.1:8000 unless set)."""
    host = os.environ.get("HOST", "127.0.0.1")
    return f"http://{host}:{os.environ.get('PORT', '8000')}/"


class Command(BaseCommand):
    help = (
        "Load the fictional demo partnership into an empty database. The seed makes runs "
        "repeat: the same seed gives the same organisations, people and usernames."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--contacts", type=int, default=36, help="How many demo referrals to make (default 36)."
        )
        parser.add_argument(
            "--practitioners-per-agency",
            type=_non_negative,
            default=1,
            help="Extra frontline practitioners at every agency (default 1).",
        )
        parser.add_argument(
            "--extra-agencies",
            type=_non_negative,
            default=0,
            help="Generated schools, GP practices and voluntary services to add.",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Empty the whole database first, audit trail included, then load the demo again.",
        )

    def handle(
        self,
        *args,
        seed: int,
        practitioners_per_agency: int,
        extra_agencies: int,
        reset: bool,
        **options,
    ) -> None:
        if not settings.DEMO_MODE:
            raise CommandError(
                "Every demo account has the same published password and second-factor key, so "
                "demo_load runs only in demo mode (FRONTDOOR_DEMO=1), never in production."
            )
        if reset:
            # A full flush, not just the agencies' tables: audit events and any later case
            # data point at the demo practitioners, and the audit trail cannot be edited.
            call_command("flush", interactive=False, verbosity=0)
            self.stdout.write("Emptied the database.")
        elif Agency.objects.exists() or Area.objects.exists():
            logins = partnership_logins()
            if not logins:
                raise CommandError(
                    "The database already holds areas or agencies that are not the demo. "
                    "demo_load --reset would empty the whole database and load the demo."
                )
            self.stdout.write(
                "The demo partnership is already loaded: nothing changed. "
                "Use --reset to empty the database and load it again.\n"
            )
            self._print_sign_in(logins)
            return
        partnership = build_partnership(
            seed=seed,
            practitioners_per_agency=practitioners_per_agency,
            extra_agencies=extra_agencies,
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {partnership.name} (fictional, seed {seed}): "
                f"{len(partnership.agencies)} agencies, {len(partnership.areas)} areas, "
                f"{len(partnership.practitioners)} practitioners.\n"
            )
        )
        # The demo's own history sends messages; keep their emails off the console.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            services = build_directory(seed=seed).services  # first: decisions signpost to it
            contacts = build_front_door(seed=seed, contacts=options.get("contacts", 36))
            articles = build_manual(seed=seed)
            build_partnership_bodies(seed=seed)
            build_ethnicity(seed=seed)
            build_curation(seed=seed)
            build_evaluation(seed=seed)
            build_matching(seed=seed)  # after the people exist: their agencies' records
            build_encompass(seed=seed)
            build_supervision(seed=seed)
            build_partnership_health(seed=seed)
            build_plans(seed=seed)
            build_meetings(seed=seed)  # after the front door: agendas fill from its contacts
            build_marac(seed=seed)  # DASH checklists and MARAC referrals, one a repeat
            build_disagreements(seed=seed)
            incidents = build_incidents(seed=seed)  # the force's extract, via the real import
            recurrence = build_recurrence(seed=seed)  # scores, the cohort, top 3 to the panel
            build_governance(seed=seed)  # retention rules, reviews due and a subject access request
            build_rotas(seed=seed)  # last: it puts a hub practitioner on leave
        self.stdout.write(
            f"Made {len(contacts)} demo referrals in every state, with information requests.\n"
            f"Wrote {len(articles)} joint working manual articles.\n"
            f"Listed {services} directory services.\n"
        )
        if incidents.imported is not None:
            self.stdout.write(
                f"Imported {incidents.imported.incidents_created} police incidents "
                f"({incidents.imported.processed_rows} rows) for {incidents.imported.agency}.\n"
            )
        if recurrence.run is not None:
            self.stdout.write(
                f"Scored {recurrence.run.people_scored} people for recurrence: "
                f"{recurrence.run.members.count()} in the cohort, "
                f"{recurrence.selected} put forward to the practitioner panel.\n"
            )
        self._print_sign_in(partnership.logins)

    def _print_sign_in(self, logins: list[Login]) -> None:
        key = b32encode(bytes.fromhex(DEMO_TOTP_KEY_HEX)).decode()
        headings = ("Role", "Username", "Agency", "Job title")
        widths = [max(len(row[i]) for row in [headings, *logins]) for i in range(3)]

        def line(row) -> str:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            return "  " + "  ".join([*cells, row[3]])

        out = self.stdout.write
        out(f"{PARTNERSHIP_NAME} — every organisation and person in it is invented.\n")
        out(f"Open      {demo_url()}")
        out(f"Password  {DEMO_PASSWORD}   (the same for every demo account)\n")
        out(line(headings))
        for login in logins:
            out(line(login))
        others = Practitioner.objects.count() - len(logins)
        if others > 0:
            out(f"  … and {others} more practitioners, all with the same password.")
        out(
            "\nSecond factor: Demo mode shows the current 6-digit code on the code page; "
            f"or add this key to an authenticator app: {key}"
        )
