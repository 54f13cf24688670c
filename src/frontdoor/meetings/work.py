"""The meetings panel on "My work" (wired in by core.work): your meetings this week."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from frontdoor.core.work import Panel

from .access import meetings_visible_to

SHOWN = 5


def meeting_panels(practitioner) -> list[Panel]:
    """Meetings this week (Monday to Sunday) that the practitioner chairs or is invited to."""
    visible = meetings_visible_to(practitioner)
    if not visible.exists():
        return []
    today = timezone.localdate()
    start = today - timedelta(days=today.weekday())
    week = visible.filter(
        starts_at__date__gte=start, starts_at__date__lt=start + timedelta(days=7)
    ).order_by("starts_at")
    count = week.count()
    chairing = week.filter(chair=practitioner).count()
    summary = (
        f"{count} meeting{'s' if count != 1 else ''} this week"
        + (f"; you chair {chairing}." if chairing else ".")
        if count
        else "You have no meetings this week."
    )
    return [
        Panel(
            "Your meetings this week",
            summary,
            reverse("meetings:list"),
            "See all your meetings",
            [
                (
                    f"{m} – {timezone.localtime(m.starts_at):%a %d %b, %H:%M}",
                    reverse("meetings:detail", args=[m.pk]),
                    "You chair" if m.chair_id == practitioner.pk else "",
                )
                for m in week[:SHOWN]
            ],
        )
    ]
