"""Police incidents imported from a force's records system, and the harm weights that rank them.

An incident is identified by the force's own reference (unique per force), so importing the same
extract twice updates rather than duplicates. Each person named in an incident is an
``IncidentParty``: the role they played, the force's nominal record (a ``people.AgencyRecord`` of
kind ``police_nominal``) and the person on the index that record belongs to. Names, date of birth
and sex are kept as the force gave them for that incident (what the record said *then*).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

from frontdoor.people.models import Sex

# SQLite cannot record progress while the import writes: allow for a long write.
STALLED_AFTER = timedelta(minutes=30)


class IncidentType(models.TextChoices):
    """``crime`` (with a Home Office offence code) or one of the non-crime incident types."""

    CRIME = "crime", "Crime"
    DOMESTIC_NON_CRIME = "domestic_non_crime", "Domestic incident (non-crime)"
    CONCERN_FOR_WELFARE = "concern_for_welfare", "Concern for welfare"
    MISSING_PERSON = "missing_person", "Missing person"
    ASB = "asb", "Anti-social behaviour"
    MENTAL_HEALTH = "mental_health", "Mental health incident"
    CHILD_CONCERN = "child_concern", "Child concern (non-crime)"
    OTHER_NON_CRIME = "other_non_crime", "Other non-crime incident"


NON_CRIME_TYPES = [choice for choice in IncidentType.values if choice != IncidentType.CRIME]


class PartyRole(models.TextChoices):
    VICTIM = "victim", "Victim"
    SUSPECT = "suspect", "Suspect"
    OFFENDER = "offender", "Offender"
    WITNESS = "witness", "Witness"
    OTHER = "other", "Other"


class ImportRun(models.Model):
    """One import of one file (or API call): who, when, progress and what it did.

    ``processed_rows`` and ``status`` are written on a separate database connection from the
    import's own transaction, so a page can show progress while the data is still invisible,
    and a killed import leaves this row (status ``running``, stale heartbeat) and nothing else.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Importing"
        SUCCEEDED = "succeeded", "Imported"
        REJECTED = "rejected", "Rejected: the file has errors"
        FAILED = "failed", "Failed"

    class Source(models.TextChoices):
        UPLOAD = "upload", "Browser upload"
        COMMAND = "command", "Command line"
        API = "api", "API"

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="incident_imports"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="incident_imports",
    )
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.UPLOAD)
    filename = models.CharField(max_length=255, blank=True)
    # Where an uploaded file waits for the background task (a generated name, never the user's).
    stored_path = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    # While running: "checking" every row, then "writing" them in one transaction.
    phase = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)  # rows checked so far
    written_rows = models.PositiveIntegerField(default=0)  # rows written so far
    incidents_created = models.PositiveIntegerField(default=0)
    incidents_updated = models.PositiveIntegerField(default=0)
    incidents_unchanged = models.PositiveIntegerField(default=0)
    people_created = models.PositiveIntegerField(default=0)
    people_linked = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    # [{"line": 12, "field": "occurred_at", "reason": "..."}, ...] (the first 1,000 kept).
    errors = models.JSONField(default=list, blank=True)
    failure = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Import {self.pk} of {self.filename or 'incidents'} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.SUCCEEDED, self.Status.REJECTED, self.Status.FAILED}

    @property
    def is_stalled(self) -> bool:
        """Running, but silent for so long that its process must have ended (killed, or the
        server restarted): its transaction was rolled back, so nothing of it was imported."""
        if self.is_finished:
            return False
        last = self.heartbeat_at or self.created_at
        return timezone.now() - last > STALLED_AFTER

    @property
    def percent_done(self) -> int:
        """Checking is the first half of the bar, writing the second."""
        if self.is_finished:
            return 100
        if not self.total_rows:
            return 0
        done = self.processed_rows + self.written_rows
        return min(99, int(50 * done / self.total_rows))


class Incident(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="incidents"
    )
    ref = models.CharField("force reference", max_length=100)
    occurred_at = models.DateTimeField(db_index=True)
    incident_type = models.CharField(max_length=30, choices=IncidentType.choices)
    offence_code = models.CharField(max_length=20, blank=True, db_index=True)
    offence_description = models.CharField(max_length=300, blank=True)
    domestic_abuse = models.BooleanField(default=False)
    postcode = models.CharField(max_length=10, blank=True)
    area = models.CharField(max_length=100, blank=True)
    import_run = models.ForeignKey(
        ImportRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="incidents"
    )
    # A digest of the incident's fields and parties as last imported: an unchanged row in a
    # re-import is recognised without touching its parties.
    fingerprint = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "ref"], name="incident_unique_force_ref")
        ]

    def __str__(self) -> str:
        return f"Incident {self.ref}"

    @property
    def harm_code(self) -> str:
        """The key into ``HarmWeight``: the offence code for a crime, else the incident type."""
        return self.offence_code if self.incident_type == IncidentType.CRIME else self.incident_type


class IncidentParty(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(max_length=10, choices=PartyRole.choices)
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="incident_parties"
    )
    record = models.ForeignKey(
        "people.AgencyRecord", on_delete=models.PROTECT, related_name="incident_parties"
    )
    # As the force recorded them in this incident.
    given_names = models.CharField(max_length=200, blank=True)
    family_name = models.CharField(max_length=200, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)

    class Meta:
        ordering = ["incident", "role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "record", "role"], name="incident_party_unique_role"
            )
        ]
        indexes = [models.Index(fields=["person", "role"])]
        verbose_name_plural = "incident parties"

    def __str__(self) -> str:
        return f"{self.get_role_display()} in {self.incident_id}"


class HarmWeight(models.Model):
    """How much harm an offence (or a non-crime incident type) represents, for ranking.

    The defaults come from a published index (see ``harm_defaults.py`` and docs/incidents.md);
    the partnership may change any weight, and each change is audited.
    """

    class Kind(models.TextChoices):
        OFFENCE = "offence", "Offence (Home Office code)"
        NON_CRIME = "non_crime", "Non-crime incident type"
        FALLBACK = "fallback", "Fallback for an offence code not in the table"

    code = models.CharField(max_length=40, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.OFFENCE)
    description = models.CharField(max_length=300)
    weight = models.DecimalField(max_digits=10, decimal_places=2, validators=[MinValueValidator(0)])
    # Where the number came from: the published index and its date, or "Edited by the partnership".
    source = models.CharField(max_length=300)
    source_date = models.DateField(null=True, blank=True)
    default_weight = models.DecimalField(
        max_digits=10, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    edited_at = models.DateTimeField(null=True, blank=True)
    # Optimistic locking: an edit names the version it started from (promise 18).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["kind", "code"]

    def __str__(self) -> str:
        return f"{self.code}: {self.weight}"


from .models_recurrence import CohortMember, CohortRule, PanelSelection, RecurrenceRun  # noqa: E402,F401
