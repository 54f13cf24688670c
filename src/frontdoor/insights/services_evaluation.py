"""Evaluation cohorts: creating them and reading them, each audited (a cohort lists people)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.people.models import Person

from . import evaluation, outcomes
from .models import CohortMember, EvaluationCohort

WINDOWS = ((91, "3 months"), (182, "6 months"), (365, "12 months"))


def cohort_create(
    *,
    by,
    name: str,
    intervention: str,
    members: Sequence[tuple[int, date]],
    window_days: int = 365,
    outcome: str = "contacts",
    source: str = EvaluationCohort.Source.CHOSEN,
) -> EvaluationCohort:
    """Create a cohort of people with their intervention dates: all of it, or nothing."""
    problems = []
    if not name.strip():
        problems.append("Enter a name for the cohort")
    if not intervention.strip():
        problems.append("Say what the people received")
    if outcome not in outcomes.OUTCOMES:
        problems.append("Choose an outcome from the list")
    if window_days not in dict(WINDOWS):
        problems.append("Choose a window from the list")
    if not members:
        problems.append("Add at least one person")
    ids = [person for person, _ in members]
    if len(set(ids)) != len(ids):
        problems.append("Each person can be in the cohort only once")
    if any(on > timezone.localdate() for _, on in members):
        problems.append("Intervention dates cannot be in the future")
    known = set(Person.objects.filter(pk__in=ids).values_list("pk", flat=True))
    unknown = sorted(set(ids) - known)
    if unknown:
        problems.append(
            "No person on the index has the number " + ", ".join(str(u) for u in unknown)
        )
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        cohort = EvaluationCohort.objects.create(
            name=name.strip(),
            intervention=intervention.strip(),
            outcome=outcome,
            window_days=window_days,
            source=source,
            created_by=by,
            created_at=timezone.now(),
        )
        CohortMember.objects.bulk_create(
            CohortMember(cohort=cohort, person_id=person, intervention_date=on)
            for person, on in members
        )
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=cohort,
            reason="Built an evaluation cohort",
            details={"people": sorted(ids), "intervention": cohort.intervention},
        )
    return cohort


def cohort_evaluate(*, cohort: EvaluationCohort, by, today: date | None = None):
    """Match, compare and estimate; the read of the cohort's people is audited."""
    today = today or timezone.localdate()
    outcome = outcomes.OUTCOMES[cohort.outcome]
    members = list(cohort.members.values_list("person_id", "intervention_date"))
    profiles = outcomes.profiles()
    result = evaluation.evaluate(
        members,
        profiles.keys(),
        profiles,
        outcome.events(),
        window_days=cohort.window_days,
        today=today,
    )
    audit_record(
        actor=by,
        verb=Verb.VIEW,
        obj=cohort,
        reason="Viewed an evaluation of a cohort (aggregate results)",
        details={"people": len(members), "outcome": cohort.outcome},
    )
    return outcome, result


def cohort_people(*, cohort: EvaluationCohort, by) -> list[CohortMember]:
    """The cohort's people: personal data, so the read is audited."""
    with transaction.atomic():
        members = list(cohort.members.select_related("person"))
        audit_record(
            actor=by,
            verb=Verb.VIEW,
            obj=cohort,
            reason="Viewed the people in an evaluation cohort",
            details={"people": [m.person_id for m in members]},
        )
    return members
