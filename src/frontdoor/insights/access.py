"""Who may see the partnership's figures, surveys, evaluations and statutory exports."""

from __future__ import annotations

from frontdoor.agencies.roles import Role
from frontdoor.core.access import load_or_404, require
from frontdoor.core.policy import rule

# Partnership health surveys (docs/decisions/0017) ------------------------------------------

ANSWER_SURVEY = "insights.answer_survey"
MANAGE_SURVEY = "insights.manage_survey"
VIEW_SURVEY_RESULTS = "insights.view_survey_results"

SURVEY_MANAGERS = frozenset({Role.PARTNERSHIP_MANAGER, Role.ADMINISTRATOR})
SURVEY_RESULT_READERS = frozenset({Role.PARTNERSHIP_MANAGER, Role.ANALYST, Role.ADMINISTRATOR})


@rule(ANSWER_SURVEY)
def _answer_survey(practitioner, survey_round=None) -> bool:
    return True


@rule(MANAGE_SURVEY)
def _manage_survey(practitioner, survey_round=None) -> bool:
    return practitioner.role in SURVEY_MANAGERS


@rule(VIEW_SURVEY_RESULTS)
def _view_survey_results(practitioner, survey_round=None) -> bool:
    return practitioner.role in SURVEY_RESULT_READERS


def survey_round_for_answering(practitioner, number: int):
    from .models import SurveyRound

    survey_round = load_or_404(SurveyRound.objects.all(), number=number)
    require(practitioner, ANSWER_SURVEY, survey_round)
    return survey_round


def survey_round_for_managing(practitioner, number: int):
    from .models import SurveyRound

    survey_round = load_or_404(SurveyRound.objects.all(), number=number)
    require(practitioner, MANAGE_SURVEY, survey_round)
    return survey_round
