"""Professional disagreements between agencies about a case, their escalation and learning themes.

A practitioner raises a disagreement about another agency's decision or action on a contact. It
climbs four levels (practitioner to practitioner, managers, senior managers, the safeguarding
partnership), each with a time limit in working days; every level is kept as a ``LevelStep`` so
the page and the dashboard show how long each level took against its limit (ADR 0026).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Theme(models.Model):
    """A learning theme: configurable data, seeded with the themes escalation protocols name."""

    name = models.CharField(max_length=120, unique=True)
    description = models.CharField(max_length=300, blank=True)
    is_active = models.BooleanField(default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Level(models.IntegerChoices):
    PRACTITIONERS = 1, "Level 1: practitioner to practitioner"
    MANAGERS = 2, "Level 2: managers"
    SENIOR_MANAGERS = 3, "Level 3: senior managers"
    PARTNERSHIP = 4, "Level 4: the safeguarding partnership"


class Disagreement(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        RESOLVED = "resolved", "Resolved"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Outcome(models.TextChoices):
        AGREED_WITH_RAISER = "agreed_with_raiser", "Agreed with the agency that raised it"
        AGREED_WITH_OTHER = "agreed_with_other", "Agreed with the other agency"
        COMPROMISE = "compromise", "A compromise both agencies accept"
        REFERRED = "referred_to_partnership", "Referred to the partnership for a decision"
        WITHDRAWN = "withdrawn", "Withdrawn by the practitioner who raised it"

    contact = models.ForeignKey(
        "referrals.Contact", on_delete=models.PROTECT, related_name="disagreements"
    )
    # What is disputed: the front door's decision, or (free text) a plan action or anything else.
    decision = models.ForeignKey(
        "referrals.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="disagreements",
    )
    disputed = models.CharField("What is disputed", max_length=300)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="disagreements_raised"
    )
    raised_by_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="disagreements_raised"
    )
    other_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="disagreements_received"
    )
    # Level 1's recipient: the other agency's practitioner who made the decision (if known).
    other_practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="disagreements_received",
    )
    issue = models.TextField("The issue")
    wanted = models.TextField("What you want to happen instead")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="disagreements")
    raised_at = models.DateTimeField(db_index=True)

    level = models.PositiveSmallIntegerField(choices=Level.choices, default=Level.PRACTITIONERS)
    level_started_at = models.DateTimeField()
    level_due_at = models.DateTimeField(db_index=True)
    # Set when the overdue prompt for a level was sent: once per level (the outbox dedupes too).
    overdue_prompted_level = models.PositiveSmallIntegerField(null=True, blank=True)

    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    resolution = models.TextField(blank=True)
    outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-raised_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(raised_by_agency=models.F("other_agency")),
                name="disagreement_is_with_another_agency",
            ),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=4), name="disagreement_level_1_to_4"
            ),
        ]

    def __str__(self) -> str:
        return f"Disagreement {self.pk}: {self.raised_by_agency} with {self.other_agency}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_overdue(self) -> bool:
        return self.is_open and timezone.now() > self.level_due_at

    @property
    def can_climb(self) -> bool:
        return self.is_open and self.level < Level.PARTNERSHIP

    @property
    def agency_ids(self) -> set[int]:
        return {self.raised_by_agency_id, self.other_agency_id}


class LevelStep(models.Model):
    """One level a disagreement reached: when it started, its deadline, and when it ended."""

    disagreement = models.ForeignKey(Disagreement, on_delete=models.CASCADE, related_name="steps")
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    started_at = models.DateTimeField()
    due_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["disagreement", "level"]
        constraints = [
            models.UniqueConstraint(
                fields=["disagreement", "level"], name="disagreement_level_once"
            )
        ]

    def __str__(self) -> str:
        return self.get_level_display()

    @property
    def ended_in_time(self) -> bool | None:
        if self.ended_at is None:
            return None
        return self.ended_at <= self.due_at
