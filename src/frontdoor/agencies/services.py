"""Every write to agencies, teams and practitioners that matters, each audited."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.errors import ConflictError

from .models import Agency, Area, Practitioner, Team, Timescale

PROFILE_FIELDS = (
    "remit",
    "does_not_do",
    "powers",
    "thresholds",
    "working_hours",
    "out_of_hours_contact",
    "contact_phone",
    "contact_email",
)


def agency_create(
    *,
    by: Practitioner | None,
    name: str,
    sector: str,
    short_name: str = "",
    areas: Iterable[Area] = (),
    **profile: Any,
) -> Agency:
    with transaction.atomic():
        agency = Agency.objects.create(name=name, sector=sector, short_name=short_name, **profile)
        agency.areas.set(areas)
        audit_record(
            actor=by, verb=Verb.CREATE, obj=agency, reason="Added an agency to the partnership"
        )
    return agency


def agency_profile_update(
    *,
    agency: Agency,
    by: Practitioner,
    expected_version: int,
    changes: dict[str, Any],
    timescales: list[dict[str, Any]] | None = None,
) -> Agency:
    """Save a profile edit unless someone else saved one since ``expected_version``."""
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not profile fields: {sorted(unknown)}")
    with transaction.atomic():
        updated = Agency.objects.filter(pk=agency.pk, profile_version=expected_version).update(
            profile_version=F("profile_version") + 1,
            profile_updated_at=timezone.now(),
            profile_updated_by=by,
            **changes,
        )
        if not updated:
            raise ConflictError(
                "Someone else changed this profile while you were editing it. "
                "Your changes have not been saved: check the latest version and make them again."
            )
        if timescales is not None:
            agency.timescales.all().delete()
            Timescale.objects.bulk_create(Timescale(agency=agency, **t) for t in timescales)
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=agency,
            reason="Updated the agency profile",
            details={"fields": sorted(changes), "timescales_replaced": timescales is not None},
        )
    agency.refresh_from_db()
    return agency


def team_create(*, by: Practitioner, agency: Agency, name: str) -> Team:
    with transaction.atomic():
        team = Team.objects.create(agency=agency, name=name)
        audit_record(actor=by, verb=Verb.CREATE, obj=team, reason=f"Added a team to {agency}")
    return team


def practitioner_create(
    *,
    by: Practitioner | None,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    agency: Agency,
    role: str,
    team: Team | None = None,
    job_title: str = "",
    password: str | None = None,
) -> Practitioner:
    if team is not None and team.agency_id != agency.pk:
        raise ValueError("the team must belong to the practitioner's agency")
    with transaction.atomic():
        practitioner = Practitioner(
            username=username,
            first_name=first_name,
            last_name=last_name,
            email=email,
            agency=agency,
            team=team,
            job_title=job_title,
            role=role,
        )
        if password:
            practitioner.set_password(password)
        else:
            practitioner.set_unusable_password()
        practitioner.save()
        audit_record(
            actor=by,
            verb=Verb.CREATE,
            obj=practitioner,
            reason="Created a practitioner account",
            details={"role": role, "agency": agency.name},
        )
    return practitioner


ACCOUNT_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "agency",
    "team",
    "job_title",
    "role",
    "is_active",
)
# A change to any of these ends the practitioner's sessions (promise 5).
SESSION_ENDING_FIELDS = {"agency", "role", "is_active"}


def practitioner_update(
    *, practitioner: Practitioner, by: Practitioner, expected_version: int, changes: dict[str, Any]
) -> Practitioner:
    """Save an administrator's edit unless someone else saved one since ``expected_version``."""
    unknown = set(changes) - set(ACCOUNT_FIELDS)
    if unknown:
        raise ValueError(f"not account fields: {sorted(unknown)}")
    team = changes.get("team", practitioner.team)
    agency = changes.get("agency", practitioner.agency)
    if team is not None and agency is not None and team.agency_id != agency.pk:
        raise ValueError("the team must belong to the practitioner's agency")
    with transaction.atomic():
        locked = Practitioner.objects.select_for_update().get(pk=practitioner.pk)
        if locked.account_version != expected_version:
            raise ConflictError(
                "Someone else updated this account while you were changing it. Nothing you "
                "entered has been saved: read the latest version and try again."
            )
        changed = {k for k, v in changes.items() if getattr(locked, k) != v}
        if not changed:
            return locked
        for field in changed:
            setattr(locked, field, changes[field])
        locked.account_version += 1
        update_fields = changed | {"account_version"}
        if changed & SESSION_ENDING_FIELDS:
            locked.session_version += 1
            update_fields.add("session_version")
        locked.save(update_fields=sorted(update_fields))
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=locked,
            reason="Changed a practitioner account",
            details={"fields": sorted(changed)},
        )
    return locked


def practitioner_reset_second_factor(*, practitioner: Practitioner, by: Practitioner) -> None:
    """Remove their authenticator so they set up a new one at next sign-in."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=practitioner).delete()
        practitioner.session_version += 1
        practitioner.save(update_fields=["session_version"])
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=practitioner,
            reason="Reset the practitioner's second factor",
            details={"fields": ["second_factor"]},
        )


def practitioner_set_password(
    *, practitioner: Practitioner, by: Practitioner, password: str
) -> None:
    with transaction.atomic():
        practitioner.set_password(password)
        practitioner.save(update_fields=["password"])
        audit_record(
            actor=by,
            verb=Verb.CHANGE,
            obj=practitioner,
            reason="Set the practitioner's password",
            details={"fields": ["password"]},
        )
