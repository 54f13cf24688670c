"""The supervision panel on "My work" for supervisors and practitioners (wired in by core.work)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from frontdoor.core.work import Panel

from .access import open_actions_owned_by, relationships_for
from .services import standing_of


def supervision_panels(practitioner) -> list[Panel]:
    """Each current supervision, when the next session is due, and the actions I agreed to."""
    current = relationships_for(practitioner).filter(ended_on__isnull=True)
    standings = standing_of(current)
    if not standings:
        return []
    today = timezone.localdate()
    overdue = [s for s in standings if s.overdue]
    actions = open_actions_owned_by(practitioner)
    late_actions = actions.filter(due_on__lt=today).count()
    items = []
    for s in sorted(standings, key=lambda s: s.due_on):
        r = s.relationship
        text = (
            f"Supervising {r.supervisee}"
            if r.supervisor_id == practitioner.pk
            else f"Supervision with {r.supervisor}"
        )
        items.append(
            (
                f"{text}: due by {s.due_on.day} {s.due_on:%b %Y}",
                reverse("supervision:relationship", args=[r.pk]),
                "Overdue" if s.overdue else "",
            )
        )
    open_count = actions.count()
    summary = (
        f"{len(overdue)} of your {len(standings)} supervision"
        f"{'s' if len(standings) != 1 else ''} overdue. "
        if overdue
        else "Your supervision is up to date. "
    ) + (
        f"You have {open_count} open agreed action{'s' if open_count != 1 else ''}"
        f"{f', {late_actions} overdue' if late_actions else ''}."
        if open_count
        else "You have no open agreed actions."
    )
    return [
        Panel("Supervision", summary, reverse("supervision:index"), "Open my supervision", items)
    ]
