"""The JSON import: same rules, same all-or-nothing write, errors located in the body."""

import pytest
from django.urls import reverse

from frontdoor.incidents.models import ImportRun, Incident, IncidentParty

pytestmark = pytest.mark.django_db
JSON = "application/json"


def body(force, **changes):
    incident = {
        "incident_ref": "API-1",
        "occurred_at": "2025-05-01T12:00:00+01:00",
        "incident_type": "crime",
        "offence_code": "8Q",
        "offence_description": "Stalking",
        "domestic_abuse": True,
        "postcode": "FD1 4QT",
        "people": [
            {"person_ref": "N1", "role": "victim", "first_name": "Amy", "sex": "F"},
            {
                "person_ref": "N2",
                "role": "suspect",
                "surname": "Lomax",
                "date_of_birth": "1990-01-01",
            },
        ],
    }
    incident.update(changes)
    return {"force": force.pk, "incidents": [incident]}


def test_an_analyst_imports_through_the_api_idempotently(force, analyst, signed_in):
    client = signed_in(analyst)
    url = reverse("api:incident_import")
    first = client.post(url, body(force), content_type=JSON)
    assert first.status_code == 201, first.content
    assert first.json()["incidents_created"] == 1 and first.json()["people_created"] == 2
    again = client.post(url, body(force), content_type=JSON)
    assert again.json()["incidents_unchanged"] == 1
    assert Incident.objects.count() == 1 and IncidentParty.objects.count() == 2
    run = ImportRun.objects.get(pk=again.json()["id"])
    assert run.source == ImportRun.Source.API and run.by == analyst
    detail = client.get(reverse("api:incident_import_detail", args=[run.pk]))
    assert detail.json()["status"] == "succeeded"


def test_an_api_batch_with_errors_is_refused_with_where_and_why(force, analyst, signed_in):
    client = signed_in(analyst)
    payload = body(force, occurred_at="yesterday")
    payload["incidents"][0]["people"][1]["role"] = "bystander"
    response = client.post(reverse("api:incident_import"), payload, content_type=JSON)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert {e["field"] for e in errors} == {"incidents[0].occurred_at"}
    # The first problem on a row is reported; the second person's row has the same bad date.
    assert len(errors) == 2
    assert Incident.objects.count() == 0


def test_a_person_field_error_names_the_person(force, analyst, signed_in):
    payload = body(force)
    payload["incidents"][0]["people"][1]["role"] = "bystander"
    response = signed_in(analyst).post(reverse("api:incident_import"), payload, content_type=JSON)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "incidents[0].people[1].role"


def test_unknown_fields_and_unknown_forces_are_refused(force, analyst, signed_in):
    client = signed_in(analyst)
    payload = body(force)
    payload["incidents"][0]["import_run"] = 1
    assert (
        client.post(reverse("api:incident_import"), payload, content_type=JSON).status_code == 422
    )
    missing = body(force)
    missing["force"] = force.pk + 1000
    assert (
        client.post(reverse("api:incident_import"), missing, content_type=JSON).status_code == 404
    )
    assert ImportRun.objects.count() == 0


def test_other_roles_get_403(force, hub_manager, signed_in):
    response = signed_in(hub_manager).post(
        reverse("api:incident_import"), body(force), content_type=JSON
    )
    assert response.status_code == 403
    assert Incident.objects.count() == 0
