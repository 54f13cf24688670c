"""manage.py manual_reindex: rebuild the manual's full-text search index from the articles.

The services keep the index up to date on every write; run this after restoring a backup
into SQLite (the FTS5 table is not part of Django's flush or dumpdata) or after a bulk load.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from frontdoor.manual.search import rebuild_index, search_backend


class Command(BaseCommand):
    help = "Rebuild the joint working manual's full-text search index."

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            count = rebuild_index()
        self.stdout.write(f"Indexed {count} manual articles for {search_backend()} search.")
