"""manage.py recurrence_recompute: rescore everyone with incidents in the window and store the
ranked cohort, with who is new, who left and who moved since the previous run.

Run it after each incident import and on a schedule (nightly or weekly, from cron or a systemd
timer); each run is kept, so the list a panel discussed stays as it was.
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from frontdoor.incidents.services_recurrence import recurrence_recompute


class Command(BaseCommand):
    help = "Recompute recurrence scores and the cohort against the active cohort rule."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--as-of", help="score as of this date (YYYY-MM-DD); default today")

    def handle(self, *args, as_of=None, **options) -> None:
        try:
            day = dt.date.fromisoformat(as_of) if as_of else None
        except ValueError as error:
            raise CommandError("--as-of must be a date like 2026-10-31") from error
        run = recurrence_recompute(as_of=day)
        new = run.members.filter(movement="new").count()
        self.stdout.write(
            f"Scored {run.people_scored} people as of {run.as_of:%d %b %Y}: "
            f"{run.members.count()} in the cohort ({new} new)."
        )
