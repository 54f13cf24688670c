"""manage.py escalate_overdue_requests: tell agencies' managers about overdue requests, once.

Run it every 5 minutes from cron or a systemd timer. It is idempotent: a request is
escalated once, however often the command runs or however many copies run at once.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from frontdoor.sharing.services import requests_escalate_overdue


class Command(BaseCommand):
    help = (
        "Tell the managers of each agency that has not answered an information request by its "
        "deadline. Each request is escalated once. Schedule it every 5 minutes."
    )

    def handle(self, *args, **options) -> None:
        count = requests_escalate_overdue()
        noun = "request" if count == 1 else "requests"
        self.stdout.write(f"Escalated {count} overdue information {noun}.")
