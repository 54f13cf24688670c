"""Recurrence cohorts: the partnership's cohort rules, each scoring run's snapshot, and the
people an analyst put forward to a practitioner panel (issue 7, parts 3–5).

A run keeps what it was computed with (window, weights, rule) and each member's measures and
score explanation, so the list a panel discussed can be shown exactly as it was, and the next
run can say who is new, who left and who moved.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class CohortRule(models.Model):
    """Who the partnership wants on its ranked list, and how the score is weighted.

    In the cohort when (incidents as victim ≥ ``min_incidents`` or as suspect/offender ≥
    ``min_incidents``, or harm ≥ ``min_harm``, or a serial perpetrator when ``include_serial``)
    and aged ``min_age`` or over. Blank switches a condition off.
    """

    name = models.CharField(max_length=200)
    active = models.BooleanField(default=True)
    window_days = models.PositiveIntegerField(
        default=365, validators=[MinValueValidator(7), MaxValueValidator(3660)]
    )
    min_incidents = models.PositiveIntegerField(null=True, blank=True, default=3)
    min_harm = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    min_age = models.PositiveIntegerField(null=True, blank=True, default=16)
    include_serial = models.BooleanField(default=False)
    # ScoreWeights as a dict; missing keys take the documented defaults.
    weights = models.JSONField(default=dict, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    edited_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-active", "name", "pk"]

    def __str__(self) -> str:
        return self.name


class RecurrenceRun(models.Model):
    """One scoring of every person with incidents in the window, as of a date."""

    rule = models.ForeignKey(CohortRule, on_delete=models.PROTECT, related_name="runs")
    as_of = models.DateField()
    window_days = models.PositiveIntegerField()
    rule_snapshot = models.JSONField(default=dict)
    weights = models.JSONField(default=dict)
    people_scored = models.PositiveIntegerField(default=0)
    # The concentration figures (aggregate shares only, never names or references).
    concentration = models.JSONField(default=dict)
    created_at = models.DateTimeField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.rule} as of {self.as_of:%d %b %Y}"


class CohortMember(models.Model):
    class Movement(models.TextChoices):
        NEW = "new", "New"
        UP = "up", "Up"
        DOWN = "down", "Down"
        SAME = "same", "No change"

    run = models.ForeignKey(RecurrenceRun, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveIntegerField()
    score = models.FloatField()
    previous_rank = models.PositiveIntegerField(null=True, blank=True)
    movement = models.CharField(max_length=5, choices=Movement.choices, default=Movement.NEW)
    measures = models.JSONField(default=dict)
    # [{"name", "label", "value", "weight", "points"}, ...]
    explanation = models.JSONField(default=list)

    class Meta:
        ordering = ["run", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["run", "person"], name="cohort_member_once_per_run")
        ]

    def __str__(self) -> str:
        return f"#{self.rank} in {self.run}"

    @property
    def explanation_summary(self) -> str:
        """The components that scored, e.g. "Recency 9.0; Frequency 20.0; Serial 10.0"."""
        return "; ".join(
            f"{c['name'].capitalize()} {c['points']:.1f}" for c in self.explanation if c["points"]
        )

    @property
    def places_moved(self) -> int:
        return (self.previous_rank or self.rank) - self.rank


class PanelSelection(models.Model):
    """An analyst put a person from the ranked list forward to a practitioner panel."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="recurrence_selections"
    )
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem", on_delete=models.CASCADE, related_name="recurrence_selections"
    )
    run = models.ForeignKey(
        RecurrenceRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="selections"
    )
    reason = models.TextField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["-at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="panel_selection_once_per_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"Selection for {self.meeting}"
