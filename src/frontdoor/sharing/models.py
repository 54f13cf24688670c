"""Proportionate information requests between agencies and their responses."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from frontdoor.agencies.models import Agency
from frontdoor.referrals.models import Contact, LawfulBasis, Subject


class Category(models.TextChoices):
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse incidents"
    CHILD_PROTECTION = "child_protection", "Child protection history"
    HEALTH_ATTENDANCES = "health_attendances", "Health attendances"
    SCHOOL = "school", "School attendance and exclusions"
    HOUSING = "housing", "Housing tenancy issues"
    CRIMINAL_JUSTICE = "criminal_justice", "Offending and criminal justice involvement"
    MENTAL_HEALTH = "mental_health", "Mental health"
    SUBSTANCE_MISUSE = "substance_misuse", "Substance misuse"
    ADULT_SAFEGUARDING = "adult_safeguarding", "Adult safeguarding history"


class Window(models.TextChoices):
    MONTHS_6 = "6", "The last 6 months"
    MONTHS_12 = "12", "The last 12 months"
    MONTHS_24 = "24", "The last 2 years"
    ALL = "all", "All records"


class InformationRequest(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Waiting for an answer"
        ANSWERED = "answered", "Answered"
        NOTHING_KNOWN = "nothing_known", "Nothing known"
        DECLINED = "declined", "Declined"

    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="information_requests"
    )
    to_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="information_requests"
    )
    subjects = models.ManyToManyField(Subject, related_name="information_requests")
    window = models.CharField(max_length=5, choices=Window.choices)
    categories = models.JSONField(default=list)
    purpose = models.TextField()
    lawful_basis = models.CharField(max_length=30, choices=LawfulBasis.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()
    due_at = models.DateTimeField(db_index=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    escalated_at = models.DateTimeField(null=True, blank=True)

    # The response: exactly the scoped categories, or nothing known, or a reasoned decline.
    answers = models.JSONField(default=dict, blank=True)
    declined_reason = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["due_at"]

    def __str__(self) -> str:
        return f"Request to {self.to_agency} about {self.contact}"

    def category_labels(self) -> list[str]:
        labels = dict(Category.choices)
        return [labels.get(c, c) for c in self.categories]


from .models_encompass import EncompassNotification, SchoolHoliday  # noqa: E402,F401
