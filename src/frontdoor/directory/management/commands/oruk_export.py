"""manage.py oruk_export: the whole directory as an Open Referral UK feed document."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from frontdoor.directory.oruk import export_services


class Command(BaseCommand):
    help = (
        "Write every service, fully nested in the Open Referral UK 3.0 shape, as one JSON list "
        "(confidential addresses left out). oruk_import reads the same format."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--output", type=Path, help="A file to write; standard output if none.")

    def handle(self, *args, output: Path | None, **options) -> None:
        text = json.dumps(export_services(), indent=2, ensure_ascii=False)
        if output is None:
            self.stdout.write(text)
            return
        output.write_text(text + "\n", encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"Wrote {output}"))
