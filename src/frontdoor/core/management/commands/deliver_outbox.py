from django.core.management.base import BaseCommand

from frontdoor.core.outbox import outbox_deliver


class Command(BaseCommand):
    help = (
        "Email every outbox message not yet emailed (safe to run at the same time as another copy)."
    )

    def handle(self, *args, **options):
        sent = outbox_deliver()
        self.stdout.write(f"Emailed {sent} message(s).")
