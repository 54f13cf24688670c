"""The action mix: how many of the actions directly engage the person.

Research on panels found only 20% of actions were a direct attempt to engage the victim or
offender; the rest were referrals, information sharing, enforcement and process. A panel sees
its own mix here. Rows hold counts and percentages only, never a person or a case.

Reuse :func:`action_mix` for any set of actions (a meeting's, an agency's, the dashboard's)::

    rows = action_mix(Action.objects.filter(...))               # one row: all the actions
    rows = action_mix(actions, group_by="agency")               # a row per owner agency + total
    rows = action_mix(actions, group_by="plan")                 # a row per plan + total
    rows = action_mix(actions, group_by="meeting")              # a row per meeting + total
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils import timezone

from .models import Action

TYPES = tuple(Action.Type.values)
TYPE_LABELS = dict(Action.Type.choices)
TOTAL = "All actions"


def percent(part: int, whole: int) -> float | None:
    """Percentage to one decimal place (as the dashboard's figures), None when nothing to share."""
    return round(100 * part / whole, 1) if whole else None


@dataclass
class MixRow:
    label: str
    key: object = None  # the agency's or plan's id; None for the total row
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def direct(self) -> int:
        return self.counts[Action.Type.DIRECT]

    @property
    def direct_share(self) -> float | None:
        """The percentage of the actions that are direct engagement with the person."""
        return percent(self.direct, self.total)

    @property
    def is_total(self) -> bool:
        return self.key is None

    def shares(self) -> list[tuple[str, str, int, float | None]]:
        """(type, label, count, percentage) for every type, in the order of the types."""
        return [
            (t, TYPE_LABELS[t], self.counts[t], percent(self.counts[t], self.total)) for t in TYPES
        ]


def action_mix(actions: QuerySet[Action], group_by: str | None = None) -> list[MixRow]:
    """Count ``actions`` by type. With ``group_by`` ("agency", "plan" or "meeting") a row per
    group comes first, in order of label, and the last row is the total; without it, just the
    total row. By meeting, an action counts for each meeting that agreed it, and actions agreed
    outside a meeting are only in the total. No actions: no rows."""
    if group_by is not None and group_by not in ("agency", "plan", "meeting"):
        raise ValueError(f"cannot group the action mix by {group_by!r}")
    fields = ["type"]
    if group_by == "agency":
        fields += ["owner_agency_id", "owner_agency__name"]
    elif group_by == "plan":
        fields += ["plan_id"]
    if group_by == "meeting":
        return _by_meeting(actions)
    counted = actions.order_by().values(*fields).annotate(n=Count("pk"))
    total = MixRow(TOTAL)
    groups: dict[object, MixRow] = defaultdict(lambda: MixRow(""))
    for item in counted:
        total.counts[item["type"]] += item["n"]
        if group_by == "agency":
            row = groups[item["owner_agency_id"]]
            row.key, row.label = item["owner_agency_id"], item["owner_agency__name"]
            row.counts[item["type"]] += item["n"]
        elif group_by == "plan":
            row = groups[item["plan_id"]]
            row.key, row.label = item["plan_id"], f"Plan {item['plan_id']}"
            row.counts[item["type"]] += item["n"]
    if not total.total:
        return []
    ordered = sorted(groups.values(), key=lambda r: (r.label, r.key))
    if group_by == "plan":
        ordered = sorted(groups.values(), key=lambda r: r.key)
    return [*ordered, total]


def _by_meeting(actions: QuerySet[Action]) -> list[MixRow]:
    from frontdoor.meetings.models import MeetingType

    types = dict(MeetingType.choices)
    total = MixRow(TOTAL)
    for item in actions.order_by().values("type").annotate(n=Count("pk")):
        total.counts[item["type"]] += item["n"]
    if not total.total:
        return []
    groups: dict[object, MixRow] = {}
    counted = (
        actions.filter(agenda_items__isnull=False)
        .order_by()
        .values(
            "type",
            "agenda_items__meeting_id",
            "agenda_items__meeting__type",
            "agenda_items__meeting__starts_at",
        )
        .annotate(n=Count("pk", distinct=True))
    )
    for item in counted:
        key = item["agenda_items__meeting_id"]
        if key not in groups:
            when = timezone.localtime(item["agenda_items__meeting__starts_at"])
            label = f"{types[item['agenda_items__meeting__type']]}, {when:%-d %B %Y %H:%M}"
            groups[key] = MixRow(label, key=key)
        groups[key].counts[item["type"]] += item["n"]
    return [*sorted(groups.values(), key=lambda r: r.key), total]
