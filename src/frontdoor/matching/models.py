"""Identity matching: the blocking-key index, model versions, review items and merge history.

The person index itself (people, agency records) lives in ``frontdoor.people``. This app keeps
what matching needs beside it: precomputed blocking keys so that "is this person already
known?" is a few indexed lookups, the trained model's parameters, the uncertain pairs waiting
for a practitioner, and every merge or split so that each can be undone (ADR 0029).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class BlockingKey(models.Model):
    """One blocking key of one agency record, or of a person's own details.

    Written when the record or person is saved, so intake looks candidates up by key in the
    application database instead of comparing against everyone.
    """

    key = models.CharField(max_length=80)
    record = models.ForeignKey(
        "people.AgencyRecord",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="blocking_keys",
    )
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["key"], name="matching_key_idx")]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(record__isnull=False) & models.Q(person__isnull=True))
                | (models.Q(record__isnull=True) & models.Q(person__isnull=False)),
                name="blocking_key_of_record_or_person",
            )
        ]

    def __str__(self) -> str:
        return self.key


class ModelVersion(models.Model):
    """A match model's parameters (``MatchModel.to_json``), as trained or as shipped."""

    version = models.CharField(max_length=80)
    params = models.TextField()
    trained_at = models.DateTimeField()
    trained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    trained_on_records = models.PositiveIntegerField(default=0)
    # At or above: the same person (linked without asking). Below ``review_from``: a new person.
    link_at = models.FloatField(default=0.95)
    review_from = models.FloatField(default=0.5)
    active = models.BooleanField(default=False)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-trained_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["active"], condition=models.Q(active=True), name="one_active_model"
            )
        ]

    def __str__(self) -> str:
        return f"Match model {self.version}"


class ReviewItem(models.Model):
    """A pair in the uncertain band: is this record the same person as that record or person?"""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        ACCEPTED = "accepted", "Same person (merged)"
        REJECTED = "rejected", "Different people"

    record = models.ForeignKey(
        "people.AgencyRecord", on_delete=models.CASCADE, related_name="review_items"
    )
    # The other side: a record (batch pairs) and the person it belongs to, or a person alone.
    other_record = models.ForeignKey(
        "people.AgencyRecord",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="review_items_as_other",
    )
    other_person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    model_version = models.ForeignKey(
        ModelVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    match_weight = models.FloatField()
    probability = models.FloatField()
    # [{"field": ..., "level": ..., "weight": ...}] as the model explained the score.
    explanation = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="matching_review_queue_idx")]

    def __str__(self) -> str:
        return f"Possible match {self.pk}"


class MergeEvent(models.Model):
    """Records moved from one person to another: a merge, a split or a placement. Reversible."""

    class Kind(models.TextChoices):
        MERGE = "merge", "Merged"
        SPLIT = "split", "Split"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    from_person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="merge_events_from"
    )
    to_person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="merge_events_to"
    )
    # The agency records that moved (primary keys), so that undo moves exactly these back.
    record_ids = models.JSONField(default=list)
    review_item = models.ForeignKey(
        ReviewItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="merges"
    )
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.from_person_id} → {self.to_person_id}"

    @property
    def is_undone(self) -> bool:
        return self.undone_at is not None
