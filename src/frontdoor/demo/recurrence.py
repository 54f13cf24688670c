"""Demo recurrence: the default cohort rule, a recompute after the force's incidents are
loaded, and the top of the ranked list put forward to the week's practitioner panel.

Runs after ``build_incidents`` (demo_load). Idempotent: if a scoring run exists it does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontdoor.agencies.models import Practitioner
from frontdoor.incidents.models import RecurrenceRun
from frontdoor.incidents.services_recurrence import panel_select, recurrence_recompute, rule_default
from frontdoor.meetings.models import Meeting, MeetingType

PANEL_REASON = (
    "Top of this month's recurrence list: repeat incidents with rising harm; "
    "the panel to agree one direct engagement action each"
)


@dataclass
class DemoRecurrence:
    run: RecurrenceRun | None
    selected: int


def build_recurrence(*, seed: int = 7) -> DemoRecurrence:
    if RecurrenceRun.objects.exists():
        return DemoRecurrence(None, 0)
    analyst = (
        Practitioner.objects.filter(role="analyst", agency__sector="police").order_by("pk").first()
    )
    analyst = analyst or Practitioner.objects.filter(role="analyst").order_by("pk").first()
    rule = rule_default()
    run = recurrence_recompute(rule=rule, by=analyst)
    panel = (
        Meeting.objects.filter(type=MeetingType.PRACTITIONER_PANEL, status=Meeting.Status.PLANNED)
        .order_by("starts_at")
        .first()
    )
    top = [m.person for m in run.members.select_related("person").order_by("rank")[:3]]
    if panel is None or analyst is None or not top:
        return DemoRecurrence(run, 0)
    panel_select(run=run, people=top, meeting=panel, reason=PANEL_REASON, by=analyst)
    return DemoRecurrence(run, len(top))
