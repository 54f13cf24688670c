"""The demo directory: 300+ fictional services across the demo districts, valid ORUK."""

import pytest

from frontdoor.demo.data import DISTRICTS
from frontdoor.demo.directory_services import build_directory
from frontdoor.demo.generator import build_partnership
from frontdoor.directory.models import (
    Attribute,
    Location,
    Organization,
    Service,
    ServiceArea,
    Taxonomy,
    TaxonomyTerm,
)
from frontdoor.directory.oruk import export_services

from .standard import assert_no_nulls, assert_valid

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    build_partnership(seed=2026, practitioners_per_agency=0, with_second_factor=False)
    return build_directory(seed=2026)


def test_the_demo_directory_covers_every_district(demo):
    assert demo.services >= 300
    assert Service.objects.count() == demo.services
    areas = set(ServiceArea.objects.values_list("name", flat=True))
    assert {district.name for district in DISTRICTS} <= areas
    for name in ("Domestic abuse support", "Parenting", "Mental health", "Housing advice",
                 "Substance misuse"):  # fmt: skip
        term = TaxonomyTerm.objects.get(name=name)
        assert Attribute.objects.filter(taxonomy_term=term).count() >= 12, name
    assert Service.objects.filter(owner_agency__isnull=False).exists()
    assert Service.objects.filter(owner_practitioner__isnull=False).exists()
    assert Service.objects.possibly_out_of_date(today=_today()).exists()
    assert Service.objects.exclude(id__in=Service.objects.possibly_out_of_date(_today())).exists()


def test_every_demo_location_sits_on_a_real_postcode_of_its_district(demo):
    from frontdoor.directory.models import Address, Postcode

    by_district = {district.name: district.ons_code for district in DISTRICTS}
    addresses = Address.objects.select_related("location").prefetch_related(
        "location__service_at_locations__service__service_areas"
    )
    assert addresses.count() > 200  # some services share a community centre
    for address in addresses:
        postcode = Postcode.objects.get(postcode=address.postal_code)  # from the ONS directory
        location = address.location
        assert (float(location.latitude), float(location.longitude)) == pytest.approx(
            (postcode.latitude, postcode.longitude), abs=1e-6
        )
        areas = {
            area.name
            for sal in location.service_at_locations.all()
            for area in sal.service.service_areas.all()
        }
        assert postcode.district_code in {by_district.get(name) for name in areas}


def test_refuges_have_confidential_addresses(demo):
    refuges = Service.objects.filter(confidential_address=True)
    assert refuges.count() == demo.refuges >= 3
    for refuge in refuges:
        for sal in refuge.service_at_locations.all():
            assert sal.location.confidential
            assert Location.objects.public().filter(id=sal.location_id).count() == 0


def test_the_export_of_the_demo_validates_against_the_standard(demo):
    records = export_services()
    assert len(records) == demo.services
    for record in records:
        assert_valid("service", record)
        assert_no_nulls(record)
    text = str(records)
    for refuge in Service.objects.filter(confidential_address=True):
        for sal in refuge.service_at_locations.all():
            for address in sal.location.addresses.all():
                assert address.address_1 not in text


def test_the_same_seed_gives_the_same_directory(demo):
    first = sorted(str(i) for i in Service.objects.values_list("id", flat=True))
    names = sorted(Service.objects.values_list("name", flat=True))
    Attribute.objects.all().delete()
    Service.objects.all().delete()
    Location.objects.all().delete()
    Organization.objects.all().delete()
    TaxonomyTerm.objects.all().delete()
    Taxonomy.objects.all().delete()
    build_directory(seed=2026)
    assert sorted(str(i) for i in Service.objects.values_list("id", flat=True)) == first
    assert sorted(Service.objects.values_list("name", flat=True)) == names


def test_the_demo_needs_the_partnership_and_an_empty_directory(demo):
    with pytest.raises(ValueError, match="already holds services"):
        build_directory(seed=1)


def _today():
    from django.utils import timezone

    return timezone.localdate()


def test_the_demo_curation_fills_the_curators_queue_repeatably(demo):
    from frontdoor.agencies.models import Practitioner
    from frontdoor.core.work import my_work
    from frontdoor.demo.directory_curation import build_curation
    from frontdoor.directory.access import open_suggestions_for
    from frontdoor.directory.models import PracticeNote

    made = build_curation(seed=2026)
    assert made.suggestions >= 4 and made.notes >= 3 and made.overdue == 2
    curator = Practitioner.objects.get(username="csc.partnership")
    queue = list(open_suggestions_for(curator))
    assert len(queue) == made.suggestions
    assert {s.kind for s in queue} == {"details_wrong", "closed", "other"}
    assert [s.created_at for s in queue] == sorted(s.created_at for s in queue)
    assert PracticeNote.objects.count() == made.notes
    panel = next(p for p in my_work(curator) if p.title == "Directory services you look after")
    assert f"{made.suggestions} suggested changes waiting" in panel.summary
    first = [(s.service_id, s.kind) for s in queue]
    # The same seed picks the same services.
    from frontdoor.directory.models import Suggestion

    Suggestion.objects.all().delete()
    PracticeNote.objects.all().delete()
    build_curation(seed=2026)
    assert [(s.service_id, s.kind) for s in open_suggestions_for(curator)] == first
