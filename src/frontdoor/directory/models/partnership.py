"""The partnership map: bodies, posts and memberships on the Popolo standard's shape.

Popolo (popoloproject.com) describes an ``Organization`` (name, classification, parent_id,
area_id, founding_date, dissolution_date), a ``Post`` (label, role, organization_id,
start_date, end_date) and a ``Membership`` (person_id or member organisation, organization_id,
post_id, role, on_behalf_of_id, area_id, start_date, end_date). Here a partnership body is the
organisation, the member is an agency (its ``on_behalf_of``) represented by a named
practitioner, and the area is one of the partnership's areas. Field names follow Popolo's
where Django allows; ``popolo()`` on each model gives them back in the standard's names.

Partnership structures are not personal data; a representative's name is a work contact.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Level(models.TextChoices):
    FORCE_WIDE = "force_wide", "Force-wide"
    DISTRICT = "district", "District"
    NEIGHBOURHOOD = "neighbourhood", "Neighbourhood or cluster"


class BodyType(models.TextChoices):
    """Popolo's ``classification``. The statutory ones are in ``partnership_rules.STATUTES``."""

    SAFEGUARDING_CHILDREN = "safeguarding_children", "Safeguarding children partnership"
    SAFEGUARDING_ADULTS = "safeguarding_adults", "Safeguarding adults board"
    HEALTH_AND_WELLBEING = "health_and_wellbeing", "Health and wellbeing board"
    COMMUNITY_SAFETY = "community_safety", "Community safety partnership"
    SUB_GROUP = "sub_group", "Sub-group"
    HUB = "hub", "Multi-agency safeguarding hub (operational group)"
    MARAC = "marac", "Multi-agency risk assessment conference (MARAC)"
    PANEL = "panel", "Panel"
    OTHER = "other", "Other group"


class MeetingFrequency(models.TextChoices):
    DAILY = "daily", "Daily"
    WEEKLY = "weekly", "Weekly"
    FORTNIGHTLY = "fortnightly", "Fortnightly"
    MONTHLY = "monthly", "Monthly"
    BIMONTHLY = "bimonthly", "Every two months"
    QUARTERLY = "quarterly", "Quarterly"
    TWICE_YEARLY = "twice_yearly", "Twice a year"
    ANNUALLY = "annually", "Once a year"
    AS_NEEDED = "as_needed", "As needed"


def _current(prefix: str = "") -> Q:
    """Started (or no start) on or before today and not ended before today."""
    today = timezone.localdate()
    return (
        Q(**{f"{prefix}start_date__isnull": True}) | Q(**{f"{prefix}start_date__lte": today})
    ) & (Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": today}))


class BodyQuerySet(models.QuerySet):
    def open(self):
        today = timezone.localdate()
        return self.filter(Q(dissolution_date__isnull=True) | Q(dissolution_date__gt=today))

    def overdue_for_review(self):
        return self.open().filter(review_due__lt=timezone.localdate())


class Body(models.Model):
    """A partnership body (Popolo ``Organization``): a board, partnership, sub-group or panel."""

    name = models.CharField(max_length=200, unique=True)
    classification = models.CharField("Type", max_length=40, choices=BodyType.choices)
    level = models.CharField(max_length=20, choices=Level.choices)
    area = models.ForeignKey(
        "agencies.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partnership_bodies",
        help_text="The area it covers.",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sub_groups",
        help_text="The body this is a sub-group of, if any.",
    )
    accountable_to = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="accountable_bodies",
        help_text="The body it reports to and is held to account by.",
    )
    purpose = models.TextField(blank=True)
    terms_of_reference = models.TextField(blank=True)
    meeting_frequency = models.CharField(
        max_length=20, choices=MeetingFrequency.choices, blank=True
    )
    founding_date = models.DateField(null=True, blank=True)
    dissolution_date = models.DateField(null=True, blank=True)
    review_due = models.DateField("Review due by")
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BodyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name

    @property
    def is_overdue(self) -> bool:
        return self.review_due < timezone.localdate()

    def current_memberships(self):
        return self.memberships.filter(_current())

    def popolo(self) -> dict:
        return {
            "id": str(self.pk),
            "name": self.name,
            "classification": self.classification,
            "parent_id": str(self.parent_id) if self.parent_id else None,
            "area_id": str(self.area_id) if self.area_id else None,
            "founding_date": _iso(self.founding_date),
            "dissolution_date": _iso(self.dissolution_date),
        }


class Post(models.Model):
    """A seat on a body (Popolo ``Post``), such as "Chair" or "Police representative"."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-chair"
        MEMBER = "member", "Member"
        ADVISER = "adviser", "Adviser"

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="posts")
    label = models.CharField(max_length=200)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["body", "role", "label"]

    def __str__(self) -> str:
        return f"{self.label}, {self.body}"

    def popolo(self) -> dict:
        return {
            "id": str(self.pk),
            "label": self.label,
            "role": self.role,
            "organization_id": str(self.body_id),
            "start_date": _iso(self.start_date),
            "end_date": _iso(self.end_date),
        }


class Membership(models.Model):
    """An agency's seat on a body and who attends for it (Popolo ``Membership``)."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="partnership_memberships"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partnership_memberships",
        verbose_name="Representative",
    )
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships"
    )
    role = models.CharField(
        "Representative's role",
        max_length=200,
        blank=True,
        help_text="For example, Director of Children's Services.",
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["body", "agency__name"]

    def __str__(self) -> str:
        return f"{self.agency} on {self.body}"

    @property
    def is_current(self) -> bool:
        today = timezone.localdate()
        started = self.start_date is None or self.start_date <= today
        return started and (self.end_date is None or self.end_date >= today)

    def popolo(self) -> dict:
        return {
            "id": str(self.pk),
            "person_id": str(self.person_id) if self.person_id else None,
            "organization_id": str(self.body_id),
            "on_behalf_of_id": str(self.agency_id),
            "post_id": str(self.post_id) if self.post_id else None,
            "role": self.role,
            "area_id": str(self.body.area_id) if self.body.area_id else None,
            "start_date": _iso(self.start_date),
            "end_date": _iso(self.end_date),
        }


class BodyReview(models.Model):
    """One review of a body, kept as history; it sets the next review date."""

    class Outcome(models.TextChoices):
        CONTINUE = "continue", "Continue as it is"
        CHANGE = "change", "Continue with changes"
        MERGE = "merge", "Merge with another body"
        CLOSE = "close", "Close"

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="reviews")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    notes = models.TextField(blank=True)
    next_review = models.DateField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-reviewed_at", "-pk"]

    def __str__(self) -> str:
        return f"Review of {self.body} on {self.reviewed_at:%d %B %Y}"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


current_membership = _current
