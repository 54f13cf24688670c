"""Revoke API tokens by the first characters of their key (shown when issued)."""

from django.core.management.base import BaseCommand, CommandError

from frontdoor.api.models import ApiToken
from frontdoor.api.services import api_token_revoke


class Command(BaseCommand):
    help = "Revoke an API token: its next request gets 401."

    def add_arguments(self, parser):
        parser.add_argument("key_prefix", help="The first 8 characters of the key")

    def handle(self, *args, key_prefix, **options):
        tokens = list(
            ApiToken.objects.filter(key_prefix=key_prefix, revoked_at__isnull=True).select_related(
                "practitioner"
            )
        )
        if not tokens:
            raise CommandError(f"No active API token starts with {key_prefix!r}")
        for token in tokens:
            api_token_revoke(token=token)
            self.stdout.write(f"Revoked {token} of {token.practitioner.username}.")
