"""API tokens: how an agency's own system signs in as a named practitioner."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone

KEY_PREFIX_LENGTH = 8


def key_hash(key: str) -> str:
    """A key has 256 random bits, so a plain SHA-256 is enough: nothing to brute-force."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


class ApiToken(models.Model):
    """A bearer key issued by an administrator to one practitioner (or service account).

    The key stands in for sign-in *and* the second factor, so only its hash is kept and the
    key itself is shown once, when issued. Revoking it, or deactivating the practitioner,
    takes effect on the next request (promise 5).
    """

    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_tokens"
    )
    name = models.CharField(max_length=200, help_text="The system that uses this token.")
    key_prefix = models.CharField(max_length=KEY_PREFIX_LENGTH, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.key_prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
