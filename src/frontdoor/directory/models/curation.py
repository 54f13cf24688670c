"""Keeping the directory current (issue 8, item 4): suggestions, change history, practice notes."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from .core import Service


class Suggestion(models.Model):
    """A change to a service, or a report that it has closed, from anyone; a curator decides."""

    class Kind(models.TextChoices):
        DETAILS_WRONG = "details_wrong", "Some details are wrong"
        CLOSED = "closed", "The service has closed"
        OTHER = "other", "Something else"

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for a curator"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="suggestions")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # {field name: proposed value}, field names from ``curation.FIELDS``.
    proposed = models.JSONField(default=dict, blank=True)
    comment = models.TextField(blank=True)
    # Personal data: shown to curators only, and cleared once the outcome has been sent.
    contact_email = models.EmailField(blank=True)
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_suggestions",
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="directory_decisions",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"Suggestion {self.pk} about {self.service}"


class ServiceChange(models.Model):
    """One change to a service, kept for its history: who, when, which fields from what to what."""

    class Kind(models.TextChoices):
        SUGGESTION = "suggestion", "Accepted a suggestion"
        EDIT = "edit", "Edited"
        REVIEWED = "reviewed", "Marked as reviewed"

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="directory_changes",
    )
    changed_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # {field name: {"old": ..., "new": ..., "applied": bool}}
    fields = models.JSONField(default=dict, blank=True)
    suggestion = models.ForeignKey(
        Suggestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="changes"
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.service}"


class PracticeNote(models.Model):
    """What practitioners have learnt about working with a service. Practitioners only: never
    on the public pages, in the ORUK API or in an export."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="practice_notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="directory_notes"
    )
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Practice note on {self.service}"
