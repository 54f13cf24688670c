"""The manual's panel on an article owner's "My work" page (wired in by core.work)."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from frontdoor.core.work import Panel

from .models import Article, Feedback

RECENT_FEEDBACK = timedelta(days=30)
SHOWN = 5


def manual_panels(practitioner) -> list[Panel]:
    """Articles the practitioner owns: those due for review, and recent feedback on them."""
    owned = Article.objects.filter(owner=practitioner)
    total = owned.count()
    if not total:
        return []
    today = timezone.localdate()
    due = list(owned.filter(review_by__lt=today).order_by("review_by")[:SHOWN])
    due_count = owned.filter(review_by__lt=today).count()
    since = timezone.now() - RECENT_FEEDBACK
    recent = Feedback.objects.filter(article__owner=practitioner, created_at__gte=since)
    commented = (
        owned.filter(feedback__created_at__gte=since)
        .exclude(pk__in=[a.pk for a in due])
        .distinct()
        .order_by("title")[: SHOWN - len(due)]
        if len(due) < SHOWN
        else []
    )
    feedback_count = recent.count()
    summary = (
        f"You own {total} manual article{'s' if total != 1 else ''}; "
        f"{due_count} due for review; "
        f"{feedback_count} piece{'s' if feedback_count != 1 else ''} of feedback in the last 30 days."
    )
    items = [(a.title, reverse("manual:article", args=[a.slug]), "Review due") for a in due] + [
        (a.title, reverse("manual:article", args=[a.slug]) + "#feedback", "New feedback")
        for a in commented
    ]
    return [
        Panel(
            "Manual articles you own",
            summary,
            reverse("manual:out_of_date") if due_count else reverse("manual:index"),
            "See articles that may be out of date" if due_count else "Open the manual",
            items,
        )
    ]
