"""MARAC in full: the referral criteria (a pure function), completing a DASH risk checklist,
referring a victim to a MARAC meeting with the repeat flag, and each agency's research.

Thresholds are settings (defaults are the SafeLives recommended referral criteria):
``MARAC_DASH_YES_THRESHOLD`` (14 "yes" answers), ``MARAC_ESCALATION_INCIDENTS`` (3
police-recorded incidents in the past 12 months) and ``MARAC_REPEAT_MONTHS`` (12).
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from frontdoor.agencies.models import Practitioner
from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record

from . import services
from .models import (
    AgendaItem,
    Answer,
    Attendance,
    Checklist,
    DashAnswer,
    DashAssessment,
    InformationShared,
    MaracCase,
    Meeting,
    MeetingType,
)

DEFAULTS = {
    "MARAC_DASH_YES_THRESHOLD": 14,
    "MARAC_ESCALATION_INCIDENTS": 3,
    "MARAC_REPEAT_MONTHS": 12,
}


def setting(name: str) -> int:
    return int(getattr(settings, name, DEFAULTS[name]))


# The referral criteria (pure) -----------------------------------------------------------


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    why: str


@dataclass(frozen=True)
class ReferralCriteria:
    yes_count: int
    met: tuple[Criterion, ...]
    refusal: str = ""

    @property
    def qualifies(self) -> bool:
        return bool(self.met)

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.met]


def referral_criteria(
    *,
    yes_count: int,
    professional_judgement: bool,
    judgement_reason: str = "",
    police_incidents: int | None,
    yes_threshold: int | None = None,
    escalation_incidents: int | None = None,
) -> ReferralCriteria:
    """Whether a DASH qualifies for MARAC, and by which criteria: "yes" answers at or above
    the threshold, professional judgement ("visible high risk"), or potential escalation
    (police-recorded incidents in the past 12 months at or above the threshold)."""
    yes_threshold = setting("MARAC_DASH_YES_THRESHOLD") if yes_threshold is None else yes_threshold
    escalation = (
        setting("MARAC_ESCALATION_INCIDENTS")
        if escalation_incidents is None
        else escalation_incidents
    )
    met = []
    if yes_count >= yes_threshold:
        met.append(
            Criterion(
                "visible_high_risk",
                "Visible high risk",
                f"{yes_count} \u201cyes\u201d answers ({yes_threshold} or more qualify)",
            )
        )
    if professional_judgement:
        met.append(
            Criterion(
                "professional_judgement",
                "Professional judgement",
                judgement_reason.strip() or "The practitioner judged the risk high",
            )
        )
    incidents = police_incidents or 0
    if incidents >= escalation:
        met.append(
            Criterion(
                "escalation",
                "Potential escalation",
                f"{incidents} police-recorded incidents in the past 12 months "
                f"({escalation} or more qualify)",
            )
        )
    refusal = ""
    if not met:
        counted = "none recorded" if police_incidents is None else str(police_incidents)
        refusal = (
            f"This assessment does not meet the MARAC referral criteria: {yes_count} "
            f"\u201cyes\u201d answers (fewer than {yes_threshold}), no professional judgement of "
            f"high risk, and police-recorded incidents in the past 12 months: {counted} "
            f"(fewer than {escalation})."
        )
    return ReferralCriteria(yes_count=yes_count, met=tuple(met), refusal=refusal)


def assessment_criteria(assessment: DashAssessment) -> ReferralCriteria:
    return referral_criteria(
        yes_count=assessment.answers.filter(answer=Answer.YES).count(),
        professional_judgement=assessment.professional_judgement,
        judgement_reason=assessment.judgement_reason,
        police_incidents=assessment.police_incidents_12_months,
    )


# The repeat flag ------------------------------------------------------------------------


def months_before(moment: datetime, months: int) -> datetime:
    year, month = divmod(moment.month - 1 - months, 12)
    year, month = moment.year + year, month + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def last_heard_at_marac(person, *, now: datetime | None = None) -> datetime | None:
    """When this person was last heard at a MARAC within the repeat window, else None."""
    if person is None:
        return None
    now = now or timezone.now()
    since = months_before(now, setting("MARAC_REPEAT_MONTHS"))
    return (
        AgendaItem.objects.filter(
            person=person,
            meeting__type=MeetingType.MARAC,
            heard_at__gte=since,
            heard_at__lte=now,
        )
        .order_by("-heard_at")
        .values_list("heard_at", flat=True)
        .first()
    )


# Completing a DASH ----------------------------------------------------------------------


def default_checklist() -> Checklist | None:
    """The checklist new assessments use. A database with none at all (flushed after the
    migration seeded it) gets the 2009 DASH back; a partnership's own list is never touched."""
    if not Checklist.objects.exists():
        from . import dash_2009
        from .models import Question

        dash_2009.load(Checklist, Question)
    return Checklist.objects.filter(is_active=True).order_by("pk").first()


def dash_complete(
    *,
    by: Practitioner,
    checklist: Checklist,
    victim_name: str,
    completed_as: str,
    completed_on: date,
    answers: Mapping[int, str],
    person=None,
    contact=None,
    victim_comments: str = "",
    professional_judgement: bool = False,
    judgement_reason: str = "",
    police_incidents_12_months: int | None = None,
) -> DashAssessment:
    """Record a completed checklist. ``answers`` maps each question's number to yes, no or
    not known; every question must be answered."""
    problems = []
    if by.agency_id is None:
        problems.append("Only a practitioner working for an agency can complete a DASH")
    if not victim_name.strip():
        problems.append("Enter the victim's name")
    if completed_as not in DashAssessment.CompletedAs.values:
        problems.append("Select who completed the checklist")
    if completed_on > timezone.localdate():
        problems.append("The date the checklist was completed cannot be in the future")
    questions = list(checklist.questions.all())
    missing = [q.number for q in questions if answers.get(q.number) not in Answer.values]
    if missing:
        problems.append(
            "Answer every question (yes, no or not known): "
            + ", ".join(str(n) for n in missing[:10])
            + (" and more" if len(missing) > 10 else "")
        )
    if professional_judgement and not judgement_reason.strip():
        problems.append("Explain why your professional judgement is that the risk is high")
    if police_incidents_12_months is not None and police_incidents_12_months < 0:
        problems.append("The number of police-recorded incidents cannot be negative")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        assessment = DashAssessment.objects.create(
            checklist=checklist,
            victim_name=victim_name.strip()[:200],
            person=person,
            contact=contact,
            completed_by=by,
            agency_id=by.agency_id,
            completed_as=completed_as,
            completed_on=completed_on,
            victim_comments=victim_comments.strip(),
            professional_judgement=professional_judgement,
            judgement_reason=judgement_reason.strip() if professional_judgement else "",
            police_incidents_12_months=police_incidents_12_months,
        )
        DashAnswer.objects.bulk_create(
            [
                DashAnswer(assessment=assessment, question=q, answer=answers[q.number])
                for q in questions
            ]
        )
        criteria = assessment_criteria(assessment)
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=assessment,
            reason="Completed a DASH risk identification checklist",
            details={
                "yes": criteria.yes_count,
                "criteria": criteria.keys,
                "contact": contact.reference if contact else None,
            },
        )
    return assessment


# Referring to MARAC ---------------------------------------------------------------------


def upcoming_maracs(now: datetime | None = None):
    now = now or timezone.now()
    return Meeting.objects.filter(
        type=MeetingType.MARAC, status=Meeting.Status.PLANNED, starts_at__gte=now
    ).order_by("starts_at", "pk")


def marac_refer(
    *,
    assessment: DashAssessment,
    by: Practitioner,
    meeting: Meeting,
    idva_name: str = "",
    idva_service: str = "",
    victim_views: str = "",
    children_involved: bool = False,
) -> MaracCase:
    """Put the victim on an upcoming MARAC's agenda with the DASH linked; refused, with the
    reason, when the assessment does not meet the referral criteria."""
    criteria = assessment_criteria(assessment)
    if not criteria.qualifies:
        raise ValidationError(criteria.refusal)
    if meeting.type != MeetingType.MARAC:
        raise ValidationError("Select a MARAC meeting")
    if meeting.status != Meeting.Status.PLANNED or meeting.starts_at < timezone.now():
        raise ValidationError("Select a MARAC meeting that has not yet taken place")
    with transaction.atomic():
        # Two referrals of one victim to one meeting at once: the second waits, then is refused.
        Meeting.objects.select_for_update().get(pk=meeting.pk)
        if MaracCase.objects.filter(assessment=assessment, item__meeting=meeting).exists():
            raise ValidationError("This victim is already on that meeting's agenda")
        repeat = last_heard_at_marac(assessment.person)
        item = services.item_add(
            meeting=meeting,
            by=by,
            contact=assessment.contact,
            title=assessment.victim_name,
            children_involved=children_involved,
        )
        if assessment.person_id and item.person_id != assessment.person_id:
            AgendaItem.objects.filter(pk=item.pk).update(person=assessment.person)
            item.person = assessment.person
        # The referring agency takes part in the meeting that hears its referral.
        Attendance.objects.get_or_create(meeting=meeting, agency_id=by.agency_id)
        case = MaracCase.objects.create(
            item=item,
            assessment=assessment,
            referred_by=by,
            referred_at=timezone.now(),
            criteria=[{"key": c.key, "label": c.label, "why": c.why} for c in criteria.met],
            repeat_of_heard_at=repeat,
            idva_name=idva_name.strip()[:200],
            idva_service=idva_service.strip()[:200],
            victim_views=victim_views.strip(),
        )
        audit_record(
            actor=by,
            verb=Verb.DISCLOSE,
            obj=assessment,
            reason=f"Referred a victim to {meeting}",
            recipients=[str(a.agency) for a in meeting.attendance.select_related("agency")],
            details={
                "criteria": criteria.keys,
                "repeat": repeat.isoformat() if repeat else None,
                "agenda_item": item.pk,
            },
        )
    return case


# Research before the meeting ------------------------------------------------------------


def research_record(
    *, item: AgendaItem, by: Practitioner, facts: str, opinion: str, withheld: str
) -> InformationShared:
    """An invited agency's research on a MARAC case, before the meeting: facts apart from
    opinion, and what was withheld and why (kept as the case's information shared)."""
    if item.meeting.type != MeetingType.MARAC:
        raise ValidationError("Research is prepared for MARAC cases")
    return services.information_add(
        item=item, by=by, agency=by.agency, facts=facts, opinion=opinion, withheld=withheld
    )


@dataclass(frozen=True)
class ResearchStatus:
    agency: object
    prepared: bool


def research_status(item: AgendaItem) -> list[ResearchStatus]:
    """Which invited agencies have and have not prepared their research on the case."""
    prepared = set(item.information.values_list("agency_id", flat=True))
    return [
        ResearchStatus(agency=row.agency, prepared=row.agency_id in prepared)
        for row in item.meeting.attendance.select_related("agency")
    ]


def case_context(item: AgendaItem, practitioner) -> dict:
    """What the case page shows of a MARAC case (the caller has opened the item): the
    referral, with its repeat flag, IDVA and the victim's views, and which agencies have
    prepared their research."""
    from .access_marac import RESEARCH, may

    if item.meeting.type != MeetingType.MARAC:
        return {}
    case = MaracCase.objects.filter(item=item).select_related("assessment").first()
    return {
        "case": case,
        "research": research_status(item),
        "can_research": item.meeting.is_open_for_recording and may(practitioner, RESEARCH, item),
    }
