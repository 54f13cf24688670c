"""The demo force's incidents arrive through the real import, with a rejected file beside them."""

import pytest
from django.urls import reverse

from frontdoor.demo.generator import build_partnership
from frontdoor.demo.incidents import build_incidents
from frontdoor.incidents.models import ImportRun, Incident, IncidentParty
from frontdoor.people.models import AgencyRecord

pytestmark = pytest.mark.django_db


def test_the_demo_loads_the_forces_incidents(client, signed_in):
    build_partnership(seed=2026, practitioners_per_agency=0, with_second_factor=False)
    made = build_incidents(seed=2026, incidents=300)
    run = made.imported
    assert run.status == ImportRun.Status.SUCCEEDED
    assert run.agency.name == "Red Rose Constabulary"
    assert run.by.username == "police.analyst"
    assert Incident.objects.filter(agency=run.agency).count() == 300 == run.incidents_created
    assert IncidentParty.objects.count() == run.processed_rows > 300
    assert AgencyRecord.objects.filter(kind="police_nominal").count() == run.people_created
    assert made.rejected.status == ImportRun.Status.REJECTED
    assert build_incidents(seed=2026, incidents=300).imported is None  # loading twice adds nothing

    signed_in(run.by)
    page = client.get(reverse("incidents:import_index")).content.decode()
    assert "red-rose-incidents.csv" in page and "incidents-with-errors.csv" in page
