"""Agency administration's forms take any text: refused with a form error and nothing changed,
or saved and shown back exactly, never a server error (SECURITY.md promise 17).

Each example posts one form of the table through its real page, with one free-text field
replaced by generated text (``core.testing.properties``): the administrator adds a practitioner
and changes one, adds an agency and a team; the police's hub manager edits the police's
profile and timescales. The profile's long answers have no length limit of their own: the
generator still tries long text.
"""

from __future__ import annotations

from itertools import count

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import example, given

from frontdoor.agencies.models import Agency, Practitioner, Team, Timescale
from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import PractitionerFactory, sign_in
from frontdoor.core.testing.properties import FEW, ODD_SENTENCE, TextForm, any_case, check_case

from .test_profiles import profile_post

pytestmark = pytest.mark.django_db

LONG = 20_000  # no limit of their own: try text this long
NUMBERS = count(1)

PEOPLE_TEXTS = {
    "first_name": (150, "first_name"),
    "last_name": (150, "last_name"),
    "job_title": (200, "job_title"),
    "email": (254, "email"),
}


def _person_answers(world) -> dict:
    return {
        "first_name": "Aoife",
        "last_name": "O'Brien-Nowak",
        "email": "aoife@agency.example",
        "agency": world["police"].pk,
        "team": "",
        "job_title": "Family Support Worker",
        "role": Role.FRONTLINE,
    }


def _new_person_answers(world) -> dict:
    return {
        **_person_answers(world),
        "username": f"new.worker.{next(NUMBERS)}",
        "password": "a-long-temporary-passphrase",
    }


def _change_person_answers(world) -> dict:
    worker = world["worker"]
    worker.refresh_from_db()
    return {**_person_answers(world), "is_active": "on", "version": worker.account_version}


def _profile_answers(world) -> dict:
    police = world["police"]
    police.refresh_from_db()
    return profile_post(police)


def _police_page(world, record) -> str:
    return reverse("agencies:detail", args=[world["police"].pk])


def _person_page(world, person) -> str:
    return reverse("agencies:practitioner_detail", args=[person.pk])


FORMS = {
    "add a practitioner": TextForm(
        url=lambda w: reverse("agencies:practitioner_create"),
        poster="admin_client",
        answers=_new_person_answers,
        record=lambda w: Practitioner.objects.order_by("-pk").first(),
        page=_person_page,
        texts=PEOPLE_TEXTS,
    ),
    "change a practitioner": TextForm(
        url=lambda w: reverse("agencies:practitioner_edit", args=[w["worker"].pk]),
        poster="admin_client",
        answers=_change_person_answers,
        record=lambda w: w["worker"],
        page=_person_page,
        texts=PEOPLE_TEXTS,
    ),
    "add an agency": TextForm(
        url=lambda w: reverse("agencies:create"),
        poster="admin_client",
        answers=lambda w: {
            "name": f"Testshire Youth Service {next(NUMBERS)}",
            "short_name": "TYS",
            "sector": Agency.Sector.EDUCATION,
        },
        record=lambda w: Agency.objects.order_by("-pk").first(),
        page=lambda w, agency: reverse("agencies:detail", args=[agency.pk]),
        texts={"name": (200, "name"), "short_name": (40, "short_name")},
        # The short name is for lists and menus; the agency's own page shows its name.
        not_shown=frozenset({"short_name"}),
    ),
    "add a team": TextForm(
        url=lambda w: reverse("agencies:team_create", args=[w["police"].pk]),
        poster="admin_client",
        answers=lambda w: {"name": f"Public Protection Unit {next(NUMBERS)}"},
        record=lambda w: Team.objects.filter(agency=w["police"]).order_by("-pk").first(),
        page=_police_page,
        texts={"name": (200, "name")},
    ),
    "the agency's profile": TextForm(
        url=lambda w: reverse("agencies:profile_edit", args=[w["police"].pk]),
        poster="manager_client",
        answers=_profile_answers,
        record=lambda w: w["police"],
        page=_police_page,
        texts={
            **{
                name: (LONG, name)
                for name in (
                    "remit",
                    "does_not_do",
                    "powers",
                    "thresholds",
                    "working_hours",
                    "out_of_hours_contact",
                )
            },
            "contact_phone": (40, "contact_phone"),
            "contact_email": (254, "contact_email"),
        },
    ),
    "the agency's timescales": TextForm(
        url=lambda w: reverse("agencies:profile_edit", args=[w["police"].pk]),
        poster="manager_client",
        answers=_profile_answers,
        record=lambda w: Timescale.objects.filter(agency=w["police"]).order_by("-pk").first(),
        page=_police_page,
        texts={"ts-0-activity": (200, "activity"), "ts-0-notes": (300, "notes")},
    ),
}


@pytest.fixture
def world(administrator, police):
    manager = PractitionerFactory(username="police.manager", agency=police, role=Role.HUB_MANAGER)
    worker = PractitionerFactory(username="police.worker", agency=police)
    admin_client, manager_client = Client(), Client()
    sign_in(admin_client, administrator)
    sign_in(manager_client, manager)
    return {
        "police": police,
        "worker": worker,
        "admin_client": admin_client,
        "manager_client": manager_client,
    }


@FEW
@given(case=any_case(FORMS))
@example(case=(("add a practitioner", "last_name"), ODD_SENTENCE, None))
@example(case=(("add a practitioner", "first_name"), "Nguye\u0302\u0303n", None))
@example(case=(("change a practitioner", "first_name"), ODD_SENTENCE, None))
@example(case=(("change a practitioner", "last_name"), "Madonna", None))
@example(case=(("add an agency", "name"), ODD_SENTENCE, None))
@example(case=(("add a team", "name"), ODD_SENTENCE, None))
@example(case=(("the agency's profile", "remit"), ODD_SENTENCE, None))
@example(case=(("the agency's timescales", "ts-0-notes"), ODD_SENTENCE, None))
# A timescale with no activity was refused with no summary saying so (found by this test).
@example(case=(("the agency's timescales", "ts-0-activity"), " ", None))
def test_agency_administration_forms_refuse_cleanly_or_round_trip_any_text(world, case):
    check_case(FORMS, world, case)
