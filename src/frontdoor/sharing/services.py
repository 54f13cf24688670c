"""Asking partner agencies what they know, answering, declining and escalating."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

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
from frontdoor.referrals.models import Contact, LawfulBasis, Rag, Subject
from frontdoor.referrals.services import timeline_add

from .models import Category, InformationRequest, Window

HUB_RECIPIENT = "Front door (hub)"
MAX_ANSWER_LENGTH = 20_000


def request_deadline_rule(contact: Contact) -> tuple[str, float, str]:
    """(RAG rating that applies, amount, unit): an unrated contact is treated as amber."""
    rag = contact.rag or Rag.AMBER
    amount, unit = settings.FRONTDOOR_REQUEST_DEADLINES[rag]
    return rag, amount, unit


def request_due_at(contact: Contact, asked_at: datetime) -> datetime:
    _, amount, unit = request_deadline_rule(contact)
    return deadline(asked_at, amount, unit)


def request_create(
    *,
    contact: Contact,
    by,
    to_agency: Agency,
    subjects: Iterable[Subject],
    window: str,
    categories: Iterable[str],
    purpose: str,
    lawful_basis: str,
) -> InformationRequest:
    subjects, categories = list(subjects), list(dict.fromkeys(categories))
    problems = []
    if contact.status in (Contact.Status.DRAFT,):
        problems.append("This referral has not been sent to the front door")
    if not to_agency.is_active:
        problems.append("Choose an agency in the partnership")
    if not subjects or any(s.contact_id != contact.pk for s in subjects):
        problems.append("Choose the people the request is about, from this contact")
    if window not in Window.values:
        problems.append("Choose the time window")
    if not categories or set(categories) - set(Category.values):
        problems.append("Choose what the agency should tell you about")
    if not purpose.strip():
        problems.append("Say why you need the information")
    if lawful_basis not in LawfulBasis.values:
        problems.append("Choose the lawful basis for asking")
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    due_at = request_due_at(contact, now)
    with transaction.atomic():
        request = InformationRequest.objects.create(
            contact=contact,
            to_agency=to_agency,
            window=window,
            categories=categories,
            purpose=purpose,
            lawful_basis=lawful_basis,
            requested_by=by,
            requested_at=now,
            due_at=due_at,
        )
        request.subjects.set(subjects)
        audit_record(
            actor=by,
            verb=Verb.DISCLOSE,
            obj=request,
            reason=f"Asked {to_agency} for information: {purpose}",
            recipients=[str(to_agency)],
            details={
                "subjects": [s.pk for s in subjects],
                "categories": categories,
                "window": window,
            },
        )
        timeline_add(
            contact=contact,
            by=by,
            summary=f"Information requested from {to_agency}",
            detail=f"{Window(window).label}; {', '.join(request.category_labels())}. "
            f"Due by {timezone.localtime(due_at):%d %b %Y %H:%M}.",
        )
        for practitioner in _answerers(to_agency):
            outbox_write(
                recipient=practitioner,
                subject=f"Information request from the front door ({contact.reference})",
                body=f"The front door asks {to_agency} what it knows. Please answer by "
                f"{timezone.localtime(due_at):%d %b %Y %H:%M}.",
                dedupe_key=f"request-{request.pk}-asked-{practitioner.pk}",
                link=reverse("sharing:detail", args=[request.pk]),
            )
    return request


def requests_create(
    *,
    contact: Contact,
    by,
    to_agencies: Iterable[Agency],
    subjects: Iterable[Subject],
    window: str,
    categories: Iterable[str],
    purpose: str,
    lawful_basis: str,
) -> list[InformationRequest]:
    """Ask several agencies the same question at once: one request each, all or nothing."""
    to_agencies, subjects, categories = list(to_agencies), list(subjects), list(categories)
    if not to_agencies:
        raise ValidationError("Select at least one agency to ask")
    with transaction.atomic():
        return [
            request_create(
                contact=contact,
                by=by,
                to_agency=agency,
                subjects=subjects,
                window=window,
                categories=categories,
                purpose=purpose,
                lawful_basis=lawful_basis,
            )
            for agency in dict.fromkeys(to_agencies)
        ]


def _answerers(agency: Agency):
    return Practitioner.objects.filter(
        agency=agency,
        is_active=True,
        role__in=[Role.FRONTLINE, Role.HUB_PRACTITIONER, Role.HUB_MANAGER],
    )


def _lock_open(request: InformationRequest, expected_version: int) -> InformationRequest:
    locked = InformationRequest.objects.select_for_update().get(pk=request.pk)
    if locked.version != expected_version or locked.status != InformationRequest.Status.OPEN:
        raise ConflictError(
            "This request has already been answered or changed by someone else. Nothing you entered has been "
            "saved: read it again."
        )
    return locked


def request_answer(
    *, request: InformationRequest, by, expected_version: int, answers: dict[str, Any]
) -> InformationRequest:
    """Answer exactly the categories asked for; anything outside the scope is refused."""
    outside = set(answers) - set(request.categories)
    if outside:
        raise ValidationError(
            "Answer only what was asked: this request did not ask about "
            + ", ".join(sorted(outside))
        )
    cleaned = {k: str(v).strip() for k, v in answers.items() if str(v).strip()}
    if not cleaned:
        raise ValidationError("Answer at least one question, or say that nothing is known")
    if any(len(v) > MAX_ANSWER_LENGTH for v in cleaned.values()):
        raise ValidationError(f"Each answer must be {MAX_ANSWER_LENGTH:,} characters or fewer")
    return _finish(
        request, by, expected_version, InformationRequest.Status.ANSWERED, answers=cleaned
    )


def request_nothing_known(
    *, request: InformationRequest, by, expected_version: int
) -> InformationRequest:
    return _finish(request, by, expected_version, InformationRequest.Status.NOTHING_KNOWN)


def request_decline(
    *, request: InformationRequest, by, expected_version: int, reason: str
) -> InformationRequest:
    if not reason.strip():
        raise ValidationError("Give the reason for not sharing")
    return _finish(
        request, by, expected_version, InformationRequest.Status.DECLINED, reason=reason.strip()
    )


def _finish(
    request, by, expected_version, status, *, answers=None, reason=""
) -> InformationRequest:
    with transaction.atomic():
        locked = _lock_open(request, expected_version)
        locked.status = status
        locked.answers = answers or {}
        locked.declined_reason = reason
        locked.answered_by, locked.answered_at = by, timezone.now()
        locked.version += 1
        locked.save()
        if status == InformationRequest.Status.DECLINED:
            audit_record(
                actor=by, verb=Verb.DECLINE, obj=locked, reason=reason, recipients=[HUB_RECIPIENT]
            )
            summary = f"{locked.to_agency} declined to share"
        else:
            audit_record(
                actor=by,
                verb=Verb.DISCLOSE,
                obj=locked,
                reason="Answered an information request from the front door",
                recipients=[HUB_RECIPIENT],
                details={"categories": sorted(locked.answers), "status": status},
            )
            summary = f"{locked.to_agency} answered" + (": nothing known" if not answers else "")
        timeline_add(contact=locked.contact, by=by, summary=summary, detail=reason)
        if locked.requested_by_id:
            outbox_write(
                recipient=locked.requested_by,
                subject=f"{summary} ({locked.contact.reference})",
                body=f"{summary}. Open the contact to read it.",
                dedupe_key=f"request-{locked.pk}-finished",
                link=reverse("hub:contact", args=[locked.contact_id]),
            )
    return locked


def requests_escalate_overdue(*, now=None) -> int:
    """Tell the receiving agency's managers about each overdue request, once."""
    now = now or timezone.now()
    count = 0
    overdue = InformationRequest.objects.filter(
        status=InformationRequest.Status.OPEN, due_at__lt=now, escalated_at__isnull=True
    ).select_related("contact", "to_agency")
    for request in overdue:
        with transaction.atomic():
            updated = InformationRequest.objects.filter(
                pk=request.pk, escalated_at__isnull=True
            ).update(escalated_at=now)
            if not updated:
                continue
            managers = list(
                Practitioner.objects.filter(
                    agency=request.to_agency, is_active=True, role=Role.HUB_MANAGER
                )
            )
            # An agency without a hub manager: tell everyone who can answer for it.
            recipients = managers or list(_answerers(request.to_agency))
            for recipient in recipients:
                outbox_write(
                    recipient=recipient,
                    subject=f"Overdue information request ({request.contact.reference})",
                    body=f"A request from the front door to {request.to_agency} was due by "
                    f"{timezone.localtime(request.due_at):%d %b %Y %H:%M} and has not been answered.",
                    dedupe_key=f"request-{request.pk}-escalated-{recipient.pk}",
                    link=reverse("sharing:detail", args=[request.pk]),
                )
            outbox_write(
                recipient=request.requested_by,
                subject=f"No answer yet from {request.to_agency} ({request.contact.reference})",
                body=f"The request to {request.to_agency} is overdue; "
                f"{'its managers have' if managers else 'its practitioners have'} been reminded.",
                dedupe_key=f"request-{request.pk}-escalated-requester",
                link=reverse("hub:contact", args=[request.contact_id]),
            )
            who = "its hub managers" if managers else "its practitioners (it has no hub manager)"
            timeline_add(
                contact=request.contact,
                by=None,
                at=now,
                summary=f"Request to {request.to_agency} overdue: escalated to {who}",
            )
            count += 1
    return count
