"""Changes to the partnership map: each one version-checked and audited in its transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.errors import ConflictError

from .models.partnership import Body, BodyReview, Membership, Post

BODY_FIELDS = (
    "name",
    "classification",
    "level",
    "area",
    "parent",
    "accountable_to",
    "purpose",
    "terms_of_reference",
    "meeting_frequency",
    "founding_date",
    "dissolution_date",
    "review_due",
)
POST_FIELDS = ("label", "role", "start_date", "end_date")
MEMBERSHIP_FIELDS = ("agency", "person", "post", "role", "start_date", "end_date")

CONFLICT = (
    "Someone else changed this record while you were editing it. Your changes have not been "
    "saved: check the latest version and make them again."
)


def _describe(value: Any) -> str:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)[:200]


def _create(model, *, by, reason: str, fields: tuple[str, ...], data: dict, **extra):
    with transaction.atomic():
        record = model.objects.create(**{k: data[k] for k in fields if k in data}, **extra)
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=record,
            reason=reason,
            details={"fields": sorted(k for k in fields if k in data)},
        )
    return record


def _update(record, *, by, reason: str, fields: tuple[str, ...], expected_version: int, data: dict):
    """Save ``data`` unless someone saved a newer version since ``expected_version``."""
    unknown = set(data) - set(fields)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    model = type(record)
    current = model.objects.get(pk=record.pk)
    changed = {
        k: {"from": _describe(getattr(current, k)), "to": _describe(v)}
        for k, v in data.items()
        if getattr(current, k) != v
    }
    with transaction.atomic():
        updated = model.objects.filter(pk=record.pk, version=expected_version).update(
            version=F("version") + 1, **data
        )
        if not updated:
            raise ConflictError(CONFLICT)
        audit_record(
            actor=by, verb=Verb.CHANGE, obj=record, reason=reason, details={"changes": changed}
        )
    record.refresh_from_db()
    return record


def body_create(*, by, data: dict) -> Body:
    return _create(
        Body, by=by, reason="Added a body to the partnership map", fields=BODY_FIELDS, data=data
    )


def body_update(*, body: Body, by, expected_version: int, data: dict) -> Body:
    return _update(
        body,
        by=by,
        reason="Changed a body on the partnership map",
        fields=BODY_FIELDS,
        expected_version=expected_version,
        data=data,
    )


def post_create(*, body: Body, by, data: dict) -> Post:
    return _create(
        Post, by=by, reason=f"Added a post to {body}", fields=POST_FIELDS, data=data, body=body
    )


def post_update(*, post: Post, by, expected_version: int, data: dict) -> Post:
    return _update(
        post,
        by=by,
        reason=f"Changed a post on {post.body}",
        fields=POST_FIELDS,
        expected_version=expected_version,
        data=data,
    )


def membership_create(*, body: Body, by, data: dict) -> Membership:
    return _create(
        Membership,
        by=by,
        reason=f"Added a member to {body}",
        fields=MEMBERSHIP_FIELDS,
        data=data,
        body=body,
    )


def membership_update(
    *, membership: Membership, by, expected_version: int, data: dict
) -> Membership:
    return _update(
        membership,
        by=by,
        reason=f"Changed a membership of {membership.body}",
        fields=MEMBERSHIP_FIELDS,
        expected_version=expected_version,
        data=data,
    )


def review_record(
    *,
    body: Body,
    by,
    expected_version: int,
    outcome: str,
    notes: str,
    next_review: date | None,
) -> BodyReview:
    """Keep the review as history and move the body's review date (a close dissolves it)."""
    changes: dict[str, Any] = {}
    if next_review is not None:
        changes["review_due"] = next_review
    if outcome == BodyReview.Outcome.CLOSE:
        changes["dissolution_date"] = timezone.localdate()
    with transaction.atomic():
        updated = Body.objects.filter(pk=body.pk, version=expected_version).update(
            version=F("version") + 1, **changes
        )
        if not updated:
            raise ConflictError(CONFLICT)
        review = BodyReview.objects.create(
            body=body, outcome=outcome, notes=notes, next_review=next_review, reviewed_by=by
        )
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=review,
            reason=f"Recorded a review of {body}",
            details={"outcome": outcome, "next_review": _describe(next_review)},
        )
    body.refresh_from_db()
    return review
