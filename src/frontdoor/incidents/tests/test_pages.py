"""The import and harm weight pages, through HTTP as an analyst or partnership manager would."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.incidents.harm_defaults import ensure_default_weights
from frontdoor.incidents.models import HarmWeight, ImportRun, Incident
from frontdoor.incidents.parsing import COLUMNS

from .conftest import GOOD_ROWS, csv_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    settings.FRONTDOOR_INCIDENT_IMPORT_DIR = str(tmp_path / "uploads")
    return tmp_path / "uploads"


def upload(client, force, text, name="extract.csv", encoding="utf-8"):
    return client.post(
        reverse("incidents:import_index"),
        {"force": force.pk, "file": SimpleUploadedFile(name, text.encode(encoding), "text/csv")},
    )


def test_an_analyst_uploads_a_file_and_sees_the_summary(force, analyst, signed_in, upload_dir):
    client = signed_in(analyst)
    response = upload(client, force, csv_text(*GOOD_ROWS))
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("incidents:import_run", args=[run.pk])
    page = client.get(response.url).content.decode()
    assert "Import complete" in page
    assert 'data-count="incidents_created">2<' in page
    assert run.by == analyst and run.filename == "extract.csv"
    assert Incident.objects.count() == 2
    assert list(upload_dir.iterdir()) == []  # the uploaded file is not kept
    listing = client.get(reverse("incidents:import_index")).content.decode()
    assert "extract.csv" in listing and "Ana Lyst" in listing


def test_a_bad_file_shows_the_error_report_and_imports_nothing(force, analyst, signed_in):
    client = signed_in(analyst)
    bad = GOOD_ROWS[2].replace("concern_for_welfare", "burglary")
    response = upload(client, force, csv_text(GOOD_ROWS[0], bad), name="bad.csv")
    page = client.get(response.url).content.decode()
    assert "The file was not imported: 1 problem found" in page
    assert '<td class="govuk-table__cell">incident_type</td>' in page
    assert "Not a known incident type" in page
    assert Incident.objects.count() == 0
    run = ImportRun.objects.get()
    assert AuditEvent.objects.filter(
        verb=Verb.VIEW, object_type="incidents.importrun", object_id=str(run.pk), actor=analyst
    ).exists()


def test_progress_is_polled_while_an_import_runs(force, analyst, signed_in):
    from django.utils import timezone

    run = ImportRun.objects.create(
        agency=force,
        by=analyst,
        filename="big.csv",
        status=ImportRun.Status.RUNNING,
        phase="checking",
        total_rows=1000,
        processed_rows=500,
        created_at=timezone.now(),
    )
    client = signed_in(analyst)
    url = reverse("incidents:import_run", args=[run.pk])
    page = client.get(url).content.decode()
    assert f'hx-get="{url}"' in page and 'hx-trigger="every 2s"' in page
    assert 'value="25"' in page  # checking is the first half of the bar
    assert "500 of about 1000 rows checked" in page
    run.status = ImportRun.Status.SUCCEEDED
    run.phase = ""
    run.save()
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert fragment.startswith('<div id="import-status">')  # no hx-get: polling stops
    assert "Import complete" in fragment and "<html" not in fragment


def test_an_oversized_upload_is_refused_with_a_clear_message(force, analyst, signed_in, settings):
    settings.FRONTDOOR_INCIDENT_IMPORT_MAX_BYTES = 100
    response = upload(signed_in(analyst), force, csv_text(*GOOD_ROWS))
    assert response.status_code == 413
    assert "the largest you can upload is 100" in response.content.decode()
    assert ImportRun.objects.count() == 0


def test_a_file_that_is_not_text_is_refused(force, analyst, signed_in):
    client = signed_in(analyst)
    response = client.post(
        reverse("incidents:import_index"),
        {"force": force.pk, "file": SimpleUploadedFile("x.csv", b"MZ\x90\x00\x03\x00", "text/csv")},
    )
    assert response.status_code == 422
    assert "not a CSV file" in response.content.decode()
    latin = upload(
        client, force, csv_text(GOOD_ROWS[0].replace("Lomax", "Müller")), encoding="latin-1"
    )
    assert latin.status_code == 422 and "not UTF-8" in latin.content.decode()
    assert ImportRun.objects.count() == 0


def test_the_examples_are_served_and_match_the_docs(analyst, signed_in):
    from pathlib import Path

    from django.conf import settings

    client = signed_in(analyst)
    for name in ("incidents.csv", "incidents-with-errors.csv"):
        response = client.get(reverse("incidents:example", args=[name]))
        body = b"".join(response.streaming_content)
        assert body.decode().splitlines()[0] == ",".join(COLUMNS)
        assert body == (Path(settings.BASE_DIR) / "docs" / "examples" / name).read_bytes()
    assert client.get(reverse("incidents:example", args=["settings.py"])).status_code == 404


def test_the_example_files_import_and_fail_as_documented(force, analyst, write_csv):
    from pathlib import Path

    from frontdoor.incidents.services import import_file, import_run_create

    examples = Path(__file__).parent.parent / "examples"
    good = import_file(
        run=import_run_create(agency=force, by=analyst, filename="e", source="command"),
        path=str(examples / "incidents.csv"),
    )
    assert good.status == ImportRun.Status.SUCCEEDED and good.incidents_created == 7
    bad = import_file(
        run=import_run_create(agency=force, by=analyst, filename="e", source="command"),
        path=str(examples / "incidents-with-errors.csv"),
    )
    assert bad.status == ImportRun.Status.REJECTED
    assert bad.error_count == 13
    assert {e["field"] for e in bad.errors} >= {
        "occurred_at", "offence_code", "incident_type", "domestic_abuse", "postcode",
        "person_ref", "role", "first_name", "date_of_birth", "sex",
    }  # fmt: skip


# Harm weights -----------------------------------------------------------------------------


def test_the_weights_page_shows_each_weight_with_its_source(partnership_manager, signed_in):
    page = signed_in(partnership_manager).get(reverse("incidents:harm_weights")).content.decode()
    assert "Cambridge Crime Harm Index method" in page
    assert "Controlling or coercive behaviour" in page
    assert "Concern for welfare" in page  # non-crime types have their own small weight
    assert HarmWeight.objects.get(code="concern_for_welfare").weight == Decimal("0.5")


def test_a_partnership_manager_changes_a_weight_audited(partnership_manager, signed_in):
    ensure_default_weights()
    weight = HarmWeight.objects.get(code="8N")
    client = signed_in(partnership_manager)
    url = reverse("incidents:harm_weight_edit", args=[weight.pk])
    response = client.post(
        url, {"weight": "28.5", "version": weight.version, "note": "Board decision"}
    )
    assert response.status_code == 302
    weight.refresh_from_db()
    assert weight.weight == Decimal("28.5")
    assert weight.edited_by == partnership_manager and weight.version == 2
    event = AuditEvent.objects.get(verb=Verb.CHANGE, object_type="incidents.harmweight")
    assert event.reason == "Board decision"
    assert event.details == {"code": "8N", "from": "10.00", "to": "28.5"}
    listing = client.get(reverse("incidents:harm_weights")).content.decode()
    assert "(default 10)" in listing


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-1", "The weight must be 0 or more"),
        ("lots", "Enter the weight as a number"),
        ("", "Enter the harm weight (days)"),
        ("1.234", "at most two decimal places"),
    ],
)
def test_a_bad_weight_is_refused_and_changes_nothing(analyst, signed_in, value, message):
    ensure_default_weights()
    weight = HarmWeight.objects.get(code="8N")
    response = signed_in(analyst).post(
        reverse("incidents:harm_weight_edit", args=[weight.pk]),
        {"weight": value, "version": weight.version},
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    weight.refresh_from_db()
    assert weight.weight == Decimal("10") and weight.version == 1
    assert not AuditEvent.objects.filter(verb=Verb.CHANGE).exists()


def test_a_stale_edit_is_a_conflict(analyst, partnership_manager, signed_in, client):
    ensure_default_weights()
    weight = HarmWeight.objects.get(code="8N")
    url = reverse("incidents:harm_weight_edit", args=[weight.pk])
    assert signed_in(analyst).post(url, {"weight": "12", "version": 1}).status_code == 302
    response = signed_in(partnership_manager).post(url, {"weight": "15", "version": 1})
    assert response.status_code == 409
    assert "Someone changed this weight" in response.content.decode()
    weight.refresh_from_db()
    assert weight.weight == Decimal("12")


def test_a_killed_import_says_it_stopped_and_stops_polling(force, analyst, signed_in):
    from datetime import timedelta

    from django.utils import timezone

    long_ago = timezone.now() - timedelta(hours=2)
    run = ImportRun.objects.create(
        agency=force,
        by=analyst,
        filename="big.csv",
        status=ImportRun.Status.RUNNING,
        phase="writing",
        created_at=long_ago,
        heartbeat_at=long_ago,
    )
    page = signed_in(analyst).get(reverse("incidents:import_run", args=[run.pk])).content.decode()
    assert "This import stopped" in page and "while writing" in page
    assert "hx-get" not in page


def test_an_upload_is_kept_under_a_generated_name_whatever_it_is_called(
    force, analyst, signed_in, upload_dir, monkeypatch
):
    """SECURITY.md promise 16: the name the browser sends never becomes a path."""
    from frontdoor.incidents import tasks

    class NotYet:  # the file is looked at before the background import deletes it
        @staticmethod
        def enqueue(*args, **kwargs):
            return None

    monkeypatch.setattr(tasks, "run_incident_import", NotYet)
    hostile = "../../../etc/cron.d/<script>evil.csv"
    upload(signed_in(analyst), force, csv_text(*GOOD_ROWS), name=hostile)
    stored = list(upload_dir.iterdir())
    assert len(stored) == 1
    assert stored[0].parent == upload_dir
    assert len(stored[0].stem) == 32 and int(stored[0].stem, 16) >= 0  # a random hex name
    assert ImportRun.objects.get().stored_path == str(stored[0])
    listing = signed_in(analyst).get(reverse("incidents:import_index")).content.decode()
    assert "<script>evil" not in listing


def test_an_import_never_reads_or_deletes_a_file_outside_the_upload_folder(
    force, analyst, upload_dir, tmp_path
):
    """Defence in depth for promise 16: only the upload page sets a run's stored file, but a
    run naming any other file is refused and that file is left as it was."""
    from frontdoor.incidents import services

    elsewhere = tmp_path / "someone-elses.csv"
    elsewhere.write_text(csv_text(*GOOD_ROWS), encoding="utf-8")
    upload_dir.mkdir(parents=True, exist_ok=True)
    run = services.import_run_create(
        agency=force,
        by=analyst,
        filename="extract.csv",
        source=ImportRun.Source.UPLOAD,
        stored_path=str(upload_dir / ".." / "someone-elses.csv"),
    )

    status = services.import_stored_file(run_id=run.pk)

    assert status == ImportRun.Status.FAILED
    assert elsewhere.read_text(encoding="utf-8") == csv_text(*GOOD_ROWS)
    assert not Incident.objects.exists()
