"""Issue an API token to a named practitioner or service account; the key is shown once."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from frontdoor.api.services import api_token_issue


class Command(BaseCommand):
    help = (
        "Issue an API token for an agency's own system. The token acts as the practitioner, "
        "standing in for sign-in and the second factor: the key is printed once, never stored."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="The practitioner or service account it acts as")
        parser.add_argument("--name", required=True, help='The system, e.g. "Police RMS"')

    def handle(self, *args, username, name, **options):
        try:
            practitioner = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No practitioner with the username {username!r}") from None
        try:
            token, key = api_token_issue(practitioner=practitioner, name=name)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(
            f"Issued API token {token} to {practitioner.username} ({practitioner.agency}).\n"
            "Copy the key now: it is not stored and cannot be shown again.\n\n"
            f"{key}\n\n"
            "Send it as the header  Authorization: Bearer <key>\n"
            f"Revoke it with  manage.py revoke_api_token {token.key_prefix}"
        )
