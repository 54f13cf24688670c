"""MARAC in full (issue 5, item 2): the DASH risk identification checklist held as data, an
assessment per victim, and the MARAC case a qualifying assessment becomes on a meeting's agenda.

Imported by ``models.py`` so Django finds these models in the meetings app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Checklist(models.Model):
    """A risk identification checklist, e.g. the SafeLives Dash risk checklist (2009). Police
    forces use their own DASH forms: a partnership loads its own version as another checklist."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    source = models.CharField(max_length=300, help_text="Who publishes it, and which version.")
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    checklist = models.ForeignKey(Checklist, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveIntegerField()
    text = models.CharField(max_length=400)
    help = models.CharField(max_length=400, blank=True)

    class Meta:
        ordering = ["checklist", "number"]
        constraints = [
            models.UniqueConstraint(fields=["checklist", "number"], name="dash_question_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"


class Answer(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_KNOWN = "not_known", "Not known"


class DashAssessment(models.Model):
    """One completed checklist for one victim: sensitive personal data (see access_marac.py)."""

    class CompletedAs(models.TextChoices):
        POLICE = "police", "Police officer"
        IDVA = "idva", "Independent domestic violence adviser (IDVA)"
        OTHER = "other", "Other practitioner"

    checklist = models.ForeignKey(Checklist, on_delete=models.PROTECT, related_name="assessments")
    victim_name = models.CharField(max_length=200)
    person = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dash_assessments",
    )
    contact = models.ForeignKey(
        "referrals.Contact",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dash_assessments",
    )
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="dash_assessments"
    )
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    completed_as = models.CharField(max_length=10, choices=CompletedAs.choices)
    completed_on = models.DateField()
    victim_comments = models.TextField(blank=True)
    professional_judgement = models.BooleanField(default=False)
    judgement_reason = models.TextField(blank=True)
    # Entered by the police until the incidents app (issue 7) exists; then counted from it.
    police_incidents_12_months = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-completed_on", "-pk"]

    def __str__(self) -> str:
        return f"DASH for {self.victim_name}, {self.completed_on:%d %b %Y}"


class DashAnswer(models.Model):
    assessment = models.ForeignKey(DashAssessment, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(max_length=10, choices=Answer.choices)

    class Meta:
        ordering = ["assessment", "question__number"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "question"], name="dash_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.question.number}: {self.get_answer_display()}"


class MaracCase(models.Model):
    """What a MARAC referral adds to a case on a MARAC agenda: the DASH behind it, whether the
    victim was heard at MARAC in the last 12 months, their IDVA and their own views."""

    item = models.OneToOneField(
        "meetings.AgendaItem", on_delete=models.CASCADE, related_name="marac_case"
    )
    assessment = models.ForeignKey(
        DashAssessment, on_delete=models.PROTECT, related_name="marac_cases"
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    referred_at = models.DateTimeField()
    criteria = models.JSONField(default=list)
    # When the victim was last heard at a MARAC, if within the repeat window at referral.
    repeat_of_heard_at = models.DateTimeField(null=True, blank=True)
    idva_name = models.CharField("IDVA", max_length=200, blank=True)
    idva_service = models.CharField("IDVA service", max_length=200, blank=True)
    victim_views = models.TextField("The victim's views", blank=True)

    def __str__(self) -> str:
        return f"MARAC case: {self.assessment.victim_name}"

    @property
    def is_repeat(self) -> bool:
        return self.repeat_of_heard_at is not None
