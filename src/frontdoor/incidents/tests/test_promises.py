"""Police incident pages: every read of personal data is recorded (SECURITY.md promise 6),
and the reason for putting people to a panel comes back as text (promise 14).

The pages that show people: an import's error report (it quotes the bad values, dates of
birth and postcodes among them), whether opened or swapped in by the polling fragment; the
recurrence cohort (names, scores) and a person's recurrence profile (their incidents). The
import list shows file names, forces and counts; the harm weights, the cohort rules and the
concentration page hold no person's data. Every incident form ignores the ownership and state
fields it does not have, and the JSON import refuses them (promise 4)."""

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
    Refusal,
    assert_read_recorded,
    assert_refusal_recorded,
    assert_shown_as_text,
    hostile,
)
from frontdoor.core.testing.smuggling import Smuggled, assert_extras_ignored
from frontdoor.incidents import services_recurrence
from frontdoor.incidents.harm_defaults import ensure_default_weights
from frontdoor.incidents.models import CohortRule, HarmWeight, ImportRun, Incident, PanelSelection
from frontdoor.meetings.models import MeetingType
from frontdoor.meetings.services import item_add, meeting_create

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


def _panel(police, social_care):
    chair = PractitionerFactory(username="chair", agency=social_care, role=Role.MEETING_CHAIR)
    return meeting_create(
        by=chair,
        type=MeetingType.PRACTITIONER_PANEL,
        starts_at=timezone.now() + timedelta(days=7),
        chair=chair,
        title="Northbrook practitioner panel",
        agencies=[police],
    )


# A refused panel selection shows the cohort, names and scores, again: a read too (promise 6).
REFUSALS = {
    "a selection without a reason": Refusal(
        READS["the recurrence cohort"],
        lambda w: {"people": [w["people"]["B"].pk], "meeting": w["panel"].pk, "reason": ""},
    ),
    "a selection of no one": Refusal(
        READS["the recurrence cohort"],
        lambda w: {"meeting": w["panel"].pk, "reason": "Rising harm"},
    ),
    "a selection to a meeting that is not a planned panel": Refusal(
        READS["the recurrence cohort"],
        lambda w: {"people": [w["people"]["B"].pk], "meeting": 987654, "reason": "Rising harm"},
    ),
}


@pytest.mark.parametrize("refusal", REFUSALS.values(), ids=REFUSALS.keys())
def test_a_refused_panel_selection_that_shows_the_cohort_again_records_the_read(
    world, police, social_care, signed_in, refusal
):
    world = {**world, "panel": _panel(police, social_care)}
    refused = Refusal(
        refusal.read,
        refusal.posted,
        url=lambda w: reverse("incidents:recurrence_select", args=[w["run"].pk]),
    )
    assert_refusal_recorded(signed_in(world["analyst"]), refused, world)
    assert not PanelSelection.objects.exists()


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


def _api_body(force, where: str, extras: dict) -> dict:
    person = {"person_ref": "N1", "role": "victim", "first_name": "Amy"}
    incident = {
        "incident_ref": "API-1",
        "occurred_at": "2025-05-01T12:00:00+01:00",
        "incident_type": "crime",
        "offence_code": "8Q",
        "domestic_abuse": True,
        "people": [person],
    }
    body = {"force": force.pk, "incidents": [incident]}
    {"batch": body, "incident": incident, "person": person}[where].update(extras)
    return body


@pytest.mark.parametrize(
    "form", ["upload", "api_batch", "api_incident", "api_person", "harm_weight", "rules", "panel"]
)
def test_incident_forms_ignore_fields_they_do_not_have(
    form, world, force, police, social_care, officer, signed_in, tmp_path
):
    """Promise 4: an import's force, importer, source, status, stored file and counts; a harm
    weight's code, kind, description, default, source and editor; the cohort rule's active flag,
    editor and version; a panel selection's person, run, agenda item and selector come from the
    page and the services, never from extra posted fields. The JSON import refuses a body with
    any field it does not define, at every level, and imports nothing."""
    analyst, run, bram = world["analyst"], world["run"], world["people"]["B"]
    long_ago = "2001-01-01T00:00"
    if form.startswith("api_"):
        where = form.removeprefix("api_")
        extras = {
            "batch": {"agency": police.pk, "by": officer.pk, "status": "succeeded"},
            "incident": {"agency": police.pk, "import_run": world["import"].pk, "id": 1},
            "person": {"person": bram.pk, "id": bram.pk, "agency": police.pk},
        }[where]
        runs = ImportRun.objects.count()
        response = signed_in(analyst).post(
            reverse("api:incident_import"),
            _api_body(force, where, {**extras, "source": "command"}),
            content_type="application/json",
        )
        assert response.status_code == 422, response.content
        assert (
            ImportRun.objects.count() == runs and not Incident.objects.filter(ref="API-1").exists()
        )
        return
    chair = PractitionerFactory(username="chair", agency=social_care, role=Role.MEETING_CHAIR)
    panel = meeting_create(
        by=chair,
        type=MeetingType.PRACTITIONER_PANEL,
        starts_at=timezone.now() + timedelta(days=7),
        chair=chair,
        title="Northbrook practitioner panel",
        agencies=[police],
    )
    ensure_default_weights()
    weight = HarmWeight.objects.order_by("pk").first()
    rule = run.rule
    other_person = world["people"]["A"]
    other_run = services_recurrence.recurrence_recompute(rule=rule, as_of=AS_OF, by=analyst)
    other_item = item_add(meeting=panel, by=chair, title="Another case", person=other_person)
    bystander = tmp_path / "someone-elses.csv"
    bystander.write_text("not an upload", encoding="utf-8")
    cases = {
        "upload": lambda: Smuggled(
            client=signed_in(analyst),
            url=reverse("incidents:import_index"),
            data={
                "force": force.pk,
                "file": SimpleUploadedFile("good.csv", csv_text(*GOOD_ROWS).encode()),
            },
            extras={
                "agency": police.pk,
                "by": officer.pk,
                "source": "command",
                "status": "rejected",
                # A file that is not the upload's: a forged path must never be read or
                # deleted (a scratch run that let extras through deleted its target).
                "stored_path": str(bystander),
                "filename": "../../forged.csv",
                "created_at": long_ago,
                "error_count": 7,
                "incidents_created": 99,
            },
            record=lambda: ImportRun.objects.latest("pk"),
            expected={
                "agency": force,
                "by": analyst,
                "source": "upload",
                "status": "succeeded",
                "filename": "good.csv",
                "error_count": 0,
                "incidents_created": 2,
            },
        ),
        "harm_weight": lambda: Smuggled(
            client=signed_in(analyst),
            url=reverse("incidents:harm_weight_edit", args=[weight.pk]),
            data={"weight": "12.5", "note": "", "version": weight.version},
            extras={
                "code": "FORGED",
                "kind": "fallback",
                "description": "Forged",
                "default_weight": "0",
                "source": "Forged",
                "source_date": "2001-01-01",
                "edited_by": officer.pk,
                "edited_at": long_ago,
            },
            record=lambda: HarmWeight.objects.get(pk=weight.pk),
            expected={
                "code": weight.code,
                "kind": weight.kind,
                "description": weight.description,
                "default_weight": weight.default_weight,
                "source": weight.source,
                "source_date": weight.source_date,
                "edited_by": analyst,
                "version": weight.version + 1,
            },
        ),
        "rules": lambda: Smuggled(
            client=signed_in(analyst),
            url=reverse("incidents:recurrence_rules"),
            data={
                "name": "Three or more",
                "window_days": 365,
                "min_incidents": 3,
                "min_age": 16,
                "recency": 1,
                "frequency": 1,
                "frequency_cap": 5,
                "gravity": 1,
                "serial": 1,
                "overlap": 1,
                "escalation": 1,
                "version": rule.version,
            },
            extras={"active": "false", "edited_by": officer.pk, "edited_at": long_ago},
            record=lambda: CohortRule.objects.get(pk=rule.pk),
            expected={
                "name": "Three or more",
                "active": True,
                "edited_by": analyst,
                "version": rule.version + 1,
            },
        ),
        "panel": lambda: Smuggled(
            client=signed_in(analyst),
            url=reverse("incidents:recurrence_select", args=[run.pk]),
            data={"people": [bram.pk], "meeting": panel.pk, "reason": "Rising harm"},
            extras={
                "person": other_person.pk,
                "run": other_run.pk,
                "agenda_item": other_item.pk,
                "by": officer.pk,
                "at": long_ago,
            },
            record=lambda: PanelSelection.objects.get(),
            expected={
                "person": bram,
                "meeting": panel,
                "agenda_item.meeting": panel,
                "agenda_item.person": bram,
                "run": run,
                "by": analyst,
            },
        ),
    }
    assert_extras_ignored(cases[form]())
    assert bystander.read_text(encoding="utf-8") == "not an upload"
