"""manage.py supervision_reminders: tell both parties when supervision has become overdue, once.

Run it daily from cron or a systemd timer. It is idempotent: each overdue period is reminded
once, however often the command runs; a new session starts a new period.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from frontdoor.supervision.services import reminders_send_overdue


class Command(BaseCommand):
    help = (
        "Message the supervisor and the practitioner of each supervision that has become "
        "overdue against its agency's frequency. Each overdue period is reminded once."
    )

    def handle(self, *args, **options) -> None:
        count = reminders_send_overdue()
        noun = "supervision" if count == 1 else "supervisions"
        self.stdout.write(f"Reminded the parties of {count} overdue {noun}.")
