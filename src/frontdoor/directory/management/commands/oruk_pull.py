"""manage.py oruk_pull URL: pull services from another directory's Open Referral UK API."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime

from frontdoor.directory.feeds import FeedError
from frontdoor.directory.services import ImportRefused, oruk_pull

from ._owner import add_owner_arguments, owner_from, refused


class Command(BaseCommand):
    help = (
        "Pull the services of an Open Referral UK 3.0 API (its /services pages, then each "
        "/services/{id}) and import them, all or nothing. By default only what changed since "
        "the last successful pull from that address (modified_after)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("url", help="The API's base address, such as https://x.example/oruk")
        add_owner_arguments(parser)
        when = parser.add_mutually_exclusive_group()
        when.add_argument("--modified-after", help="Only services changed on or after this time.")
        when.add_argument("--full", action="store_true", help="Pull every service.")

    def handle(self, *args, url: str, modified_after: str | None, full: bool, **options) -> None:
        owner = owner_from(options)
        since = None
        if modified_after:
            since = parse_datetime(modified_after)
            if since is None or since.tzinfo is None:
                raise CommandError(
                    "--modified-after needs a date and time with a zone, like 2026-03-15T10:30:00Z"
                )
        try:
            result = oruk_pull(url=url, modified_after=since, full=full, **owner)
        except FeedError as error:
            raise CommandError(str(error)) from error
        except ImportRefused as error:
            raise refused(error) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Pulled {result.total} services from {url}: "
                f"{result.created} new, {result.updated} updated."
            )
        )
