"""Batch linkage over every agency record, applied to the person index (``link_index``).

The engine clusters all records twice: at the link threshold (the clusters that become
people) and at the review threshold (a wider net). Two link-threshold clusters inside one
review-threshold cluster are an uncertain pair: their best-scoring records go to the review
queue. Practitioners' decisions go in as must-link (accepted) and cannot-link (rejected)
pairs, so a re-run never undoes what a person decided.

Applying clusters only ever attaches unplaced records and merges people (each merge a
reversible ``MergeEvent``); it never splits a person a practitioner has put together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.people.models import AgencyRecord, Person

from . import engine, index
from .models import ModelVersion, ReviewItem
from .services import merge, person_from_record

Progress = Callable[[str], None]
PAIR_SIDE = 25


@dataclass
class BatchResult:
    records: int = 0
    clusters: int = 0
    attached: int = 0
    new_people: int = 0
    merges: int = 0
    queued: int = 0
    model_version: str = ""
    skipped_merges: list[str] = field(default_factory=list)


def decisions() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(must_link, cannot_link) record-id pairs from every decided review item."""
    must, cannot = [], []
    items = ReviewItem.objects.exclude(status=ReviewItem.Status.PENDING)
    for item in items.values_list("record_id", "other_record_id", "other_person_id", "status"):
        record_id, other_record_id, other_person_id, status = item
        if other_record_id:
            others = [other_record_id]
        else:
            others = list(
                AgencyRecord.objects.filter(person_id=other_person_id).values_list("pk", flat=True)
            )
        pairs = [
            (index.record_id_of_record(record_id), index.record_id_of_record(o)) for o in others
        ]
        (must if status == ReviewItem.Status.ACCEPTED else cannot).extend(pairs)
    return must, cannot


def _clusters(frame) -> dict[str, list[int]]:
    clusters: dict[str, list[int]] = defaultdict(list)
    for record_id, cluster_id in zip(frame["record_id"], frame["cluster_id"], strict=True):
        clusters[str(cluster_id)].append(int(str(record_id)[1:]))
    return clusters


def train_model(records: list, *, by, progress: Progress) -> ModelVersion:
    progress(f"Training a model on {len(records)} records…")
    model, _linker = engine.train(records)
    with transaction.atomic():
        ModelVersion.objects.filter(active=True).update(active=False)
        version = ModelVersion.objects.create(
            version=str(model.version),
            params=model.to_json(),
            trained_at=timezone.now(),
            trained_by=by if getattr(by, "is_authenticated", False) else None,
            trained_on_records=len(records),
            active=True,
            note="Trained by link_index on the partnership's own records",
        )
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=version,
            reason="Trained a new match model on the person index",
            details={"records": len(records)},
        )
    return version


def apply_batch_link(*, by=None, train: bool = False, progress: Progress = print) -> BatchResult:
    """Link every agency record and apply the clusters; returns what changed."""
    from .scoring import active_model

    rows = list(AgencyRecord.objects.values_list(*index.RECORD_FIELDS))
    result = BatchResult(records=len(rows))
    if not rows:
        progress("No agency records to link.")
        return result
    records = [index.from_record_row(row) for row in rows]
    if train:
        train_model(records, by=by, progress=progress)
    active = active_model()
    result.model_version = active.version.version if active.version else "default"
    must, cannot = decisions()
    progress(
        f"Linking {len(records)} records with model {result.model_version} "
        f"({len(must)} must-link and {len(cannot)} cannot-link decisions)…"
    )
    strict = _clusters(
        engine.link(
            records, active.model, threshold=active.link_at, must_link=must, cannot_link=cannot
        )
    )
    loose = _clusters(
        engine.link(
            records, active.model, threshold=active.review_from, must_link=must, cannot_link=cannot
        )
    )
    result.clusters = len(strict)
    progress(f"{len(strict)} clusters; applying them to the person index…")
    person_of = {row[0]: row[1] for row in rows}
    by_pk = {row[0]: record for row, record in zip(rows, records, strict=True)}
    cannot_set = {frozenset(pair) for pair in cannot}
    with transaction.atomic():
        for done, members in enumerate(strict.values(), start=1):
            _apply_cluster(members, person_of, by=by, result=result, cannot=cannot_set)
            if done % 1000 == 0:
                progress(f"  {done} of {len(strict)} clusters applied")
        strict_of = {pk: cid for cid, members in strict.items() for pk in members}
        for members in loose.values():
            groups = sorted({strict_of[pk] for pk in members})
            for position, first in enumerate(groups):
                for second in groups[position + 1 :]:
                    result.queued += _queue_pair(
                        strict[first], strict[second], by_pk, active, cannot_set
                    )
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            object_type="people.person",
            object_id="*",
            object_repr="Person index (batch linkage)",
            reason="Linked every agency record (batch)",
            details={
                "records": result.records,
                "clusters": result.clusters,
                "attached": result.attached,
                "new_people": result.new_people,
                "merges": result.merges,
                "queued": result.queued,
                "model": result.model_version,
            },
        )
    progress(
        f"Done: {result.attached} records attached, {result.new_people} new people, "
        f"{result.merges} merges, {result.queued} pairs queued for review."
    )
    return result


def _apply_cluster(members: list[int], person_of: dict, *, by, result: BatchResult, cannot) -> None:
    people = sorted({person_of[pk] for pk in members if person_of[pk]})
    current = sorted({Person.objects.get(pk=pk).current().pk for pk in people})
    if current:
        target = Person.objects.get(pk=current[0])
    else:
        first = AgencyRecord.objects.get(pk=min(members))
        target = person_from_record(first, by=by)
        result.new_people += 1
    unplaced = [pk for pk in members if not person_of[pk]]
    if unplaced:
        AgencyRecord.objects.filter(pk__in=unplaced).update(person=target)
        result.attached += len(unplaced) - (0 if current else 1)
        for pk in unplaced:
            person_of[pk] = target.pk
    for other_pk in current[1:]:
        other = Person.objects.get(pk=other_pk)
        mine = set(AgencyRecord.objects.filter(person=other).values_list("pk", flat=True))
        theirs = set(AgencyRecord.objects.filter(person=target).values_list("pk", flat=True))
        if any(
            frozenset((index.record_id_of_record(a), index.record_id_of_record(b))) in cannot
            for a in mine
            for b in theirs
        ):
            result.skipped_merges.append(f"{other.pk}->{target.pk}")
            continue
        merge(
            from_person=other,
            to_person=target,
            by=by,
            reason="Batch linkage: the records of both people are one cluster",
        )
        result.merges += 1


def _queue_pair(first: list[int], second: list[int], by_pk: dict, active, cannot) -> int:
    best = None
    # A large cluster is compared through its first records: enough to explain the pair.
    for a in first[:PAIR_SIDE]:
        for b in second[:PAIR_SIDE]:
            if frozenset((index.record_id_of_record(a), index.record_id_of_record(b))) in cannot:
                return 0
            score = active.model.score(by_pk[a], by_pk[b])
            if best is None or score.match_weight > best[2].match_weight:
                best = (a, b, score)
    if best is None or best[2].probability < active.review_from:
        return 0
    a, b, score = best
    if ReviewItem.objects.filter(record_id__in=(a, b), other_record_id__in=(a, b)).exists():
        return 0
    from .facade import explanation_json

    ReviewItem.objects.create(
        record_id=a,
        other_record_id=b,
        other_person_id=AgencyRecord.objects.values_list("person_id", flat=True).get(pk=b),
        model_version=active.version,
        match_weight=float(score.match_weight),
        probability=float(score.probability),
        explanation=explanation_json(score),
    )
    return 1
