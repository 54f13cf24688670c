"""Every write to the manual: keyword-only, typed, atomic, audited, and kept searchable."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.errors import ConflictError
from frontdoor.core.outbox import outbox_write

from .models import Article, ArticleVersion, Feedback, Topic
from .rendering import markdown_to_text
from .search import index_article, strip_control_characters

DEFAULT_REVIEW_PERIOD = timedelta(days=365)
FIRST_VERSION = "First version"
CONFLICT = (
    "Someone else saved a new version of this article while you were editing it. "
    "Your changes have not been saved: copy them, open the latest version and make them again."
)


def _slug_for(title: str, slug: str | None) -> str:
    base = slugify(slug or title)[:100] or "article"
    candidate, n = base, 2
    while Article.objects.filter(slug=candidate).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def article_create(
    *,
    by: Practitioner,
    title: str,
    body: str,
    topics: Iterable[Topic] = (),
    agencies: Iterable[Agency] = (),
    owner: Practitioner | None = None,
    review_by: date | None = None,
    slug: str | None = None,
    summary: str = FIRST_VERSION,
    now: datetime | None = None,
) -> Article:
    """Write a new article as version 1. Its writer owns it unless another owner is named."""
    now = now or timezone.now()
    body = strip_control_characters(body)
    with transaction.atomic():
        article = Article.objects.create(
            slug=_slug_for(title, slug),
            title=title,
            body=body,
            body_text=markdown_to_text(body),
            owner=owner or by,
            owner_since=now,
            review_by=review_by or (timezone.localdate(now) + DEFAULT_REVIEW_PERIOD),
            version=1,
            created_at=now,
            updated_at=now,
        )
        article.topics.set(topics)
        article.agencies.set(agencies)
        ArticleVersion.objects.create(
            article=article,
            number=1,
            title=title,
            body=body,
            summary=summary,
            author=by,
            created_at=now,
        )
        index_article(article)
        audit_record(
            actor=by, verb=Verb.CREATE, obj=article, reason="Wrote a joint working manual article"
        )
    return article


def article_edit(
    *,
    article: Article,
    by: Practitioner,
    base_version: int,
    title: str,
    body: str,
    summary: str,
    topics: Iterable[Topic] | None = None,
    agencies: Iterable[Agency] | None = None,
    now: datetime | None = None,
) -> ArticleVersion:
    """Save an edit as the next version, unless someone saved one since ``base_version``."""
    now = now or timezone.now()
    body = strip_control_characters(body)
    topics = None if topics is None else list(topics)
    agencies = None if agencies is None else list(agencies)
    unchanged = (
        title == article.title
        and body == article.body
        and (
            topics is None
            or {t.pk for t in topics} == set(article.topics.values_list("pk", flat=True))
        )
        and (
            agencies is None
            or {a.pk for a in agencies} == set(article.agencies.values_list("pk", flat=True))
        )
    )
    if unchanged and base_version == article.version:
        raise ValidationError("You have not changed anything. Change the article before saving it.")
    with transaction.atomic():
        saved = Article.objects.filter(pk=article.pk, version=base_version).update(
            version=F("version") + 1,
            title=title,
            body=body,
            body_text=markdown_to_text(body),
            updated_at=now,
        )
        if not saved:
            raise ConflictError(CONFLICT)
        article.refresh_from_db()
        if topics is not None:
            article.topics.set(topics)
        if agencies is not None:
            article.agencies.set(agencies)
        version = ArticleVersion.objects.create(
            article=article,
            number=article.version,
            title=title,
            body=body,
            summary=summary,
            author=by,
            created_at=now,
        )
        index_article(article)
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=article,
            reason="Edited a joint working manual article",
            details={"version": version.number, "summary": summary[:300]},
        )
    return version


def article_look_after(
    *,
    article: Article,
    by: Practitioner,
    owner: Practitioner,
    review_by: date,
    now: datetime | None = None,
) -> Article:
    """Set who owns the article and when it is next reviewed; a new owner is told."""
    now = now or timezone.now()
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        new_owner = owner.pk != article.owner_id
        changes = {"review_by": review_by, "last_reviewed_at": now}
        if new_owner:
            changes.update(owner=owner, owner_since=now)
        for field, value in changes.items():
            setattr(article, field, value)
        article.save(update_fields=list(changes))
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=article,
            reason="Set the owner and review date of a manual article",
            details={"owner": owner.username, "review_by": review_by.isoformat()},
        )
        if new_owner and owner.pk != by.pk:
            outbox_write(
                recipient=owner,
                subject=f"You now look after the manual article “{article.title}”",
                body=(
                    f"{by} has made you the owner of the joint working manual article "
                    f"“{article.title}”. Please review it by {review_by.day} {review_by:%B %Y}."
                ),
                dedupe_key=f"manual:owner:{article.pk}:{owner.pk}:{now.isoformat()}",
                link=reverse("manual:article", args=[article.slug]),
            )
    return article


def feedback_give(
    *,
    article: Article,
    by: Practitioner,
    helpful: bool,
    comment: str = "",
    now: datetime | None = None,
) -> Feedback:
    """Record "was this helpful?" and tell the owner, in the same transaction."""
    now = now or timezone.now()
    comment = strip_control_characters(comment).strip()
    with transaction.atomic():
        feedback = Feedback.objects.create(
            article=article,
            version_number=article.version,
            helpful=helpful,
            comment=comment,
            given_by=by,
            created_at=now,
        )
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=feedback,
            reason="Gave feedback on a joint working manual article",
        )
        if article.owner_id == by.pk:
            return feedback  # no message to oneself
        verdict = "helpful" if helpful else "not helpful"
        agency = f" ({by.agency})" if by.agency_id else ""
        outbox_write(
            recipient=article.owner,
            subject=f"Feedback on “{article.title}”: {verdict}",
            body=(
                f"{by}{agency} found the manual article “{article.title}” {verdict}."
                + (f"\n\nTheir comment:\n{comment}" if comment else "")
            ),
            dedupe_key=f"manual:feedback:{feedback.pk}",
            link=reverse("manual:article", args=[article.slug]) + "#feedback",
        )
    return feedback


def topic_create(*, by: Practitioner | None, name: str, description: str = "") -> Topic:
    with transaction.atomic():
        topic = Topic.objects.create(name=name, slug=slugify(name)[:100], description=description)
        audit_record(actor=by, verb=Verb.CREATE, obj=topic, reason="Added a manual topic")
    return topic
