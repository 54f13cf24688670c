"""Demo referrals in every state, from every kind of agency (issue 4, item 9).

Contacts are made through the real services, at simulated moments over the past two
weeks, so that clocks, timelines, requests and the audit trail all read as they would
in a real hub: some decided in time, some overdue, some waiting for sign-off.
"""

from __future__ import annotations

import random
from contextlib import contextmanager
from datetime import date, timedelta
from unittest import mock

from django.utils import timezone

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.agencies.roles import Role
from frontdoor.people.models import Person
from frontdoor.referrals import services as referrals
from frontdoor.referrals.models import Concern, Consent, Contact, Decision, Subject
from frontdoor.sharing import services as sharing
from frontdoor.sharing.models import Category, Window

from . import data

STORIES = [
    # (concerns, what happened, professional opinion, crime alleged)
    (
        [Concern.DOMESTIC_ABUSE],
        "Police attended a report of shouting at the home at 23:40. The mother had a red mark on "
        "her cheek and said her partner pushed her. Two children were upstairs and awake.",
        "This is the third call to the address this year; I think the risk is rising.",
        True,
    ),
    (
        [Concern.NEGLECT],
        "The child has come to school hungry on four days this fortnight, in the same clothes, "
        "and has had head lice for six weeks.",
        "I think home conditions have deteriorated since the baby was born.",
        False,
    ),
    (
        [Concern.MISSING, Concern.CCE],
        "The young person was reported missing overnight for the third time this month and "
        "was found in another town with £300 and two phones.",
        "I am worried he is being used to carry drugs.",
        True,
    ),
    (
        [Concern.MENTAL_HEALTH, Concern.SUBSTANCE_MISUSE],
        "At a home visit the father was intoxicated at 11:00 and said he "
        "did not want to go on. The children are 3 and 6.",
        "The children may not be safe while he is the only carer.",
        False,
    ),
    (
        [Concern.ONLINE_HARM, Concern.CSE],
        "The pupil showed a teacher messages from an adult asking her to meet and "
        "to send pictures.",
        "She seems frightened and is withdrawing from friends.",
        True,
    ),
    (
        [Concern.PHYSICAL_ABUSE],
        "A bruise the size of a thumbprint on the upper arm of a 4-year-old, seen at nursery; "
        "the explanation given changed twice.",
        "The injury is not consistent with the explanation.",
        True,
    ),
    (
        [Concern.DOMESTIC_ABUSE, Concern.MENTAL_HEALTH],
        "An older woman told her GP that her son takes her pension and "
        "locks her in her room when he goes out.",
        "She has capacity and asked for help; she is scared of him.",
        True,
    ),
    (
        [Concern.RADICALISATION],
        "A student has been sharing extremist videos in a class group chat and said he wants to "
        "'do something'.",
        "Needs assessment under Prevent; no immediate threat identified.",
        False,
    ),
]
WEEKDAY_HOURS = (8, 9, 10, 11, 13, 14, 15, 16, 19, 22)


@contextmanager
def simulated_now(moment):
    """Run the real services as if it were ``moment`` (every timezone.now() call sees it)."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def _name(rng):
    _, firsts, surnames = rng.choices(data.NAME_POOLS, weights=[w for w, _, _ in data.NAME_POOLS])[
        0
    ]
    return rng.choice(firsts), rng.choice(surnames)


def _postcode(rng):
    district = rng.choice(data.DISTRICTS)
    outward = rng.choice(district.postcode_districts.split())
    return f"{outward} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"


def build_front_door(*, seed: int = 2026, contacts: int = 36) -> list[Contact]:
    rng = random.Random(seed + 4)  # nosec B311
    referrers = list(
        Practitioner.objects.filter(role=Role.FRONTLINE, agency__isnull=False).select_related(
            "agency"
        )
    )
    hub = list(
        Practitioner.objects.filter(
            role=Role.HUB_PRACTITIONER,
            agency__sector__in=[
                Agency.Sector.POLICE,
                Agency.Sector.CHILDRENS_SOCIAL_CARE,
                Agency.Sector.HEALTH,
            ],
        )
    )
    managers = list(Practitioner.objects.filter(role=Role.HUB_MANAGER))
    partners = list(
        Agency.objects.filter(
            sector__in=[
                Agency.Sector.CHILDRENS_SOCIAL_CARE,
                Agency.Sector.HEALTH,
                Agency.Sector.EDUCATION,
                Agency.Sector.POLICE,
                Agency.Sector.HOUSING,
                Agency.Sector.PROBATION,
            ]
        )
    )
    now = timezone.now().replace(second=0, microsecond=0)
    made = []
    # A few people already on the index, so that "is this person already known?" has answers.
    known = []
    for _ in range(12):
        given, family = _name(rng)
        known.append(
            Person.objects.create(
                given_names=given,
                family_name=family,
                # Aged 4 to 16 whenever the demo is loaded: these are children at risk.
                date_of_birth=date(
                    now.year - rng.randint(5, 16), rng.randint(1, 12), rng.randint(1, 28)
                ),
                postcode=_postcode(rng),
            )
        )
    for index in range(contacts):
        referrer = referrers[index % len(referrers)]
        days_ago = rng.randint(0, 13) if index >= 4 else 0
        if index == OVERDUE_INDEX:
            days_ago = max(days_ago, 4)  # its questions, still unanswered, are overdue
        moment = (now - timedelta(days=days_ago)).replace(
            hour=rng.choice(WEEKDAY_HOURS), minute=rng.randint(0, 59)
        )
        if moment > now:
            moment = now - timedelta(minutes=rng.randint(5, 90))
        stage = _stage(index, days_ago)
        made.append(_one_contact(rng, referrer, moment, stage, hub, managers, partners, known, now))
    return made


OVERDUE_INDEX = 8


def _stage(index: int, days_ago: int) -> str:
    if index < 2:
        return "draft"
    if index < 5:
        return "submitted"
    if index in (5, 6):
        return "public"
    if index == 7:
        return "red_awaiting"
    if index == OVERDUE_INDEX:
        return "asked"
    if days_ago <= 1:
        return "asked"
    return "decided"


def _one_contact(rng, referrer, moment, stage, hub_team, managers, partners, known, now):
    def after(hours: float):
        """A moment after the contact was made, never in the future."""
        return min(moment + timedelta(hours=hours), now)

    concerns, what, opinion, crime = rng.choice(STORIES)
    source = Contact.Source.PUBLIC if stage == "public" else Contact.Source.PRACTITIONER
    author = rng.choice(hub_team) if stage == "public" else referrer
    family = _name(rng)[1]
    postcode = _postcode(rng)
    with simulated_now(moment):
        contact = referrals.contact_start(by=author, source=source)
        changes = {
            "concerns": list(concerns),
            "what_happened": what,
            "professional_opinion": opinion,
            "crime_alleged": crime,
            "immediate_danger": stage == "red_awaiting",
            "consent": rng.choice([Consent.GIVEN, Consent.NOT_SOUGHT, Consent.NOT_GIVEN]),
        }
        if changes["consent"] != Consent.GIVEN:
            changes["lawful_basis"] = "safeguarding"
            changes["lawful_basis_detail"] = (
                "Seeking consent could place the children at greater risk."
            )
        if source == Contact.Source.PUBLIC:
            changes.update(
                caller_name=rng.choice(["Anonymous", f"{_name(rng)[0]} {_name(rng)[1]}"]),
                caller_relationship="Neighbour",
                caller_phone="07700 900123",
            )
        referrals.contact_update_draft(contact=contact, by=author, changes=changes)
        subjects = []
        for _ in range(rng.randint(1, 3)):
            reuse = known[rng.randrange(len(known))] if rng.random() < 0.25 else None
            given = reuse.given_names if reuse else _name(rng)[0]
            subjects.append(
                referrals.subject_save(
                    contact=contact,
                    by=author,
                    data={
                        "role": Subject.Role.CHILD_AT_RISK,
                        "given_names": given,
                        "family_name": reuse.family_name if reuse else family,
                        "date_of_birth": reuse.date_of_birth
                        if reuse
                        else date(
                            moment.year - rng.randint(1, 16), rng.randint(1, 12), rng.randint(1, 28)
                        ),
                        "postcode": reuse.postcode if reuse else postcode,
                        "address": f"{rng.randint(1, 140)} Mill Street",
                    },
                )
            )
        subjects.append(
            referrals.subject_save(
                contact=contact,
                by=author,
                data={
                    "role": Subject.Role.PARENT_OR_CARER,
                    "given_names": _name(rng)[0],
                    "family_name": family,
                    "estimated_age": rng.randint(22, 45),
                    "postcode": postcode,
                },
            )
        )
        if stage == "draft":
            return contact
        contact = referrals.contact_submit(contact=contact, by=author)
    if stage == "submitted":
        return contact
    worker = rng.choice(hub_team)
    rag = "red" if stage == "red_awaiting" else rng.choice(["amber", "amber", "green", "red"])
    with simulated_now(after(0.4)):
        contact = referrals.contact_triage(
            contact=contact,
            by=worker,
            expected_version=contact.version,
            rag=rag,
            rationale="Children present; previous incidents known to police.",
        )
        if any(s.role == Subject.Role.CHILD_AT_RISK for s in subjects) and rng.random() < 0.5:
            contact = referrals.contact_accept_for_social_care(
                contact=contact, by=worker, expected_version=contact.version
            )
        asked = [a for a in rng.sample(partners, k=3) if a.pk != contact.referrer_agency_id]
        requests = [
            sharing.request_create(
                contact=contact,
                by=worker,
                to_agency=agency,
                subjects=subjects[:2],
                window=Window.MONTHS_12,
                categories=rng.sample(
                    [
                        Category.CHILD_PROTECTION,
                        Category.DOMESTIC_ABUSE,
                        Category.HEALTH_ATTENDANCES,
                        Category.SCHOOL,
                        Category.HOUSING,
                    ],
                    k=2,
                ),
                purpose="To assess the risk to the children.",
                lawful_basis="safeguarding",
            )
            for agency in asked
        ]
    for request in requests:
        answerer = Practitioner.objects.filter(
            agency=request.to_agency, role=Role.FRONTLINE
        ).first()
        left_open = stage == "asked" and rng.random() < 0.6
        # An older contact still at "asked" keeps every question open: the demo always has
        # overdue requests to escalate, whatever the time of day it is loaded.
        if answerer is None or left_open or (stage == "asked" and moment < now - timedelta(days=2)):
            continue
        roll = rng.random()
        with simulated_now(after(rng.randint(1, 5))):
            if roll < 0.65:
                sharing.request_answer(
                    request=request,
                    by=answerer,
                    expected_version=request.version,
                    answers={
                        category: "Known to us: one previous contact in the window, closed after advice."
                        for category in request.categories
                    },
                )
            elif roll < 0.9:
                sharing.request_nothing_known(
                    request=request, by=answerer, expected_version=request.version
                )
            else:
                sharing.request_decline(
                    request=request,
                    by=answerer,
                    expected_version=request.version,
                    reason="The information is subject to an ongoing court process; "
                    "ask our legal team.",
                )
    if stage == "asked":
        return contact
    contact.refresh_from_db()
    outcome = (
        "strategy"
        if rag == "red"
        else rng.choice([o for o in Decision.Outcome.values if o != "other"])
    )
    if rag == "green":
        outcome = "advice"  # low risk: signposted to help in the community
    signposts = _signposts(contact, worker, concerns) if outcome == "advice" else []
    with simulated_now(after(rng.choice([3, 6, 20, 30]))):
        referrals.contact_decide(
            contact=contact,
            by=worker,
            expected_version=contact.version,
            outcome=outcome,
            rationale="Information from partners shows a pattern of escalating concern.",
            feedback=f"The front door decided: {Decision.Outcome(outcome).label}. Thank you for your referral; "
            "please keep sharing anything new with the hub.",
            signpost_to="Northshire Family Hub" if outcome == "advice" and not signposts else "",
            services=signposts,
        )
        contact.refresh_from_db()
    if stage == "red_awaiting" or not managers:
        return contact
    if contact.status == Contact.Status.AWAITING_SIGN_OFF:
        with simulated_now(after(rng.choice([4, 8]))):
            referrals.contact_sign_off(
                contact=contact, by=rng.choice(managers), expected_version=contact.version
            )
    return contact


# What the hub looks for in the directory when it signposts, by the first concern.
SIGNPOST_WORDS = {
    Concern.DOMESTIC_ABUSE: "domestic abuse",
    Concern.MENTAL_HEALTH: "mental health",
    Concern.SUBSTANCE_MISUSE: "substance",
}


def _signposts(contact, worker, concerns) -> list:
    """Up to two running directory services for the first person at risk, by the concern
    (none when the directory is not loaded: the decision then names a service in words)."""
    from frontdoor.referrals import signposting

    needs = signposting.needs_for(contact, contact.subjects.all())
    first = signposting.first_in_need(needs)
    words = SIGNPOST_WORDS.get(concerns[0], "parenting")
    chosen: list = []
    for need in [first] + [n for n in needs if n is not first]:
        found = signposting.picker_services(by=worker, need=need, text=words)
        chosen += [s.pk for s in found if s.pk not in chosen]
        if len(chosen) >= 2:
            break
    return chosen[:2]
