"""Police incident pages: every read of personal data is recorded (SECURITY.md promise 6),
and the reason for putting people to a panel comes back as text (promise 14).

The pages that show people: an import's error report (it quotes the bad values, dates of
birth and postcodes among them), whether opened or swapped in by the polling fragment; the
recurrence cohort (names, scores) and a person's recurrence profile (their incidents). The
import list shows file names, forces and counts; the harm weights, the cohort rules and the
concentration page hold no person's data."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.core.testing.promises import (
    Read,
    assert_read_recorded,
    assert_shown_as_text,
    hostile,
)
from frontdoor.incidents import services_recurrence
from frontdoor.incidents.models import CohortRule, ImportRun
from frontdoor.meetings.models import MeetingType
from frontdoor.meetings.services import meeting_create

from .conftest import GOOD_ROWS, csv_text
from .recurrence_world import AS_OF, load_hand_case

pytestmark = pytest.mark.django_db

BAD_BIRTH = GOOD_ROWS[0].replace("1990-04-02", "1990-02-30")


@pytest.fixture
def world(force, analyst, police, signed_in, settings, tmp_path):
    settings.FRONTDOOR_INCIDENT_IMPORT_DIR = str(tmp_path / "uploads")
    signed_in(analyst).post(
        reverse("incidents:import_index"),
        {"force": force.pk, "file": SimpleUploadedFile("bad.csv", csv_text(BAD_BIRTH).encode())},
    )
    people = load_hand_case(police)
    rule = CohortRule.objects.create(
        name="Two or more", window_days=10, min_incidents=2, min_age=16
    )
    run = services_recurrence.recurrence_recompute(rule=rule, as_of=AS_OF, by=analyst)
    return {"analyst": analyst, "import": ImportRun.objects.get(), "run": run, "people": people}


def _import_run(w) -> str:
    return reverse("incidents:import_run", args=[w["import"].pk])


READS = {
    "an import's error report": Read(
        _import_run, "analyst", lambda w: w["import"], lambda w: "No such date: &#x27;1990-02-30"
    ),
    "the error report swapped in by polling": Read(
        _import_run,
        "analyst",
        lambda w: w["import"],
        lambda w: "No such date: &#x27;1990-02-30",
        headers={"HX-Request": "true"},
    ),
    "the recurrence cohort": Read(
        lambda w: reverse("incidents:recurrence_cohort"),
        "analyst",
        lambda w: w["run"],
        lambda w: "Bram Quennell",
    ),
    "a recurrence profile": Read(
        lambda w: reverse("incidents:recurrence_profile", args=[w["people"]["B"].pk]),
        "analyst",
        lambda w: w["people"]["B"],
        lambda w: "Bram Quennell",
    ),
}


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_each_incident_page_with_personal_data_records_its_read(world, signed_in, read):
    assert world["import"].status == ImportRun.Status.REJECTED
    assert_read_recorded(signed_in(world[read.reader]), read, world)


def test_a_hostile_reason_for_putting_people_to_a_panel_is_shown_as_text(
    world, police, social_care, signed_in
):
    """The analyst's reason (the only free text a practitioner types on the incident pages that
    others read; an upload's file name is row 16's) on the panel's case page and the cohort."""
    chair = PractitionerFactory(username="chair", agency=social_care, role=Role.MEETING_CHAIR)
    panel = meeting_create(
        by=chair,
        type=MeetingType.PRACTITIONER_PANEL,
        starts_at=timezone.now() + timedelta(days=7),
        chair=chair,
        title="Northbrook practitioner panel",
        agencies=[police],
    )
    bram = world["people"]["B"]
    response = signed_in(world["analyst"]).post(
        reverse("incidents:recurrence_select", args=[world["run"].pk]),
        {"people": [bram.pk], "meeting": panel.pk, "reason": hostile("panel reason")},
    )
    assert response.status_code == 302
    item = panel.items.get(person=bram)
    page = signed_in(chair).get(reverse("meetings:item", args=[item.pk])).content.decode()
    assert_shown_as_text(page, hostile("panel reason"), where="the panel's case")


def test_a_hostile_cohort_rule_name_is_shown_as_text(world, signed_in):
    rule = world["run"].rule
    services_recurrence.rule_update(
        rule=rule,
        by=world["analyst"],
        data={
            "name": hostile("rule name"),
            "window_days": rule.window_days,
            "min_incidents": rule.min_incidents,
            "min_harm": rule.min_harm,
            "min_age": rule.min_age,
            "include_serial": rule.include_serial,
            **rule.weights,
        },
        expected_version=rule.version,
    )
    client = signed_in(world["analyst"])
    for url in [reverse("incidents:recurrence_cohort"), reverse("incidents:recurrence_rules")]:
        page = client.get(url).content.decode()
        assert_shown_as_text(page, hostile("rule name"), where=url)
