"""Who may see the partnership's figures, surveys, evaluations and statutory exports.

The dashboard holds counts, never people, so managers who see no case data may read it.
An evaluation's result is aggregate too; its list of people is personal data, so only
analysts (who build cohorts) see it, and every look is audited by the service that reads it.
"""

from __future__ import annotations

from frontdoor.agencies.roles import Role
from frontdoor.core.access import load_or_404, require
from frontdoor.core.policy import may, rule

from .models import EvaluationCohort, SurveyRound

VIEW_DASHBOARD = "insights.view_dashboard"
VIEW_EVALUATION = "insights.view_evaluation"
MANAGE_COHORTS = "insights.manage_cohorts"

DASHBOARD_ROLES = frozenset(
    {Role.PARTNERSHIP_MANAGER, Role.ANALYST, Role.HUB_MANAGER, Role.ADMINISTRATOR}
)
EVALUATION_ROLES = frozenset({Role.PARTNERSHIP_MANAGER, Role.ANALYST})
COHORT_ROLES = frozenset({Role.ANALYST})

__all__ = ["MANAGE_COHORTS", "VIEW_DASHBOARD", "VIEW_EVALUATION", "may"]


@rule(VIEW_DASHBOARD)
def _view_dashboard(practitioner, obj=None) -> bool:
    return practitioner.role in DASHBOARD_ROLES


@rule(VIEW_EVALUATION)
def _view_evaluation(practitioner, obj=None) -> bool:
    return practitioner.role in EVALUATION_ROLES


@rule(MANAGE_COHORTS)
def _manage_cohorts(practitioner, obj=None) -> bool:
    return practitioner.role in COHORT_ROLES


def cohorts_visible_to(practitioner):
    """Cohorts are the partnership's: everyone who may see evaluations sees all of them."""
    if not may(practitioner, VIEW_EVALUATION):
        return EvaluationCohort.objects.none()
    return EvaluationCohort.objects.select_related("created_by")


def cohort_for_viewing(practitioner, pk) -> EvaluationCohort:
    return load_or_404(cohorts_visible_to(practitioner), pk=pk)


def cohort_for_managing(practitioner, pk) -> EvaluationCohort:
    cohort = cohort_for_viewing(practitioner, pk)
    require(practitioner, MANAGE_COHORTS, cohort)
    return cohort


# Statutory returns (issue 9 item 5) ---------------------------------------------------------
STATUTORY_EXPORT = "insights.statutory_export"
# Analysts produce the returns (DESIGN.md); administrators stand in for them. Hub managers
# see contacts one at a time and do not need the whole front door's data in one file.
STATUTORY_EXPORT_ROLES = frozenset({Role.ANALYST, Role.ADMINISTRATOR})


@rule(STATUTORY_EXPORT)
def _statutory_export(practitioner, obj=None) -> bool:
    return practitioner.role in STATUTORY_EXPORT_ROLES


def statutory_subjects(practitioner):
    """Subjects of every sent contact for those who may export returns; none for anyone else."""
    from frontdoor.referrals.models import Subject

    if not practitioner.is_active or practitioner.role not in STATUTORY_EXPORT_ROLES:
        return Subject.objects.none()
    return Subject.objects.filter(contact__submitted_at__isnull=False)


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
    survey_round = load_or_404(SurveyRound.objects.all(), number=number)
    require(practitioner, ANSWER_SURVEY, survey_round)
    return survey_round


def survey_round_for_managing(practitioner, number: int):
    survey_round = load_or_404(SurveyRound.objects.all(), number=number)
    require(practitioner, MANAGE_SURVEY, survey_round)
    return survey_round
