"""Full-text search of the manual, behind one function: :func:`search_articles`.

PostgreSQL (production) uses its own full-text search over the title and body, weighted
towards the title: ``Article.search_document`` holds the tsvector, GIN-indexed (migration
0002). SQLite (the embedded default) uses an FTS5 virtual table, ``manual_article_fts``.
Either way the services keep the index in step with every write to an article
(:func:`index_article`, in the writer's transaction), never a signal.

Whatever a practitioner types, the query is reduced to plain words first: quotes, FTS
operators (``NEAR``, ``AND``, ``*``, ``:``, ``^``), brackets and emoji never reach either
engine's query parser, so no query can raise. Articles that match every word come first,
then articles that match some of them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.db import connection
from django.db.models import F
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Article

FTS_TABLE = "manual_article_fts"
MAX_QUERY_LENGTH = 500
MAX_TERMS = 12
MAX_TERM_LENGTH = 50
SNIPPET_WORDS = 30
# Marks around matched words in a snippet: control characters never found in an article's
# text (the services strip them), swapped for <mark> after the snippet has been escaped.
_OPEN, _CLOSE = "\x02", "\x03"
_WORD = re.compile(r"[^\W_]+")
PG_CONFIG = "english"


@dataclass(frozen=True)
class SearchHit:
    article: Article
    rank: float  # higher is better, comparable only within one search
    snippet: SafeString  # escaped text with the matched words in <mark>


# Words too common to narrow a search (PostgreSQL's English configuration ignores them too).
STOP_WORDS = frozenset(
    """a about an and are as at be but by can could did do does for from had has have he her
    his how i if in into is it its me my no not of on or our she so than that the their them
    then there these they this to too was we were what when where which who why will with
    would you your""".split()
)


def search_terms(query: str | None) -> list[str]:
    """The distinct words of a query, lower-cased, in order: all the engines ever see.

    Common words are left out unless the query has nothing else.
    """
    text = unicodedata.normalize("NFKC", query or "")[:MAX_QUERY_LENGTH].lower()
    terms: list[str] = []
    for word in _WORD.findall(text):
        word = word[:MAX_TERM_LENGTH]
        if word not in terms:
            terms.append(word)
    meaningful = [term for term in terms if term not in STOP_WORDS]
    return (meaningful or terms)[:MAX_TERMS]


def search_backend() -> str:
    return {"sqlite": "sqlite", "postgresql": "postgresql"}.get(connection.vendor, "basic")


def search_articles(query: str | None, *, limit: int = 20) -> list[SearchHit]:
    """Articles matching ``query``, best first, each with a snippet. Never raises on input."""
    terms = search_terms(query)
    if not terms or limit <= 0:
        return []
    engine = _ENGINES[search_backend()]
    ranked = engine.rank(terms, limit, every_word=True)
    if len(ranked) < limit and len(terms) > 1:
        # Articles with every word come first; then those with some of them.
        seen = {pk for pk, _ in ranked}
        some = engine.rank(terms, limit, every_word=False)
        ranked += [(pk, score) for pk, score in some if pk not in seen][: limit - len(ranked)]
    if not ranked:
        return []
    ids = [pk for pk, _ in ranked]
    snippets = engine.snippets(terms, ids)
    articles = Article.objects.for_lists().in_bulk(ids)
    return [
        SearchHit(article=articles[pk], rank=score, snippet=_safe_snippet(snippets.get(pk, "")))
        for pk, score in ranked
        if pk in articles
    ]


def _safe_snippet(raw: str) -> SafeString:
    escaped = str(escape(raw))
    opened = escaped.count(_OPEN)
    html = escaped.replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")
    if opened != escaped.count(_CLOSE):  # never expected; keep the markup balanced regardless
        html = str(escape(raw.replace(_OPEN, "").replace(_CLOSE, "")))
    # Escaped above; the only markup is our own <mark> tags.
    return mark_safe(html)  # noqa: S308  # nosec B703 B308


def strip_control_characters(text: str) -> str:
    return "".join(ch if ch in "\n\t" or unicodedata.category(ch) != "Cc" else " " for ch in text)


# SQLite: FTS5 ---------------------------------------------------------------------------


class _Fts5:
    @staticmethod
    def _match(terms: list[str], every_word: bool) -> str:
        # Each word as an FTS5 string: its operators are then only ever plain words.
        return (" AND " if every_word else " OR ").join(f'"{term}"' for term in terms)

    def rank(self, terms: list[str], limit: int, *, every_word: bool) -> list[tuple[int, float]]:
        with connection.cursor() as cursor:
            cursor.execute(
                # bm25() is lower for better matches; a match in the title counts 10 times.
                f"SELECT rowid, bm25({FTS_TABLE}, 10.0, 1.0) AS score FROM {FTS_TABLE} "  # noqa: S608  # nosec B608 (constant table name)
                f"WHERE {FTS_TABLE} MATCH %s ORDER BY score, rowid LIMIT %s",
                [self._match(terms, every_word), limit],
            )
            return [(rowid, -score) for rowid, score in cursor.fetchall()]

    def snippets(self, terms: list[str], ids: list[int]) -> dict[int, str]:
        placeholders = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, snippet({FTS_TABLE}, 1, %s, %s, '…', %s) FROM {FTS_TABLE} "  # noqa: S608  # nosec B608 (placeholders only)
                f"WHERE {FTS_TABLE} MATCH %s AND rowid IN ({placeholders})",
                [_OPEN, _CLOSE, SNIPPET_WORDS, self._match(terms, False), *ids],
            )
            return dict(cursor.fetchall())


def index_article(article: Article) -> None:
    """Bring the search index up to date with ``article``. Call inside the writer's transaction."""
    if connection.vendor == "postgresql":
        Article.objects.filter(pk=article.pk).update(search_document=pg_search_vector())
        return
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [article.pk])  # noqa: S608  # nosec B608
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",  # noqa: S608  # nosec B608
            [article.pk, article.title, article.body_text],
        )


def rebuild_index() -> int:
    """Rebuild the whole index from the articles (after a restore or a bulk load)."""
    if connection.vendor == "postgresql":
        return Article.objects.update(search_document=pg_search_vector())
    if connection.vendor != "sqlite":
        return Article.objects.count()
    rows = list(Article.objects.values_list("pk", "title", "body_text"))
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608  # nosec B608
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",  # noqa: S608  # nosec B608
            rows,
        )
    return len(rows)


# PostgreSQL: full-text search -------------------------------------------------------------


def pg_search_vector():
    """What ``Article.search_document`` holds: the title weighted above the body."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector("title", weight="A", config=PG_CONFIG) + SearchVector(
        "body_text", weight="B", config=PG_CONFIG
    )


class _Postgres:
    @staticmethod
    def _query(terms: list[str], every_word: bool):
        from django.contrib.postgres.search import SearchQuery

        words = [SearchQuery(term, config=PG_CONFIG, search_type="plain") for term in terms]
        return reduce(and_ if every_word else or_, words)

    def rank(self, terms: list[str], limit: int, *, every_word: bool) -> list[tuple[int, float]]:
        from django.contrib.postgres.search import SearchRank

        query = self._query(terms, every_word)
        rows = (
            Article.objects.filter(search_document=query)  # uses the GIN index
            .annotate(score=SearchRank(F("search_document"), query))
            .order_by("-score", "pk")
            .values_list("pk", "score")[:limit]
        )
        return [(pk, float(score)) for pk, score in rows]

    def snippets(self, terms: list[str], ids: list[int]) -> dict[int, str]:
        from django.contrib.postgres.search import SearchHeadline

        headline = SearchHeadline(
            "body_text",
            self._query(terms, False),
            config=PG_CONFIG,
            start_sel=_OPEN,
            stop_sel=_CLOSE,
            max_words=SNIPPET_WORDS,
            min_words=SNIPPET_WORDS // 2,
        )
        rows = Article.objects.filter(pk__in=ids).annotate(snippet=headline)
        return dict(rows.values_list("pk", "snippet"))


# Any other database: a plain scan, correct but slow. Front Door supports only the two above.


class _Basic:
    def rank(self, terms: list[str], limit: int, *, every_word: bool) -> list[tuple[int, float]]:
        from django.db.models import Q

        conditions = [Q(title__icontains=t) | Q(body_text__icontains=t) for t in terms]
        rows = Article.objects.filter(reduce(and_ if every_word else or_, conditions))
        return [(pk, 1.0) for pk in rows.order_by("title").values_list("pk", flat=True)[:limit]]

    def snippets(self, terms: list[str], ids: list[int]) -> dict[int, str]:
        rows = Article.objects.filter(pk__in=ids).values_list("pk", "body_text")
        return {pk: text[:200] for pk, text in rows}


_ENGINES = {"sqlite": _Fts5(), "postgresql": _Postgres(), "basic": _Basic()}
