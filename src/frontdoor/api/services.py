"""Issuing and revoking API tokens, each recorded in the audit trail."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record

from .models import KEY_PREFIX_LENGTH, ApiToken, key_hash

# Makes a leaked key easy to recognise (secret scanners, logs).
KEY_START = "fd_"


def api_token_issue(*, practitioner, name: str, by=None) -> tuple[ApiToken, str]:
    """Make a token for ``practitioner``; return it with the full key, which is never stored."""
    name = name.strip()
    if not name:
        raise ValidationError("Name the system that will use the token")
    if not practitioner.is_active:
        raise ValidationError("This practitioner's account is not active")
    if practitioner.agency_id is None:
        raise ValidationError("This practitioner does not belong to an agency")
    key = KEY_START + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            practitioner=practitioner,
            name=name,
            key_prefix=key[:KEY_PREFIX_LENGTH],
            key_hash=key_hash(key),
        )
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=token,
            reason=f"Issued an API token to {practitioner.username} for {name}",
            details={"practitioner": practitioner.username, "key_prefix": token.key_prefix},
        )
    return token, key


TOUCH_EVERY = timedelta(minutes=1)


def api_token_revoke(*, token: ApiToken, by=None) -> ApiToken:
    with transaction.atomic():
        updated = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        token.refresh_from_db()
        if updated:
            audit_record(
                actor=by,
                verb=Verb.CHANGE,
                obj=token,
                reason=f"Revoked the API token {token}",
                details={"practitioner": token.practitioner.username},
            )
    return token


def api_token_touch(*, token: ApiToken) -> None:
    """Note when a token was last used (plumbing, not an audited action: each read or write
    made with it is audited by the service or access helper that does it). To the minute:
    a token used many times a minute is written once, not on every request."""
    now = timezone.now()
    if token.last_used_at and now - token.last_used_at < TOUCH_EVERY:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
