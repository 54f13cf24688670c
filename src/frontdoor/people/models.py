"""The person index: people known to the partnership (issue 6 extends it)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    UNKNOWN = "unknown", "Not known"


class Ethnicity(models.TextChoices):
    """The DfE ethnicity codes used by the children in need census and Ofsted's Annex A."""

    WBRI = "WBRI", "White British"
    WIRI = "WIRI", "White Irish"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WOTH = "WOTH", "Any other White background"
    WROM = "WROM", "Gypsy/Roma"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other mixed background"
    AIND = "AIND", "Indian"
    APKN = "APKN", "Pakistani"
    ABAN = "ABAN", "Bangladeshi"
    AOTH = "AOTH", "Any other Asian background"
    BCRB = "BCRB", "Caribbean"
    BAFR = "BAFR", "African"
    BOTH = "BOTH", "Any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "Refused"
    NOBT = "NOBT", "Information not yet obtained"


class Person(models.Model):
    given_names = models.CharField(max_length=200)
    family_name = models.CharField(max_length=200, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    date_of_birth_estimated = models.BooleanField(default=False)
    sex = models.CharField(max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    # "Not yet obtained" until someone records it: never guessed from a name or a photo.
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, default=Ethnicity.NOBT)
    nhs_number = models.CharField("NHS number", max_length=10, blank=True, db_index=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Set when a merge folds this person into another (their records move there); cleared
    # when the merge is undone. Links to a merged person still resolve through it.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["family_name", "given_names"]
        indexes = [models.Index(fields=["family_name", "date_of_birth"])]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()

    def current(self) -> Person:
        """The person this one now is: itself, or whoever it was merged into."""
        person, seen = self, {self.pk}
        while person.merged_into_id is not None and person.merged_into_id not in seen:
            seen.add(person.merged_into_id)
            person = person.merged_into
        return person


class RecordKind(models.TextChoices):
    """The kinds of agency record that refer to a person on the index."""

    POLICE_NOMINAL = "police_nominal", "Police nominal"
    SOCIAL_CARE_CLIENT = "social_care_client", "Social care client"
    HEALTH_PATIENT = "health_patient", "Health (NHS number)"
    SCHOOL_PUPIL = "school_pupil", "School pupil (unique pupil number)"
    HOUSING_TENANCY = "housing_tenancy", "Housing tenancy"
    PROBATION_CASE = "probation_case", "Probation case"
    REFERRAL_SUBJECT = "referral_subject", "Person named in a referral"
    OTHER = "other", "Other agency record"


class AgencyRecord(models.Model):
    """What one agency's record says about a person, and when it said it (provenance).

    A person on the index is the cluster of the agency records that refer to them. Records
    are never edited into each other: a merge moves records to one person, a split moves them
    back, and both are reversible (the matching app keeps the history).
    """

    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="records"
    )
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="person_records"
    )
    kind = models.CharField(max_length=30, choices=RecordKind.choices)
    # The agency's own reference: police nominal number, social care client ID, UPN, tenancy ref.
    source_ref = models.CharField(max_length=100)
    given_names = models.CharField(max_length=200, blank=True)
    middle_names = models.CharField(max_length=200, blank=True)
    family_name = models.CharField(max_length=200, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    date_of_birth_estimated = models.BooleanField(default=False)
    sex = models.CharField(max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    nhs_number = models.CharField("NHS number", max_length=10, blank=True, db_index=True)
    upn = models.CharField("unique pupil number", max_length=13, blank=True)
    # When the agency recorded these details (not when Front Door received them).
    recorded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agency__name", "kind", "source_ref"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "source_ref"], name="agency_record_unique_ref"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.source_ref}"


class Alias(models.Model):
    """Another name a person is known by: an alias, a nickname or a previous surname."""

    class Kind(models.TextChoices):
        ALIAS = "alias", "Alias"
        NICKNAME = "nickname", "Known as"
        PREVIOUS = "previous", "Previous name"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ALIAS)
    given_names = models.CharField(max_length=200, blank=True)
    family_name = models.CharField(max_length=200, blank=True)
    source = models.ForeignKey(
        AgencyRecord, null=True, blank=True, on_delete=models.SET_NULL, related_name="aliases"
    )
    recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "aliases"

    def __str__(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()


class Relationship(models.Model):
    """How two people on the index are connected, and which agency said so."""

    class Kind(models.TextChoices):
        HOUSEHOLD = "household", "Same household"
        PARENT_CHILD = "parent_child", "Parent of"
        PARTNER = "partner", "Partner or ex-partner"
        SIBLING = "sibling", "Sibling"
        ASSOCIATE = "associate", "Associate"

    # For PARENT_CHILD, `from_person` is the parent.
    from_person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    to_person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    source = models.ForeignKey(
        AgencyRecord, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_person=models.F("to_person")),
                name="relationship_not_to_self",
            )
        ]

    def __str__(self) -> str:
        return f"{self.from_person} – {self.get_kind_display()} – {self.to_person}"
