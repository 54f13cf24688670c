"""What the front door holds about each child in each contact, read once for every export.

A *contact* is any safeguarding contact sent to the front door (Working Together 2023: a
contact becomes a *referral* once it is accepted by children's social care for assessment).
Front Door marks that acceptance with ``Contact.accepted_by_social_care_at``; a decision for a
child in need assessment (s.17) or a strategy discussion (s.47) is a referral too even if the
acceptance was not recorded separately.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from frontdoor.people.models import Ethnicity, Sex
from frontdoor.referrals.models import Contact, Decision, Subject

from . import codes

ADULT_AGE = 18
# Outcomes after which children's social care takes no further action on the referral.
NFA_OUTCOMES = frozenset(
    {Decision.Outcome.NFA, Decision.Outcome.ADVICE, Decision.Outcome.EARLY_HELP}
)
REFERRAL_OUTCOMES = frozenset({Decision.Outcome.CHILD_IN_NEED, Decision.Outcome.STRATEGY})


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __contains__(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end


@dataclass(frozen=True)
class ChildContact:
    """One child in one contact, with everything the returns derive from it."""

    contact: Contact
    subject: Subject
    child_id: str
    person_id: int | None
    sex: str
    ethnicity: str
    date_of_birth: date | None
    age: int | None
    contact_date: date
    source_code: str
    referral_date: date | None
    outcome: str
    decided_on: date | None
    primary_need: str
    postcode: str

    @property
    def is_referral(self) -> bool:
        return self.referral_date is not None

    @property
    def referral_nfa(self) -> bool:
        return self.outcome in NFA_OUTCOMES

    @property
    def strategy_decided(self) -> bool:
        return self.outcome == Decision.Outcome.STRATEGY

    @property
    def source_description(self) -> str:
        return codes.REFERRAL_SOURCES[self.source_code][0]

    @property
    def annex_a_source(self) -> str:
        return codes.REFERRAL_SOURCES[self.source_code][1]


def _local_date(moment) -> date | None:
    return timezone.localdate(moment) if moment else None


def age_on(born: date | None, day: date) -> int | None:
    """Whole years on ``day``; None before birth (an unborn child has no age yet)."""
    if born is None or born > day:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def referral_source(contact: Contact) -> str:
    if contact.source == Contact.Source.PUBLIC:
        if not contact.caller_name.strip():
            return "9"
        relationship = contact.caller_relationship.lower()
        for code, words in codes.CALLER_SOURCE:
            if any(word in relationship for word in words):
                return code
        return "1D"
    return codes.SECTOR_SOURCE.get(contact.referrer_agency.sector, "10")


def primary_need(contact: Contact) -> str:
    return "N1" if codes.ABUSE_OR_NEGLECT.intersection(contact.concerns or []) else ""


def _final_decision(contact: Contact) -> Decision | None:
    if contact.status != Contact.Status.DECIDED:
        return None
    return getattr(contact, "decision", None)


def referral_date(contact: Contact, decision: Decision | None) -> date | None:
    if contact.accepted_by_social_care_at:
        return _local_date(contact.accepted_by_social_care_at)
    if decision is not None and decision.outcome in REFERRAL_OUTCOMES:
        return _local_date(decision.decided_at)
    return None


def child_contact(subject: Subject) -> ChildContact | None:
    """The child's row, or None when the subject is an adult on the day of the contact."""
    contact = subject.contact
    contact_date = _local_date(contact.submitted_at)
    person = subject.person
    born = (person.date_of_birth if person else None) or subject.date_of_birth
    age = age_on(born, contact_date)
    if age is None and born is None:
        age = subject.estimated_age  # recorded with the contact: the age that day
    if age is not None and age >= ADULT_AGE:
        return None
    if age is None and born is None and subject.role != Subject.Role.CHILD_AT_RISK:
        return None  # age unknown and not said to be a child: not counted as one
    decision = _final_decision(contact)
    return ChildContact(
        contact=contact,
        subject=subject,
        child_id=f"P{person.pk}" if person else f"S{subject.pk}",
        person_id=person.pk if person else None,
        sex=(person.sex if person else subject.sex) or Sex.UNKNOWN,
        ethnicity=person.ethnicity if person else Ethnicity.NOBT,
        date_of_birth=born,
        age=age,
        contact_date=contact_date,
        source_code=referral_source(contact),
        referral_date=referral_date(contact, decision),
        outcome=decision.outcome if decision else "",
        decided_on=_local_date(decision.decided_at) if decision else None,
        primary_need=primary_need(contact),
        postcode=(person.postcode if person and person.postcode else subject.postcode),
    )


def _outward(postcode: str) -> str:
    parts = postcode.upper().split()
    if len(parts) >= 2:
        return parts[0]
    compact = "".join(parts)
    return compact[:-3] if len(compact) > 4 else compact


def in_area(row: ChildContact, outward_codes: frozenset[str] | None) -> bool:
    if outward_codes is None:
        return True
    return _outward(row.postcode) in outward_codes


def child_contacts(
    subjects: QuerySet, *, until: date, since: date, outward_codes: frozenset[str] | None = None
) -> list[ChildContact]:
    """Children in contacts sent between ``since`` and ``until`` (local dates), oldest first."""
    zone = timezone.get_current_timezone()
    rows = []
    chosen: Iterable[Subject] = (
        subjects.filter(
            contact__submitted_at__gte=datetime.combine(since, time.min, zone),
            contact__submitted_at__lte=datetime.combine(until, time.max, zone),
        )
        .select_related(
            "contact",
            "contact__referrer_agency",
            "contact__decision",
            "contact__assigned_to__team",
            "contact__assigned_to__agency",
            "person",
        )
        .order_by("contact__submitted_at", "contact_id", "id")
    )
    for subject in chosen:
        row = child_contact(subject)
        if row is not None and in_area(row, outward_codes):
            rows.append(row)
    return rows


def lookback_start(period: Period) -> date:
    """Counts of referrals "in the last 12 months" need a year before the period too."""
    return period.start - timedelta(days=366)
