"""The panels of each role's "My work" page, built from what the practitioner may see."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.roles import CASEWORK_ROLES, HUB_ROLES, Role

from .models import OutboxMessage


@dataclass
class Panel:
    title: str
    summary: str
    link: str = ""
    link_text: str = ""
    items: list[tuple[str, str, str]] = field(default_factory=list)  # (text, href, tag)


def my_work(practitioner) -> list[Panel]:
    from frontdoor.referrals.access import contacts_visible_to
    from frontdoor.referrals.models import Contact
    from frontdoor.sharing.access import inbox_for

    now = timezone.now()
    panels: list[Panel] = []
    unread = OutboxMessage.objects.filter(recipient=practitioner, read_at__isnull=True).count()
    panels.append(
        Panel(
            "Messages",
            f"You have {unread} unread message{'s' if unread != 1 else ''}."
            if unread
            else "You have no unread messages.",
            reverse("messages"),
            "Read your messages",
        )
    )
    if practitioner.role in HUB_ROLES:
        open_contacts = contacts_visible_to(practitioner).filter(
            status__in=[
                Contact.Status.SUBMITTED,
                Contact.Status.TRIAGED,
                Contact.Status.AWAITING_SIGN_OFF,
            ]
        )
        unrated = open_contacts.filter(status=Contact.Status.SUBMITTED).count()
        late = open_contacts.filter(decision_due_at__lt=now).count()
        mine = open_contacts.filter(assigned_to=practitioner).order_by("decision_due_at")[:5]
        panels.append(
            Panel(
                "Contacts to triage",
                f"{unrated} waiting for triage; {late} past the decision deadline.",
                reverse("hub:queue"),
                "Open the front door queue",
                [
                    (
                        c.reference,
                        reverse("hub:contact", args=[c.pk]),
                        "Overdue" if c.decision_due_at and c.decision_due_at < now else "",
                    )
                    for c in mine
                ],
            )
        )
        if practitioner.role == Role.HUB_MANAGER:
            waiting = open_contacts.filter(status=Contact.Status.AWAITING_SIGN_OFF)
            panels.append(
                Panel(
                    "Decisions awaiting your sign-off",
                    f"{waiting.count()} red decision(s) to sign off.",
                    items=[
                        (c.reference, reverse("hub:contact", args=[c.pk]), "") for c in waiting[:5]
                    ],
                )
            )
    if practitioner.role in CASEWORK_ROLES:
        requests = inbox_for(practitioner).filter(status="open")
        overdue = requests.filter(due_at__lt=now).count()
        panels.append(
            Panel(
                "Information requests to answer",
                f"Your agency has {requests.count()} open request(s); {overdue} overdue."
                if requests.exists()
                else "Your agency has no information requests waiting.",
                reverse("sharing:inbox"),
                "Open your agency's requests",
            )
        )
        made = Contact.objects.filter(referrer=practitioner).order_by("-created_at")
        panels.append(
            Panel(
                "Referrals I have made",
                f"{made.exclude(status=Contact.Status.DRAFT).count()} sent; "
                f"{made.filter(status=Contact.Status.DRAFT).count()} draft(s)."
                if made.exists()
                else "You have not made any referrals.",
                reverse("referrals:mine"),
                "See your referrals or make one",
                [
                    (str(c), reverse("referrals:mine_detail", args=[c.pk]), c.get_status_display())
                    for c in made[:5]
                ],
            )
        )
    from frontdoor.manual.work import manual_panels

    panels.extend(manual_panels(practitioner))
    from frontdoor.directory.work import directory_panels

    panels.extend(directory_panels(practitioner))
    from frontdoor.directory.work_partnership import partnership_panels

    panels.extend(partnership_panels(practitioner))
    from frontdoor.supervision.work import supervision_panels

    panels.extend(supervision_panels(practitioner))
    from frontdoor.plans.work import plan_panels

    panels.extend(plan_panels(practitioner))
    from frontdoor.sharing.work_encompass import encompass_panels

    panels.extend(encompass_panels(practitioner))
    from frontdoor.insights.work import survey_panels

    panels.extend(survey_panels(practitioner))
    from frontdoor.meetings.work import meeting_panels

    panels.extend(meeting_panels(practitioner))
    from frontdoor.disagreements.work import disagreement_panels

    panels.extend(disagreement_panels(practitioner))
    from frontdoor.governance.work import governance_panels

    panels.extend(governance_panels(practitioner))
    if practitioner.role == Role.PARTNERSHIP_MANAGER:
        panels.append(
            Panel(
                "Partnership figures",
                "Timeliness and outcomes by district, agency and period, and whether "
                "interventions work.",
                reverse("insights:dashboard"),
                "Open the dashboard",
            )
        )
    if practitioner.role == Role.ANALYST:
        panels.append(
            Panel(
                "Evaluations and returns",
                "Compare a cohort with a matched group, and produce the statutory returns. "
                "Record linkage and recurrent-individual cohorts arrive with the matching work.",
                reverse("insights:evaluation"),
                "Open the evaluations",
            )
        )
    if practitioner.role == Role.ADMINISTRATOR:
        panels.append(
            Panel(
                "Practitioners",
                "Add and manage practitioners, their agencies, teams and roles.",
                reverse("agencies:practitioner_list"),
                "Manage practitioners",
            )
        )
        panels.append(
            Panel(
                "Audit trail",
                "See who viewed, changed, shared or exported which record.",
                reverse("audit:list"),
                "Open the audit trail",
            )
        )
    return panels
