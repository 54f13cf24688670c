"""Demo MARAC referrals (issue 5, item 2): DASH risk checklists completed by the police and an
IDVA, three referred to next week's MARAC (one a repeat, heard five months ago; one by
escalation; one on professional judgement) and one below the criteria. Run after
``build_meetings``. Repeatable: it adds nothing if any DASH exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from frontdoor.meetings import dash_2009, marac, services
from frontdoor.meetings.models import (
    AgendaItem,
    Checklist,
    DashAssessment,
    MeetingType,
    Question,
)
from frontdoor.people.models import Person

from .front_door import simulated_now
from .meetings import _at, _present, _someone_at, _user


@dataclass
class DemoMarac:
    assessments: int = 0
    referrals: int = 0


# (victim, completed as, yes answers, police incidents, judgement, refer, heard before)
CASES = [
    ("Marisol Brightwater", "idva", 16, 2, "", True, True),
    ("Kezia Tamberlain", "police", 13, 3, "", True, False),
    (
        "Ottilie Fenwright",
        "idva",
        11,
        1,
        "Strangled last week and believes he will kill her",
        True,
        False,
    ),
    ("Delphine Ashcombe", "police", 9, 0, "", False, False),
]


def build_marac(*, seed: int = 2026) -> DemoMarac:
    made = DemoMarac()
    if DashAssessment.objects.exists():
        return made
    chair, officer = _user("police.chair"), _user("police.frontline")
    if not (chair and officer):
        return made
    da_service, idva = _someone_at("domestic_abuse")
    idva_name = str(idva) if idva else "Robin Hale"
    idva_service = str(da_service) if da_service else "Northshire IDVA Service"
    checklist = dash_2009.load(Checklist, Question)
    today = timezone.localdate()
    agencies = [
        a
        for a in (
            _someone_at(s)[0]
            for s in ("police", "childrens_social_care", "health", "housing", "domestic_abuse")
        )
        if a is not None
    ]
    with transaction.atomic():
        earlier_day = today - timedelta(days=152)
        with simulated_now(_at(earlier_day, 10)):
            earlier = services.meeting_create(
                by=chair,
                type=MeetingType.MARAC,
                starts_at=_at(earlier_day, 10),
                chair=chair,
                title="Northshire MARAC (Lancaster)",
                agencies=agencies,
            )
        upcoming = services.meeting_create(
            by=chair,
            type=MeetingType.MARAC,
            starts_at=_at(today + timedelta(days=7), 10),
            chair=chair,
            title="Northshire MARAC (Preston), next week",
            agencies=agencies,
        )
        for name, completed_as, yes, incidents, judgement, refer, heard in CASES:
            given, family = name.split(" ", 1)
            person = Person.objects.create(given_names=given, family_name=family)
            if heard:
                with simulated_now(_at(earlier_day, 10, 30)):
                    item = services.item_add(meeting=earlier, by=chair, title=name)
                    AgendaItem.objects.filter(pk=item.pk).update(person=person)
                    item.refresh_from_db()
                    services.item_record(
                        item=item,
                        by=chair,
                        expected_version=item.version,
                        decisions="Police to flag the address; housing to fit extra locks.",
                        heard=True,
                    )
            by = idva if completed_as == "idva" and idva else officer
            assessment = marac.dash_complete(
                by=by,
                checklist=checklist,
                victim_name=name,
                completed_as=completed_as if by is not officer else "police",
                completed_on=today - timedelta(days=2),
                answers={n: ("yes" if n <= yes else "no") for n in range(1, 25)},
                person=person,
                victim_comments="I want it to stop. I don't want to leave my home.",
                professional_judgement=bool(judgement),
                judgement_reason=judgement,
                police_incidents_12_months=incidents,
            )
            made.assessments += 1
            if refer:
                marac.marac_refer(
                    assessment=assessment,
                    by=by,
                    meeting=upcoming,
                    idva_name=idva_name,
                    idva_service=idva_service,
                    victim_views="She wants to stay in her home and for the children to stay at their school.",
                    children_involved=yes % 2 == 0,
                )
                made.referrals += 1
        with simulated_now(_at(earlier_day, 12)):
            _present(earlier, chair, acknowledged=True)
            earlier.refresh_from_db()
            services.minutes_issue(meeting=earlier, by=chair, expected_version=earlier.version)
    return made
