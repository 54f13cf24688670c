"""Every write to a disagreement: raise, escalate, resolve, and the overdue prompts (ADR 0026).

Each write is one transaction holding the change, its audit event, its timeline entry on the
contact and its messages (the outbox), so none can happen without the others.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.agencies.roles import Role
from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.clock import deadline
from frontdoor.core.errors import ConflictError
from frontdoor.core.outbox import outbox_write
from frontdoor.referrals.models import Contact
from frontdoor.referrals.services import timeline_add

from .models import Disagreement, Level, LevelStep, Theme

# Time limits per level, in working days: a partnership sets its own protocol's limits with
# FRONTDOOR_DISAGREEMENT_LEVEL_LIMITS. These defaults follow the shape of local safeguarding
# partnerships' escalation and resolution protocols (see ADR 0026 for the sources).
DEFAULT_LEVEL_LIMITS: dict[int, tuple[float, str]] = {
    Level.PRACTITIONERS: (5, "working_days"),
    Level.MANAGERS: (5, "working_days"),
    Level.SENIOR_MANAGERS: (10, "working_days"),
    Level.PARTNERSHIP: (20, "working_days"),
}


def level_limit(level: int) -> tuple[float, str]:
    limits = getattr(settings, "FRONTDOOR_DISAGREEMENT_LEVEL_LIMITS", DEFAULT_LEVEL_LIMITS)
    return limits[int(level)]


def limit_text(level: int) -> str:
    amount, unit = level_limit(level)
    return f"{amount:g} {unit.replace('_', ' ')}"


def level_deadline(level: int, started_at):
    return deadline(started_at, *level_limit(level))


def _link(disagreement: Disagreement) -> str:
    return reverse("disagreements:detail", args=[disagreement.pk])


def _active(practitioners) -> list[Practitioner]:
    return list(practitioners.filter(is_active=True).order_by("pk"))


def _hub_managers(agencies: Iterable[int]) -> list[Practitioner]:
    return _active(Practitioner.objects.filter(agency_id__in=list(agencies), role=Role.HUB_MANAGER))


def responsible_for(disagreement: Disagreement, level: int) -> list[Practitioner]:
    """Who a level is addressed to. There is no senior-manager role in Front Door yet, so level 3
    goes to both agencies' hub managers and the administrators (ADR 0026)."""
    agencies = disagreement.agency_ids
    if level == Level.PRACTITIONERS:
        if disagreement.other_practitioner_id:
            return [disagreement.other_practitioner]
        return _hub_managers([disagreement.other_agency_id])
    if level == Level.MANAGERS:
        return _hub_managers(agencies)
    if level == Level.SENIOR_MANAGERS:
        managers = _hub_managers(agencies)
        admins = _active(Practitioner.objects.filter(role=Role.ADMINISTRATOR))
        return managers + [a for a in admins if a not in managers]
    return _active(Practitioner.objects.filter(role=Role.PARTNERSHIP_MANAGER))


def _notify_level(disagreement: Disagreement, by) -> list[str]:
    """Tell the level's responsible people and the raiser, once each. Returns the agencies told."""
    level = Level(disagreement.level)
    due = timezone.localtime(disagreement.level_due_at)
    recipients = {p.pk: p for p in responsible_for(disagreement, level)}
    if disagreement.raised_by_id != getattr(by, "pk", None):
        recipients.setdefault(disagreement.raised_by_id, disagreement.raised_by)
    for person in recipients.values():
        if person.pk == getattr(by, "pk", None):
            continue
        outbox_write(
            recipient=person,
            subject=f"Professional disagreement on {disagreement.contact.reference}: {level.label}",
            body=f"{disagreement.raised_by_agency} disagrees with {disagreement.other_agency} about "
            f"{disagreement.disputed}.\n\nTheme: {disagreement.theme}\n\n{level.label}: a "
            f"resolution is due by {due:%d %b %Y %H:%M}.\n\nThe child's safety comes first while "
            "the disagreement is resolved: check who owns it on the disagreement page.",
            dedupe_key=f"disagreement-{disagreement.pk}-level-{int(level)}-to-{person.pk}",
            link=_link(disagreement),
        )
    return sorted({str(p.agency) for p in recipients.values() if p.agency_id})


def _other_practitioner(contact: Contact, other_agency: Agency):
    """The other agency's practitioner who made the decision, or who holds the contact."""
    decision = getattr(contact, "decision", None)
    if decision is not None and decision.decided_by.agency_id == other_agency.pk:
        return decision.decided_by
    if contact.assigned_to_id and contact.assigned_to.agency_id == other_agency.pk:
        return contact.assigned_to
    return None


def disagreement_raise(
    *,
    contact: Contact,
    by,
    other_agency: Agency,
    disputed: str,
    issue: str,
    wanted: str,
    theme: Theme,
    about_decision: bool = False,
) -> Disagreement:
    if by.agency_id is None:
        raise ValidationError("Only a practitioner at an agency can raise a disagreement.")
    if other_agency.pk == by.agency_id:
        raise ValidationError(
            "A disagreement is with another agency: use your own agency's procedures for "
            "disagreements inside it.",
            code="other_agency",
        )
    if contact.status == Contact.Status.DRAFT:
        raise ValidationError("Send the referral before raising a disagreement about it.")
    if not (issue.strip() and wanted.strip() and disputed.strip()):
        raise ValidationError("Say what is disputed, the issue and what you want instead.")
    decision = getattr(contact, "decision", None) if about_decision else None
    if about_decision and decision is None:
        raise ValidationError("The front door has not decided this contact yet.", code="decision")
    now = timezone.now()
    with transaction.atomic():
        disagreement = Disagreement.objects.create(
            contact=contact,
            decision=decision,
            disputed=disputed.strip(),
            raised_by=by,
            raised_by_agency=by.agency,
            other_agency=other_agency,
            other_practitioner=_other_practitioner(contact, other_agency),
            issue=issue.strip(),
            wanted=wanted.strip(),
            theme=theme,
            raised_at=now,
            level=Level.PRACTITIONERS,
            level_started_at=now,
            level_due_at=level_deadline(Level.PRACTITIONERS, now),
        )
        LevelStep.objects.create(
            disagreement=disagreement,
            level=Level.PRACTITIONERS,
            started_at=now,
            due_at=disagreement.level_due_at,
            started_by=by,
            reason="Raised",
        )
        told = _notify_level(disagreement, by)
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=disagreement,
            reason="Raised a professional disagreement",
            recipients=told,
            details={"contact": contact.reference, "theme": theme.name, "level": 1},
        )
        timeline_add(
            contact=contact,
            by=by,
            summary=f"Professional disagreement raised with {other_agency} (level 1)",
            detail=_timeline_detail(disagreement),
        )
    return disagreement


def _timeline_detail(disagreement: Disagreement) -> str:
    """What a disagreement puts on its contact's timeline. Everyone who may see the case reads
    the timeline, and most of them may not see the disagreement (``access``): so its fact and
    deadline only, never what is disputed, why it was escalated or how it was resolved."""
    return (
        "Resolution due by "
        f"{timezone.localtime(disagreement.level_due_at):%d %b %Y %H:%M}. The disagreement's "
        "own page says what it is about, to those who may see it."
    )


def _locked(disagreement: Disagreement, expected_version: int) -> Disagreement:
    locked = (
        Disagreement.objects.select_for_update()
        .select_related("contact", "raised_by", "raised_by_agency", "other_agency", "theme")
        .get(pk=disagreement.pk)
    )
    if locked.version != expected_version:
        raise ConflictError(
            "Someone else changed this disagreement while you were working on it. Nothing you "
            "entered has been saved: read the latest version and try again."
        )
    if not locked.is_open:
        raise ValidationError("This disagreement has been closed.")
    return locked


def disagreement_escalate(
    *, disagreement: Disagreement, by, reason: str, expected_version: int
) -> Disagreement:
    if not reason.strip():
        raise ValidationError("Give the reason for escalating", code="reason")
    with transaction.atomic():
        locked = _locked(disagreement, expected_version)
        if locked.level >= Level.PARTNERSHIP:
            raise ValidationError(
                "This disagreement is already with the safeguarding partnership, the highest level."
            )
        now = timezone.now()
        LevelStep.objects.filter(disagreement=locked, level=locked.level).update(ended_at=now)
        previous = locked.level
        locked.level = previous + 1
        locked.level_started_at = now
        locked.level_due_at = level_deadline(locked.level, now)
        locked.version += 1
        locked.save()
        LevelStep.objects.create(
            disagreement=locked,
            level=locked.level,
            started_at=now,
            due_at=locked.level_due_at,
            started_by=by,
            reason=reason.strip(),
        )
        told = _notify_level(locked, by)
        label = Level(locked.level).label
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=locked,
            reason="Escalated a professional disagreement",
            recipients=told,
            details={"from_level": previous, "to_level": locked.level},
        )
        timeline_add(
            contact=locked.contact,
            by=by,
            summary=f"Professional disagreement escalated to {label[0].lower()}{label[1:]}",
            detail=_timeline_detail(locked),
        )
    return locked


def disagreement_resolve(
    *, disagreement: Disagreement, by, outcome: str, resolution: str, expected_version: int
) -> Disagreement:
    if outcome not in Disagreement.Outcome.values:
        raise ValidationError("Choose the outcome", code="outcome")
    if not resolution.strip():
        raise ValidationError("Describe the resolution", code="resolution")
    withdrawing = outcome == Disagreement.Outcome.WITHDRAWN
    if withdrawing and disagreement.raised_by_id != by.pk:
        raise ValidationError(
            "Only the practitioner who raised the disagreement can withdraw it.", code="outcome"
        )
    with transaction.atomic():
        locked = _locked(disagreement, expected_version)
        now = timezone.now()
        LevelStep.objects.filter(disagreement=locked, level=locked.level).update(ended_at=now)
        locked.status = (
            Disagreement.Status.WITHDRAWN if withdrawing else Disagreement.Status.RESOLVED
        )
        locked.outcome, locked.resolution = outcome, resolution.strip()
        locked.resolved_by, locked.resolved_at = by, now
        locked.version += 1
        locked.save()
        people = {p.pk: p for p in responsible_for(locked, locked.level)}
        people.setdefault(locked.raised_by_id, locked.raised_by)
        for person in people.values():
            if person.pk == by.pk:
                continue
            outbox_write(
                recipient=person,
                subject=f"Professional disagreement on {locked.contact.reference} "
                f"{locked.get_status_display().lower()}",
                body=f"Outcome: {locked.get_outcome_display()}\n\n{locked.resolution}",
                dedupe_key=f"disagreement-{locked.pk}-closed-to-{person.pk}",
                link=_link(locked),
            )
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=locked,
            reason="Closed a professional disagreement",
            recipients=sorted({str(p.agency) for p in people.values() if p.agency_id}),
            details={"outcome": outcome, "level": locked.level},
        )
        timeline_add(
            contact=locked.contact,
            by=by,
            summary=f"Professional disagreement {locked.get_status_display().lower()} at level "
            f"{locked.level}: {locked.get_outcome_display().lower()}",
        )
    return locked


def disagreements_prompt_overdue() -> int:
    """Prompt escalation of every open disagreement past its level's deadline, once per level.

    Tells whoever may escalate (the raiser and both agencies' hub managers; partnership managers
    at level 4). Returns how many disagreements were prompted this time.
    """
    now = timezone.now()
    prompted = 0
    overdue = Disagreement.objects.filter(
        status=Disagreement.Status.OPEN, level_due_at__lt=now
    ).select_related("contact", "raised_by", "raised_by_agency", "other_agency")
    for disagreement in overdue:
        if disagreement.overdue_prompted_level == disagreement.level:
            continue
        with transaction.atomic():
            claimed = Disagreement.objects.filter(pk=disagreement.pk).exclude(
                overdue_prompted_level=disagreement.level
            )
            if not claimed.update(overdue_prompted_level=disagreement.level):
                continue
            label = Level(disagreement.level).label
            if disagreement.level == Level.PARTNERSHIP:
                people = responsible_for(disagreement, Level.PARTNERSHIP)
            else:
                people = _hub_managers(disagreement.agency_ids)
            people = {p.pk: p for p in [disagreement.raised_by, *people]}
            for person in people.values():
                outbox_write(
                    recipient=person,
                    subject=f"Overdue: professional disagreement on "
                    f"{disagreement.contact.reference} ({label})",
                    body=f"{label} passed its deadline on "
                    f"{timezone.localtime(disagreement.level_due_at):%d %b %Y %H:%M} without a "
                    "resolution. Resolve it, or escalate it to the next level.",
                    dedupe_key=f"disagreement-{disagreement.pk}-level-{disagreement.level}"
                    f"-overdue-{person.pk}",
                    link=_link(disagreement),
                )
            audit_record(
                actor=None,
                verb=Verb.DISCLOSE,
                obj=disagreement,
                reason="Prompted escalation of an overdue professional disagreement",
                recipients=sorted({str(p.agency) for p in people.values() if p.agency_id}),
                details={"level": disagreement.level},
            )
            prompted += 1
    return prompted
