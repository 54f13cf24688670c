"""Who is on duty: each agency's office hours and duty contact, a rota of shifts, and absences.

Imported from ``agencies/models.py`` so Django sees the models. The rules that use them live
in ``duty.py``; the research found police shift patterns and partners' office hours collide,
so a case must never wait for one absent officer.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

MAX_SHIFT = timedelta(hours=24)


def elapsed(starts_at: datetime, ends_at: datetime) -> timedelta:
    """Real time between two aware moments. Subtracting two datetimes that share a zone gives
    wall-clock time instead, an hour out across the clock change."""
    return ends_at.astimezone(UTC) - starts_at.astimezone(UTC)


class DutyArrangement(models.Model):
    """When an agency's office is open and whom to call then; out of hours the profile's
    out-of-hours contact applies."""

    agency = models.OneToOneField(
        "agencies.Agency", on_delete=models.CASCADE, related_name="duty_arrangement"
    )
    office_opens = models.TimeField(default=time(9, 0))
    office_closes = models.TimeField(default=time(17, 0))
    open_at_weekends = models.BooleanField(default=False)
    open_on_bank_holidays = models.BooleanField(default=False)
    duty_team = models.ForeignKey(
        "agencies.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    duty_contact = models.CharField(
        "Duty contact in office hours",
        max_length=200,
        blank=True,
        help_text="For example, the MASH duty desk",
    )
    duty_phone = models.CharField("Duty phone in office hours", max_length=40, blank=True)
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"Duty arrangements of {self.agency}"


class Shift(models.Model):
    """One practitioner rota'd on for one stretch of time (stored in UTC)."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="shifts")
    team = models.ForeignKey(
        "agencies.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="shifts"
    )
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shifts"
    )
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField(db_index=True)
    label = models.CharField(max_length=60, blank=True, help_text="For example, Nights")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["starts_at", "practitioner__last_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="shift_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.practitioner} {self.starts_at:%Y-%m-%d %H:%M}"

    def clean(self) -> None:
        if self.starts_at and self.ends_at:
            if elapsed(self.starts_at, self.ends_at) <= timedelta(0):
                raise ValidationError({"ends_at": "The shift must end after it starts"})
            if elapsed(self.starts_at, self.ends_at) > MAX_SHIFT:
                raise ValidationError({"ends_at": "A shift can be at most 24 hours long"})
        if self.practitioner_id and self.agency_id:
            if self.practitioner.agency_id != self.agency_id:
                raise ValidationError(
                    {"practitioner": "The practitioner must belong to this agency"}
                )


class Absence(models.Model):
    """A practitioner away: on leave, off sick, training or off shift. The reason is seen
    only by the practitioner and their managers."""

    class Reason(models.TextChoices):
        LEAVE = "leave", "On leave"
        SICK = "sick", "Off sick"
        TRAINING = "training", "On training"
        OFF_SHIFT = "off_shift", "Off shift"

    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="absences"
    )
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField(db_index=True)
    reason = models.CharField(max_length=20, choices=Reason.choices)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="absence_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.practitioner} away from {self.starts_at:%Y-%m-%d %H:%M}"
