"""The plans panel on "My work" (wired in by core.work): my overdue actions, plans due for review."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.roles import CASEWORK_ROLES, Role
from frontdoor.core.work import Panel

from . import access
from .models import Action, Plan

SHOWN = 5


def plan_panels(practitioner) -> list[Panel]:
    panels = _my_actions_panel(practitioner)
    today = timezone.localdate()
    if access.may(practitioner, access.OVERDUE):
        count = access.overdue_actions_for(practitioner, today).count()
        whose = (
            "across the partnership"
            if practitioner.role == Role.MEETING_CHAIR
            else "at your agency"
        )
        panels.append(
            Panel(
                "Overdue actions",
                f"{count} open action{'s' if count != 1 else ''} on plans {whose} "
                f"{'are' if count != 1 else 'is'} past {'their' if count != 1 else 'its'} due date.",
                reverse("plans:overdue"),
                "See overdue actions",
            )
        )
    if access.may(practitioner, access.ACTION_MIX):
        panels.append(
            Panel(
                "Action mix",
                "How many actions on multi-agency plans directly engage the person.",
                reverse("plans:action_mix"),
                "See the action mix",
            )
        )
    return panels


def _my_actions_panel(practitioner) -> list[Panel]:
    if practitioner.role not in CASEWORK_ROLES:
        return []
    today = timezone.localdate()
    mine = access.actions_owned_by(practitioner).filter(status__in=Action.OPEN_STATUSES)
    overdue = mine.filter(due_on__lt=today).order_by("due_on", "pk")
    reviewing = Q(lead_professional=practitioner)
    if practitioner.role == Role.HUB_MANAGER:
        reviewing |= Q(created_by=practitioner)
    due_review = (
        access.plans_visible_to(practitioner)
        .filter(reviewing, status=Plan.Status.OPEN, review_on__lte=today)
        .order_by("review_on", "pk")
    )
    open_count, overdue_count, review_count = mine.count(), overdue.count(), due_review.count()
    if not (open_count or review_count):
        return []
    items = [
        (a.what[:80], reverse("plans:action_update", args=[a.pk]), "Overdue")
        for a in overdue[:SHOWN]
    ] + [(p.title, reverse("plans:plan", args=[p.pk]), "Review due") for p in due_review[:SHOWN]]
    summary = (
        f"You own {open_count} open action{'s' if open_count != 1 else ''}; "
        f"{overdue_count} overdue; {review_count} plan{'s' if review_count != 1 else ''} "
        "due for review."
    )
    return [Panel("My actions", summary, reverse("plans:my_actions"), "See your actions", items)]
