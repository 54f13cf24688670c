"""Importing: counts, idempotent re-import, parties replaced, people resolved, audited."""

import pytest

from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.incidents.models import ImportRun, Incident, IncidentParty
from frontdoor.incidents.resolution import NominalDetails, resolve_parties
from frontdoor.incidents.services import import_file, import_run_create
from frontdoor.people.models import AgencyRecord, Person, RecordKind

from .conftest import GOOD_ROWS, csv_text

pytestmark = pytest.mark.django_db


def run_import(force, by, path):
    run = import_run_create(agency=force, by=by, filename="extract.csv", source="upload")
    return import_file(run=run, path=path)


def test_a_good_file_is_imported_with_its_people(force, analyst, write_csv):
    run = run_import(force, analyst, write_csv(csv_text(*GOOD_ROWS)))
    assert run.status == ImportRun.Status.SUCCEEDED
    assert (run.incidents_created, run.incidents_updated, run.incidents_unchanged) == (2, 0, 0)
    assert (run.people_created, run.people_linked) == (2, 0)
    assert run.processed_rows == 3
    incident = Incident.objects.get(agency=force, ref="R1")
    assert incident.offence_code == "8N" and incident.domestic_abuse
    assert incident.postcode == "FD1 4QT" and incident.import_run == run
    roles = sorted(incident.parties.values_list("role", "record__source_ref"))
    assert roles == [("suspect", "N2"), ("victim", "N1")]
    # N1 is one person on the index across both incidents, via one police nominal record.
    amy = AgencyRecord.objects.get(agency=force, kind=RecordKind.POLICE_NOMINAL, source_ref="N1")
    assert set(IncidentParty.objects.filter(record=amy).values_list("person", flat=True)) == {
        amy.person_id
    }
    assert amy.person.given_names == "Amy" and amy.person.family_name == "Lomax"


def test_importing_the_same_file_again_changes_nothing(force, analyst, write_csv):
    path = write_csv(csv_text(*GOOD_ROWS))
    run_import(force, analyst, path)
    before = (Incident.objects.count(), IncidentParty.objects.count(), Person.objects.count())
    again = run_import(force, analyst, path)
    assert (again.incidents_created, again.incidents_updated, again.incidents_unchanged) == (
        0,
        0,
        2,
    )
    assert again.people_created == 0
    assert (
        (
            Incident.objects.count(),
            IncidentParty.objects.count(),
            Person.objects.count(),
        )
        == before
        == (2, 3, 2)
    )


def test_a_changed_incident_is_updated_and_its_parties_replaced(force, analyst, write_csv):
    run_import(force, analyst, write_csv(csv_text(*GOOD_ROWS)))
    first_pk = Incident.objects.get(ref="R1").pk
    changed = [
        GOOD_ROWS[0].replace("8N,Assault with injury", "8U,Controlling or coercive behaviour"),
        GOOD_ROWS[1]
        .replace("8N,Assault with injury", "8U,Controlling or coercive behaviour")
        .replace("suspect", "offender"),
        GOOD_ROWS[0]
        .replace("8N,Assault with injury", "8U,Controlling or coercive behaviour")
        .replace("N1,victim,Amy,Lomax,1990-04-02,F", "N3,witness,Jo,Bloggs,,U"),
    ]
    run = run_import(force, analyst, write_csv(csv_text(*changed), "second.csv"))
    assert (run.incidents_created, run.incidents_updated, run.incidents_unchanged) == (0, 1, 0)
    assert (run.people_created, run.people_linked) == (1, 2)
    incident = Incident.objects.get(ref="R1")
    assert incident.pk == first_pk  # updated in place, never duplicated
    assert incident.offence_code == "8U"
    assert sorted(incident.parties.values_list("record__source_ref", "role")) == [
        ("N1", "victim"),
        ("N2", "offender"),
        ("N3", "witness"),
    ]
    assert Incident.objects.count() == 2  # R2 was not in the file and is left alone


@pytest.mark.django_db(transaction=True)
def test_a_write_that_fails_part_way_leaves_nothing_of_the_import(
    force, analyst, write_csv, monkeypatch
):
    """Promise 19: the database fails after incidents are updated and people are added, while
    the parties are written; the earlier import stands untouched and the analyst is told."""
    from django.db import OperationalError

    from frontdoor.incidents import services

    run_import(force, analyst, write_csv(csv_text(*GOOD_ROWS)))
    before = (Incident.objects.count(), IncidentParty.objects.count(), Person.objects.count())
    real_insert = services.insert_rows

    def fail_on_parties(model, columns, rows):
        if model is IncidentParty:
            raise OperationalError("database or disk is full")
        return real_insert(model, columns, rows)

    monkeypatch.setattr(services, "insert_rows", fail_on_parties)
    changed = [
        GOOD_ROWS[0].replace("Assault with injury", "Assault (changed)"),
        "R3,2025-03-01T09:00:00,,,missing_person,N,,Eastfold,N5,other,Jo,Bloggs,2012-05-05,U",
    ]
    run = import_run_create(agency=force, by=analyst, filename="second.csv", source="upload")
    with pytest.raises(OperationalError):
        import_file(run=run, path=write_csv(csv_text(*changed), "second.csv"))

    assert (
        Incident.objects.count(),
        IncidentParty.objects.count(),
        Person.objects.count(),
    ) == before
    r1 = Incident.objects.get(ref="R1")
    assert r1.offence_description == "Assault with injury"  # the update was undone
    assert sorted(r1.parties.values_list("record__source_ref", "role")) == [
        ("N1", "victim"),
        ("N2", "suspect"),
    ]  # its parties were deleted for replacement, and are back
    assert not Incident.objects.filter(ref="R3").exists()
    assert not AgencyRecord.objects.filter(source_ref="N5").exists()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED
    assert "nothing was imported" in run.failure


def test_refs_are_unique_per_force_not_across_forces(force, analyst, write_csv):
    from frontdoor.core.testing.factories import AgencyFactory

    other = AgencyFactory(name="Otherside Police", sector="police")
    path = write_csv(csv_text(*GOOD_ROWS))
    run_import(force, analyst, path)
    run_import(other, analyst, path)
    assert Incident.objects.filter(ref="R1").count() == 2
    # Each force's nominal N1 is its own record (and, until matching links them, its own person).
    assert AgencyRecord.objects.filter(source_ref="N1").count() == 2


def test_resolve_parties_links_to_the_person_an_existing_record_belongs_to(force):
    person = Person.objects.create(given_names="Amy", family_name="Lomax")
    AgencyRecord.objects.create(
        agency=force, kind=RecordKind.POLICE_NOMINAL, source_ref="N1", person=person
    )
    orphan = AgencyRecord.objects.create(
        agency=force, kind=RecordKind.POLICE_NOMINAL, source_ref="N2", given_names="Old"
    )
    result = resolve_parties(
        agency=force,
        nominals={
            "N1": NominalDetails("Amy", "Lomax", None, "female"),
            "N2": NominalDetails("Carl", "Lomax", None, "male"),
            "N3": NominalDetails("Jo", "", None, "unknown"),
        },
    )
    assert result.parties["N1"].person_id == person.pk
    assert (result.people_created, result.people_linked) == (2, 1)
    orphan.refresh_from_db()
    assert orphan.person_id == result.parties["N2"].person_id
    assert orphan.given_names == "Carl"  # the record says what the force says now
    assert Person.objects.count() == 3


def test_every_import_is_audited_with_who_and_counts(force, analyst, write_csv):
    run = run_import(force, analyst, write_csv(csv_text(*GOOD_ROWS)))
    event = AuditEvent.objects.get(object_type="incidents.importrun", object_id=str(run.pk))
    assert event.actor == analyst
    assert event.verb == Verb.CREATE
    assert event.details["incidents_created"] == 2
    assert event.details["people_created"] == 2
    bad = run_import(force, analyst, write_csv(csv_text("R9,x"), "bad.csv"))
    rejected = AuditEvent.objects.get(object_type="incidents.importrun", object_id=str(bad.pk))
    assert "rejected" in rejected.reason and rejected.details["errors"] == 1


def test_the_command_line_import_prints_a_report(force, write_csv, capsys):
    from django.core.management import CommandError, call_command

    call_command(
        "import_incidents", write_csv(csv_text(*GOOD_ROWS)), force=force.name, no_progress=True
    )
    assert "2 incidents created" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command(
            "import_incidents",
            write_csv(csv_text(GOOD_ROWS[0].replace("2025-01-10", "2025-13-10")), "b.csv"),
            force="testshire-constabulary",
            no_progress=True,
        )
    out = capsys.readouterr().out
    assert "2\toccurred_at\tNot an ISO 8601" in out
    assert Incident.objects.count() == 2
    run = ImportRun.objects.filter(source="command").first()
    assert run.by is None
    event = AuditEvent.objects.get(object_type="incidents.importrun", object_id=str(run.pk))
    assert event.actor_username == "manage.py"


def test_the_fast_insert_knows_every_column_of_its_tables():
    from frontdoor.incidents.bulk import check_columns

    check_columns()  # a field added to Incident or IncidentParty must be added to bulk.py too
