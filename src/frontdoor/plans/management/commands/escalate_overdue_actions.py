"""manage.py escalate_overdue_actions: tell owner agencies' managers about overdue actions, once."""

from django.core.management.base import BaseCommand

from frontdoor.plans.services import escalate_overdue_actions


class Command(BaseCommand):
    help = (
        "Message the owner agency's hub managers and the plan's lead professional about each "
        "overdue action on a multi-agency plan, once per action."
    )

    def handle(self, *args, **options):
        escalated = escalate_overdue_actions()
        self.stdout.write(f"Escalated {escalated} overdue action(s).")
