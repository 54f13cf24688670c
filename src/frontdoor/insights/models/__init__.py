"""The insights app's models, one module per feature (the survey models join this package)."""

from .evaluation import CohortMember, EvaluationCohort

__all__ = ["CohortMember", "EvaluationCohort"]
