"""Writing the audit trail. Call inside the transaction of the action recorded."""

from __future__ import annotations

from collections.abc import Iterable
from contextvars import ContextVar
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from frontdoor.core.request_context import current_origin

from .models import AuditEvent, Verb


def _fields(
    *,
    actor: Any,
    verb: Verb | str,
    reason: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    recipients: Iterable[str] = (),
    details: dict | None = None,
) -> dict[str, Any]:
    if not reason:
        raise ValueError("an audit event needs a reason")
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)
    origin = current_origin()
    known_actor = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    agency = getattr(known_actor, "agency", None)
    return dict(
        occurred_at=timezone.now(),
        actor=known_actor,
        actor_username=getattr(known_actor, "username", "") or (details or {}).get("username", ""),
        actor_agency=str(agency) if agency else "",
        actor_role=getattr(known_actor, "role", ""),
        verb=verb,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr[:300],
        reason=reason,
        recipients=sorted(recipients),
        ip_address=origin.ip_address if origin else None,
        request_path=origin.path if origin else "",
        details=details or {},
    )


def audit_record(**event: Any) -> AuditEvent:
    """Append one event. ``reason`` says why (DPA 2018 s.62 asks for the justification).

    Takes actor, verb, reason and optionally obj (or object_type, object_id and
    object_repr), recipients and details."""
    fields = _fields(**event)
    with transaction.atomic():
        return AuditEvent.objects.create(**fields)


def audit_records(events: Iterable[dict[str, Any]]) -> list[AuditEvent]:
    """Append several events (each as audit_record's arguments) in one statement: for a page
    that shows many people at once, one write rather than one per person."""
    built = [AuditEvent(**_fields(**event)) for event in events]
    if built:
        with transaction.atomic():
            AuditEvent.objects.bulk_create(built)
    return built


# Reads, written once the page is shown ----------------------------------------------------
#
# A page loads its record before it knows whether it will show it. A change (a POST) shows
# it only if refused: a 422 or 409 shows the page again, with the record's data, while a
# success redirects and shows nothing; a GET can redirect too. So a read made during a request
# waits for the answer: ``audit.middleware.ReadsShownAgainMiddleware`` writes it if a page
# was shown and drops it if not. Outside a request (a service, a command) it is written at once.

REFUSED = frozenset({400, 409, 412, 422})
SHOWN_AGAIN = "shown again after a refused change"

_waiting: ContextVar[list[dict[str, Any]] | None] = ContextVar(
    "frontdoor_reads_waiting", default=None
)


def reads_wait(waiting: list[dict[str, Any]] | None):
    """Hold reads in ``waiting`` (None: write them at once); returns a token to reset."""
    return _waiting.set(waiting)


def reads_stop_waiting(token) -> None:
    _waiting.reset(token)


def audit_read(**event: Any) -> None:
    """Record a read of personal data (``audit_record``'s arguments, verb ``view``): when the
    request's answer shows a page, or at once outside a request (see above)."""
    event = {**event, "verb": Verb.VIEW}
    waiting = _waiting.get()
    if waiting is None:
        audit_record(**event)
    else:
        waiting.append(event)
