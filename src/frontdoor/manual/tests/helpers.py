"""Making manual articles for tests, through the real services."""

from __future__ import annotations

from datetime import date

from frontdoor.manual import services
from frontdoor.manual.models import Article


def make_article(
    owner,
    *,
    title: str = "Getting information from a GP",
    body: str = "## Ask the right person\n\nWrite to the practice safeguarding lead.\n",
    slug: str | None = None,
    agencies=(),
    topics=(),
    review_by: date | None = None,
) -> Article:
    return services.article_create(
        by=owner,
        title=title,
        body=body,
        slug=slug,
        agencies=agencies,
        topics=topics,
        review_by=review_by,
    )


def edit_article(article: Article, by, *, body: str, summary: str = "Edited", title=None):
    article.refresh_from_db()
    return services.article_edit(
        article=article,
        by=by,
        base_version=article.version,
        title=title or article.title,
        body=body,
        summary=summary,
    )
