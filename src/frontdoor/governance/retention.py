"""Which rule applies to a record, when its review is due, and which records are due now."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import CharField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast
from django.utils import timezone

from .models import RecordReview, RetentionRule
from .registry import RecordType, record_types


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier); the month's last day where it has no such day."""
    years, month0 = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month0 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class EffectiveRule:
    months: int
    source: str
    agency_id: int | None = None
    configured: bool = False  # set by the partnership (else Front Door's default)


def partnership_rule(record_type: RecordType) -> EffectiveRule:
    rule = RetentionRule.objects.filter(record_type=record_type.key, agency__isnull=True).first()
    if rule:
        return EffectiveRule(rule.period_months, rule.source, None, True)
    return EffectiveRule(record_type.default_months, record_type.default_source)


def agency_rules(record_type: RecordType) -> dict[int, EffectiveRule]:
    if not record_type.agency_field:
        return {}
    return {
        rule.agency_id: EffectiveRule(rule.period_months, rule.source, rule.agency_id, True)
        for rule in RetentionRule.objects.filter(record_type=record_type.key, agency__isnull=False)
    }


def _start_date(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _agency_id(record_type: RecordType, obj) -> int | None:
    if not record_type.agency_field:
        return None
    value = obj
    for part in record_type.agency_field.split("__"):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value.pk


def rule_for(record_type: RecordType, obj) -> EffectiveRule:
    agency_id = _agency_id(record_type, obj)
    overrides = agency_rules(record_type)
    return overrides.get(agency_id) or partnership_rule(record_type)


def with_review_state(record_type: RecordType, queryset: QuerySet | None = None) -> QuerySet:
    """The type's records annotated with ``retention_start`` (if computed) and ``retained_until``
    (the next review date set by the latest decision to keep it)."""
    queryset = record_type.queryset() if queryset is None else record_type.annotate(queryset)
    latest = RecordReview.objects.filter(
        record_type=record_type.key,
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    ).order_by("-decided_at", "-pk")
    return queryset.annotate(retained_until=Subquery(latest.values("next_review_on")[:1]))


def review_due_on(record_type: RecordType, obj) -> date | None:
    """When the record is (or was) due for review: the next review date of the last decision to
    keep it, else its start event plus the rule's period."""
    retained_until = getattr(obj, "retained_until", None)
    if retained_until:
        return retained_until
    start = _start_date(getattr(obj, record_type.start_field, None))
    if start is None:
        return None
    return add_months(start, rule_for(record_type, obj).months)


def _cutoff(record_type: RecordType, months: int, today: date):
    """Records whose start is at or before this are past their period."""
    last_day = add_months(today, -months)
    if record_type.start_is_date:
        return last_day
    # The whole of that day, in local time.
    return timezone.make_aware(datetime.combine(last_day + timedelta(days=1), time.min))


def _past_period(record_type: RecordType, today: date) -> Q:
    start = record_type.start_field
    lookup = f"{start}__lte" if record_type.start_is_date else f"{start}__lt"
    overrides = agency_rules(record_type)
    default = partnership_rule(record_type)
    condition = Q(**{lookup: _cutoff(record_type, default.months, today)})
    if not overrides:
        return condition
    field = record_type.agency_field
    condition &= ~Q(**{f"{field}__in": list(overrides)})
    for agency_id, rule in overrides.items():
        condition |= Q(**{field: agency_id, lookup: _cutoff(record_type, rule.months, today)})
    return condition


def due_for_review(record_type: RecordType, *, today: date | None = None, owner=None) -> QuerySet:
    """Records of the type due for review on ``today``; only ``owner``'s when one is given."""
    today = today or timezone.localdate()
    records = with_review_state(record_type)
    if owner is not None:
        mine = record_type.owned_by(owner)
        if mine is None:
            return records.none()
        records = records.filter(mine)
    never_reviewed = Q(retained_until__isnull=True) & _past_period(record_type, today)
    review_come_round = Q(retained_until__lte=today)
    return records.filter(never_reviewed | review_come_round).order_by("pk")


@dataclass
class DueRecord:
    record_type: RecordType
    obj: object
    due_on: date | None

    @property
    def label(self) -> str:
        return self.record_type.describe(self.obj)


def due_for(owner, *, today: date | None = None, limit: int | None = None) -> list[DueRecord]:
    """Every record ``owner`` reviews that is due, the longest overdue first."""
    today = today or timezone.localdate()
    found: list[DueRecord] = []
    for record_type in record_types():
        records = due_for_review(record_type, today=today, owner=owner)
        if limit is not None:
            records = records[: limit * 4]
        found.extend(
            DueRecord(record_type, obj, review_due_on(record_type, obj)) for obj in records
        )
    found.sort(key=lambda due: (due.due_on or today, due.record_type.key, due.obj.pk))
    return found[:limit] if limit is not None else found


def count_due_for(owner, *, today: date | None = None) -> int:
    today = today or timezone.localdate()
    return sum(due_for_review(rt, today=today, owner=owner).count() for rt in record_types())


def due_counts(*, today: date | None = None) -> dict[str, int]:
    """How many records of each type are due across the partnership (counts only)."""
    today = today or timezone.localdate()
    return {rt.key: due_for_review(rt, today=today).count() for rt in record_types()}
