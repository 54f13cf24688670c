"""The front door: contacts (referrals), their subjects, triage, decisions and timeline."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from frontdoor.agencies.models import Agency
from frontdoor.people.models import Person, Sex


class Concern(models.TextChoices):
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse"
    NEGLECT = "neglect", "Neglect"
    PHYSICAL_ABUSE = "physical_abuse", "Physical abuse"
    SEXUAL_ABUSE = "sexual_abuse", "Sexual abuse"
    CSE = "cse", "Child sexual exploitation"
    CCE = "cce", "Child criminal exploitation"
    MISSING = "missing", "Missing episode"
    MENTAL_HEALTH = "mental_health", "Mental health"
    SUBSTANCE_MISUSE = "substance_misuse", "Substance misuse"
    RADICALISATION = "radicalisation", "Radicalisation"
    ONLINE_HARM = "online_harm", "Online harm"
    OTHER = "other", "Other"


class Consent(models.TextChoices):
    GIVEN = "given", "Given"
    NOT_GIVEN = "not_given", "Not given"
    NOT_SOUGHT = "not_sought", "Not sought"


class LawfulBasis(models.TextChoices):
    """Why sharing goes ahead without consent (Working Together; DPA 2018 Sch 8 para 4)."""

    SAFEGUARDING = (
        "safeguarding",
        "Safeguarding children or individuals at risk (DPA 2018 Sch 8 para 4)",
    )
    CRIME = "crime", "Prevention or detection of crime (DPA 2018 Sch 2 para 2)"
    VITAL_INTERESTS = (
        "vital_interests",
        "Protecting someone's vital interests (UK GDPR Art 6(1)(d))",
    )
    PUBLIC_TASK = "public_task", "Statutory duty or public task (UK GDPR Art 6(1)(e))"
    RISK_OF_HARM = "risk_of_harm", "Seeking consent would put someone at greater risk"


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


class Contact(models.Model):
    """A safeguarding contact made to the front door. It becomes a referral once accepted."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Waiting for triage"
        TRIAGED = "triaged", "In triage"
        DECIDED = "decided", "Decided"
        AWAITING_SIGN_OFF = "awaiting_sign_off", "Decision waiting for sign-off"

    class Source(models.TextChoices):
        PRACTITIONER = "practitioner", "A practitioner"
        PUBLIC = "public", "A member of the public (phone call)"

    reference = models.CharField(max_length=20, unique=True, null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.PRACTITIONER)
    caller_name = models.CharField(max_length=200, blank=True)
    caller_phone = models.CharField(max_length=40, blank=True)
    caller_relationship = models.CharField(max_length=200, blank=True)

    referrer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="referrals_made"
    )
    referrer_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="referrals_made"
    )

    concerns = models.JSONField(default=list, blank=True)
    what_happened = models.TextField("What happened", blank=True)
    professional_opinion = models.TextField("Your professional opinion", blank=True)
    crime_alleged = models.BooleanField(null=True)
    immediate_danger = models.BooleanField(null=True)
    consent = models.CharField(max_length=20, choices=Consent.choices, blank=True)
    lawful_basis = models.CharField(max_length=30, choices=LawfulBasis.choices, blank=True)
    lawful_basis_detail = models.TextField(blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True, db_index=True)

    # Triage
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts_assigned",
    )
    rag = models.CharField("RAG rating", max_length=10, choices=Rag.choices, blank=True)
    rag_rationale = models.TextField(blank=True)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rated_at = models.DateTimeField(null=True, blank=True)
    # The clocks (DESIGN.md: deadlines are data).
    decision_due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    accepted_by_social_care_at = models.DateTimeField(null=True, blank=True)
    statutory_due_at = models.DateTimeField(null=True, blank=True)
    referrer_told_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    # Optimistic locking for concurrent triage (promise 18).
    version = models.PositiveIntegerField(default=1)
    idempotency_key = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["referrer", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="contact_unique_idempotency_key_per_referrer",
            )
        ]

    def __str__(self) -> str:
        return self.reference or f"Draft contact {self.pk}"

    @property
    def is_red(self) -> bool:
        return self.rag == Rag.RED or bool(self.immediate_danger)

    def concern_labels(self) -> list[str]:
        labels = dict(Concern.choices)
        return [labels.get(c, c) for c in self.concerns]


class ReferenceCounter(models.Model):
    """The last contact reference given out in a year (FD-2026-000123 is 123 in 2026).

    Sending a referral takes this row's lock to draw the next number, so two referrals sent
    at the same moment never get the same reference, and a number is never given out twice,
    even after the contact that had it is disposed of under the retention rules.
    """

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"FD-{self.year}: {self.last} given out"


class Subject(models.Model):
    """Someone a contact is about, with the role they have in it (DPA 2018 s.38 categories)."""

    class Role(models.TextChoices):
        CHILD_AT_RISK = "child_at_risk", "Child at risk"
        ADULT_AT_RISK = "adult_at_risk", "Adult at risk"
        VICTIM = "victim", "Victim"
        ALLEGED_TO_CAUSE_HARM = "alleged_to_cause_harm", "Person alleged to cause harm"
        PARENT_OR_CARER = "parent_or_carer", "Parent or carer"
        HOUSEHOLD_MEMBER = "household_member", "Other household member"

    class Link(models.TextChoices):
        UNREVIEWED = "unreviewed", "Not yet checked"
        LINKED = "linked", "Linked to a known person"
        NEW = "new", "Confirmed as a new person"

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="subjects")
    role = models.CharField(max_length=30, choices=Role.choices)
    given_names = models.CharField(max_length=200)
    family_name = models.CharField(max_length=200, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    estimated_age = models.PositiveSmallIntegerField(null=True, blank=True)
    sex = models.CharField(max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    school_or_gp = models.CharField("School or GP", max_length=200, blank=True)
    nhs_number = models.CharField("NHS number", max_length=10, blank=True)
    other_identifiers = models.CharField(max_length=300, blank=True)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="subjects"
    )
    link = models.CharField(max_length=20, choices=Link.choices, default=Link.UNREVIEWED)
    # Optimistic locking: the referrer's edit of their details and the hub's link to the
    # person index each name the version they were shown (promise 18).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()

    @property
    def is_child(self) -> bool:
        return self.role == self.Role.CHILD_AT_RISK


class Decision(models.Model):
    class Outcome(models.TextChoices):
        NFA = "nfa", "No further action"
        ADVICE = "advice", "Advice or signposting"
        EARLY_HELP = "early_help", "Early help"
        CHILD_IN_NEED = "child_in_need", "Child in need assessment (Children Act 1989 s.17)"
        STRATEGY = "strategy", "Strategy discussion (Children Act 1989 s.47)"
        ADULT_ENQUIRY = "adult_enquiry", "Adult safeguarding enquiry (Care Act 2014 s.42)"
        MARAC = "marac", "Referral to MARAC"
        POLICE = "police", "Police investigation"
        OTHER = "other", "Other"

    contact = models.OneToOneField(Contact, on_delete=models.CASCADE, related_name="decision")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    rationale = models.TextField()
    signpost_to = models.CharField(max_length=300, blank=True)
    feedback_to_referrer = models.TextField(
        help_text="What the referrer and the agencies that answered need to know: not the whole record."
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.get_outcome_display()


class SignpostedService(models.Model):
    """A directory service the front door signposted to, as the directory described it then.

    The name and the route to help are copied at the time, so that later edits to the
    directory (or its deletion of the service) never rewrite what the referrer was told.
    Addresses are never copied: a refuge's must not leave the directory (ADR 0012).
    """

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="signposted")
    service = models.ForeignKey(
        "directory.Service",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signposted_by",
    )
    service_name = models.TextField()
    organisation_name = models.TextField(blank=True)
    phone = models.TextField(blank=True)
    email = models.TextField(blank=True)
    website = models.TextField(blank=True)
    how_to_get_help = models.TextField(blank=True)
    confidential_address = models.BooleanField(default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["decision", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "service"], name="signposted_service_once_per_decision"
            )
        ]

    def __str__(self) -> str:
        return self.service_name


class TimelineEntry(models.Model):
    """Everything that happened to a contact and every clock, with who did it."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_agency = models.CharField(max_length=200, blank=True)
    summary = models.CharField(max_length=300)
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return self.summary
