"""manage.py link_index [--train]: batch-link every agency record into the person index."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from frontdoor.matching import index
from frontdoor.matching.facade import apply_batch_link


class Command(BaseCommand):
    help = (
        "Link every agency record with the active match model (or train a new one with "
        "--train), apply the clusters as people with provenance, and queue uncertain pairs "
        "for review. Practitioners' decisions are respected."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--train", action="store_true", help="Train a new model on the records first."
        )
        parser.add_argument(
            "--reindex", action="store_true", help="Rebuild the blocking-key index first."
        )

    def handle(self, *args, train: bool, reindex: bool, **options) -> None:
        if reindex:
            self.stdout.write("Rebuilding the blocking-key index…")
            self.stdout.write(f"  {index.rebuild()} keys written.")
        result = apply_batch_link(train=train, progress=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"Linked {result.records} records into {result.clusters} clusters with model "
                f"{result.model_version}: {result.attached} attached, {result.new_people} new "
                f"people, {result.merges} merges, {result.queued} queued for review."
            )
        )
        for skipped in result.skipped_merges:
            self.stdout.write(f"  Not merged (a practitioner said they differ): {skipped}")
