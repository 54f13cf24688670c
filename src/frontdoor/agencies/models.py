from django.contrib.auth.models import AbstractUser
from django.db import models

from .roles import ROLES_SEEING_CASE_DATA, Role


class Area(models.Model):
    """A place a partnership covers: a county, a district or a neighbourhood cluster."""

    class Kind(models.TextChoices):
        COUNTY = "county", "County"
        DISTRICT = "district", "District"
        CLUSTER = "cluster", "Neighbourhood cluster"

    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    ons_code = models.CharField("ONS code", max_length=12, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    postcode_districts = models.CharField(
        max_length=200, blank=True, help_text="Outward codes, space separated, for example PR1 PR2"
    )

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="area_unique_kind_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Agency(models.Model):
    """An organisation in the partnership, with the profile partners read about it."""

    class Sector(models.TextChoices):
        POLICE = "police", "Police"
        CHILDRENS_SOCIAL_CARE = "childrens_social_care", "Children's social care"
        ADULT_SOCIAL_CARE = "adult_social_care", "Adult social care"
        HEALTH = "health", "NHS body"
        GP = "gp", "GP practice"
        EDUCATION = "education", "School or education"
        HOUSING = "housing", "Housing"
        PROBATION = "probation", "Probation"
        YOUTH_JUSTICE = "youth_justice", "Youth justice"
        FIRE = "fire", "Fire and rescue"
        DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse service"
        SUBSTANCE_MISUSE = "substance_misuse", "Substance misuse service"
        VOLUNTARY = "voluntary", "Other voluntary service"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    sector = models.CharField(max_length=40, choices=Sector.choices)
    areas = models.ManyToManyField(Area, related_name="agencies", blank=True)
    is_active = models.BooleanField(default=True)

    # The profile: what partners need to know to work with this agency.
    remit = models.TextField("What we do", blank=True)
    does_not_do = models.TextField("What we do not do", blank=True)
    powers = models.TextField("Our powers", blank=True)
    thresholds = models.TextField("Our referral thresholds", blank=True)
    working_hours = models.TextField("When we work", blank=True)
    out_of_hours_contact = models.TextField("Out-of-hours contact", blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    contact_email = models.EmailField(blank=True)
    profile_updated_at = models.DateTimeField(null=True, blank=True)
    profile_updated_by = models.ForeignKey(
        "Practitioner", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Optimistic locking: an edit names the version it started from (promise 18).
    profile_version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name


class Timescale(models.Model):
    """One of an agency's own clocks, such as a social care assessment in 10 working days."""

    class Unit(models.TextChoices):
        HOURS = "hours", "hours"
        WORKING_DAYS = "working_days", "working days"
        DAYS = "days", "days"
        WEEKS = "weeks", "weeks"

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="timescales")
    activity = models.CharField(max_length=200)
    amount = models.PositiveIntegerField()
    unit = models.CharField(max_length=20, choices=Unit.choices)
    notes = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["agency", "activity"]

    def __str__(self) -> str:
        return f"{self.activity}: {self.amount} {self.get_unit_display()}"


class Team(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["agency", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="team_unique_per_agency"),
        ]

    def __str__(self) -> str:
        return self.name


class Practitioner(AbstractUser):
    """A user of Front Door: a practitioner of one agency, holding one role."""

    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="practitioners"
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    job_title = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=40, choices=Role.choices, default=Role.FRONTLINE)
    phone = models.CharField(max_length=40, blank=True)
    # Bumped to end every session of this practitioner (promise 5).
    session_version = models.PositiveIntegerField(default=1)
    # Optimistic locking: an administrator's edit names the version it started from (promise 18).
    account_version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def needs_second_factor(self) -> bool:
        return self.role in ROLES_SEEING_CASE_DATA

    def has_role(self, *roles: str) -> bool:
        return self.is_active and self.role in roles

    def _get_session_auth_hash(self, secret=None) -> str:
        # Django checks this hash on every request; folding in session_version
        # means bumping it signs the practitioner out everywhere at once.
        from django.utils.crypto import salted_hmac

        return salted_hmac(
            "frontdoor.practitioner.session",
            f"{self.password}:{self.session_version}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()


from .models_duty import Absence, DutyArrangement, Shift  # noqa: E402,F401  (who is on duty)
