"""Reflective supervision: a private record between a supervisor and a practitioner.

Content (reflections, wellbeing, cases discussed, agreed actions) is visible only to the two
of them. Managers and administrators see that a relationship exists and when its sessions
were held, never what was said (see ``access.py``).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

DEFAULT_FREQUENCY_WEEKS = 4
MAX_FREQUENCY_WEEKS = 26


class SupervisionPolicy(models.Model):
    """How often an agency's practitioners should have supervision (default every 4 weeks)."""

    agency = models.OneToOneField(
        "agencies.Agency", on_delete=models.CASCADE, related_name="supervision_policy"
    )
    frequency_weeks = models.PositiveSmallIntegerField(
        default=DEFAULT_FREQUENCY_WEEKS,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_FREQUENCY_WEEKS)],
    )
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Optimistic locking: a change names the version it was shown; 0 while the agency has
    # no policy of its own (promise 18).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name_plural = "supervision policies"

    def __str__(self) -> str:
        return f"Supervision every {self.frequency_weeks} weeks at {self.agency}"


class RelationshipQuerySet(models.QuerySet):
    def current(self) -> RelationshipQuerySet:
        return self.filter(ended_on__isnull=True)

    def involving(self, practitioner) -> RelationshipQuerySet:
        return self.filter(Q(supervisor=practitioner) | Q(supervisee=practitioner))

    def with_last_session(self) -> RelationshipQuerySet:
        return self.annotate(last_session_on=models.Max("sessions__held_on"))


class Relationship(models.Model):
    """A supervisor supervising a practitioner (the supervisee) from a start date."""

    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervising"
    )
    supervisee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervised_by"
    )
    # The supervisee's agency when it was set up: its managers look after it and its
    # policy sets how often supervision is due.
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="supervision_relationships"
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    set_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    # The due date of the overdue period both parties were last reminded about.
    reminded_for_due_on = models.DateField(null=True, blank=True)

    objects = RelationshipQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["supervisee"],
                condition=Q(ended_on__isnull=True),
                name="supervision_one_current_supervisor",
            ),
            models.CheckConstraint(
                condition=~Q(supervisor=models.F("supervisee")),
                name="supervision_not_own_supervisor",
            ),
        ]

    def __str__(self) -> str:
        return f"Supervision of {self.supervisee} by {self.supervisor}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None

    def other_party(self, practitioner):
        return self.supervisee if practitioner.pk == self.supervisor_id else self.supervisor

    def role_of(self, practitioner) -> str:
        return "supervisor" if practitioner.pk == self.supervisor_id else "supervisee"


class Wellbeing(models.IntegerChoices):
    STRUGGLING = 1, "1 – Struggling"
    FINDING_IT_HARD = 2, "2 – Finding things hard"
    MANAGING = 3, "3 – Managing"
    GOOD = 4, "4 – Good"
    VERY_GOOD = 5, "5 – Very good"


class Session(models.Model):
    """One supervision session: what was reflected on, how the practitioner is, what was agreed."""

    relationship = models.ForeignKey(
        Relationship, on_delete=models.CASCADE, related_name="sessions"
    )
    held_on = models.DateField(db_index=True)
    reflections = models.TextField()
    wellbeing = models.PositiveSmallIntegerField(choices=Wellbeing.choices)
    wellbeing_note = models.TextField(blank=True)
    cases = models.ManyToManyField(
        "referrals.Contact", blank=True, related_name="+", verbose_name="cases discussed"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField()
    # Optimistic locking: an edit names the version it started from (promise 18).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        # Audit rows show this: dates and names only, never content.
        return f"Supervision session {self.pk} on {self.held_on:%d %b %Y}"

    @property
    def was_edited(self) -> bool:
        return self.version > 1


class SessionRevision(models.Model):
    """What a session said before an edit, so the other party can see what changed."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="revisions")
    # The version this edit replaced; the edit made version ``replaced_version + 1``.
    replaced_version = models.PositiveIntegerField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    edited_at = models.DateTimeField()
    changed_fields = models.JSONField(default=list)
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)

    class Meta:
        ordering = ["-replaced_version"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "replaced_version"], name="supervision_revision_unique"
            )
        ]

    def __str__(self) -> str:
        return f"Edit {self.replaced_version + 1} of supervision session {self.session_id}"


class AgreedAction(models.Model):
    """Something the supervisor or the practitioner agreed to do, by a date."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(max_length=300)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField()
    done_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["done_at", "due_on", "pk"]

    def __str__(self) -> str:
        return f"Supervision action {self.pk} due {self.due_on:%d %b %Y}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, today: date) -> bool:
        return not self.is_done and self.due_on < today


def due_on(*, started_on: date, last_session_on: date | None, frequency_weeks: int) -> date:
    """Supervision is due ``frequency_weeks`` after the last session (or after the start)."""
    return (last_session_on or started_on) + timedelta(weeks=frequency_weeks)
