"""Keeping the directory current (issue 8, item 4): writes for suggestions, curation and notes.

Anyone may suggest a change to a service or report that it has closed; a curator (see
``access.CURATE``) accepts the suggestion, which changes the service in one transaction and
keeps the change in its history, or rejects it with a reason. Curators also edit a service
directly and mark it reviewed. Every change bumps ``Service.version`` so that a curator
working from an old copy is told rather than overwriting someone else's change.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.models import Practitioner
from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.outbox import outbox_write

from . import schedules
from .access import AGENCY_CURATOR_ROLES
from .models import Contact, Phone, PracticeNote, Service, ServiceChange, Suggestion


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    max_length: int
    # Stored on the service row itself (applied on accept and editable directly).
    on_service: bool = True
    # Applied when a suggestion is accepted. Opening times and addresses are structured
    # records (iCalendar rules, address parts); a curator updates them from the feed.
    applied: bool = True
    multiline: bool = False


FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("name", "Name", 200),
        Field("description", "Description", 4000, multiline=True),
        Field("eligibility_description", "Who it is for", 2000, multiline=True),
        Field("application_process", "How to get help", 2000, multiline=True),
        Field(
            "opening_times", "Opening times", 1000, on_service=False, applied=False, multiline=True
        ),
        Field("phone", "Phone", 40, on_service=False),
        Field("email", "Email", 254),
        Field("url", "Website", 500),
        Field("address", "Address", 500, on_service=False, applied=False, multiline=True),
    )
}
# Extra fields a curator edits directly (not offered to the public).
EDIT_ONLY = {"alert": "Alert shown at the top of the page", "status": "Status"}
MAX_COMMENT = 2000
MAX_REASON = 1000
MAX_NOTE = 2000


class VersionConflict(Exception):
    """The service changed after the curator's form was shown: nothing was written."""


class AlreadyDecided(Exception):
    """Someone else accepted or rejected the suggestion first: nothing was written."""


def label(name: str) -> str:
    if name in FIELDS:
        return FIELDS[name].label
    return EDIT_ONLY.get(name, name.replace("_", " ").capitalize())


# Reading current values -------------------------------------------------------------------


def _first_phone(service: Service) -> Phone | None:
    return (
        Phone.objects.filter(contact__service=service)
        .order_by("contact__name", "contact_id", "id")
        .first()
    )


def current_value(service: Service, name: str) -> str:
    """What the directory says now, as text, for the side-by-side comparison."""
    if name == "phone":
        phone = _first_phone(service)
        return phone.number if phone else ""
    if name == "opening_times":
        found = list(service.schedules.all())
        for sal in service.service_at_locations.all():
            found.extend(sal.schedules.all())
        lines = []
        for schedule in found:
            words = " ".join(
                part
                for part in (schedules.days_text(schedule), schedules.hours_text(schedule))
                if part
            )
            lines.append(" – ".join(p for p in (words, schedule.description) if p))
        return "\n".join(line for line in lines if line)
    if name == "address":
        lines = []
        for sal in service.service_at_locations.select_related("location"):
            for address in sal.location.addresses.all():
                lines.append(
                    ", ".join(
                        p for p in (address.address_1, address.city, address.postal_code) if p
                    )
                )
        return "\n".join(lines)
    return str(getattr(service, name) or "")


def comparison(suggestion: Suggestion) -> list[dict]:
    """Each proposed field: label, current value, proposed value, whether accepting applies it."""
    rows = []
    for name, value in suggestion.proposed.items():
        field = FIELDS.get(name)
        if field is None:
            continue
        rows.append(
            {
                "name": name,
                "label": field.label,
                "current": current_value(suggestion.service, name),
                "proposed": value,
                "applied": field.applied,
            }
        )
    return rows


# Suggesting -----------------------------------------------------------------------------


def suggestion_create(
    *,
    service: Service,
    kind: str,
    proposed: dict[str, str] | None = None,
    comment: str = "",
    contact_email: str = "",
    by: Practitioner | None = None,
) -> Suggestion:
    """Record a suggestion from a member of the public (``by`` None) or a practitioner."""
    proposed = proposed or {}
    unknown = set(proposed) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    with transaction.atomic():
        suggestion = Suggestion.objects.create(
            service=service,
            kind=kind,
            proposed=proposed,
            comment=comment,
            contact_email="" if by is not None else contact_email,
            suggested_by=by,
        )
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            reason="Suggested a change to a directory service",
            obj=suggestion,
            details={
                "service": str(service.pk),
                "kind": kind,
                "fields": sorted(proposed),
                "gave_contact_email": bool(suggestion.contact_email),
            },
        )
    return suggestion


# Deciding -------------------------------------------------------------------------------


def _lock(suggestion: Suggestion, base_version: int) -> tuple[Suggestion, Service]:
    service = Service.objects.select_for_update().get(pk=suggestion.service_id)
    locked = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    if locked.status != Suggestion.Status.OPEN:
        raise AlreadyDecided
    if service.version != base_version:
        raise VersionConflict
    locked.service = service
    return locked, service


def _apply(service: Service, name: str, value: str) -> None:
    if name == "phone":
        phone = _first_phone(service)
        if phone is None:
            contact = Contact.objects.create(service=service)
            Phone.objects.create(contact=contact, number=value)
        else:
            phone.number = value
            phone.save(update_fields=["number"])
        return
    setattr(service, name, value)


def _bump(service: Service) -> None:
    service.version += 1
    service.last_modified = timezone.now()
    service.save()


def suggestion_accept(
    *, suggestion: Suggestion, by: Practitioner, base_version: int, note: str = ""
) -> ServiceChange | None:
    """Apply the proposed values (and close the service if it was reported closed). A
    suggestion that proposes no values ("something else") is accepted without a change."""
    with transaction.atomic():
        suggestion, service = _lock(suggestion, base_version)
        fields: dict[str, dict] = {}
        for name, value in suggestion.proposed.items():
            field = FIELDS[name]
            old = current_value(service, name)
            fields[name] = {"old": old, "new": value, "applied": field.applied}
            if field.applied and old != value:
                _apply(service, name, value)
        if suggestion.kind == Suggestion.Kind.CLOSED:
            fields["status"] = {
                "old": service.status,
                "new": Service.Status.INACTIVE,
                "applied": True,
            }
            service.status = Service.Status.INACTIVE
        if not fields:
            _decide(suggestion, by, Suggestion.Status.ACCEPTED, note)
            audit_record(
                actor=by,
                verb=Verb.CHANGE,
                reason="Accepted a suggestion about a directory service, changing nothing",
                obj=suggestion,
                details={"service": str(service.pk)},
            )
            return None
        _bump(service)
        change = ServiceChange.objects.create(
            service=service,
            kind=ServiceChange.Kind.SUGGESTION,
            changed_by=by,
            fields=fields,
            suggestion=suggestion,
            note=note,
        )
        _decide(suggestion, by, Suggestion.Status.ACCEPTED, note)
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            reason="Accepted a suggested change to a directory service",
            obj=service,
            details={"suggestion": suggestion.pk, "fields": sorted(fields)},
        )
    return change


def suggestion_reject(*, suggestion: Suggestion, by: Practitioner, reason: str) -> Suggestion:
    if not reason.strip():
        raise ValueError("a rejection needs a reason")
    with transaction.atomic():
        service = Service.objects.select_for_update().get(pk=suggestion.service_id)
        suggestion, _ = _lock(suggestion, service.version)
        _decide(suggestion, by, Suggestion.Status.REJECTED, reason)
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            reason="Rejected a suggested change to a directory service",
            obj=suggestion,
            details={"service": str(service.pk), "why": reason},
        )
    return suggestion


def _decide(suggestion: Suggestion, by: Practitioner, status: str, reason: str) -> None:
    suggestion.status = status
    suggestion.decided_by = by
    suggestion.decided_at = timezone.now()
    suggestion.reason = reason
    email = suggestion.contact_email
    # The suggester's email was kept only to tell them the outcome.
    suggestion.contact_email = ""
    suggestion.save()
    service = suggestion.service
    accepted = status == Suggestion.Status.ACCEPTED
    subject = (
        f"Your suggestion about {service.name} was {'accepted' if accepted else 'not accepted'}"
    )
    body = (
        f"Thank you for telling us about {service.name}. "
        + ("We have updated the directory." if accepted else "We have not changed the directory.")
        + (f"\n\n{'Note' if accepted else 'Why'}: {reason}" if reason else "")
    )
    if suggestion.suggested_by_id:
        outbox_write(
            recipient=suggestion.suggested_by,
            subject=subject,
            body=body,
            dedupe_key=f"directory-suggestion-{suggestion.pk}-outcome",
            link=reverse("directory:service", args=[service.pk])
            if accepted and service.status != Service.Status.INACTIVE
            else "",
        )
    elif email:
        # The outbox addresses practitioners; a member of the public is emailed once, after
        # the decision is committed.
        transaction.on_commit(lambda: send_mail(subject, body, None, [email], fail_silently=True))


# Curators' own changes ------------------------------------------------------------------


def service_edit(
    *, service: Service, by: Practitioner, base_version: int, values: dict[str, str]
) -> ServiceChange | None:
    """Change the service's main fields. None if nothing changed."""
    with transaction.atomic():
        locked = Service.objects.select_for_update().get(pk=service.pk)
        if locked.version != base_version:
            raise VersionConflict
        fields = {}
        for name, value in values.items():
            old = str(getattr(locked, name) or "")
            if old != value:
                fields[name] = {"old": old, "new": value, "applied": True}
                setattr(locked, name, value)
        if not fields:
            return None
        _bump(locked)
        change = ServiceChange.objects.create(
            service=locked, kind=ServiceChange.Kind.EDIT, changed_by=by, fields=fields
        )
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            reason="Edited a directory service",
            obj=locked,
            details={"fields": sorted(fields)},
        )
    service.refresh_from_db()
    return change


def service_mark_reviewed(*, service: Service, by: Practitioner) -> ServiceChange:
    """The curator has checked the whole entry: it is current from today."""
    today = timezone.localdate()
    with transaction.atomic():
        locked = Service.objects.select_for_update().get(pk=service.pk)
        old = locked.last_reviewed.isoformat() if locked.last_reviewed else ""
        locked.last_reviewed = today
        locked.review_reminded_on = None
        # The feed's assured_date changed: feeds pulling ``modified_after`` must see it. The
        # version is left alone, so an edit form open elsewhere is not needlessly refused.
        locked.last_modified = timezone.now()
        locked.save(update_fields=["last_reviewed", "review_reminded_on", "last_modified"])
        change = ServiceChange.objects.create(
            service=locked,
            kind=ServiceChange.Kind.REVIEWED,
            changed_by=by,
            fields={"last_reviewed": {"old": old, "new": today.isoformat(), "applied": True}},
        )
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            reason="Marked a directory service as reviewed",
            obj=locked,
            details={"last_reviewed": today.isoformat()},
        )
    service.refresh_from_db()
    return change


# Practice notes -------------------------------------------------------------------------


def note_add(*, service: Service, by: Practitioner, body: str) -> PracticeNote:
    body = body.strip()
    if not body:
        raise ValueError("a practice note needs some text")
    with transaction.atomic():
        note = PracticeNote.objects.create(
            service=service, author=by, agency=by.agency, body=body[:MAX_NOTE]
        )
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            reason="Added a practice note to a directory service",
            obj=note,
            details={"service": str(service.pk)},
        )
    return note


# Telling owners about overdue reviews ---------------------------------------------------


def owners_to_tell(service: Service) -> list[Practitioner]:
    """The owner practitioner; for an agency-owned service, the agency's managers."""
    if service.owner_practitioner_id and service.owner_practitioner.is_active:
        return [service.owner_practitioner]
    if service.owner_agency_id:
        return list(
            Practitioner.objects.filter(
                agency_id=service.owner_agency_id,
                role__in=AGENCY_CURATOR_ROLES,
                is_active=True,
            ).order_by("pk")
        )
    return []


def review_reminders_send(today: date | None = None) -> int:
    """Tell owners about services that have become overdue for review since they were last
    told: once per lapse (marking a service reviewed starts a new one). Returns messages."""
    today = today or timezone.localdate()
    with transaction.atomic():
        overdue = list(
            Service.objects.select_for_update(of=("self",))
            .exclude(status__in=[Service.Status.INACTIVE, Service.Status.DEFUNCT])
            .possibly_out_of_date(today)
            .filter(review_reminded_on__isnull=True)
            .select_related("owner_practitioner")
            .order_by("name", "id")
        )
        if not overdue:
            return 0
        per_owner: dict[Practitioner, list[Service]] = defaultdict(list)
        for service in overdue:
            for owner in owners_to_tell(service):
                per_owner[owner].append(service)
        sent = 0
        for owner, services in per_owner.items():
            ids = ",".join(str(s.pk) for s in services)
            digest = hashlib.sha256(ids.encode()).hexdigest()[:16]
            names = "\n".join(f"- {s.name}" for s in services)
            count = len(services)
            outbox_write(
                recipient=owner,
                subject=f"{count} directory service{'s' if count != 1 else ''} due for review",
                body=(
                    "These services you look after in the directory have not been reviewed "
                    "recently, so the public page now says they are possibly out of date. "
                    "Check each one and mark it as reviewed.\n\n" + names
                ),
                dedupe_key=f"directory-review:{owner.pk}:{today.isoformat()}:{digest}",
                link=reverse("directory:curation_queue"),
            )
            sent += 1
        Service.objects.filter(pk__in=[s.pk for s in overdue]).update(review_reminded_on=today)
    return sent
