"""The joint working manual: practice wisdom written and reviewed by practitioners.

An article's text lives on :class:`Article` (the current version) and in every
:class:`ArticleVersion` (the history). ``Article.version`` is the number of the current
version and the token for optimistic locking: an edit names the version it started from.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone


class Topic(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet):
    def for_lists(self) -> ArticleQuerySet:
        return self.select_related("owner", "owner__agency").prefetch_related("topics")

    def due_for_review(self, today=None) -> ArticleQuerySet:
        return self.filter(review_by__lt=today or timezone.localdate())


class Article(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="Markdown")
    # The body as plain text, for search and snippets (kept by the services).
    body_text = models.TextField(blank=True, default="")
    # PostgreSQL only: the weighted title and body, kept by the services and GIN-indexed
    # (migration 0002). Always empty on SQLite, which searches an FTS5 table instead.
    search_document = SearchVectorField(null=True, editable=False)
    topics = models.ManyToManyField(Topic, related_name="articles", blank=True)
    agencies = models.ManyToManyField("agencies.Agency", related_name="manual_articles", blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="manual_articles_owned"
    )
    owner_since = models.DateTimeField()
    review_by = models.DateField(help_text="After this date the article may be out of date")
    last_reviewed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        indexes = [models.Index(fields=["review_by"], name="manual_article_review_by")]

    def __str__(self) -> str:
        return self.title

    def is_possibly_out_of_date(self, today=None) -> bool:
        return self.review_by < (today or timezone.localdate())

    @property
    def possibly_out_of_date(self) -> bool:
        return self.is_possibly_out_of_date()


class ArticleVersion(models.Model):
    """One saved state of an article. Never changed once written."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField()
    summary = models.CharField("Summary of the change", max_length=300)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="manual_versions"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["article", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"], name="manual_version_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article} – version {self.number}"


class Feedback(models.Model):
    """ "Was this helpful?" from a reader, for the article's owner."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="feedback")
    version_number = models.PositiveIntegerField()
    helpful = models.BooleanField()
    comment = models.TextField(blank=True)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="manual_feedback"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "feedback"

    def __str__(self) -> str:
        return f"{'Helpful' if self.helpful else 'Not helpful'}: {self.article}"
