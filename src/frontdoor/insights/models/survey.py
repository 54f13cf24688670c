"""Partnership health surveys: rounds, their questions, and anonymous responses.

Anonymity is by design (docs/decisions/0017): a :class:`SurveyResponse` has no link to the
practitioner who gave it, a random (not sequential) primary key and no timestamp; it keeps only
the grouping attributes the results are broken down by, captured when the answer is given. Who
has answered is held apart, in :class:`SurveyParticipation`, which has no link to the response,
so that nobody answers twice and reminders go only to those who have not answered.
"""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from frontdoor.agencies.roles import Role


class StaffLevel(models.TextChoices):
    MANAGERIAL = "managerial", "Managers"
    FRONTLINE = "frontline", "Frontline and other staff"


# Roles that manage people, services or meetings count as managerial; everyone else (frontline
# and hub practitioners, analysts, administrators) is "frontline and other staff".
MANAGERIAL_ROLES = frozenset({Role.HUB_MANAGER, Role.PARTNERSHIP_MANAGER, Role.MEETING_CHAIR})


def staff_level_for(role: str) -> str:
    return StaffLevel.MANAGERIAL if role in MANAGERIAL_ROLES else StaffLevel.FRONTLINE


class SurveyRoundQuerySet(models.QuerySet):
    def open_on(self, day: date) -> SurveyRoundQuerySet:
        return self.filter(opens_on__lte=day, closes_on__gte=day)


class SurveyRound(models.Model):
    """One round of the recurring survey, open between two dates inclusive."""

    number = models.PositiveIntegerField(unique=True)
    opens_on = models.DateField()
    closes_on = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = SurveyRoundQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="survey_round_closes_after_opening",
            )
        ]

    def __str__(self) -> str:
        return f"Partnership health survey, round {self.number}"

    def is_open_on(self, day: date) -> bool:
        return self.opens_on <= day <= self.closes_on


class SurveyQuestion(models.Model):
    """A statement rated 1-5, held as data so that each round can copy and adjust them."""

    class Scale(models.TextChoices):
        AGREEMENT = "agreement", "Strongly disagree (1) to strongly agree (5)"
        HELP_HINDER = "help_hinder", "Hinders a lot (1) to helps a lot (5)"

    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    measure = models.CharField(max_length=40)  # a key of survey_questions.MEASURES
    scale = models.CharField(max_length=20, choices=Scale.choices)
    text = models.CharField(max_length=300)

    class Meta:
        ordering = ["round", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "position"], name="survey_question_unique_position"
            )
        ]

    def __str__(self) -> str:
        return self.text


class SurveyParticipation(models.Model):
    """That a practitioner has answered a round — and nothing about what they answered."""

    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="participants")
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "practitioner"], name="survey_participation_once_per_round"
            )
        ]

    def __str__(self) -> str:
        return f"Answered round {self.round.number}"


class SurveyResponse(models.Model):
    """One anonymous set of answers. No practitioner, no timestamp, no sequential id."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="responses")
    # Grouping attributes as they were when the answer was given.
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agency_name = models.CharField(max_length=200, blank=True)
    sector = models.CharField(max_length=40, blank=True)
    staff_level = models.CharField(max_length=20, choices=StaffLevel.choices)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]  # random: never the order answers were given

    def __str__(self) -> str:
        return "An anonymous response"


class SurveyAnswer(models.Model):
    # Random like the response's: a sequential id would give away the order responses came in.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.PROTECT, related_name="answers")
    value = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="survey_answer_once_per_question"
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=1, value__lte=5), name="survey_answer_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.value}"
