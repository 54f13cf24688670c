"""Retention rules, review decisions, subject access requests and their redactions (ADR 0032, 0033).

A review decision names the record by its type (``app_label.model``, a key of the registry) and
its id, never by its content: after a disposal the decision row is the erasure record, so it
must hold nothing about the person.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

MAX_PERIOD_MONTHS = 100 * 12


class RetentionRule(models.Model):
    """How long one type of record is kept before its review: the partnership's rule (no agency)
    or an agency's own where the law it answers to differs (police: MoPI; health: the NHS code)."""

    record_type = models.CharField(max_length=100)
    agency = models.ForeignKey(
        "agencies.Agency",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="retention_rules",
        help_text="Leave empty for the partnership's rule.",
    )
    period_months = models.PositiveIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PERIOD_MONTHS)]
    )
    source = models.CharField(
        max_length=300, help_text="The law, code or policy the period comes from."
    )
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Optimistic locking: a change names the version it was shown; 0 while no rule is set
    # (promise 18).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["record_type", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["record_type", "agency"], name="retention_rule_once_per_agency"
            ),
            models.UniqueConstraint(
                fields=["record_type"],
                condition=models.Q(agency__isnull=True),
                name="retention_rule_once_for_partnership",
            ),
        ]

    def __str__(self) -> str:
        whose = self.agency.name if self.agency_id else "the partnership"
        return f"{self.record_type}: {self.period_months} months ({whose})"


class RecordReview(models.Model):
    """An owner's review of one record: kept (with the reason and the next review date) or
    disposed of. Never names or describes the record's content (it outlives the record)."""

    class Outcome(models.TextChoices):
        RETAIN = "retain", "Keep it"
        DISPOSE = "dispose", "Dispose of it"

    record_type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    reason = models.TextField()
    next_review_on = models.DateField(null=True, blank=True)
    # What disposal removed, by type and count (never content).
    removed = models.JSONField(default=dict, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_at", "-pk"]
        indexes = [models.Index(fields=["record_type", "object_id", "decided_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome="dispose") | models.Q(next_review_on__isnull=False),
                name="record_review_retain_has_next_date",
            )
        ]

    def __str__(self) -> str:
        return f"Review of {self.record_type} {self.object_id}: {self.get_outcome_display()}"


class SubjectAccessRequest(models.Model):
    """A person's request for their own data (UK GDPR Art 15; DPA 2018 s.45): due one calendar
    month after receipt, extendable by two further months with a reason (Art 12(3))."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        RELEASED = "released", "Released"
        CLOSED = "closed", "Closed without release"

    class Requester(models.TextChoices):
        SELF = "self", "The person themselves"
        PARENT = "parent", "A parent or carer on the child's behalf"
        REPRESENTATIVE = "representative", "A solicitor or other representative"
        OTHER = "other", "Someone else with authority"

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="access_requests"
    )
    requester_name = models.CharField(max_length=200)
    requester_is = models.CharField(max_length=20, choices=Requester.choices)
    received_on = models.DateField()
    due_on = models.DateField()
    extended_due_on = models.DateField(null=True, blank=True)
    extension_reason = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField()
    released_at = models.DateTimeField(null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_reason = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["status", "due_on", "pk"]

    def __str__(self) -> str:
        # Audit rows show this: no names.
        return f"Subject access request {self.pk}"

    @property
    def deadline(self) -> date:
        return self.extended_due_on or self.due_on

    def state(self, today: date) -> str:
        """'released', 'closed', 'overdue', 'extended' or 'due'."""
        if self.status == self.Status.RELEASED:
            return "released"
        if self.status == self.Status.CLOSED:
            return "closed"
        if today > self.deadline:
            return "overdue"
        return "extended" if self.extended_due_on else "due"

    def days_left(self, today: date) -> int:
        return (self.deadline - today).days


class Redaction(models.Model):
    """Third parties' information marked on a SAR before release: a whole field of one item, or
    one passage in it (every occurrence is replaced)."""

    request = models.ForeignKey(
        SubjectAccessRequest, on_delete=models.CASCADE, related_name="redactions"
    )
    item_key = models.CharField(max_length=120)  # "<record type>:<id>", as in the bundle
    field = models.CharField(max_length=100)
    passage = models.TextField(blank=True)
    reason = models.CharField(max_length=300)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    marked_at = models.DateTimeField()

    class Meta:
        ordering = ["item_key", "field", "pk"]

    def __str__(self) -> str:
        return f"Redaction {self.pk} on {self.item_key} {self.field}"
