"""Every duty, rota, absence, cover and handover URL in the permission matrix."""

from datetime import timedelta

from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.matrix import (
    REFUSED,
    Endpoint,
    everyone,
    involved_roles_else,
    roles_else,
)

ADMIN = [Role.ADMINISTRATOR]
MANAGERS = [Role.HUB_MANAGER]
SHIFT_PK = 990_001


def _ensure_shift(world):
    """The removal endpoint deletes the shift: put it back before every request."""
    from frontdoor.agencies.models_duty import Shift

    now = timezone.now()
    Shift.objects.get_or_create(
        pk=SHIFT_PK,
        defaults={
            "agency": world.involved,
            "practitioner": world.objects["subject_practitioner"],
            "starts_at": now,
            "ends_at": now + timedelta(hours=8),
        },
    )
    return {}


def shift(world):
    _ensure_shift(world)
    return {"pk": world.involved.pk, "shift_pk": SHIFT_PK}


def owned_contact(world):
    """A submitted contact owned by the involved agency's hub practitioner."""
    if "duty_contact" not in world.objects:
        from frontdoor.core.testing.factories import PractitionerFactory
        from frontdoor.referrals import services as referrals
        from frontdoor.referrals.models import Concern, Consent, Subject

        referrer = PractitionerFactory(
            username="duty.referrer", agency=world.uninvolved, role=Role.FRONTLINE
        )
        contact = referrals.contact_start(by=referrer)
        referrals.contact_update_draft(
            contact=contact,
            by=referrer,
            changes={
                "concerns": [Concern.NEGLECT],
                "what_happened": "Tell-tale: duty handover matrix",
                "crime_alleged": False,
                "immediate_danger": False,
                "consent": Consent.GIVEN,
            },
        )
        referrals.subject_save(
            contact=contact,
            by=referrer,
            data={"role": Subject.Role.CHILD_AT_RISK, "given_names": "Ola", "family_name": "Duty"},
        )
        contact = referrals.contact_submit(contact=contact, by=referrer)
        owner = world.personas[(Role.HUB_PRACTITIONER, True)]
        contact = referrals.contact_triage(
            contact=contact,
            by=owner,
            expected_version=contact.version,
            rag="amber",
            rationale="Matrix",
            assign_to=owner,
        )
        world.objects["duty_contact"] = contact
    return world.objects["duty_contact"]


def handover_expectation(role, involved):
    if role == Role.HUB_PRACTITIONER:
        return 200 if involved else 403  # the owner; another agency's hub practitioner
    if role == Role.HUB_MANAGER:
        return 200 if involved else 403  # the owner's manager; another agency's manager
    return REFUSED  # roles outside the hub never hand contacts over (404, before any lookup)


def subject(world):
    return {"practitioner_pk": world.objects["subject_practitioner"].pk}


ENDPOINTS = [
    Endpoint("agencies:duty_now", everyone()),
    Endpoint("agencies:duty_rota", everyone(), kwargs=lambda w: {"pk": w.involved.pk}),
    Endpoint(
        "agencies:duty_shift_add",
        involved_roles_else(ADMIN, MANAGERS, elsewhere=403),
        kwargs=lambda w: {"pk": w.involved.pk},
    ),
    Endpoint(
        "agencies:duty_pattern_add",
        involved_roles_else(ADMIN, MANAGERS, elsewhere=403),
        kwargs=lambda w: {"pk": w.involved.pk},
    ),
    Endpoint(
        "agencies:duty_shift_remove",
        involved_roles_else(ADMIN, MANAGERS, ok=302, elsewhere=403),
        kwargs=shift,
        method="post",
        data=_ensure_shift,
    ),
    Endpoint(
        "agencies:duty_arrangements",
        involved_roles_else(ADMIN, MANAGERS, elsewhere=403),
        kwargs=lambda w: {"pk": w.involved.pk},
    ),
    Endpoint(
        "agencies:duty_absence_add",
        involved_roles_else(ADMIN, MANAGERS, otherwise=403),  # every role may record absence
        kwargs=subject,
    ),
    Endpoint("agencies:duty_cover_index", roles_else(MANAGERS)),
    Endpoint(
        "agencies:duty_cover", involved_roles_else([], MANAGERS, elsewhere=403), kwargs=subject
    ),
    Endpoint(
        "agencies:duty_handover",
        handover_expectation,
        kwargs=lambda w: {"contact_pk": owned_contact(w).pk},
        secret=lambda w: "Tell-tale: duty handover matrix",
    ),
]
