"""Demo rotas: the police MASH on earlies, lates and nights; children's social care in office
hours with the Emergency Duty Team out of hours (from its profile); and one hub practitioner
on leave while still owning open contacts, so the cover page has something to hand over.

Built around the moment the demo is loaded: four weeks of shifts from the Monday of last week.
Repeatable: the same seed and the same day give the same rota.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from frontdoor.agencies import duty
from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.agencies.models_duty import Absence, DutyArrangement
from frontdoor.agencies.roles import HUB_ROLES, Role
from frontdoor.referrals.models import Contact

# A four-on, four-off style pattern: two earlies, two lates, two nights, two rest days.
PATTERN = ("Earlies", "Earlies", "Lates", "Lates", "Nights", "Nights", None, None)
SHIFTS = {"Earlies": ("07:00", 8), "Lates": ("14:00", 9), "Nights": ("22:00", 10)}
WEEKS = 4


@dataclass
class DemoRotas:
    shifts: int
    on_leave: Practitioner | None
    contacts_waiting: int


def _by_headline(prefix: str) -> Agency | None:
    person = (
        Practitioner.objects.filter(username__startswith=f"{prefix}.")
        .select_related("agency")
        .first()
    )
    return person.agency if person else None


def build_rotas(*, seed: int = 2026) -> DemoRotas:
    rng = random.Random(seed + 11)  # nosec B311 (repeatable demo data, not security)
    admin = Practitioner.objects.filter(role=Role.ADMINISTRATOR).first()
    police, csc = _by_headline("police"), _by_headline("csc")
    zone = timezone.get_default_timezone()
    today = timezone.localdate()
    first_day = today - timedelta(days=today.weekday() + 7)
    made = 0
    with transaction.atomic():
        if police is not None:
            DutyArrangement.objects.update_or_create(
                agency=police,
                defaults={
                    "office_opens": time(8, 0),
                    "office_closes": time(20, 0),
                    "open_at_weekends": True,
                    "open_on_bank_holidays": True,
                    "duty_contact": "Police MASH desk",
                    "duty_phone": police.contact_phone or "01632 960 101",
                },
            )
            officers = list(
                Practitioner.objects.filter(
                    agency=police,
                    is_active=True,
                    role__in=[Role.FRONTLINE, Role.HUB_PRACTITIONER, Role.HUB_MANAGER],
                ).order_by("username")
            )
            for index, officer in enumerate(officers):
                offset = (index * 2 + rng.randint(0, 1)) % len(PATTERN)
                for day_number in range(WEEKS * 7):
                    name = PATTERN[(day_number + offset) % len(PATTERN)]
                    if name is None:
                        continue
                    start, hours = SHIFTS[name]
                    day = first_day + timedelta(days=day_number)
                    starts = datetime.combine(day, time.fromisoformat(start), zone)
                    duty.shift_add(
                        agency=police,
                        by=admin,
                        practitioner=officer,
                        starts_at=starts,
                        ends_at=_after(starts, hours),
                        label=name,
                    )
                    made += 1
        if csc is not None:
            mash = csc.teams.filter(name__icontains="Safeguarding Hub").first()
            DutyArrangement.objects.update_or_create(
                agency=csc,
                defaults={
                    "office_opens": time(8, 45),
                    "office_closes": time(17, 0),
                    "duty_team": mash,
                    "duty_contact": "Children's MASH duty desk",
                    "duty_phone": csc.contact_phone or "01632 960 200",
                },
            )
        on_leave, waiting = _someone_on_leave(admin)
    return DemoRotas(shifts=made, on_leave=on_leave, contacts_waiting=waiting)


def _after(starts: datetime, hours: int) -> datetime:
    """``hours`` of real time later: across the clock change a night is still 10 hours."""
    return (starts.astimezone(timezone.get_fixed_timezone(0)) + timedelta(hours=hours)).astimezone(
        starts.tzinfo
    )


def _someone_on_leave(admin) -> tuple[Practitioner | None, int]:
    """The social care hub practitioner with open contacts goes on leave until next Monday."""
    open_statuses = [Contact.Status.SUBMITTED, Contact.Status.TRIAGED]
    candidates = Practitioner.objects.filter(role__in=HUB_ROLES, is_active=True).order_by(
        "username"
    )
    preferred = candidates.filter(username="csc.hub").first()
    owners = [preferred] if preferred else []
    owners += list(candidates.exclude(username="csc.hub"))
    for owner in owners:
        waiting = Contact.objects.filter(assigned_to=owner, status__in=open_statuses).count()
        if waiting:
            break
    else:
        return None, 0
    now = timezone.localtime()
    starts = datetime.combine(now.date() - timedelta(days=1), time(0, 0), now.tzinfo)
    back = now.date() + timedelta(days=7 - now.weekday())
    duty.absence_record(
        practitioner=owner,
        by=admin,
        starts_at=starts,
        ends_at=datetime.combine(back, time(8, 45), now.tzinfo),
        reason=Absence.Reason.LEAVE,
    )
    return owner, waiting
