"""Demo retention and subject access: the partnership's rules (with police and health rules
where their law differs), three old cases due for review by the hub manager, and one subject
access request a few days from its deadline. Every case and name is invented."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from frontdoor.agencies.models import Agency, Practitioner

AGENCY_RULES = [
    # (sector, record type, months, source)
    (
        Agency.Sector.POLICE,
        "meetings.dashassessment",
        120,
        "College of Policing APP Information management (MoPI) group 2: violent offences, "
        "review every 10 years",
    ),
    (
        Agency.Sector.HEALTH,
        "referrals.contact",
        96,
        "NHS Records Management Code of Practice 2023: adult records 8 years after last contact",
    ),
]


@dataclass
class DemoGovernance:
    rules: int
    due: int
    access_requests: int


def build_governance(*, seed: int) -> DemoGovernance:
    from frontdoor.governance.models import RetentionRule, SubjectAccessRequest
    from frontdoor.governance.registry import record_types
    from frontdoor.governance.services import rule_set, sar_open

    admin = Practitioner.objects.filter(username="admin").first()
    if admin is None or RetentionRule.objects.exists():
        return DemoGovernance(0, 0, 0)
    rng = random.Random(seed)  # nosec B311
    with transaction.atomic():
        rules = 0
        for record_type in record_types():
            rule_set(
                by=admin,
                record_type=record_type,
                expected_version=0,  # no rule yet: checked above
                period_months=record_type.default_months,
                source=record_type.default_source,
            )
            rules += 1
        for sector, key, months, source in AGENCY_RULES:
            from frontdoor.governance.registry import record_type as lookup

            for agency in Agency.objects.filter(sector=sector).order_by("pk")[:1]:
                rule_set(
                    by=admin,
                    record_type=lookup(key),
                    agency=agency,
                    expected_version=0,
                    period_months=months,
                    source=source,
                )
                rules += 1
        due = _age_cases(rng)
        requests = 0
        person = _person_for_request()
        if person is not None and not SubjectAccessRequest.objects.exists():
            sar_open(
                by=admin,
                person=person,
                requester_name="Bethan Marsh (solicitor, Marsh & Pryce)",
                requester_is="representative",
                received_on=timezone.localdate() - timedelta(days=26),
            )
            requests = 1
    return DemoGovernance(rules, due, requests)


def _age_cases(rng: random.Random, count: int = 3) -> int:
    """Move a few decided, non-health cases back past six years (as if from 2020), so the hub
    manager has reviews to do. Their timelines, decisions and requests move with them."""
    from frontdoor.referrals.models import Contact, Decision, TimelineEntry
    from frontdoor.sharing.models import InformationRequest

    candidates = list(
        Contact.objects.filter(status=Contact.Status.DECIDED, agenda_items__isnull=True)
        .exclude(referrer_agency__sector=Agency.Sector.HEALTH)
        .exclude(disagreements__isnull=False)
        .exclude(plans__isnull=False)
        .order_by("pk")[:count]
    )
    for contact in candidates:
        shift = timedelta(days=6 * 365 + rng.randint(10, 60))
        for model, fields in (
            (Contact, ("created_at", "submitted_at", "rated_at", "decided_at", "referrer_told_at")),
            (Decision, ("decided_at", "signed_off_at")),
            (TimelineEntry, ("at",)),
            (InformationRequest, ("requested_at", "due_at", "answered_at")),
        ):
            rows = (
                model.objects.filter(pk=contact.pk)
                if model is Contact
                else model.objects.filter(contact=contact)
            )
            for row in rows:
                changes = {
                    name: getattr(row, name) - shift for name in fields if getattr(row, name)
                }
                if changes:
                    model.objects.filter(pk=row.pk).update(**changes)
    return len(candidates)


def _person_for_request():
    """Someone named in a demo referral and linked to the index (linked here if the hub has not
    linked anyone yet: a child named in two referrals, matched on name and date of birth)."""
    from frontdoor.people.models import Person
    from frontdoor.referrals import services as referrals
    from frontdoor.referrals.models import Subject

    linked = (
        Person.objects.filter(subjects__isnull=False, date_of_birth__isnull=False)
        .order_by("pk")
        .first()
    )
    if linked is not None:
        return linked
    hub = Practitioner.objects.filter(username="csc.hub").first()
    for person in Person.objects.filter(date_of_birth__isnull=False).order_by("pk"):
        named = Subject.objects.filter(
            given_names=person.given_names,
            family_name=person.family_name,
            date_of_birth=person.date_of_birth,
            contact__submitted_at__isnull=False,
        ).order_by("pk")
        if hub is not None and named.exists():
            for subject in named:
                referrals.subject_link(subject=subject, by=hub, person=person)
            return person
    return None
