"""Demo meetings of every type, with agendas, minutes and actions in every state (issue 5).

Run after the front door demo: the daily risk meetings fill their agendas from its contacts,
through the real services at simulated moments, so that the audit trail, the plans and the
"since the last meeting" window read as they would in a real hub. Today's daily risk meeting
is left for a chair to create (Meetings → "Create today's daily risk meeting").
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.agencies.roles import Role
from frontdoor.meetings import actions as plan_actions
from frontdoor.meetings import services
from frontdoor.meetings.models import Meeting, MeetingType
from frontdoor.plans.models import Action
from frontdoor.referrals.models import Contact, Rag

from .front_door import simulated_now


@dataclass
class DemoMeetings:
    meetings: int = 0
    items: int = 0
    actions: int = 0


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), timezone.get_default_timezone())


def _user(username: str) -> Practitioner | None:
    return Practitioner.objects.filter(username=username, is_active=True).first()


def _someone_at(sector: str) -> tuple[Agency | None, Practitioner | None]:
    person = (
        Practitioner.objects.filter(agency__sector=sector, role=Role.FRONTLINE, is_active=True)
        .select_related("agency")
        .order_by("pk")
        .first()
    )
    if person is not None:
        return person.agency, person
    agency = Agency.objects.filter(sector=sector, is_active=True).order_by("pk").first()
    return agency, None


# (what, type, sector of the owner agency)
ACTION_IDEAS = [
    (
        "Visit the mother at home with an IDVA and agree a safety plan",
        "direct",
        "childrens_social_care",
    ),
    (
        "Arrest the partner and seek bail conditions keeping him away from the address",
        "safety",
        "police",
    ),
    (
        "Check in with the child at the start of each school day for two weeks",
        "direct",
        "education",
    ),
    ("Refer the family to the domestic abuse service for support", "referral", "domestic_abuse"),
    (
        "Share the school attendance record for this term with social care",
        "information",
        "education",
    ),
    ("Fit a locksmith-changed door and a panic alarm (target hardening)", "safety", "housing"),
    ("Update the case record and flag the address on the police system", "process", "police"),
    (
        "Offer the father an appointment with the substance misuse service",
        "referral",
        "substance_misuse",
    ),
]
OUTCOMES = {
    Action.Status.DONE: "Done: the family engaged and the plan is in place.",
    Action.Status.COULD_NOT: "Could not: the family moved out of the area before the visit; "
    "the new area's front door has been told.",
    Action.Status.NOT_DONE: "Not done: the task was not picked up while the officer was on leave.",
}


def _record_case(rng, made, item, chair, meeting, states) -> None:
    police, _ = _someone_at("police")
    if police is not None:
        services.information_add(
            item=item,
            by=chair,
            agency=police,
            facts="Two call-outs to the address in the last 3 months; one crime recorded "
            "(assault), suspect on bail.",
            opinion="We think the risk is rising: the incidents are closer together.",
            withheld="The name of the caller: a neighbour who asked not to be identified.",
        )
    services.item_record(
        item=item,
        by=chair,
        expected_version=item.version,
        decisions="Agreed the risk is high. A joint visit within 24 hours; the school to "
        "support the children; review at the next meeting.",
        heard=True,
    )
    item.refresh_from_db()
    for what, kind, sector in rng.sample(ACTION_IDEAS, k=3):
        agency, owner = _someone_at(sector)
        if agency is None:
            continue
        due = timezone.localdate() + timedelta(days=rng.choice([2, 5, 7, 14]))
        action = services.action_record(
            item=item,
            by=chair,
            what=what,
            type=kind,
            owner_agency=agency,
            owner=owner,
            due_on=due,
        )
        made.actions += 1
        states.append(action)


def _present(meeting: Meeting, chair, acknowledged: bool) -> None:
    rows = list(meeting.attendance.select_related("agency"))
    changes = [
        services.AttendanceChange(
            attendance_id=row.pk,
            present=index % 4 != 3,  # most agencies came; some did not
            attendee_name=""
            if index % 4 == 3
            else f"Representative of {row.agency.short_name or row.agency}",
            acknowledged=acknowledged and index % 4 != 3,
        )
        for index, row in enumerate(rows)
    ]
    meeting.refresh_from_db()
    services.attendance_update(
        meeting=meeting, by=chair, expected_version=meeting.version, changes=changes
    )


def _issue(meeting: Meeting, chair) -> None:
    meeting.refresh_from_db()
    services.minutes_issue(meeting=meeting, by=chair, expected_version=meeting.version)


def build_meetings(*, seed: int = 2026) -> DemoMeetings:
    made = DemoMeetings()
    if Meeting.objects.exists():
        return made
    hub_chair, police_chair, csc_chair = (
        _user("csc.manager"),
        _user("police.chair"),
        _user("csc.chair"),
    )
    if not (hub_chair and police_chair and csc_chair):
        return made
    rng = random.Random(seed + 23)  # nosec B311 (repeatable demo data, not security)
    today = timezone.localdate()
    states: list[Action] = []
    with transaction.atomic():
        # A daily risk meeting every morning of the past week: agendas filled from the front door.
        for days_ago in range(7, 0, -1):
            moment = _at(today - timedelta(days=days_ago), 9, 30)
            with simulated_now(moment):
                meeting, _ = services.daily_risk_meeting_create(by=hub_chair)
                made.meetings += 1
                _present(meeting, hub_chair, acknowledged=False)
                for item in list(meeting.items.all()[:3]):
                    _record_case(rng, made, item, hub_chair, meeting, states)
                    made.items += 1
                if meeting.items.exists():
                    _issue(meeting, hub_chair)
                else:
                    meeting.refresh_from_db()
                    services.meeting_mark_held(
                        meeting=meeting, by=hub_chair, expected_version=meeting.version
                    )

        # A MARAC last week: confidentiality acknowledged, cases with children heard first.
        marac_day = today - timedelta(days=6)
        agencies = [
            a
            for a in (
                _someone_at(s)[0]
                for s in (
                    "police",
                    "childrens_social_care",
                    "health",
                    "housing",
                    "education",
                    "domestic_abuse",
                    "probation",
                )
            )
            if a is not None
        ]
        with simulated_now(_at(marac_day, 10)):
            marac = services.meeting_create(
                by=police_chair,
                type=MeetingType.MARAC,
                starts_at=_at(marac_day, 10),
                chair=police_chair,
                title="Northshire MARAC (Preston)",
                agencies=agencies,
            )
            made.meetings += 1
            _present(marac, police_chair, acknowledged=True)
            for title, children in (
                ("Victim AB (MARAC-0412), high risk, DASH 16", False),
                ("Victim CD (MARAC-0413), two children in the household", True),
                ("Victim EF (MARAC-0414), repeat referral", False),
            ):
                item = services.item_add(
                    meeting=marac, by=police_chair, title=title, children_involved=children
                )
                _record_case(rng, made, item, police_chair, marac, states)
                made.items += 1
            _issue(marac, police_chair)

        # A strategy discussion yesterday about the newest red case: held, minutes not issued.
        red = (
            Contact.objects.filter(rag=Rag.RED)
            .exclude(status=Contact.Status.DRAFT)
            .order_by("-submitted_at")
            .first()
        )
        strategy_at = _at(today - timedelta(days=1), 14)
        with simulated_now(strategy_at):
            csc, police = _someone_at("childrens_social_care")[0], _someone_at("police")[0]
            strategy = services.meeting_create(
                by=csc_chair,
                type=MeetingType.STRATEGY,
                starts_at=strategy_at,
                chair=csc_chair,
                agencies=[a for a in (csc, police, _someone_at("health")[0]) if a],
            )
            made.meetings += 1
            item = services.item_add(
                meeting=strategy,
                by=csc_chair,
                contact=red,
                title="" if red else "Child GH, injury seen at nursery",
            )
            _record_case(rng, made, item, csc_chair, strategy, states)
            made.items += 1
            _present(strategy, csc_chair, acknowledged=False)
            strategy.refresh_from_db()
            services.meeting_mark_held(
                meeting=strategy, by=csc_chair, expected_version=strategy.version
            )

        # Planned: a child protection conference and this week's practitioner panel.
        conference = services.meeting_create(
            by=csc_chair,
            type=MeetingType.CP_CONFERENCE,
            starts_at=_at(today + timedelta(days=3), 10),
            chair=csc_chair,
            title="Initial child protection conference",
            agencies=[
                a for a in (_someone_at(s)[0] for s in ("police", "health", "education")) if a
            ],
        )
        services.item_add(
            meeting=conference, by=csc_chair, title="Children IJ and KL", children_involved=True
        )
        panel = services.meeting_create(
            by=police_chair,
            type=MeetingType.PRACTITIONER_PANEL,
            starts_at=_at(today + timedelta(days=1), 13, 30),
            chair=police_chair,
            title="Recurrent individuals panel",
            agencies=[
                a
                for a in (_someone_at(s)[0] for s in ("probation", "housing", "substance_misuse"))
                if a
            ],
            confidentiality_required=True,
        )
        services.item_add(
            meeting=panel, by=police_chair, title="Adult MN: 9 contacts with police in 12 months"
        )
        made.meetings += 2
        made.items += 2

        # Actions in every state: done, could not, not done, in progress, and open.
        cycle = [
            Action.Status.DONE,
            Action.Status.COULD_NOT,
            Action.Status.NOT_DONE,
            Action.Status.IN_PROGRESS,
            Action.Status.OPEN,
        ]
        for index, action in enumerate(states):
            status = cycle[index % len(cycle)]
            if status == Action.Status.OPEN:
                continue
            plan_actions.action_set_status(
                by=action.owner or action.created_by,
                action=action,
                status=status,
                outcome=OUTCOMES.get(status, ""),
            )
    return made
