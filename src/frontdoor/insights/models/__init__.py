"""The insights app's models, one module per feature (others add ``models/<theirs>.py``)."""

from .survey import (
    StaffLevel,
    SurveyAnswer,
    SurveyParticipation,
    SurveyQuestion,
    SurveyResponse,
    SurveyRound,
)

__all__ = [
    "StaffLevel",
    "SurveyAnswer",
    "SurveyParticipation",
    "SurveyQuestion",
    "SurveyResponse",
    "SurveyRound",
]
