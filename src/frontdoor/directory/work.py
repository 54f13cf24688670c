"""The directory's panel on a curator's "My work" page (wired in by core.work)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from frontdoor.core.work import Panel

from .access import open_suggestions_for, services_curated_by

SHOWN = 5


def directory_panels(practitioner) -> list[Panel]:
    """Services the practitioner looks after that are overdue for review, and suggestions."""
    curated = services_curated_by(practitioner).public()
    if not curated.exists():
        return []
    overdue = curated.possibly_out_of_date(timezone.localdate()).order_by("last_reviewed", "name")
    overdue_count = overdue.count()
    waiting = open_suggestions_for(practitioner)
    waiting_count = waiting.count()
    summary = (
        f"{overdue_count} service{'s' if overdue_count != 1 else ''} you look after "
        f"{'is' if overdue_count == 1 else 'are'} overdue for review; "
        f"{waiting_count} suggested change{'s' if waiting_count != 1 else ''} waiting."
    )
    items = [
        (s.service.name, reverse("directory:curation_suggestion", args=[s.pk]), "Suggestion")
        for s in waiting[:SHOWN]
    ] + [
        (s.name, reverse("directory:service", args=[s.pk]) + "#curating", "Review overdue")
        for s in overdue[:SHOWN]
    ]
    return [
        Panel(
            "Directory services you look after",
            summary,
            reverse("directory:curation_queue"),
            "Check suggestions and overdue services",
            items,
        )
    ]
