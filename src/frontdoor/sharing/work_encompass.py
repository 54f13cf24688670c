"""Operation Encompass on "My work": DSLs see what to acknowledge, the police what is unread."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from frontdoor.core.work import Panel

from .access_encompass import (
    HOLIDAY_KEEPERS,
    is_police,
    is_school_dsl,
    notifications_visible_to,
)

SHOWN = 5


def encompass_panels(practitioner) -> list[Panel]:
    if practitioner.role in HOLIDAY_KEEPERS:
        return [
            Panel(
                "School holidays",
                "Operation Encompass notifications are due at the start of the next school "
                "day: keep the school holidays and training days up to date.",
                reverse("sharing:encompass_holidays"),
                "Keep the school holidays",
            )
        ]
    now = timezone.now()
    waiting = notifications_visible_to(practitioner).filter(acknowledged_at__isnull=True)
    if is_school_dsl(practitioner):
        count = waiting.count()
        return [
            Panel(
                "Operation Encompass notifications to acknowledge",
                f"{count} notification{'s' if count != 1 else ''} from the police to read and "
                "acknowledge."
                if count
                else "No notifications from the police are waiting.",
                reverse("sharing:encompass"),
                "Open your school's notifications",
                [
                    (
                        n.child_name,
                        reverse("sharing:encompass_detail", args=[n.pk]),
                        "Overdue" if n.due_at <= now else "",
                    )
                    for n in waiting.order_by("due_at", "pk")[:SHOWN]
                ],
            )
        ]
    if is_police(practitioner):
        overdue = waiting.filter(due_at__lte=now).order_by("due_at", "pk")
        count = overdue.count()
        return [
            Panel(
                "Unacknowledged Operation Encompass notifications",
                f"{count} notification{'s' if count != 1 else ''} not acknowledged by the school "
                "by the start of the school day: phone the school."
                if count
                else "Every notification due so far has been acknowledged.",
                reverse("sharing:encompass") + "?status=overdue",
                "See the unacknowledged notifications",
                [
                    (
                        f"{n.police_reference}: {n.school.name}",
                        reverse("sharing:encompass_detail", args=[n.pk]),
                        "Overdue",
                    )
                    for n in overdue[:SHOWN]
                ],
            )
        ]
    return []
