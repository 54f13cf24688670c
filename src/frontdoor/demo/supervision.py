"""Demo reflective supervision: who supervises whom, with sessions and agreed actions.

Made through the real services at simulated past moments, so dates, edit history, messages
and the audit trail read as they would in use. ``csc.frontline`` (Chloe Brennan) is
supervised by ``csc.hub`` (Tomasz Nowicki), with sessions, an edited session, a linked case
and agreed actions; Tomasz's own supervision by ``csc.manager`` is overdue. Every reflection
is invented.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from frontdoor.agencies.models import Practitioner

from .front_door import simulated_now

REFLECTIONS = [
    "We went through the three new allocations. Chloe felt the strategy discussion for the "
    "youngest child was rushed and that the school's view was not heard. We agreed she will "
    "ask the chair for the school to be invited next time.",
    "Reflected on the home visit where the father was hostile. Chloe handled it calmly and "
    "left when it escalated, which was the right call. We talked about lone working and "
    "booking a joint visit with the police next time.",
    "Talked about the pull between the court timetable and the family's pace. Chloe is "
    "carrying a lot of evening recording. We looked at which cases could be stepped down "
    "and agreed to protect Friday afternoons for recording.",
    "Case discussion on neglect: what 'good enough' looks like and how to evidence change "
    "over time. Chloe will use the graded care profile on the next visit.",
    "Reflected on a difficult conversation with a mother who felt judged. We talked about "
    "curiosity rather than certainty, and about what the family would say about us.",
]
MANAGER_REFLECTIONS = [
    "Tomasz talked about the volume in the hub this month and the pressure of red-rated "
    "contacts late on Fridays. We agreed he will raise the out-of-hours handover at the "
    "partnership meeting.",
    "Reflected on supervising newly qualified staff while carrying his own caseload. "
    "Tomasz wants to do the practice educator course.",
]
WELLBEING_NOTES = [
    "",
    "Tired after a run of late visits; taking leave next week.",
    "Feeling more settled since the team moved back to the office.",
    "",
]
ACTIONS = [
    ("Ask the conference chair to invite the school to the next meeting", "supervisee", 7),
    ("Book a joint visit with the neighbourhood policing team", "supervisee", 10),
    ("Look into a stepped-down caseload for two cases before court", "supervisor", 14),
    ("Read the graded care profile guidance before the next visit", "supervisee", 21),
]


@dataclass
class DemoSupervision:
    relationships: int = 0
    sessions: int = 0
    actions: int = 0


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 30), timezone.get_default_timezone())


def _practitioner(username: str) -> Practitioner | None:
    return Practitioner.objects.filter(username=username, is_active=True).first()


def build_supervision(*, seed: int = 2026) -> DemoSupervision:
    """Load demo supervision into a demo partnership (after the front door demo)."""
    from frontdoor.referrals.access import contacts_visible_to
    from frontdoor.supervision import services
    from frontdoor.supervision.models import Relationship

    made = DemoSupervision()
    if Relationship.objects.exists():
        return made
    rng = random.Random(seed + 17)  # nosec B311 (repeatable demo data, not security)
    chloe, tomasz = _practitioner("csc.frontline"), _practitioner("csc.hub")
    yasmin, admin = _practitioner("csc.manager"), _practitioner("admin")
    if not (chloe and tomasz and yasmin):
        return made
    today = timezone.localdate()
    with transaction.atomic():
        # Chloe, supervised by Tomasz every four weeks (the default), up to date.
        start = today - timedelta(weeks=22)
        with simulated_now(_at(start, 9)):
            chloe_supervision = services.relationship_set_up(
                by=yasmin, supervisor=tomasz, supervisee=chloe, started_on=start
            )
        made.relationships += 1
        cases = list(
            contacts_visible_to(chloe)
            .filter(reference__isnull=False)
            .order_by("submitted_at")
            .values_list("reference", flat=True)[:2]
        )
        sessions = []
        for number, weeks_ago in enumerate((20, 16, 12, 7, 2)):
            held = today - timedelta(weeks=weeks_ago, days=rng.randint(0, 2))
            author = chloe if number % 2 == 0 else tomasz
            with simulated_now(_at(held, 15)):
                session = services.session_record(
                    relationship=chloe_supervision,
                    by=author,
                    held_on=held,
                    reflections=REFLECTIONS[number],
                    wellbeing=rng.choice([3, 3, 4, 4, 2]),
                    wellbeing_note=WELLBEING_NOTES[number % len(WELLBEING_NOTES)],
                    case_references=cases[: 1 + number % 2] if number >= 3 else [],
                )
            sessions.append(session)
            made.sessions += 1
        # Tomasz added to the latest record the next day: Chloe sees what he changed.
        latest = sessions[-1]
        with simulated_now(_at(latest.held_on + timedelta(days=1), 10)):
            services.session_edit(
                session=latest,
                by=tomasz,
                base_version=latest.version,
                held_on=latest.held_on,
                reflections=latest.reflections
                + " Chloe's reflection on her own practice here was thoughtful.",
                wellbeing=latest.wellbeing,
                wellbeing_note=latest.wellbeing_note,
                case_references=list(latest.cases.values_list("reference", flat=True)),
            )
        for (description, who, due_in), session in zip(ACTIONS, sessions[1:], strict=True):
            owner = chloe if who == "supervisee" else tomasz
            with simulated_now(_at(session.held_on, 16)):
                action = services.action_add(
                    session=session,
                    by=tomasz,
                    description=description,
                    owner=owner,
                    due=session.held_on + timedelta(days=due_in),
                )
            made.actions += 1
            if session is not sessions[-1]:
                with simulated_now(_at(action.due_on, 12)):
                    services.action_edit(
                        action=action,
                        by=owner,
                        base_version=action.version,
                        description=action.description,
                        owner=owner,
                        due=action.due_on,
                        done=True,
                    )

        # Tomasz, supervised by Yasmin: overdue (last session seven weeks ago).
        start = today - timedelta(weeks=30)
        with simulated_now(_at(start, 9)):
            tomasz_supervision = services.relationship_set_up(
                by=admin or yasmin, supervisor=yasmin, supervisee=tomasz, started_on=start
            )
        made.relationships += 1
        for number, weeks_ago in enumerate((12, 7)):
            held = today - timedelta(weeks=weeks_ago)
            with simulated_now(_at(held, 11)):
                services.session_record(
                    relationship=tomasz_supervision,
                    by=yasmin,
                    held_on=held,
                    reflections=MANAGER_REFLECTIONS[number],
                    wellbeing=3,
                )
            made.sessions += 1

        # A police pair on a six-weekly policy, and a new supervision with no session yet.
        police_manager, police_hub = _practitioner("police.manager"), _practitioner("police.hub")
        if police_manager and police_hub:
            services.policy_set(
                agency=police_hub.agency,
                by=police_manager,
                expected_version=services.policy_version_for(police_hub.agency_id),
                frequency_weeks=6,
            )
            start = today - timedelta(weeks=3)
            with simulated_now(_at(start, 9)):
                services.relationship_set_up(
                    by=police_manager,
                    supervisor=police_manager,
                    supervisee=police_hub,
                    started_on=start,
                )
            made.relationships += 1
    return made
