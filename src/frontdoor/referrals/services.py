"""Every write to a contact: drafting, submitting, triage, decisions and feedback."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.clock import deadline
from frontdoor.core.errors import ConflictError
from frontdoor.core.outbox import outbox_write
from frontdoor.matching import facade as matching
from frontdoor.people.models import Person

from . import signposting
from .models import (
    Concern,
    Consent,
    Contact,
    Decision,
    Rag,
    ReferenceCounter,
    SignpostedService,
    Subject,
    TimelineEntry,
)

DRAFT_FIELDS = (
    "source",
    "caller_name",
    "caller_phone",
    "caller_relationship",
    "concerns",
    "what_happened",
    "professional_opinion",
    "crime_alleged",
    "immediate_danger",
    "consent",
    "lawful_basis",
    "lawful_basis_detail",
)
SUBJECT_FIELDS = (
    "role",
    "given_names",
    "family_name",
    "date_of_birth",
    "estimated_age",
    "sex",
    "address",
    "postcode",
    "school_or_gp",
    "nhs_number",
    "other_identifiers",
)


def timeline_add(*, contact: Contact, by, summary: str, detail: str = "", at=None) -> TimelineEntry:
    agency = getattr(by, "agency", None)
    return TimelineEntry.objects.create(
        contact=contact,
        at=at or timezone.now(),
        actor=by if getattr(by, "pk", None) else None,
        actor_agency=str(agency) if agency else "",
        summary=summary[:300],
        detail=detail,
    )


# Drafting --------------------------------------------------------------------------------


def contact_start(
    *, by, source: str = Contact.Source.PRACTITIONER, idempotency_key: str = ""
) -> Contact:
    """``idempotency_key`` (API clients): unique per referrer, so a retried create fails
    with IntegrityError instead of making a second contact (promise 21)."""
    with transaction.atomic():
        contact = Contact.objects.create(
            referrer=by,
            referrer_agency=by.agency,
            source=source,
            idempotency_key=idempotency_key,
        )
        audit_record(actor=by, verb=Verb.CREATE, obj=contact, reason="Started a referral")
    return contact


DRAFT_CONFLICT = (
    "Someone else updated this referral while you were working on it, perhaps you in another "
    "tab or window. Nothing you entered on this page has been saved: read the latest version "
    "and try again."
)


def contact_update_draft(
    *, contact: Contact, by, changes: dict[str, Any], expected_version: int | None = None
) -> Contact:
    """Save answers to a draft's questions. A question page passes the version it was shown
    (promise 18); only a caller that made the draft in the same transaction (the API, the
    demo) may leave it out."""
    unknown = set(changes) - set(DRAFT_FIELDS)
    if unknown:
        raise ValueError(f"not draft fields: {sorted(unknown)}")
    with transaction.atomic():
        locked = Contact.objects.select_for_update().get(pk=contact.pk)
        if locked.status != Contact.Status.DRAFT:
            raise ValidationError("This referral has been sent and can no longer be changed.")
        if expected_version is not None and locked.version != expected_version:
            raise ConflictError(DRAFT_CONFLICT)
        for field, value in changes.items():
            setattr(contact, field, value)
        contact.version = locked.version + 1
        contact.save(update_fields=sorted({*changes, "version"}))
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=contact,
            reason="Edited a draft referral",
            details={"fields": sorted(changes)},
        )
    return contact


def subject_save(
    *,
    contact: Contact,
    by,
    data: dict[str, Any],
    subject: Subject | None = None,
    expected_version: int | None = None,
) -> Subject:
    """Add a person to a draft, or change one. A change from the person page passes the
    version of the person it was shown (promise 18)."""
    unknown = set(data) - set(SUBJECT_FIELDS)
    if unknown:
        raise ValueError(f"not subject fields: {sorted(unknown)}")
    if contact.status != Contact.Status.DRAFT:
        raise ValidationError("This referral has been sent and can no longer be changed.")
    with transaction.atomic():
        adding = subject is None
        if adding:
            subject = Subject(contact=contact)
        else:
            locked = Subject.objects.select_for_update().get(pk=subject.pk)
            if expected_version is not None and locked.version != expected_version:
                raise ConflictError(DRAFT_CONFLICT)
            subject.version = locked.version + 1
        for field, value in data.items():
            setattr(subject, field, value)
        subject.save()
        audit_record(
            actor=by,
            verb=Verb.CREATE if adding else Verb.CHANGE,
            obj=subject,
            reason="Recorded a subject of a draft referral",
        )
    return subject


def subject_remove(*, subject: Subject, by, expected_version: int | None = None) -> None:
    """Remove a person from a draft. The people page passes the version of the person it
    showed: a change made to them since, in another tab, is not thrown away unseen."""
    if subject.contact.status != Contact.Status.DRAFT:
        raise ValidationError("This referral has been sent and can no longer be changed.")
    with transaction.atomic():
        locked = Subject.objects.select_for_update().get(pk=subject.pk)
        if expected_version is not None and locked.version != expected_version:
            # Nothing was typed on the people page: say what did not happen.
            raise ConflictError(
                "Someone else updated this referral while you were working on it, perhaps you "
                f"in another tab or window. {locked} has not been removed: check the list and "
                "try again."
            )
        audit_record(
            actor=by,
            verb=Verb.DELETE,
            obj=subject,
            reason="Removed a subject from a draft referral",
        )
        subject.delete()


def contact_problems(contact: Contact) -> list[str]:
    """What must be answered before the referral can be sent. Empty when complete."""
    problems = []
    subjects = list(contact.subjects.all())
    if not subjects:
        problems.append("Add at least one person the referral is about")
    today = timezone.localdate()
    for subject in subjects:
        if subject.date_of_birth and subject.date_of_birth > today:
            problems.append(f"The date of birth of {subject} is in the future")
    if not contact.concerns:
        problems.append("Select at least one concern")
    elif set(contact.concerns) - set(Concern.values):
        problems.append("Select concerns from the list")
    if not contact.what_happened.strip():
        problems.append("Describe what happened")
    if contact.crime_alleged is None:
        problems.append("Say whether a crime is alleged")
    if contact.immediate_danger is None:
        problems.append("Say whether anyone is in immediate danger")
    if not contact.consent:
        problems.append("Say whether consent was given")
    elif contact.consent != Consent.GIVEN and not contact.lawful_basis:
        problems.append("Give the lawful basis for sharing without consent")
    if contact.source == Contact.Source.PUBLIC and not contact.caller_name.strip():
        problems.append("Give the caller's name, or 'anonymous'")
    return problems


def _next_reference(now) -> str:
    """Draw the year's next contact reference. Call inside the transaction that uses it.

    The counter row's lock is held until that transaction ends, so concurrent referrals
    queue here for a moment rather than collide on the unique reference.
    """
    year = now.year
    prefix = f"FD-{year}-"
    if not ReferenceCounter.objects.filter(year=year).exists():
        # The first referral of a year (or of a database from before the counter): start
        # after the highest reference already given out, so none is ever reused.
        highest = (
            Contact.objects.filter(reference__startswith=prefix)
            .order_by("-reference")
            .values_list("reference", flat=True)
            .first()
        )
        start = int(highest.removeprefix(prefix)) if highest else 0
        ReferenceCounter.objects.bulk_create(
            [ReferenceCounter(year=year, last=start)], ignore_conflicts=True
        )
    ReferenceCounter.objects.filter(year=year).update(last=F("last") + 1)
    number = ReferenceCounter.objects.get(year=year).last
    return f"{prefix}{number:06d}"


def contact_submit(*, contact: Contact, by) -> Contact:
    """Send the referral to the hub. Immediate danger makes it red at once."""
    problems = contact_problems(contact)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        locked = Contact.objects.select_for_update().get(pk=contact.pk)
        if locked.status != Contact.Status.DRAFT:
            raise ConflictError("This referral has already been sent.")
        now = timezone.now()
        locked.status = Contact.Status.SUBMITTED
        locked.submitted_at = now
        locked.reference = _next_reference(now)
        if locked.immediate_danger:
            locked.rag = Rag.RED
            locked.rag_rationale = (
                "Marked red when sent: the referrer said someone is in immediate danger."
            )
            locked.rated_at = now
        provisional = locked.rag or Rag.AMBER
        locked.decision_due_at = deadline(now, *settings.FRONTDOOR_TRIAGE_DEADLINES[provisional])
        locked.version = F("version") + 1
        locked.save()
        locked.refresh_from_db()
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=locked,
            reason="Sent a referral to the front door",
            recipients=["Front door (hub)"],
        )
        timeline_add(
            contact=locked,
            by=by,
            summary=f"Referral sent by {by} ({by.agency})",
            detail=f"Decision due by {timezone.localtime(locked.decision_due_at):%d %b %Y %H:%M}",
        )
        if locked.immediate_danger:
            timeline_add(
                contact=locked, by=by, summary="Marked red: someone is in immediate danger"
            )
    return locked


# Hub work --------------------------------------------------------------------------------


def _locked_for_update(contact: Contact, expected_version: int) -> Contact:
    locked = Contact.objects.select_for_update().get(pk=contact.pk)
    if locked.version != expected_version:
        raise ConflictError(
            "Someone else updated this contact while you were working on it. Nothing you entered has "
            "been saved: read the latest version and try again."
        )
    return locked


def contact_triage(
    *, contact: Contact, by, expected_version: int, rag: str, rationale: str, assign_to=None
) -> Contact:
    if rag not in Rag.values:
        raise ValidationError("Choose red, amber or green")
    if not rationale.strip():
        raise ValidationError("Give the reason for the rating")
    with transaction.atomic():
        locked = _locked_for_update(contact, expected_version)
        if locked.status in (Contact.Status.DECIDED, Contact.Status.AWAITING_SIGN_OFF):
            raise ValidationError("This contact has been decided: its rating can no longer change.")
        previous = locked.rag
        locked.rag, locked.rag_rationale = rag, rationale
        locked.rated_by, locked.rated_at = by, timezone.now()
        locked.assigned_to = assign_to or locked.assigned_to or by
        locked.status = Contact.Status.TRIAGED
        locked.decision_due_at = deadline(
            locked.submitted_at, *settings.FRONTDOOR_TRIAGE_DEADLINES[rag]
        )
        locked.version += 1
        locked.save()
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=locked,
            reason="Triaged a contact",
            details={"rag": rag, "previous": previous},
        )
        timeline_add(
            contact=locked,
            by=by,
            summary=f"Rated {Rag(rag).label.lower()}"
            + (f" (was {previous})" if previous and previous != rag else ""),
            detail=f"{rationale}\nDecision due by {timezone.localtime(locked.decision_due_at):%d %b %Y %H:%M}. "
            f"Assigned to {locked.assigned_to}.",
        )
    return locked


def contact_accept_for_social_care(*, contact: Contact, by, expected_version: int) -> Contact:
    """Accepted as a referral to children's social care: the Working Together clock starts."""
    with transaction.atomic():
        locked = _locked_for_update(contact, expected_version)
        if locked.accepted_by_social_care_at:
            return locked
        now = timezone.now()
        locked.accepted_by_social_care_at = now
        locked.statutory_due_at = deadline(now, *settings.FRONTDOOR_STATUTORY_DECISION)
        locked.version += 1
        locked.save()
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=locked,
            reason="Accepted as a referral to children's social care",
        )
        due = timezone.localtime(locked.statutory_due_at)
        outbox_write(
            recipient=locked.referrer,
            subject=f"Referral {locked.reference} accepted by children's social care",
            body=f"Thank you. Referral {locked.reference} has been accepted as a referral to children's "
            f"social care. A decision on the type of response is due by {due:%d %b %Y %H:%M}; "
            "you will be told the outcome.",
            dedupe_key=f"contact-{locked.pk}-acknowledged",
            link=reverse("referrals:mine_detail", args=[locked.pk]),
        )
        timeline_add(
            contact=locked,
            by=by,
            summary="Accepted as a referral to children's social care",
            detail="Working Together: decide the type of response and tell the referrer by "
            f"{timezone.localtime(locked.statutory_due_at):%d %b %Y %H:%M}.",
        )
    return locked


def subject_link(
    *, subject: Subject, by, person: Person | None, expected_version: int | None = None
) -> Subject:
    """Link a subject to a known person, or (person=None) confirm them as new to the index.
    The hub's contact page passes the subject's version it was shown (promise 18): two
    practitioners linking one person at once must not each write their own answer."""
    with transaction.atomic():
        locked = Subject.objects.select_for_update().get(pk=subject.pk)
        if expected_version is not None and locked.version != expected_version:
            raise ConflictError(
                f"Someone else updated {locked} while you were working on this contact. Nothing "
                "you entered has been saved: read the latest version and try again."
            )
        if person is None:
            person = Person.objects.create(
                given_names=subject.given_names,
                family_name=subject.family_name,
                date_of_birth=subject.date_of_birth,
                date_of_birth_estimated=subject.date_of_birth is None,
                sex=subject.sex,
                nhs_number=subject.nhs_number,
                address=subject.address,
                postcode=subject.postcode,
                created_by=by,
            )
            subject.link = Subject.Link.NEW
            summary = f"{subject} confirmed as a new person"
        else:
            subject.link = Subject.Link.LINKED
            summary = f"{subject} linked to a known person ({person}, index number {person.pk})"
        subject.person = person
        subject.version = locked.version + 1
        subject.save(update_fields=["person", "link", "version"])
        # What the referral says about them joins the person index as an agency record.
        placement = matching.subject_recorded(subject=subject, by=by)
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=subject,
            reason="Checked whether a subject is already known",
            details={"person": person.pk, "link": subject.link, "placement": placement.outcome},
        )
        timeline_add(contact=subject.contact, by=by, summary=summary)
    return subject


def contact_decide(
    *,
    contact: Contact,
    by,
    expected_version: int,
    outcome: str,
    rationale: str,
    feedback: str,
    signpost_to: str = "",
    services: Sequence[UUID | str] = (),
) -> Decision:
    """``services``: directory services signposted to (advice or signposting only); each
    is kept as the directory describes it now (ADR 0016)."""
    if outcome not in Decision.Outcome.values:
        raise ValidationError("Choose a decision from the list")
    if not rationale.strip():
        raise ValidationError("Give the reason for the decision")
    if not feedback.strip():
        raise ValidationError("Write what the referrer should be told")
    if services and outcome != Decision.Outcome.ADVICE:
        raise ValidationError(
            "Services from the directory can be chosen only for advice or signposting: "
            "untick them, or choose advice or signposting"
        )
    if outcome == Decision.Outcome.ADVICE and not services and not signpost_to.strip():
        raise ValidationError(
            "Choose at least one service from the directory, or name the service you signposted to"
        )
    chosen = signposting.signposts_resolve(by=by, service_ids=services)
    with transaction.atomic():
        locked = _locked_for_update(contact, expected_version)
        if locked.status in (Contact.Status.DECIDED, Contact.Status.AWAITING_SIGN_OFF):
            raise ConflictError("This contact has already been decided.")
        if not locked.rag:
            raise ValidationError("Rate the contact red, amber or green before deciding")
        now = timezone.now()
        decision = Decision.objects.create(
            contact=locked,
            outcome=outcome,
            rationale=rationale,
            feedback_to_referrer=feedback,
            signpost_to=signpost_to,
            decided_by=by,
            decided_at=now,
        )
        signposted = SignpostedService.objects.bulk_create(
            [
                signposting.snapshot(service, decision=decision, position=n)
                for n, service in enumerate(chosen)
            ]
        )
        needs_sign_off = locked.is_red
        locked.status = (
            Contact.Status.AWAITING_SIGN_OFF if needs_sign_off else Contact.Status.DECIDED
        )
        locked.version += 1
        if not needs_sign_off:
            locked.decided_at = now
        locked.save()
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=locked,
            reason="Recorded the front door's decision",
            details={"outcome": outcome, "signposted": [str(s.id) for s in chosen]},
        )
        timeline_add(
            contact=locked,
            by=by,
            summary=f"Decision: {decision.get_outcome_display()}",
            detail=rationale
            + ("\nRed contact: waiting for a hub manager's sign-off." if needs_sign_off else ""),
        )
        if signposted or signpost_to.strip():
            names = [item.service_name for item in signposted] + [signpost_to.strip()]
            timeline_add(
                contact=locked,
                by=by,
                summary="Signposted to " + ", ".join(name for name in names if name),
                detail=signposting.signposts_text(signposted, signpost_to),
            )
        if not needs_sign_off:
            _close_the_loop(locked, decision, by)
    return decision


def contact_sign_off(*, contact: Contact, by, expected_version: int) -> Decision:
    with transaction.atomic():
        locked = _locked_for_update(contact, expected_version)
        if locked.status != Contact.Status.AWAITING_SIGN_OFF:
            raise ValidationError("This decision is not waiting for sign-off.")
        decision = locked.decision
        now = timezone.now()
        decision.signed_off_by, decision.signed_off_at = by, now
        decision.save(update_fields=["signed_off_by", "signed_off_at"])
        locked.status, locked.decided_at = Contact.Status.DECIDED, now
        locked.version += 1
        locked.save()
        audit_record(actor=by, verb=Verb.CHANGE, obj=locked, reason="Signed off a red decision")
        timeline_add(contact=locked, by=by, summary=f"Decision signed off by {by}")
        _close_the_loop(locked, decision, by)
    return decision


def _close_the_loop(contact: Contact, decision: Decision, by) -> None:
    """Tell the referrer and every agency that answered: proportionately, once (promise 20)."""
    from frontdoor.sharing.models import InformationRequest

    subject = f"Outcome of referral {contact.reference}"
    body = (
        f"The front door has decided what happens next for referral {contact.reference}.\n\n"
        f"Decision: {decision.get_outcome_display()}\n\n{decision.feedback_to_referrer}"
    )
    signposts = signposting.signposts_text(list(decision.signposted.all()), decision.signpost_to)
    if signposts:
        body += f"\n\n{signposts}"
    outbox_write(
        recipient=contact.referrer,
        subject=subject,
        body=body,
        dedupe_key=f"contact-{contact.pk}-outcome-referrer",
        link=reverse("referrals:mine_detail", args=[contact.pk]),
    )
    recipients = [str(contact.referrer_agency)]
    answered = InformationRequest.objects.filter(
        contact=contact, answered_by__isnull=False
    ).select_related("answered_by", "to_agency")
    for request in answered:
        outbox_write(
            recipient=request.answered_by,
            subject=f"Outcome of the request you answered ({contact.reference})",
            body=f"Thank you for answering the front door's request.\n\nDecision: {decision.get_outcome_display()}\n\n"
            f"{decision.feedback_to_referrer}",
            dedupe_key=f"request-{request.pk}-outcome",
            link=reverse("sharing:detail", args=[request.pk]),
        )
        recipients.append(str(request.to_agency))
    now = timezone.now()
    Contact.objects.filter(pk=contact.pk).update(referrer_told_at=now)
    contact.referrer_told_at = now
    audit_record(
        actor=by,
        verb=Verb.DISCLOSE,
        obj=contact,
        reason="Told the referrer and answering agencies the outcome",
        recipients=sorted(set(recipients)),
        details={
            "shared": ["decision", "feedback"] + (["signposted services"] if signposts else [])
        },
    )
    timeline_add(
        contact=contact,
        by=by,
        summary="Outcome sent to the referrer"
        + (
            f" and {len(answered)} answering agenc{'y' if len(answered) == 1 else 'ies'}"
            if answered
            else ""
        ),
    )


def referrer_told_within_a_working_day(contacts) -> tuple[int, int]:
    """(told in time, decided) for the hub manager's loop-closing figure."""
    told = decided = 0
    for contact in contacts.filter(decided_at__isnull=False).only(
        "submitted_at", "referrer_told_at"
    ):
        decided += 1
        if contact.referrer_told_at and contact.referrer_told_at <= deadline(
            contact.submitted_at, 1, "working_days"
        ):
            told += 1
    return told, decided


def subject_age(subject: Subject, on: date | None = None) -> int | None:
    if subject.date_of_birth is None:
        return subject.estimated_age
    on = on or timezone.localdate()
    born = subject.date_of_birth
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
