"""Every write to the partnership health survey: keyword-only, typed, atomic, audited.

Answering keeps the practitioner and their answers apart (docs/decisions/0017): the
participation row says who has answered, the response says what was answered and by which
kind of group, and nothing joins the two.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.models import Practitioner
from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.outbox import outbox_write

from .models import (
    SurveyAnswer,
    SurveyParticipation,
    SurveyQuestion,
    SurveyResponse,
    SurveyRound,
)
from .models.survey import staff_level_for
from .survey_questions import FIRST_ROUND

COMMENT_LIMIT = 2000


class SurveyNotOpen(Exception):
    """The round is not open today."""


class AlreadyAnswered(Exception):
    """This practitioner has already answered this round."""


def survey_round_open_today(*, today: date | None = None) -> SurveyRound | None:
    today = today or timezone.localdate()
    return SurveyRound.objects.open_on(today).order_by("number").first()


def survey_round_create(
    *,
    by: Practitioner,
    opens_on: date,
    closes_on: date,
    now: datetime | None = None,
) -> SurveyRound:
    """Start a round. It copies the latest round's questions (the first round gets the
    research-based questions), so that rounds can be compared over time."""
    if closes_on < opens_on:
        raise ValidationError(
            {"closes_on": "The closing date must be on or after the opening date"}
        )
    try:
        with transaction.atomic():
            overlapping = SurveyRound.objects.select_for_update().filter(
                Q(opens_on__lte=closes_on) & Q(closes_on__gte=opens_on)
            )
            clash = overlapping.order_by("number").first()
            if clash is not None:
                raise ValidationError(
                    {
                        "opens_on": f"Round {clash.number} is open from {clash.opens_on:%-d %B %Y} "
                        f"to {clash.closes_on:%-d %B %Y}: choose dates that do not overlap it"
                    }
                )
            latest = SurveyRound.objects.order_by("-number").first()
            number = (SurveyRound.objects.aggregate(top=Max("number"))["top"] or 0) + 1
            survey_round = SurveyRound.objects.create(
                number=number,
                opens_on=opens_on,
                closes_on=closes_on,
                created_by=by,
                created_at=now or timezone.now(),
            )
            if latest is not None:
                source = [
                    (q.measure, q.scale, q.text) for q in latest.questions.order_by("position")
                ]
            else:
                source = list(FIRST_ROUND)
            SurveyQuestion.objects.bulk_create(
                SurveyQuestion(
                    round=survey_round, position=position, measure=measure, scale=scale, text=text
                )
                for position, (measure, scale, text) in enumerate(source, start=1)
            )
            audit_record(
                actor=by,
                verb=Verb.CREATE,
                obj=survey_round,
                reason="Started a round of the partnership health survey",
                details={"opens_on": opens_on.isoformat(), "closes_on": closes_on.isoformat()},
            )
    except IntegrityError:
        # Another manager started a round at the same moment and took this number.
        raise ValidationError(
            {"opens_on": "Someone else has just started a round: check the list of rounds"}
        ) from None
    return survey_round


def survey_has_answered(*, survey_round: SurveyRound, practitioner: Practitioner) -> bool:
    return SurveyParticipation.objects.filter(
        round=survey_round, practitioner=practitioner
    ).exists()


def survey_answer(
    *,
    survey_round: SurveyRound,
    by: Practitioner,
    values: Mapping[int, int],
    comment: str = "",
    today: date | None = None,
) -> None:
    """Record one practitioner's answers anonymously. ``values`` maps question id to 1-5.

    Raises SurveyNotOpen, AlreadyAnswered, or ValueError when the values do not answer
    exactly this round's questions with whole numbers from 1 to 5.
    """
    today = today or timezone.localdate()
    if not survey_round.is_open_on(today):
        raise SurveyNotOpen
    question_ids = set(survey_round.questions.values_list("pk", flat=True))
    if set(values) != question_ids:
        raise ValueError("every question of the round needs an answer, and only those")
    if any(value not in (1, 2, 3, 4, 5) for value in values.values()):
        raise ValueError("answers are whole numbers from 1 to 5")
    agency = by.agency
    try:
        with transaction.atomic():
            SurveyParticipation.objects.create(round=survey_round, practitioner=by)
            response = SurveyResponse.objects.create(
                round=survey_round,
                agency=agency,
                agency_name=agency.name if agency else "",
                sector=agency.sector if agency else "",
                staff_level=staff_level_for(by.role),
                comment=comment.strip()[:COMMENT_LIMIT],
            )
            SurveyAnswer.objects.bulk_create(
                SurveyAnswer(response=response, question_id=question_id, value=value)
                for question_id, value in sorted(values.items())
            )
            # The trail says that they answered, never which response is theirs.
            audit_record(
                actor=by,
                verb=Verb.CREATE,
                obj=survey_round,
                object_repr=f"{survey_round}: an anonymous answer",
                reason="Answered the partnership health survey",
            )
    except IntegrityError:
        raise AlreadyAnswered from None


def survey_round_remind(*, survey_round: SurveyRound, today: date | None = None) -> int:
    """Message every active practitioner who has not answered an open round, once per round."""
    today = today or timezone.localdate()
    if not survey_round.is_open_on(today):
        return 0
    answered = SurveyParticipation.objects.filter(round=survey_round).values("practitioner")
    waiting = Practitioner.objects.filter(is_active=True).exclude(pk__in=answered)
    link = reverse("insights:health_answer", args=[survey_round.number])
    sent = 0
    for practitioner in waiting.order_by("pk").iterator():
        with transaction.atomic():
            outbox_write(
                recipient=practitioner,
                subject=f"Partnership health survey: round {survey_round.number} closes "
                f"on {survey_round.closes_on:%-d %B}",
                body=(
                    "How well is partnership working going where you work? The partnership "
                    "health survey asks about trust, shared purpose, sharing information, "
                    "respect for differences and handling conflict. It takes about 10 minutes "
                    "and your answers are anonymous: nobody can see which answers are yours, and "
                    "results are shown only for groups of 5 or more."
                ),
                dedupe_key=f"survey-reminder:{survey_round.pk}:{practitioner.pk}",
                link=link,
            )
        sent += 1
    return sent


def survey_round_request_reminders(*, survey_round: SurveyRound, by: Practitioner) -> None:
    """Audit the request and queue the reminders (sent by a background task)."""
    from .tasks_survey import remind_survey_round

    with transaction.atomic():
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=survey_round,
            reason="Asked for reminders to practitioners who have not answered",
        )
        transaction.on_commit(lambda: remind_survey_round.enqueue(survey_round.pk))
