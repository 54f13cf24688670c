"""manage.py escalate_overdue_disagreements: prompt escalation of disagreements past their level's
deadline. Run it daily (cron or a systemd timer); it is idempotent: each level is prompted once."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from frontdoor.disagreements.services import disagreements_prompt_overdue


class Command(BaseCommand):
    help = (
        "Message whoever may escalate each open disagreement past its level's deadline. "
        "Each level of each disagreement is prompted once."
    )

    def handle(self, *args, **options) -> None:
        count = disagreements_prompt_overdue()
        noun = "disagreement" if count == 1 else "disagreements"
        self.stdout.write(f"Prompted escalation of {count} overdue {noun}.")
