"""Multi-agency meetings (issue 5, item 1): daily risk meetings, MARAC, strategy discussions,
child protection conferences and practitioner panels, with attendance, agendas and minutes.

Actions agreed at a meeting live in the plans app (``plans.Action``); an agenda item links to
the actions recorded against it, so the minutes show what became of each one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class MeetingType(models.TextChoices):
    DAILY_RISK = "daily_risk", "Daily risk meeting"
    MARAC = "marac", "MARAC (multi-agency risk assessment conference)"
    STRATEGY = "strategy", "Strategy discussion"
    CP_CONFERENCE = "cp_conference", "Child protection conference"
    PRACTITIONER_PANEL = "panel", "Practitioner panel"


# Meeting types at which every attendee must acknowledge the confidentiality statement before
# they are recorded as present (MARAC practice). Other types may ask for it meeting by meeting.
CONFIDENTIALITY_ALWAYS = frozenset({MeetingType.MARAC})

CONFIDENTIALITY_STATEMENT = (
    "Information shared at this meeting is confidential. It is shared to keep people safe and "
    "may be used only for that purpose. Do not pass it on outside your agency's safeguarding "
    "work without the agreement of the agency that shared it. Record in your own agency's "
    "systems only what you need to act on the actions agreed."
)


class Meeting(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        HELD = "held", "Held"
        MINUTES_ISSUED = "minutes_issued", "Minutes issued"

    type = models.CharField(max_length=20, choices=MeetingType.choices)
    title = models.CharField(max_length=200, blank=True)
    starts_at = models.DateTimeField(db_index=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="meetings_chaired"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    confidentiality_required = models.BooleanField(
        default=False,
        help_text="Attendees acknowledge the confidentiality statement before they take part.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    minutes_issued_at = models.DateTimeField(null=True, blank=True)
    minutes_issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Optimistic locking (SECURITY.md promise 18).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-starts_at", "-pk"]

    def __str__(self) -> str:
        return self.title or f"{self.get_type_display()}, {self.starts_at:%d %b %Y}"

    @property
    def is_open_for_recording(self) -> bool:
        return self.status != self.Status.MINUTES_ISSUED


class Attendance(models.Model):
    """An agency invited to a meeting: who came for it, and whether they took part."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="meeting_attendance"
    )
    attendee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    attendee_name = models.CharField(max_length=200, blank=True)
    present = models.BooleanField(default=False)
    confidentiality_acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["agency__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "agency"], name="attendance_one_row_per_agency"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} at {self.meeting}"

    @property
    def who(self) -> str:
        return self.attendee_name or (str(self.attendee) if self.attendee_id else "")


class AgendaItem(models.Model):
    """A case on a meeting's agenda: what was shared about it, what was decided, what is to be done."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    contact = models.ForeignKey(
        "referrals.Contact",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agenda_items",
    )
    person = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agenda_items",
    )
    title = models.CharField(max_length=200, blank=True)
    order = models.PositiveIntegerField(default=0)
    children_involved = models.BooleanField(default=False)
    heard_at = models.DateTimeField(null=True, blank=True)
    decisions = models.TextField(blank=True)
    actions = models.ManyToManyField("plans.Action", related_name="agenda_items", blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["meeting", "order", "pk"]
        constraints = [
            # One case once on a meeting's agenda.
            models.UniqueConstraint(
                fields=["meeting", "contact"],
                condition=models.Q(contact__isnull=False),
                name="agenda_item_contact_once_per_meeting",
            )
        ]

    def __str__(self) -> str:
        if self.title:
            return self.title
        if self.contact_id:
            return str(self.contact)
        return f"Case {self.order}"


class InformationShared(models.Model):
    """What one agency shared about a case: fact kept apart from professional opinion
    (SECURITY.md promise 9), and anything withheld with the reason."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="information")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    facts = models.TextField()
    opinion = models.TextField(blank=True)
    withheld = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["item", "recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.agency}: {self.facts[:60]}"


from .models_marac import (  # noqa: E402,F401  (MARAC: DASH checklists, assessments, cases)
    Answer,
    Checklist,
    DashAnswer,
    DashAssessment,
    MaracCase,
    Question,
)
