"""manage.py retention_review_reminders: tell owners which of their records are due for review.

Run it daily from cron or a systemd timer. Idempotent: each owner gets at most one message a day.
"""

from django.core.management.base import BaseCommand

from frontdoor.governance.services import reminders_send_due


class Command(BaseCommand):
    help = (
        "Message each record owner whose records have reached the end of their retention "
        "period, once a day at most; the records are listed on their My work page."
    )

    def handle(self, *args, **options) -> None:
        told = reminders_send_due()
        self.stdout.write(f"Told {told} owner(s) about records due for review.")
