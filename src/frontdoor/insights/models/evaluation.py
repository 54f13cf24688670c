"""Evaluation cohorts: people who received a multi-agency intervention, and when."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from frontdoor.people.models import Person


class EvaluationCohort(models.Model):
    """A named set of people who received one intervention, to compare with similar people who did not."""

    class Source(models.TextChoices):
        CHOSEN = "chosen", "Chosen by an analyst"
        PANEL = "panel", "A panel's cases"
        PLAN = "plan", "People with a multi-agency plan"

    name = models.CharField(max_length=200)
    intervention = models.CharField(
        "What the people received", max_length=300, help_text="For example a MARAC action plan"
    )
    outcome = models.CharField(max_length=40, default="contacts")
    window_days = models.PositiveSmallIntegerField(default=365)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.CHOSEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name


class CohortMember(models.Model):
    cohort = models.ForeignKey(EvaluationCohort, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    intervention_date = models.DateField()

    class Meta:
        ordering = ["intervention_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "person"], name="cohort_member_unique_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} in {self.cohort_id}"
