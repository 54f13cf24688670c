"""A small person index: three agencies' records of a few people, and the hub personas."""

from __future__ import annotations

from datetime import date
from itertools import count

import pytest

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory
from frontdoor.matching import facade
from frontdoor.people.models import AgencyRecord, RecordKind

_refs = count(1)


@pytest.fixture
def health(db):
    return AgencyFactory(name="Testshire Health Trust", sector="health")


@pytest.fixture
def hub(social_care):
    return PractitionerFactory(
        username="hub", agency=social_care, role=Role.HUB_PRACTITIONER, first_name="Hana"
    )


@pytest.fixture
def police_hub(police):
    """A hub practitioner seconded from the police: another agency than social care."""
    return PractitionerFactory(username="policehub", agency=police, role=Role.HUB_PRACTITIONER)


@pytest.fixture
def add_record(hub):
    """Add an agency record and place it on the index as the hub would."""

    def _add(agency, *, kind=RecordKind.OTHER, place=True, **fields):
        fields.setdefault("source_ref", f"REF-{next(_refs)}")
        record = AgencyRecord.objects.create(agency=agency, kind=kind, **fields)
        if place:
            facade.place_record(record, by=hub)
            record.refresh_from_db()
        return record

    return _add


@pytest.fixture
def index(add_record, police, social_care, health):
    """A few people, each known to one or two agencies, plus look-alikes."""
    people = {}
    people["maisie"] = add_record(
        social_care,
        kind=RecordKind.SOCIAL_CARE_CLIENT,
        given_names="Maisie",
        family_name="O'Connor",
        date_of_birth=date(2017, 6, 1),
        sex="female",
        postcode="PR1 2AB",
        address="4 Mill Lane, Preston",
    ).person
    people["william"] = add_record(
        police,
        kind=RecordKind.POLICE_NOMINAL,
        given_names="William",
        family_name="Hartley",
        date_of_birth=date(1988, 3, 14),
        sex="male",
        postcode="BB1 7QT",
        address="12 Canal Street, Blackburn",
    ).person
    people["amira"] = add_record(
        health,
        kind=RecordKind.HEALTH_PATIENT,
        given_names="Amira",
        family_name="Haddad",
        date_of_birth=date(2009, 11, 4),
        sex="female",
        postcode="LA1 4XY",
        nhs_number="9434765919",
    ).person
    # Look-alikes: same surname or date of birth, different people.
    people["mason"] = add_record(
        social_care,
        given_names="Mason",
        family_name="O'Connor",
        date_of_birth=date(2014, 2, 9),
        sex="male",
        postcode="PR1 2AB",
    ).person
    people["wendy"] = add_record(
        police,
        given_names="Wendy",
        family_name="Hartley",
        date_of_birth=date(1990, 8, 30),
        sex="female",
        postcode="BB2 1AA",
    ).person
    return people
