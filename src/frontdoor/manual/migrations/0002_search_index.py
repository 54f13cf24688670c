"""The full-text search index, one per database engine (see manual/search.py).

SQLite: an FTS5 virtual table the services keep in step with the articles.
PostgreSQL: a GIN index on ``search_document``, the weighted title-and-body tsvector the
services keep up to date.
"""

from django.db import migrations

FTS_TABLE = "manual_article_fts"
PG_INDEX = "manual_article_search"


def _pg_index():
    from django.contrib.postgres.indexes import GinIndex

    return GinIndex(fields=["search_document"], name=PG_INDEX)


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    Article = apps.get_model("manual", "Article")
    if vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            "title, body, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        for pk, title, body_text in Article.objects.values_list("pk", "title", "body_text"):
            schema_editor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",  # nosec B608
                [pk, title, body_text],
            )
    elif vendor == "postgresql":
        from django.contrib.postgres.search import SearchVector

        # The same expression as search.pg_search_vector().
        Article.objects.update(
            search_document=SearchVector("title", weight="A", config="english")
            + SearchVector("body_text", weight="B", config="english")
        )
        schema_editor.add_index(Article, _pg_index())


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("manual", "Article"), _pg_index())


class Migration(migrations.Migration):
    dependencies = [("manual", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
