from __future__ import annotations

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from frontdoor.agencies.models import Agency, Area, Practitioner, Team
from frontdoor.agencies.roles import Role

TEST_PASSWORD = "correct-horse-battery-staple"  # noqa: S105 (test accounts only)


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("kind", "name")

    name = factory.Sequence(lambda n: f"District {n}")
    kind = Area.Kind.DISTRICT


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Test Agency {n}")
    sector = Agency.Sector.POLICE
    remit = "What this test agency does."
    powers = "Test powers."


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class PractitionerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practitioner
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"practitioner{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person{n}")
    email = factory.LazyAttribute(lambda p: f"{p.username}@agency.example")
    agency = factory.SubFactory(AgencyFactory)
    role = Role.FRONTLINE
    job_title = "Practitioner"
    password = factory.django.Password(TEST_PASSWORD)


def give_authenticator(practitioner: Practitioner) -> TOTPDevice:
    return TOTPDevice.objects.create(user=practitioner, name="Test authenticator", confirmed=True)


def current_code(device: TOTPDevice) -> str:
    import time

    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def sign_in(client, practitioner: Practitioner, *, second_factor: bool = True) -> None:
    """Sign ``practitioner`` in on the test client, with the second factor passed unless told not to."""
    client.force_login(practitioner)
    if second_factor:
        device = TOTPDevice.objects.filter(user=practitioner, confirmed=True).first()
        device = device or give_authenticator(practitioner)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()


def draft_contact(referrer: Practitioner, *, family_name: str = "Testperson", **child):
    """A complete draft referral about one child (fictional), ready to send, through the
    referrer's own services: neglect, no crime alleged, consent given."""
    from datetime import date

    from frontdoor.referrals import services
    from frontdoor.referrals.models import Concern, Consent, Subject

    contact = services.contact_start(by=referrer)
    services.contact_update_draft(
        contact=contact,
        by=referrer,
        changes={
            "concerns": [Concern.NEGLECT],
            "what_happened": "Left alone overnight.",
            "crime_alleged": False,
            "immediate_danger": False,
            "consent": Consent.GIVEN,
        },
    )
    services.subject_save(
        contact=contact,
        by=referrer,
        data={
            "role": Subject.Role.CHILD_AT_RISK,
            "given_names": "Maisie",
            "family_name": family_name,
            "date_of_birth": date(2017, 6, 1),
            **child,
        },
    )
    return contact
