"""The insights app's models, one module per feature (others add ``models/<theirs>.py``)."""

from .evaluation import CohortMember, EvaluationCohort
from .survey import (
    StaffLevel,
    SurveyAnswer,
    SurveyParticipation,
    SurveyQuestion,
    SurveyResponse,
    SurveyRound,
)

__all__ = [
    "CohortMember",
    "EvaluationCohort",
    "StaffLevel",
    "SurveyAnswer",
    "SurveyParticipation",
    "SurveyQuestion",
    "SurveyResponse",
    "SurveyRound",
]
