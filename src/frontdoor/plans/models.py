"""Multi-agency plans and their actions (issue 5, item 3).

A plan is for a person or a family, usually made after a front-door decision or at a
meeting. Its actions each have an owner agency (and usually a named practitioner), a type
(so a panel can see when it is managing process instead of people), a due date and a status.
Meetings record actions through these models; the meetings app links its agenda items to them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Plan(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    title = models.CharField(max_length=200)
    # Who the plan is for: a person on the index, and the contact it came from (either may be
    # empty: a family plan names its people in ``people``).
    people = models.ManyToManyField("people.Person", related_name="plans", blank=True)
    contact = models.ForeignKey(
        "referrals.Contact", null=True, blank=True, on_delete=models.PROTECT, related_name="plans"
    )
    # Co-production: the person's own words, kept apart from professionals' views.
    own_words = models.TextField(
        blank=True, help_text="What the person says is happening and what they want."
    )
    needs = models.TextField(blank=True)
    lead_professional = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plans_led",
    )
    trusted_person = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    review_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Action(models.Model):
    class Type(models.TextChoices):
        DIRECT = "direct", "Direct engagement with the person"
        REFERRAL = "referral", "Referral to a service"
        INFORMATION = "information", "Information sharing"
        SAFETY = "safety", "Safety measure or enforcement"
        PROCESS = "process", "Process or administration"

    class Status(models.TextChoices):
        OPEN = "open", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        # MARAC practice: minutes separate what an agency could not do from what it did not do.
        COULD_NOT = "could_not", "Could not be done"
        NOT_DONE = "not_done", "Not done"

    OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    what = models.TextField()
    type = models.CharField(max_length=20, choices=Type.choices)
    owner_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="plan_actions"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_actions",
    )
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    outcome = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    # Escalation when overdue: set once when the owner's manager was told.
    escalated_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["owner_agency", "status", "due_on"]),
            models.Index(fields=["owner", "status", "due_on"]),
        ]

    def __str__(self) -> str:
        return self.what[:80]
