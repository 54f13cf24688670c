"""Tell owners about directory services that have just become overdue for review.

Run it daily (cron or a scheduler). Each owner hears once per lapse: a service is not
mentioned again until it has been marked reviewed and has become overdue once more.
"""

from django.core.management.base import BaseCommand

from frontdoor.directory.curation import review_reminders_send


class Command(BaseCommand):
    help = "Message the owners of directory services that have become overdue for review."

    def handle(self, *args, **options):
        sent = review_reminders_send()
        self.stdout.write(f"Sent {sent} review reminder{'s' if sent != 1 else ''}.")
