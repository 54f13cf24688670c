"""SECURITY.md promise 2 for insights, as far as its own rules go (``insights.access``): the
dashboard counts the whole partnership for every role that reads it, by design, and survey
results withhold groups under five (``test_survey_results.py``). An evaluation cohort's result
is aggregate, for partnership managers and analysts; who is in it is personal data that only
analysts see, and nobody sees who was matched to them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory, sign_in
from frontdoor.insights.services_evaluation import cohort_create
from frontdoor.people.models import Person

from .helpers import plant

pytestmark = pytest.mark.django_db

ON = timezone.localdate() - timedelta(days=400)
MEMBERS = ("Calloway", "Odalys", "Thaddeus", "Perpetua", "Marisol")


@pytest.fixture
def cohort(db):
    referrer = PractitionerFactory(username="referrer", agency=AgencyFactory(name="Referrers"))
    analyst = PractitionerFactory(username="analyst", role=Role.ANALYST)
    synthetic = plant(referrer, effect=2, cohort_size=5, pool_size=10, on=ON)
    for given, (pk, _) in zip(MEMBERS, synthetic.cohort, strict=True):
        Person.objects.filter(pk=pk).update(given_names=given, family_name="Ashcombe")
    Person.objects.filter(pk__in=synthetic.pool).update(family_name="Brannock")
    made = cohort_create(
        by=analyst,
        name="Family group conferences",
        intervention="A conference",
        members=synthetic.cohort,
    )
    return made, analyst


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_cohort_is_counted_for_partnership_managers_and_named_only_for_analysts(client, cohort):
    made, analyst = cohort
    manager = PractitionerFactory(username="manager", role=Role.PARTNERSHIP_MANAGER)
    sign_in(client, manager)
    listed = _page(client, reverse("insights:evaluation"))
    detail = _page(client, reverse("insights:evaluation_detail", args=[made.pk]))
    assert made.name in listed
    assert "5 people who received: A conference." in detail
    for page in (listed, detail):
        assert "Ashcombe" not in page and "Brannock" not in page
    people = client.get(reverse("insights:evaluation_people", args=[made.pk]))
    assert people.status_code == 404  # the same as a cohort that does not exist (promise 1)
    assert "Ashcombe" not in people.content.decode()
    # The analyst who builds cohorts sees who is in one, never who they were compared with.
    sign_in(client, analyst)
    people = _page(client, reverse("insights:evaluation_people", args=[made.pk]))
    assert people.count("Ashcombe") == 5
    assert all(f"{given} Ashcombe" in people for given in MEMBERS)
    assert "Brannock" not in people
    assert "Brannock" not in _page(client, reverse("insights:evaluation_detail", args=[made.pk]))
