"""The partnership map's panel on a partnership manager's "My work" page (wired in by core.work)."""

from __future__ import annotations

from django.urls import reverse

from frontdoor.agencies.roles import Role
from frontdoor.core.work import Panel

from .models.partnership import Body

SHOWN = 5


def partnership_panels(practitioner) -> list[Panel]:
    """Partnership bodies overdue for review, for the partnership managers who keep the map."""
    if practitioner.role != Role.PARTNERSHIP_MANAGER:
        return []
    overdue = Body.objects.overdue_for_review().order_by("review_due", "name")
    count = overdue.count()
    return [
        Panel(
            "Partnership bodies due for review",
            f"{count} partnership bod{'y is' if count == 1 else 'ies are'} overdue for review."
            if count
            else "No partnership body is overdue for review.",
            reverse("directory:partnership_map"),
            "Open the partnership map",
            [
                (
                    body.name,
                    reverse("directory:partnership_body", args=[body.pk]),
                    f"Review was due {body.review_due:%-d %B %Y}",
                )
                for body in overdue[:SHOWN]
            ],
        )
    ]
