"""Demo professional disagreements: open ones at every level (one overdue) and resolved ones
across themes and quarters, so the themes report has recurring themes to show.

Each disagreement is on a referral of its own, made, decided and disagreed about through the
real services at simulated past moments, so clocks, messages, timelines and the audit trail
read as they would in use. Every case and name is invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from frontdoor.agencies.models import Practitioner

from .front_door import simulated_now

# (raiser, decider, theme, days ago raised, days after raising of each escalation,
#  outcome or "" for open, days after raising it closed, what is disputed, issue, wanted)
CASES = [
    # Open, one at every level; level 2 is overdue.
    (
        "school.dsl",
        "csc.hub",
        "Threshold or eligibility",
        2,
        [],
        "",
        0,
        "No further action on the school's referral",
        "Eli (7) has come to school hungry and unwashed for three weeks; the decision relied on "
        "one phone call with his mother.",
        "A home visit and a child and family assessment.",
    ),
    (
        "police.frontline",
        "csc.hub",
        "Information sharing",
        21,
        [8],
        "",
        0,
        "Information about the household withheld from the police",
        "Officers attending a domestic incident were not told of the children's child protection "
        "history.",
        "Share the history with the police control room for this address.",
    ),
    (
        "health.frontline",
        "police.hub",
        "Risk assessment",
        16,
        [5, 11],
        "",
        0,
        "The police rated the incident standard risk",
        "The mother disclosed strangulation to her midwife; the DASH did not record it.",
        "Re-assess the risk as high and refer to MARAC.",
    ),
    (
        "housing.frontline",
        "csc.hub",
        "Roles and responsibilities",
        34,
        [6, 12, 24],
        "",
        0,
        "Who arranges emergency accommodation for a 16-year-old",
        "Jade (16) has been sofa-surfing for a month while housing and social care each say the "
        "other should assess her.",
        "A joint assessment under the Southwark protocol this week.",
    ),
    # Resolved, across themes and quarters.
    (
        "school.dsl",
        "csc.hub",
        "Threshold or eligibility",
        300,
        [],
        "agreed_with_other",
        4,
        "Early help instead of an assessment",
        "The school believed the neglect met the threshold for a statutory assessment.",
        "A child and family assessment.",
    ),
    (
        "police.frontline",
        "csc.hub",
        "Threshold or eligibility",
        200,
        [6],
        "compromise",
        9,
        "No strategy discussion after a second assault allegation",
        "A second allegation within a month against the same adult.",
        "A strategy discussion.",
    ),
    (
        "health.frontline",
        "csc.hub",
        "Threshold or eligibility",
        110,
        [5, 10],
        "agreed_with_raiser",
        14,
        "No further action for an unborn baby",
        "Previous children were removed; the pregnancy was concealed until 30 weeks.",
        "A pre-birth assessment.",
    ),
    (
        "police.frontline",
        "csc.hub",
        "Information sharing",
        250,
        [],
        "agreed_with_raiser",
        3,
        "The hub's request did not reach the police",
        "The request was sent to a closed inbox.",
        "Use the MASH police desk for requests.",
    ),
    (
        "school.frontline",
        "police.hub",
        "Communication",
        150,
        [],
        "agreed_with_raiser",
        2,
        "The school was not told about an overnight incident",
        "The child came to school distressed and staff knew nothing.",
        "Tell the school before the next school day.",
    ),
    (
        "health.frontline",
        "police.hub",
        "Timeliness",
        80,
        [5],
        "compromise",
        8,
        "A police visit took nine days",
        "The visit was due within 24 hours of the referral.",
        "A visit today.",
    ),
    (
        "housing.frontline",
        "asc.hub",
        "Resources",
        45,
        [5, 10, 20],
        "referred_to_partnership",
        30,
        "No supported housing place for a vulnerable adult",
        "There has been no place for three months while the risk of exploitation grows.",
        "A place found by the partnership's commissioners.",
    ),
    (
        "probation.frontline",
        "csc.hub",
        "Decision-making",
        60,
        [],
        "withdrawn",
        3,
        "Contact arrangements decided without probation",
        "The father's licence conditions were not considered.",
        "Reconsider with probation present.",
    ),
]


@dataclass
class DemoDisagreements:
    open: int = 0
    closed: int = 0


def _at(day: date, hour: int) -> datetime:
    moment = datetime.combine(day, time(hour, 15), timezone.get_default_timezone())
    while moment.weekday() >= 5:  # keep the demo's work on weekdays
        moment -= timedelta(days=1)
    return moment


def _contact(referrer, decider, moment: datetime, child: str):
    from frontdoor.referrals import services as referrals
    from frontdoor.referrals.models import Concern, Consent, Decision, Subject

    with simulated_now(moment):
        contact = referrals.contact_start(by=referrer)
        referrals.contact_update_draft(
            contact=contact,
            by=referrer,
            changes={
                "concerns": [Concern.NEGLECT],
                "what_happened": "Invented for the demo: the concern the disagreement is about.",
                "crime_alleged": False,
                "immediate_danger": False,
                "consent": Consent.GIVEN,
            },
        )
        referrals.subject_save(
            contact=contact,
            by=referrer,
            data={
                "role": Subject.Role.CHILD_AT_RISK,
                "given_names": child,
                "family_name": "Demo",
                "estimated_age": 9,
            },
        )
        contact = referrals.contact_submit(contact=contact, by=referrer)
    with simulated_now(moment + timedelta(hours=2)):
        contact = referrals.contact_triage(
            contact=contact,
            by=decider,
            expected_version=contact.version,
            rag="green",
            rationale="No immediate risk identified.",
        )
        referrals.contact_decide(
            contact=contact,
            by=decider,
            expected_version=contact.version,
            outcome=Decision.Outcome.NFA,
            rationale="Invented for the demo.",
            feedback="No further action from the front door.",
        )
    contact.refresh_from_db()
    return contact


CHILDREN = [
    "Eli",
    "Ruby",
    "Amara",
    "Jade",
    "Noah",
    "Leo",
    "Isla",
    "Zain",
    "Maya",
    "Oscar",
    "Freya",
    "Kai",
]


def build_disagreements(*, seed: int = 2026) -> DemoDisagreements:
    """Load demo disagreements into a demo partnership (after the front door demo)."""
    from frontdoor.disagreements import services
    from frontdoor.disagreements.models import Disagreement, Theme
    from frontdoor.disagreements.themes import ensure_default_themes

    made = DemoDisagreements()
    ensure_default_themes()
    if Disagreement.objects.exists():
        return made
    people = {p.username: p for p in Practitioner.objects.filter(is_active=True)}
    managers = {
        p.agency_id: p for p in Practitioner.objects.filter(role="hub_manager", is_active=True)
    }
    partnership = Practitioner.objects.filter(role="partnership_manager", is_active=True).first()
    today = timezone.localdate()
    with transaction.atomic():
        for number, case in enumerate(CASES):
            raiser_name, decider_name, theme, days_ago, climbs, outcome, closed_after = case[:7]
            disputed, issue, wanted = case[7:]
            raiser, decider = people.get(raiser_name), people.get(decider_name)
            if not (raiser and decider) or raiser.agency_id == decider.agency_id:
                continue
            raised_on = today - timedelta(days=days_ago)
            contact = _contact(
                raiser, decider, _at(raised_on - timedelta(days=3), 10), CHILDREN[number]
            )
            with simulated_now(_at(raised_on, 11)):
                disagreement = services.disagreement_raise(
                    contact=contact,
                    by=raiser,
                    other_agency=decider.agency,
                    disputed=disputed,
                    issue=issue,
                    wanted=wanted,
                    theme=Theme.objects.get(name=theme),
                    about_decision=True,
                )
            for step, after in enumerate(climbs):
                who = managers.get(raiser.agency_id, raiser) if step else raiser
                with simulated_now(_at(raised_on + timedelta(days=after), 14)):
                    disagreement = services.disagreement_escalate(
                        disagreement=disagreement,
                        by=who,
                        reason="Not resolved at this level within its time limit.",
                        expected_version=disagreement.version,
                    )
            if not outcome:
                made.open += 1
                continue
            closer = raiser if outcome == "withdrawn" else managers.get(decider.agency_id, raiser)
            if disagreement.level == 4 and partnership and outcome != "withdrawn":
                closer = partnership
            with simulated_now(_at(raised_on + timedelta(days=closed_after), 16)):
                services.disagreement_resolve(
                    disagreement=disagreement,
                    by=closer,
                    outcome=outcome,
                    resolution="Invented for the demo: what the agencies agreed and who acts next.",
                    expected_version=disagreement.version,
                )
            made.closed += 1
    return made
