"""Operation Encompass: police notifications to a child's school after a domestic abuse incident.

Domestic Abuse Act 2021 s.49A (inserted by the Victims and Prisoners Act 2024 s.20): the chief
officer must have arrangements so that, where an officer has reasonable grounds to believe a
child may be a victim of domestic abuse, the child's school is notified as soon as reasonably
practicable. Practice (Operation Encompass): the designated safeguarding lead knows before the
start of the next school day. One notification is about one child and goes to one school.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from frontdoor.agencies.models import Agency


class EncompassNotification(models.Model):
    # Who sent it, and when (sent at once: the moment it was recorded).
    police_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="encompass_sent"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(db_index=True)
    due_at = models.DateTimeField(db_index=True)

    # The incident: only what the school needs (no suspect details).
    police_reference = models.CharField(max_length=50)
    occurred_at = models.DateTimeField()
    location = models.CharField(max_length=300)
    circumstances = models.TextField()

    # The child and their school.
    school = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="encompass_received")
    child_given_names = models.CharField(max_length=100)
    child_family_name = models.CharField(max_length=100)
    child_date_of_birth = models.DateField()
    child_present = models.BooleanField()
    child_lives_in_household = models.BooleanField()
    voice_of_child = models.TextField(blank=True)

    # Receipt.
    acknowledged_at = models.DateTimeField(null=True, blank=True, db_index=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"Operation Encompass notification {self.police_reference} to {self.school}"

    @property
    def child_name(self) -> str:
        return f"{self.child_given_names} {self.child_family_name}"

    def status(self, now) -> str:
        """'acknowledged', 'overdue' (unacknowledged past the start of the school day) or 'sent'."""
        if self.acknowledged_at:
            return "acknowledged"
        return "overdue" if now >= self.due_at else "sent"


class SchoolHoliday(models.Model):
    """Days the schools are closed: a holiday for every school, or an INSET day for one."""

    name = models.CharField(max_length=120)
    first_day = models.DateField()
    last_day = models.DateField()
    school = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="school_holidays",
        help_text="Leave empty for a holiday of every school in the partnership.",
    )

    class Meta:
        ordering = ["first_day"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_day__gte=models.F("first_day")),
                name="school_holiday_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.first_day} to {self.last_day})"
