"""Every write of recurrence cohorts: rules, scoring runs (snapshots) and panel selections.

The scoring itself is ``recurrence`` (DuckDB, no Django); this module feeds it the incidents
from the database and stores what it returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, fields

import pyarrow as pa
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.errors import ConflictError
from frontdoor.meetings.models import Meeting, MeetingType
from frontdoor.meetings.services import item_add

from . import recurrence
from .harm_defaults import FALLBACK_CODE
from .models import HarmWeight, IncidentParty
from .models_recurrence import CohortMember, CohortRule, PanelSelection, RecurrenceRun

DEFAULT_RULE_NAME = "Repeat victims and offenders"
SCORED_ROLES = recurrence.SCORED_ROLES
WEIGHT_NAMES = tuple(f.name for f in fields(recurrence.ScoreWeights))


# Rules -----------------------------------------------------------------------------------


def rule_default() -> CohortRule:
    """The active rule, creating the documented default (3+ in 12 months, aged 16+) if none."""
    rule = CohortRule.objects.filter(active=True).order_by("pk").first()
    if rule is None:
        rule = CohortRule.objects.create(name=DEFAULT_RULE_NAME)
    return rule


def weights_of(rule: CohortRule) -> recurrence.ScoreWeights:
    known = {k: v for k, v in (rule.weights or {}).items() if k in WEIGHT_NAMES}
    return recurrence.ScoreWeights(**known)


def engine_rule(rule: CohortRule) -> recurrence.CohortRule:
    return recurrence.CohortRule(
        min_incidents=rule.min_incidents,
        min_harm=float(rule.min_harm) if rule.min_harm is not None else None,
        min_age=rule.min_age,
        include_serial=rule.include_serial,
    )


def rule_update(*, rule: CohortRule, by, data: dict, expected_version: int) -> CohortRule:
    """Change the rule's conditions and weights (``data`` already validated by the form)."""
    with transaction.atomic():
        locked = CohortRule.objects.select_for_update().get(pk=rule.pk)
        if locked.version != expected_version:
            raise ConflictError("Someone else changed these cohort rules since you opened them")
        before = _rule_snapshot(locked)
        for name in ("name", "window_days", "min_incidents", "min_harm", "min_age"):
            setattr(locked, name, data[name])
        locked.include_serial = bool(data["include_serial"])
        locked.weights = {k: data[k] for k in WEIGHT_NAMES if data.get(k) is not None}
        if locked.min_incidents is None and locked.min_harm is None and not locked.include_serial:
            raise ValidationError("Set at least one condition: incidents, harm or serial")
        locked.edited_by, locked.edited_at = by, timezone.now()
        locked.version += 1
        locked.save()
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=locked,
            reason="Changed the recurrence cohort rules",
            details={"before": before, "after": _rule_snapshot(locked)},
        )
    return locked


def _rule_snapshot(rule: CohortRule) -> dict:
    return {
        "name": rule.name,
        "window_days": rule.window_days,
        "min_incidents": rule.min_incidents,
        "min_harm": str(rule.min_harm) if rule.min_harm is not None else None,
        "min_age": rule.min_age,
        "include_serial": rule.include_serial,
        "weights": asdict(weights_of(rule)),
    }


# Feeding the engine ----------------------------------------------------------------------


def harm_mapping() -> tuple[dict[str, float], float]:
    """The partnership's harm weights, and the fallback weight for unlisted offences."""
    mapping = {
        code: float(weight) for code, weight in HarmWeight.objects.values_list("code", "weight")
    }
    return mapping, mapping.pop(FALLBACK_CODE, 1.0)


def party_rows(*, start: dt.date, end: dt.date, person=None) -> pa.Table:
    """Scored parties of incidents between two dates, as the engine's Arrow rows."""
    tz = timezone.get_current_timezone()
    since = timezone.make_aware(dt.datetime.combine(start, dt.time()), tz)
    until = timezone.make_aware(dt.datetime.combine(end + dt.timedelta(days=1), dt.time()), tz)
    parties = IncidentParty.objects.filter(
        role__in=SCORED_ROLES, incident__occurred_at__gte=since, incident__occurred_at__lt=until
    )
    if person is not None:
        parties = parties.filter(person=person)
    columns = {
        name: []
        for name in (
            "person_ref",
            "incident_ref",
            "occurred_at",
            "role",
            "offence_code",
            "incident_type",
            "date_of_birth",
        )
    }
    for row in parties.values_list(
        "person_id",
        "incident_id",
        "incident__occurred_at",
        "role",
        "incident__offence_code",
        "incident__incident_type",
        "person__date_of_birth",
        "date_of_birth",
    ).iterator(chunk_size=5000):
        columns["person_ref"].append(str(row[0]))
        columns["incident_ref"].append(str(row[1]))
        columns["occurred_at"].append(timezone.localtime(row[2], tz).replace(tzinfo=None))
        columns["role"].append(row[3])
        columns["offence_code"].append(row[4])
        columns["incident_type"].append(row[5])
        columns["date_of_birth"].append(row[6] or row[7])
    return pa.table(
        {
            "person_ref": pa.array(columns["person_ref"], pa.string()),
            "incident_ref": pa.array(columns["incident_ref"], pa.string()),
            "occurred_at": pa.array(columns["occurred_at"], pa.timestamp("s")),
            "role": pa.array(columns["role"], pa.string()),
            "offence_code": pa.array(columns["offence_code"], pa.string()),
            "incident_type": pa.array(columns["incident_type"], pa.string()),
            "date_of_birth": pa.array(columns["date_of_birth"], pa.date32()),
        }
    )


# Scoring runs ----------------------------------------------------------------------------


def recurrence_recompute(
    *, rule: CohortRule | None = None, as_of: dt.date | None = None, by=None
) -> RecurrenceRun:
    """Score everyone with incidents in the rule's window, store the ranked cohort and how it
    moved since the rule's previous run."""
    rule = rule or rule_default()
    as_of = as_of or timezone.localdate()
    window = recurrence.Window(as_of=as_of, days=rule.window_days)
    weights = weights_of(rule)
    harm, unknown = harm_mapping()
    rows = party_rows(start=window.start.date(), end=as_of)
    scored = recurrence.score(rows, harm, window, weights, unknown_harm=unknown)
    members = recurrence.cohort(scored, engine_rule(rule))
    concentration = recurrence.concentration(rows, harm, window, unknown_harm=unknown)
    previous = RecurrenceRun.objects.filter(rule=rule).order_by("-created_at", "-pk").first()
    previous_ranks = (
        dict(previous.members.values_list("person_id", "rank")) if previous is not None else {}
    )
    with transaction.atomic():
        run = RecurrenceRun.objects.create(
            rule=rule,
            as_of=as_of,
            window_days=rule.window_days,
            rule_snapshot=_rule_snapshot(rule),
            weights=asdict(weights),
            people_scored=scored.num_rows,
            concentration=concentration,
            created_at=timezone.now(),
            by=by,
        )
        CohortMember.objects.bulk_create(
            [_member(run, row, weights, window.days, previous_ranks) for row in members],
            batch_size=1000,
        )
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=run,
            reason="Recomputed recurrence scores and the cohort",
            details={
                "as_of": as_of.isoformat(),
                "members": len(members),
                "scored": scored.num_rows,
            },
        )
    return run


def _member(run, row: dict, weights, window_days: int, previous_ranks: dict) -> CohortMember:
    person_id = int(row["person_ref"])
    previous_rank = previous_ranks.get(person_id)
    rank = row["rank"]
    if previous_rank is None:
        movement = CohortMember.Movement.NEW
    elif previous_rank > rank:
        movement = CohortMember.Movement.UP
    elif previous_rank < rank:
        movement = CohortMember.Movement.DOWN
    else:
        movement = CohortMember.Movement.SAME
    explanation = recurrence.explain(row, weights, window_days)
    measures = {
        key: (value.isoformat() if hasattr(value, "isoformat") else value)
        for key, value in row.items()
        if not key.startswith("points_") and key not in {"person_ref", "rank"}
    }
    return CohortMember(
        run=run,
        person_id=person_id,
        rank=rank,
        score=round(float(row["score"]), 2),
        previous_rank=previous_rank,
        movement=movement,
        measures=measures,
        explanation=[asdict(c) for c in explanation.components],
    )


def left_since_previous(run: RecurrenceRun) -> list[tuple[int, int]]:
    """(person id, their last rank) for people in the rule's previous run but not in this one."""
    previous = (
        RecurrenceRun.objects.filter(rule=run.rule, created_at__lte=run.created_at)
        .exclude(pk=run.pk)
        .order_by("-created_at", "-pk")
        .first()
    )
    if previous is None:
        return []
    now = set(run.members.values_list("person_id", flat=True))
    return [
        (person_id, rank)
        for person_id, rank in previous.members.values_list("person_id", "rank")
        if person_id not in now
    ]


# From list to panel ----------------------------------------------------------------------


def panel_select(
    *, run: RecurrenceRun, people: Iterable, meeting: Meeting, reason: str, by
) -> list[PanelSelection]:
    """Put people from the ranked list on a practitioner panel's agenda, with the reason."""
    reason = reason.strip()
    people = list(people)
    if meeting.type != MeetingType.PRACTITIONER_PANEL:
        raise ValidationError("Choose a practitioner panel meeting")
    if not people:
        raise ValidationError("Select at least one person from the list")
    if not reason:
        raise ValidationError("Enter why these people should come to the panel")
    in_cohort = set(run.members.values_list("person_id", flat=True))
    if any(person.pk not in in_cohort for person in people):
        raise ValidationError("Select people from this cohort list")
    already = set(
        PanelSelection.objects.filter(meeting=meeting, person__in=people).values_list(
            "person_id", flat=True
        )
    )
    if already:
        raise ValidationError("Someone you selected is already on this panel's agenda")
    selections = []
    with transaction.atomic():
        for person in people:
            item = item_add(
                meeting=meeting, by=by, title=f"Recurrence cohort: {person}"[:200], person=person
            )
            selection = PanelSelection.objects.create(
                person=person,
                meeting=meeting,
                agenda_item=item,
                run=run,
                reason=reason,
                by=by,
                at=timezone.now(),
            )
            audit_record(
                actor=by,
                verb=Verb.DISCLOSE,
                obj=person,
                reason=f"Selected for {meeting} from the recurrence cohort: {reason}",
                recipients=[str(meeting)],
                details={"run": run.pk, "meeting": meeting.pk},
            )
            selections.append(selection)
    return selections


# For the dashboard ------------------------------------------------------------------------


def incidents_around_plans(*, since, until, days: int = 365) -> tuple[int, int, int, float, float]:
    """For people on plans started between ``since`` and ``until``: (people, incidents in the
    ``days`` before the plan started, incidents in the ``days`` after, harm before, harm after).
    Incidents count where the person was a victim, suspect or offender."""
    from frontdoor.plans.models import Plan

    harm, unknown = harm_mapping()
    window = dt.timedelta(days=days)
    people, before, after, harm_before, harm_after = set(), 0, 0, 0.0, 0.0
    starts = Plan.people.through.objects.filter(
        plan__created_at__gte=since, plan__created_at__lt=until
    ).values_list("person_id", "plan__created_at")
    for person_id, started in starts:
        people.add(person_id)
        parties = IncidentParty.objects.filter(
            person_id=person_id,
            role__in=SCORED_ROLES,
            incident__occurred_at__gte=started - window,
            incident__occurred_at__lt=started + window,
        ).values_list(
            "incident_id",
            "incident__occurred_at",
            "incident__incident_type",
            "incident__offence_code",
        )
        for _incident, occurred, kind, code in set(parties):
            weight = harm.get(code if kind == "crime" else kind, unknown)
            if occurred < started:
                before, harm_before = before + 1, harm_before + weight
            else:
                after, harm_after = after + 1, harm_after + weight
    return len(people), before, after, harm_before, harm_after
