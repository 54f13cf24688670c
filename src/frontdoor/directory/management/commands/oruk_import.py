"""manage.py oruk_import FILE: import an Open Referral UK feed document, all or nothing."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from frontdoor.directory.feeds import loads
from frontdoor.directory.services import ImportRefused, oruk_import
from frontdoor.directory.validation import DocumentError

from ._owner import add_owner_arguments, owner_from, refused


class Command(BaseCommand):
    help = (
        "Import services from an Open Referral UK 3.0 JSON file: a list of fully nested "
        "services, or a page of them. Every record is checked against the standard first; if "
        "any is wrong, nothing is imported and each problem is listed. Services are matched by "
        "id, so importing the same file again updates them."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        add_owner_arguments(parser)

    def handle(self, *args, file: Path, **options) -> None:
        owner = owner_from(options)
        try:
            document = loads(file.read_bytes())
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        except ValueError as error:
            raise CommandError(f"{file} is not JSON: {error}") from error
        try:
            result = oruk_import(document=document, source=file.name, **owner)
        except DocumentError as error:
            raise CommandError(str(error)) from error
        except ImportRefused as error:
            raise refused(error) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {result.total} services from {file.name}: "
                f"{result.created} new, {result.updated} updated."
            )
        )
