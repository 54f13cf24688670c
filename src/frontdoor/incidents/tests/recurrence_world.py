"""The hand-computed case of test_recurrence_engine, as incidents in the database."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from frontdoor.incidents.models import HarmWeight, Incident, IncidentParty
from frontdoor.people.models import AgencyRecord, Person, RecordKind

from .test_recurrence_engine import DOB, HARM, INCIDENTS, UNKNOWN_HARM

AS_OF = dt.date(2026, 1, 10)
NAMES = {
    "A": ("Alys", "Quennell"),
    "B": ("Bram", "Quennell"),
    "C": ("Cerys", "Ottoway"),
    "D": ("Dafydd", "Ottoway"),
    "W": ("Wren", "Halloway"),
}


def load_hand_case(police, incidents=INCIDENTS) -> dict[str, Person]:
    """People A, B, C, D and W and the incidents I1–I7, with the case's harm weights."""
    for code, weight in HARM.items():
        kind = HarmWeight.Kind.OFFENCE if code != "asb" else HarmWeight.Kind.NON_CRIME
        HarmWeight.objects.update_or_create(
            code=code,
            defaults={"kind": kind, "description": code, "weight": weight, "source": "test"},
        )
    HarmWeight.objects.update_or_create(
        code="unlisted_offence",
        defaults={
            "kind": HarmWeight.Kind.FALLBACK,
            "description": "fallback",
            "weight": UNKNOWN_HARM,
            "source": "test",
        },
    )
    people, records = {}, {}
    for key, (given, family) in NAMES.items():
        people[key] = Person.objects.create(
            given_names=given, family_name=family, date_of_birth=dt.date.fromisoformat(DOB[key])
        )
        records[key] = AgencyRecord.objects.create(
            person=people[key],
            agency=police,
            kind=RecordKind.POLICE_NOMINAL,
            source_ref=f"NOM-{key}",
            given_names=given,
            family_name=family,
        )
    add_incidents(police, people, records, incidents)
    return people


def add_incidents(police, people, records=None, incidents=INCIDENTS) -> None:
    records = records or {
        key: AgencyRecord.objects.get(agency=police, source_ref=f"NOM-{key}") for key in people
    }
    now = timezone.now()
    for ref, at, kind, code, parties in incidents:
        incident = Incident.objects.create(
            agency=police,
            ref=ref,
            occurred_at=timezone.make_aware(dt.datetime.fromisoformat(at)),
            incident_type=kind,
            offence_code=code,
            offence_description=f"Offence {code}" if code else "",
            created_at=now,
            updated_at=now,
        )
        for key, role in parties:
            IncidentParty.objects.create(
                incident=incident, role=role, person=people[key], record=records[key]
            )
