"""The governance panels on "My work": records due for review (owners) and open subject access
requests near or past their deadline (administrators)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from frontdoor.core.work import Panel

from . import access
from .models import SubjectAccessRequest
from .retention import count_due_for, due_for

SHOWN = 5


def governance_panels(practitioner) -> list[Panel]:
    panels: list[Panel] = []
    today = timezone.localdate()
    count = count_due_for(practitioner, today=today)
    if count:
        due = due_for(practitioner, today=today, limit=SHOWN)
        panels.append(
            Panel(
                "Records due for review",
                f"{count} record{'s' if count != 1 else ''} you own "
                f"{'have' if count != 1 else 'has'} reached the end of the retention period.",
                reverse("governance:reviews"),
                "Review them",
                [
                    (
                        d.label,
                        reverse("governance:review", args=[d.record_type.key, d.obj.pk]),
                        "Review due",
                    )
                    for d in due[:SHOWN]
                ],
            )
        )
    if access.may(practitioner, access.SAR):
        open_requests = list(
            access.requests_list()
            .filter(status=SubjectAccessRequest.Status.OPEN)
            .order_by("due_on")
        )
        overdue = [r for r in open_requests if r.state(today) == "overdue"]
        panels.append(
            Panel(
                "Subject access requests",
                f"{len(open_requests)} open; {len(overdue)} overdue.",
                reverse("governance:sar_list"),
                "Open the requests",
                [
                    (
                        f"Request {r.pk}, due {r.deadline:%d %b %Y}",
                        reverse("governance:sar", args=[r.pk]),
                        "Overdue" if r.state(today) == "overdue" else "",
                    )
                    for r in open_requests[:SHOWN]
                ],
            )
        )
        panels.append(
            Panel(
                "Retention rules",
                "How long each kind of record is kept before its review, and what was disposed of.",
                reverse("governance:rules"),
                "Open the retention rules",
            )
        )
    return panels
