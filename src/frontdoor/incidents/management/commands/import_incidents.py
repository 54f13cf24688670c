"""manage.py import_incidents FILE --force AGENCY: import a force's incident extract.

The same checks and the same all-or-nothing write as the browser upload. A file with bad rows
prints its error report (line, field, reason) and writes nothing; the exit status is then 1.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils.text import slugify

from frontdoor.agencies.models import Agency
from frontdoor.incidents.models import ImportRun
from frontdoor.incidents.parsing import count_lines
from frontdoor.incidents.services import import_file, import_run_create

BAR_WIDTH = 30


def find_force(name: str) -> Agency:
    """A police agency by id, name, short name or slug of either (case-insensitive)."""
    forces = Agency.objects.filter(sector=Agency.Sector.POLICE)
    if name.isdigit():
        found = forces.filter(pk=int(name)).first()
        if found:
            return found
    found = forces.filter(Q(name__iexact=name) | Q(short_name__iexact=name)).first()
    if found:
        return found
    for force in forces:
        if slugify(name) in (slugify(force.name), slugify(force.short_name)):
            return force
    known = ", ".join(slugify(f.name) for f in forces) or "none"
    raise CommandError(f"No police agency called {name!r} (known forces: {known})")


class Progress:
    def __init__(self, stream, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.last = 0.0
        self.phase = ""

    def __call__(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.2 and done < total and phase == self.phase):
            return
        if self.phase and phase != self.phase:
            self.stream.write("\n")
        self.phase = phase
        self.last = now
        share = min(1.0, done / total) if total else 0.0
        filled = int(BAR_WIDTH * share)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        label = "Checking" if phase == "checking" else "Writing "
        self.stream.write(f"\r{label} [{bar}] {share:6.1%}  {done:,}/{total:,} rows")
        self.stream.flush()

    def end(self) -> None:
        if self.enabled:
            self.stream.write("\n")


class Command(BaseCommand):
    help = "Import a police incident extract (CSV, docs/incidents.md) for one force."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="the CSV file")
        parser.add_argument("--force", required=True, help="the police agency (name or slug)")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        force = find_force(options["force"])
        run = import_run_create(
            agency=force,
            by=None,
            filename=path.name,
            source=ImportRun.Source.COMMAND,
            total_rows=count_lines(str(path)),
        )
        progress = Progress(sys.stderr, not options["no_progress"])
        started = time.monotonic()
        try:
            run = import_file(run=run, path=str(path), observer=progress)
        finally:
            progress.end()
        seconds = time.monotonic() - started
        if run.status == ImportRun.Status.REJECTED:
            self.stdout.write(
                f"Rejected: {run.error_count} error(s) in {path.name}; nothing was imported."
            )
            self.stdout.write("line\tfield\treason")
            for error in run.errors:
                self.stdout.write(f"{error['line']}\t{error['field']}\t{error['reason']}")
            if run.error_count > len(run.errors):
                self.stdout.write(f"(and {run.error_count - len(run.errors)} more)")
            raise CommandError("The file has errors: fix them and import it again.", returncode=1)
        self.stdout.write(
            f"Imported {run.processed_rows:,} rows for {force} in {seconds:.1f}s "
            f"(import {run.pk}): {run.incidents_created:,} incidents created, "
            f"{run.incidents_updated:,} updated, {run.incidents_unchanged:,} unchanged; "
            f"{run.people_created:,} people created, {run.people_linked:,} linked."
        )
