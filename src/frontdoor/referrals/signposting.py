"""Signposting from the front door to the service directory (issue 8, item 5; ADR 0016).

Which directory services suit each person a contact is about (their age on the day of the
contact and the district they live in), which services a practitioner may choose, and what
the decision keeps of each: its name and route to help as the directory said then.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone

from frontdoor.core.policy import may
from frontdoor.directory.matching_services import (
    District,
    all_districts,
    districts_for_postcode,
    suitable_services,
)
from frontdoor.directory.models import Service
from frontdoor.directory.search import ages_text, web_address

from .access import SIGNPOST_CONFIDENTIAL
from .models import Contact, SignpostedService, Subject

PICKER_LIMIT = 30
PAGE_LIMIT = 25


def contact_day(contact: Contact) -> date:
    """The day of the contact: when it was sent (or started, for a draft), in local time."""
    return timezone.localdate(contact.submitted_at or contact.created_at)


def age_on(subject: Subject, day: date) -> int | None:
    if subject.date_of_birth is None:
        return subject.estimated_age
    born = subject.date_of_birth
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@dataclass
class Need:
    """One person, as the directory filters see them."""

    subject: Subject
    age: int | None
    age_estimated: bool
    postcode: str
    districts: list[District]
    services: list = field(default_factory=list)
    total: int = 0

    @property
    def area(self) -> str:
        return " and ".join(d.name for d in self.districts)


def needs_for(contact: Contact, subjects: Iterable[Subject]) -> list[Need]:
    """Each subject's age on the day of the contact and district. A subject without a known
    postcode takes the first postcode another subject of the contact has (the household)."""
    subjects = list(subjects)
    day = contact_day(contact)
    every = all_districts()
    found = {s.pk: districts_for_postcode(s.postcode, every) for s in subjects}
    household = next((s.postcode for s in subjects if found[s.pk]), "")
    needs = []
    for subject in subjects:
        known = bool(found[subject.pk])
        needs.append(
            Need(
                subject=subject,
                age=age_on(subject, day),
                age_estimated=subject.date_of_birth is None,
                postcode=subject.postcode if known else household,
                districts=found[subject.pk] if known else districts_for_postcode(household, every),
            )
        )
    return needs


def may_signpost_confidential(practitioner) -> bool:
    return may(practitioner, SIGNPOST_CONFIDENTIAL)


def picker_services(
    *, by, need: Need | None, text: str = "", all_areas: bool = False
) -> list[Service]:
    """Running services the practitioner may choose for this person, by name (at most
    PICKER_LIMIT): refuges only for roles that may signpost to them."""
    services = suitable_services(
        age=need.age if need else None,
        districts=None if all_areas or need is None else need.districts,
        text=text,
        include_confidential=may_signpost_confidential(by),
        active_only=True,
    )
    # The picker shows name, organisation, ages and areas: not contacts or phone numbers.
    services = services.prefetch_related(None).prefetch_related("service_areas")
    return list(services[:PICKER_LIMIT])


def who_can_help(
    needs: list[Need], *, text: str = "", categories: Sequence[str] = (), all_areas: bool = False
) -> list[Need]:
    """Fill each need with the services that suit it (at most PAGE_LIMIT each) and a count."""
    for need in needs:
        services = suitable_services(
            age=need.age,
            districts=None if all_areas else need.districts,
            text=text,
            categories=categories,
        )
        need.total = services.count()
        need.services = list(services[:PAGE_LIMIT])
        for service in need.services:
            service.ages = ages_text(service)
    return needs


def signposts_resolve(*, by, service_ids: Sequence[UUID | str]) -> list[Service]:
    """The chosen services, in the order given, or a ValidationError naming every problem."""
    wanted, problems = [], []
    for raw in service_ids:
        try:
            wanted.append(UUID(str(raw)))
        except ValueError:
            problems.append("A service you chose is not in the directory: search again")
    found = {
        s.id: s
        for s in Service.objects.filter(id__in=wanted)
        .select_related("organization")
        .prefetch_related("contacts__phones")
    }
    services = []
    for pk in dict.fromkeys(wanted):
        service = found.get(pk)
        if service is None:
            problems.append("A service you chose is no longer in the directory: search again")
        elif service.status != Service.Status.ACTIVE:
            problems.append(
                f"{service.name} is {service.get_status_display().lower()}: choose another service"
            )
        elif service.confidential_address and not may_signpost_confidential(by):
            problems.append(
                f"{service.name} is a refuge with a confidential address: ask a hub manager to "
                "signpost to it"
            )
        else:
            services.append(service)
    if problems:
        raise ValidationError(problems)
    return services


def snapshot(service: Service, *, decision, position: int) -> SignpostedService:
    """The service as the directory describes it now: never its address."""
    phones = [phone.number for contact in service.contacts.all() for phone in contact.phones.all()]
    emails = [service.email] + [c.email for c in service.contacts.all()]
    organisation = service.organization
    website = web_address(service.url) or (
        web_address(organisation.website) if organisation else ""
    )
    return SignpostedService(
        decision=decision,
        service=service,
        service_name=service.name,
        organisation_name=organisation.name if organisation else "",
        phone="; ".join(dict.fromkeys(phones[:3])),
        email=next((e for e in emails if e), ""),
        website=website,
        how_to_get_help=service.application_process,
        confidential_address=service.confidential_address,
        position=position,
    )


def signposts_text(signposted: Sequence[SignpostedService], other: str = "") -> str:
    """The part of the referrer's message that says where to get help."""
    if not signposted and not other.strip():
        return ""
    lines = ["Services we have signposted to:"]
    for item in signposted:
        lines.append("")
        name = item.service_name + (
            f" ({item.organisation_name})" if item.organisation_name else ""
        )
        lines.append(name)
        for label, value in (
            ("Phone", item.phone),
            ("Email", item.email),
            ("Website", item.website),
            ("How to get help", item.how_to_get_help),
        ):
            if value:
                lines.append(f"{label}: {value}")
    if other.strip():
        lines += ["", f"Also: {other.strip()}"]
    return "\n".join(lines)


@dataclass
class Choice:
    service: Service
    checked: bool
    ages: str
    areas: str


@dataclass
class Picker:
    """What the decision form's signposting part shows: whose needs, and the services."""

    needs: list[Need]
    need: Need | None
    text: str
    all_areas: bool
    choices: list[Choice]
    limited: bool


def first_in_need(needs: list[Need]) -> Need | None:
    at_risk = (Subject.Role.CHILD_AT_RISK, Subject.Role.ADULT_AT_RISK, Subject.Role.VICTIM)
    return next((n for n in needs if n.subject.role in at_risk), needs[0] if needs else None)


def picker(
    *,
    by,
    contact: Contact,
    subjects: Iterable[Subject],
    for_subject: str = "",
    text: str = "",
    all_areas: bool = False,
    chosen: Sequence[str] = (),
) -> Picker:
    """The services to offer for one subject (by default the first at risk), with those
    already ticked kept at the top, ticked, whatever the search."""
    needs = needs_for(contact, subjects)
    need = next((n for n in needs if str(n.subject.pk) == str(for_subject)), None)
    need = need or first_in_need(needs)
    found = picker_services(by=by, need=need, text=text, all_areas=all_areas)
    wanted = set()
    for raw in chosen:
        try:
            wanted.add(UUID(str(raw)))
        except ValueError:
            continue
    ticked = list(
        Service.objects.filter(id__in=wanted, status=Service.Status.ACTIVE)
        .select_related("organization")
        .prefetch_related("service_areas")
        .order_by("name", "id")
    )
    if not may_signpost_confidential(by):
        ticked = [s for s in ticked if not s.confidential_address]
    ticked_ids = {s.id for s in ticked}
    choices = [Choice(s, True, ages_text(s), _areas(s)) for s in ticked] + [
        Choice(s, False, ages_text(s), _areas(s)) for s in found if s.id not in ticked_ids
    ]
    return Picker(
        needs=needs,
        need=need,
        text=text,
        all_areas=all_areas,
        choices=choices,
        limited=len(found) >= PICKER_LIMIT,
    )


def _areas(service: Service) -> str:
    names = [a.name or a.service_area for a in service.service_areas.all()]
    return ", ".join(n for n in names if n) or "Area not recorded"
