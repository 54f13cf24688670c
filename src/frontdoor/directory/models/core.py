"""Organisations, services, locations and taxonomies on the Open Referral UK 3.0 standard.

Field names follow the standard's schemata (``oruk_standard/schemata/*.json``) except where a
Django convention needs another name; ``oruk.py`` maps each one back. Identifiers are UUIDs, as
the standard requires. References the standard allows to point outside this directory (a term's
parent or taxonomy, an organisation's parent) are kept as plain UUIDs, not foreign keys, so
that a feed from elsewhere imports whole.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from ..querysets import LocationQuerySet, ServiceQuerySet


class Taxonomy(models.Model):
    """A vocabulary that taxonomy terms come from."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.TextField()
    description = models.TextField()
    uri = models.TextField(blank=True)
    version = models.TextField(blank=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name_plural = "taxonomies"

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(models.Model):
    """One term, such as "Domestic abuse support"; hierarchical through ``parent_id``."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.TextField()
    description = models.TextField()
    parent_id = models.UUIDField(null=True, blank=True, db_index=True)
    # The standard's free-text ``taxonomy`` (which taxonomy is in use, ideally a URI).
    taxonomy_name = models.TextField(blank=True)
    taxonomy_id = models.UUIDField(null=True, blank=True, db_index=True)
    term_uri = models.TextField(blank=True)
    term = models.TextField(blank=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class LinkEntity(models.TextChoices):
    """What an attribute's ``link_id`` points at (the standard's tabular ``link_entity``)."""

    SERVICE = "service", "Service"
    ORGANIZATION = "organization", "Organisation"
    ORGANIZATION_IDENTIFIER = "organization_identifier", "Organisation identifier"
    LOCATION = "location", "Location"
    ADDRESS = "address", "Address"
    CONTACT = "contact", "Contact"
    ACCESSIBILITY = "accessibility", "Accessibility"


class LinkType(models.TextChoices):
    """Our codelist for an attribute's ``link_type``: what the term says about the record."""

    CATEGORY = "category", "What the service helps with"
    AUDIENCE = "audience", "Who the service is for"


class Attribute(models.Model):
    """Tags any record with a taxonomy term: the standard's generic link."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomy_term = models.ForeignKey(
        TaxonomyTerm, on_delete=models.PROTECT, related_name="attributes"
    )
    link_type = models.CharField(max_length=100, blank=True)
    link_id = models.UUIDField()
    link_entity = models.CharField(max_length=40, choices=LinkEntity.choices)

    class Meta:
        ordering = ["link_entity", "link_id", "id"]
        indexes = [models.Index(fields=["link_entity", "link_id"])]

    def __str__(self) -> str:
        return f"{self.link_entity} {self.link_id}: {self.taxonomy_term_id}"


class Organization(models.Model):
    """An organisation that delivers services (the standard's spelling, ``organization``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.TextField()
    description = models.TextField()
    email = models.TextField(blank=True)
    website = models.TextField(blank=True)
    logo = models.TextField(blank=True)
    uri = models.TextField(blank=True)
    parent_organization_id = models.UUIDField(null=True, blank=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class OrganizationIdentifier(models.Model):
    """A third-party identifier, such as a charity or company number."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="organization_identifiers"
    )
    identifier_scheme = models.TextField(blank=True)
    identifier_type = models.TextField()
    identifier = models.TextField()

    class Meta:
        ordering = ["identifier_type", "id"]

    def __str__(self) -> str:
        return f"{self.identifier_type} {self.identifier}"


class Service(models.Model):
    """A service an organisation provides, with what a person needs to know to use it."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        INACTIVE = "inactive", "Inactive"
        DEFUNCT = "defunct", "Defunct"
        TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="services"
    )
    name = models.TextField()
    description = models.TextField(blank=True)
    url = models.TextField(blank=True)
    email = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    accreditations = models.TextField(blank=True)
    minimum_age = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    maximum_age = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    assurer_email = models.TextField(blank=True)
    alert = models.TextField(blank=True)
    last_modified = models.DateTimeField(default=timezone.now, db_index=True)

    # Extension properties (ADR 0012): HSDS 3.0's own names for what the UK profile dropped.
    eligibility_description = models.TextField(blank=True)
    application_process = models.TextField(blank=True)
    wait_time = models.TextField(blank=True)
    fees_description = models.TextField(blank=True)

    # Keeping it current (issue 8, item 4). ``last_reviewed`` is the standard's assured_date.
    last_reviewed = models.DateField(null=True, blank=True)
    owner_agency = models.ForeignKey(
        "agencies.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="directory_services",
    )
    owner_practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="directory_services",
    )

    # A refuge: its addresses and map points never leave Front Door (issue 8, item 7).
    confidential_address = models.BooleanField(default=False)

    # Curation (issue 8, item 4): a curator's change checks it has not moved since the form
    # was shown; the day owners were told the service is overdue for review (once per lapse).
    version = models.PositiveIntegerField(default=1)
    review_reminded_on = models.DateField(null=True, blank=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner_agency__isnull=False) | Q(owner_practitioner__isnull=False),
                name="directory_service_has_owner",
            ),
            models.CheckConstraint(
                condition=Q(minimum_age__isnull=True)
                | Q(maximum_age__isnull=True)
                | Q(minimum_age__lte=F("maximum_age")),
                name="directory_service_ages_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Location(models.Model):
    """Where services are delivered: a building, a postal address or somewhere online."""

    class LocationType(models.TextChoices):
        PHYSICAL = "physical", "Physical"
        POSTAL = "postal", "Postal"
        VIRTUAL = "virtual", "Virtual"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location_type = models.CharField(max_length=20, choices=LocationType.choices)
    name = models.TextField(blank=True)
    description = models.TextField(blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    external_identifier = models.TextField(blank=True)
    external_identifier_type = models.TextField(blank=True)
    # Never shown publicly or in the API. Set on every location of a confidential service.
    confidential = models.BooleanField(default=False)

    objects = LocationQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        # Radius searches narrow to a bounding box first (geo.py): latitude range, then longitude.
        indexes = [models.Index(fields=["latitude", "longitude"], name="location_lat_long")]

    def __str__(self) -> str:
        return self.name or str(self.id)


class Address(models.Model):
    class AddressType(models.TextChoices):
        PHYSICAL = "physical", "Physical"
        POSTAL = "postal", "Postal"
        VIRTUAL = "virtual", "Virtual"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="addresses")
    attention = models.TextField(blank=True)
    address_1 = models.TextField()
    city = models.TextField()
    region = models.TextField(blank=True)
    state_province = models.TextField()
    postal_code = models.TextField()
    country = models.TextField()
    address_type = models.CharField(max_length=20, choices=AddressType.choices)

    class Meta:
        ordering = ["location", "id"]
        verbose_name_plural = "addresses"

    def __str__(self) -> str:
        return f"{self.address_1}, {self.city} {self.postal_code}"


class ServiceAtLocation(models.Model):
    """A service delivered at a location."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="service_at_locations"
    )

    class Meta:
        ordering = ["service", "id"]

    def __str__(self) -> str:
        return f"{self.service} at {self.location}"

    @property
    def confidential(self) -> bool:
        return self.location.confidential or self.service.confidential_address


class FeedSync(models.Model):
    """An ORUK feed we pull from, and when it last succeeded (for ``modified_after``)."""

    url = models.CharField(max_length=500, unique=True)
    last_pulled_at = models.DateTimeField(null=True, blank=True)
    services_imported = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["url"]

    def __str__(self) -> str:
        return self.url
