"""The disagreements panel on "My work" (wired in by core.work): overdue levels prompt escalation."""

from __future__ import annotations

from django.urls import reverse

from frontdoor.core.work import Panel

from .access import open_disagreements_to_act_on


def disagreement_panels(practitioner) -> list[Panel]:
    waiting = open_disagreements_to_act_on(practitioner)
    if not waiting:
        return []
    overdue = [d for d in waiting if d.is_overdue]
    items = [
        (
            f"{d.contact.reference}: {d.raised_by_agency} with {d.other_agency}, level {d.level}"
            + (" is past its deadline – escalate or resolve it" if d.is_overdue else ""),
            reverse("disagreements:detail", args=[d.pk]),
            "Overdue" if d.is_overdue else "",
        )
        for d in sorted(waiting, key=lambda d: (not d.is_overdue, d.level_due_at))[:5]
    ]
    summary = (
        f"{len(waiting)} open disagreement{'s' if len(waiting) != 1 else ''} you can act on"
        + (f"; {len(overdue)} overdue." if overdue else ".")
    )
    return [
        Panel(
            "Professional disagreements",
            summary,
            reverse("disagreements:mine"),
            "See your disagreements",
            items,
        )
    ]
