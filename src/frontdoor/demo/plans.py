"""Demo multi-agency plans: plans from a few decided demo contacts, with actions for the police,
children's social care and a school, of every type and in every status.

Made through the real services at simulated past moments, so due dates, outcomes, escalation
messages and the audit trail read as they would in use. ``csc.frontline`` (Chloe Brennan) is the
lead professional; ``police.frontline``, ``csc.frontline`` and ``school.frontline`` own actions,
some of them overdue and already escalated to their agency's managers. Everything is invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone

from frontdoor.agencies.models import Practitioner

from .front_door import simulated_now

# (title, own words, needs, trusted person)
PLANS = [
    (
        "Safety and support plan",
        "I just want the arguing to stop so the kids can sleep. I don't want them taken off me. "
        "I'd talk to someone at the school, they know us.",
        "Safety planning for the mother; the children's sleep and school attendance; the "
        "father's alcohol use.",
        "The children's grandmother",
    ),
    (
        "Plan for staying at school",
        "School is the only place it's quiet. I want to stay in Year 9 with my friends and not "
        "move again.",
        "A stable school place; support with anxiety; a safe adult at school.",
        "Her form tutor",
    ),
    (
        "Family support plan",
        "We need help with the rent and someone to help with his behaviour. Don't send lots of "
        "different people.",
        "Housing arrears; parenting support; one consistent worker.",
        "",
    ),
]

# (plan index, owner key, type, what, due days after the plan, status, outcome)
ACTIONS = [
    (
        0,
        "police",
        "direct",
        "Visit the mother with the social worker to agree a safety plan",
        3,
        "done",
        "Joint visit held; safety plan agreed and a copy left with the mother.",
    ),
    (
        0,
        "police",
        "safety",
        "Add a marker to the address for a priority response",
        1,
        "done",
        "Marker added to the address.",
    ),
    (
        0,
        "csc",
        "referral",
        "Refer the father to the community alcohol service",
        7,
        "not_done",
        "Not done: the referral was not sent before the worker changed.",
    ),
    (
        0,
        "school",
        "information",
        "Tell the designated safeguarding lead about the plan",
        2,
        "done",
        "DSL told by phone and in writing.",
    ),
    (
        0,
        "school",
        "direct",
        "Check in with both children each morning for two weeks",
        14,
        "in_progress",
        "",
    ),
    (0, "police", "process", "Update the crime record with the plan reference", 5, "open", ""),
    (
        1,
        "school",
        "direct",
        "Meet her weekly with her form tutor",
        10,
        "could_not",
        "Could not be done: the form tutor has been on long-term sick leave.",
    ),
    (1, "csc", "direct", "Visit at home and hear what she wants", 6, "open", ""),
    (1, "school", "process", "Complete the attendance review paperwork", 10, "open", ""),
    (
        1,
        "police",
        "information",
        "Share the last 12 months of call-outs to the address",
        3,
        "done",
        "Shared with the social worker: four call-outs, none in the last two months.",
    ),
    (
        2,
        "csc",
        "referral",
        "Refer to the family support service",
        5,
        "done",
        "Referral accepted; first visit booked.",
    ),
    (2, "csc", "process", "Book the review meeting", 30, "open", ""),
    (2, "police", "safety", "Consider a Clare's Law disclosure", 8, "in_progress", ""),
    (2, "school", "referral", "Refer to the school nurse for a health assessment", 20, "open", ""),
]
# Days before today each plan was started: the first two have overdue actions.
PLAN_AGES = (21, 12, 2)
OWNERS = {"police": "police.frontline", "csc": "csc.frontline", "school": "school.frontline"}


@dataclass
class DemoPlans:
    plans: int = 0
    actions: int = 0
    escalated: int = 0


def _at(day, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 15), timezone.get_default_timezone())


def build_plans(*, seed: int = 2026) -> DemoPlans:
    """Load demo plans into a demo partnership (after the front door demo)."""
    from frontdoor.plans import services
    from frontdoor.referrals.models import Contact

    made = DemoPlans()
    people = {
        p.username: p
        for p in Practitioner.objects.filter(
            username__in=[*OWNERS.values(), "csc.manager", "csc.chair"]
        ).select_related("agency")
    }
    if not all(name in people for name in [*OWNERS.values(), "csc.manager"]):
        return made
    lead, manager = people["csc.frontline"], people["csc.manager"]
    contacts = list(
        Contact.objects.filter(status=Contact.Status.DECIDED).order_by("submitted_at", "pk")[
            : len(PLANS)
        ]
    )
    today = timezone.localdate()
    plans = []
    for index, (title, words, needs, trusted) in enumerate(PLANS):
        started = today - timedelta(days=PLAN_AGES[index])
        contact = contacts[index] if index < len(contacts) else None
        with simulated_now(_at(started, 10)):
            plan = services.plan_create(
                by=manager,
                title=f"{title} ({contact.reference})" if contact else title,
                people=[s.person for s in contact.subjects.all() if s.person_id] if contact else (),
                contact=contact,
                own_words=words,
                needs=needs,
                lead_professional=lead,
                review_on=started + timedelta(days=28 if index else 14),
                trusted_person=trusted,
            )
        plans.append((plan, started))
        made.plans += 1
    for plan_index, owner_key, kind, what, due_days, status, outcome in ACTIONS:
        plan, started = plans[plan_index]
        owner = people[OWNERS[owner_key]]
        due = started + timedelta(days=due_days)
        with simulated_now(_at(started, 11)):
            action = services.action_create(
                by=manager,
                plan=plan,
                what=what,
                type=kind,
                owner_agency=owner.agency,
                owner=owner,
                due_on=due,
            )
        made.actions += 1
        if status != "open":
            moment = min(_at(due, 16), timezone.now() - timedelta(hours=1))
            with simulated_now(moment):
                services.action_update(
                    by=owner,
                    action=action,
                    base_version=action.version,
                    status=status,
                    outcome=outcome,
                )
    # Escalate what was overdue two days ago; what fell overdue since waits for the next run.
    with simulated_now(timezone.now() - timedelta(days=2)):
        made.escalated = services.escalate_overdue_actions()
    return made
