"""The demo directory kept current (issue 8, item 4): open suggestions for the curators'
queue, practitioners' practice notes and services overdue for review, all fictional.

Run after ``directory_services.build_directory``. Seeded: the same seed picks the same
services. The partnership's directory curator (``csc.partnership``) owns the voluntary
sector's entries, so signing in as them shows the queue and the overdue services.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from frontdoor.agencies.models import Practitioner
from frontdoor.directory import curation
from frontdoor.directory.models import Service, Suggestion

NOTES = (
    "Referrals by email get a reply within a day; phone calls after 3pm often go to voicemail.",
    "They will see a parent on their own first if the child is not ready to come.",
    "Ask for the duty worker by name: the switchboard does not always know who is on.",
    "Interpreters can be booked but need two working days' notice.",
    "Self-referrals are accepted, but a practitioner's referral form gets a faster first call.",
)


@dataclass
class DemoCuration:
    suggestions: int
    notes: int
    overdue: int


def build_curation(seed: int = 2026) -> DemoCuration:
    rng = random.Random(seed + 4)  # nosec B311 (repeatable fictional data, not security)
    curator = Practitioner.objects.filter(username="csc.partnership").first()
    if curator is None:
        return DemoCuration(0, 0, 0)
    today = timezone.localdate()
    now = timezone.now()
    owned = list(
        Service.objects.public()
        .filter(owner_practitioner=curator, confidential_address=False)
        .order_by("name", "id")
    )
    if len(owned) < 8:
        return DemoCuration(0, 0, 0)
    picked = rng.sample(owned, 8)
    people = {
        p.username: p
        for p in Practitioner.objects.filter(
            username__in=["health.frontline", "school.dsl", "police.frontline", "csc.frontline"]
        ).select_related("agency")
    }
    with transaction.atomic():
        made = [
            curation.suggestion_create(
                service=picked[0],
                kind=Suggestion.Kind.DETAILS_WRONG,
                proposed={"phone": "01632 960 314"},
                comment="I rang the number on here and it has been disconnected. "
                "The new number is on their leaflet.",
                contact_email="sam.resident@example.org",
            ),
            curation.suggestion_create(
                service=picked[1],
                kind=Suggestion.Kind.CLOSED,
                comment="The group stopped meeting at the start of the year.",
            ),
            curation.suggestion_create(
                service=picked[2],
                kind=Suggestion.Kind.DETAILS_WRONG,
                proposed={
                    "application_process": "Phone or email to book a first chat. "
                    "You can also drop in on Tuesday mornings.",
                    "opening_times": "Tuesdays 9:30am to 12:30pm for drop-in",
                },
                contact_email="volunteer.coordinator@example.org",
            ),
            curation.suggestion_create(
                service=picked[3],
                kind=Suggestion.Kind.OTHER,
                comment="The page says it is for ages 11 to 18 but they told me they now "
                "see young people up to 25 who have left care.",
            ),
        ]
        if "csc.frontline" in people:
            made.append(
                curation.suggestion_create(
                    service=picked[4],
                    kind=Suggestion.Kind.DETAILS_WRONG,
                    proposed={"url": f"https://{picked[4].pk.hex[:8]}.example/new-site"},
                    by=people["csc.frontline"],
                )
            )
        for days, suggestion in zip((9, 6, 4, 2, 1), made, strict=False):
            Suggestion.objects.filter(pk=suggestion.pk).update(
                created_at=now - timedelta(days=days, hours=rng.randint(0, 8))
            )
        notes = 0
        for service, body in zip(picked[5:] + picked[:2], NOTES, strict=False):
            author = rng.choice(list(people.values())) if people else None
            if author is None:
                break
            curation.note_add(service=service, by=author, body=body)
            notes += 1
        # Two of the curator's services are overdue for review, whatever the random mix gave.
        overdue = picked[6:8]
        Service.objects.filter(pk__in=[s.pk for s in overdue]).update(
            last_reviewed=today - timedelta(days=rng.randint(200, 300))
        )
    return DemoCuration(suggestions=len(made), notes=notes, overdue=len(overdue))
