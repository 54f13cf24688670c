"""A small, fictional directory for tests: a helpline, a group, a refuge, a stale service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta
from decimal import Decimal

from django.utils import timezone

from .models import (
    Address,
    Attribute,
    Contact,
    CostOption,
    Language,
    LinkEntity,
    LinkType,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from .services import confidential_locations_protect

REFUGE_STREET = "7 Quietwater Lane"
REFUGE_POSTCODE = "PR1 9ZZ"
REFUGE_LATITUDE = Decimal("53.761234")


@dataclass
class Directory:
    taxonomy: Taxonomy
    domestic_abuse: TaxonomyTerm
    refuges: TaxonomyTerm
    parenting: TaxonomyTerm
    organization: Organization
    helpline: Service
    group: Service
    refuge: Service
    stale: Service
    defunct: Service
    group_location: Location
    refuge_location: Location


def tag(service: Service, term: TaxonomyTerm, link_type: str = LinkType.CATEGORY) -> Attribute:
    return Attribute.objects.create(
        taxonomy_term=term, link_type=link_type, link_id=service.id, link_entity=LinkEntity.SERVICE
    )


def weekly(service: Service, byday: str, opens: time, closes: time, **extra) -> Schedule:
    return Schedule.objects.create(
        service=service, freq="WEEKLY", byday=byday, opens_at=opens, closes_at=closes, **extra
    )


def place(service: Service, *, name: str, street: str, postcode: str, latitude=None) -> Location:
    location = Location.objects.create(
        location_type=Location.LocationType.PHYSICAL,
        name=name,
        latitude=latitude,
        longitude=Decimal("-2.701234") if latitude else None,
    )
    Address.objects.create(
        location=location,
        address_1=street,
        city="Preston",
        state_province="Lancashire",
        postal_code=postcode,
        country="GB",
        address_type=Address.AddressType.PHYSICAL,
    )
    ServiceAtLocation.objects.create(service=service, location=location)
    return location


def build_directory(owner) -> Directory:
    """``owner`` is the agency that owns every service."""
    today = timezone.localdate()
    taxonomy = Taxonomy.objects.create(name="Test categories", description="For tests.")
    domestic_abuse = TaxonomyTerm.objects.create(
        name="Domestic abuse support", description="Domestic abuse.", taxonomy_id=taxonomy.id
    )
    refuges = TaxonomyTerm.objects.create(
        name="Refuge accommodation",
        description="Refuges.",
        taxonomy_id=taxonomy.id,
        parent_id=domestic_abuse.id,
    )
    parenting = TaxonomyTerm.objects.create(
        name="Parenting", description="Parenting.", taxonomy_id=taxonomy.id
    )
    organization = Organization.objects.create(
        name="Quillfeather Community Trust", description="A fictional charity."
    )
    common = {"organization": organization, "owner_agency": owner, "last_reviewed": today}

    helpline = Service.objects.create(
        name="Harbourlight Domestic Abuse Helpline",
        description="A helpline for anyone affected by domestic abuse.",
        eligibility_description="Anyone aged 16 or over affected by domestic abuse.",
        application_process="Phone the helpline at any time, day or night.",
        fees_description="Free.",
        minimum_age=16,
        **common,
    )
    weekly(helpline, "MO,TU,WE,TH,FR,SA,SU", time(0), time(0))
    contact = Contact.objects.create(service=helpline, name="Helpline", email="help@trust.example")
    Phone.objects.create(contact=contact, number="01632 960123", description="Helpline")
    Language.objects.create(service=helpline, name="English", code="en")
    ServiceArea.objects.create(service=helpline, name="Northshire")
    tag(helpline, domestic_abuse)

    group = Service.objects.create(
        name="Evening Parenting Group",
        description="A friendly group for parents.",
        eligibility_description="Parents and carers of children under 12.",
        application_process="Book by phone.",
        **common,
    )
    weekly(group, "WE", time(18), time(20))
    CostOption.objects.create(
        service=group, option="Each session", amount=Decimal("2.50"), amount_description="each"
    )
    group_location = place(
        group, name="Linnet Community Centre", street="12 Weft Street", postcode="PR1 2AB"
    )
    tag(group, parenting)

    refuge = Service.objects.create(
        name="Quietwater Refuge",
        description="Safe accommodation for women and children escaping abuse.",
        application_process="Phone the helpline and ask for a refuge place.",
        confidential_address=True,
        **common,
    )
    weekly(refuge, "MO,TU,WE,TH,FR,SA,SU", time(0), time(0))
    refuge_contact = Contact.objects.create(service=refuge, name="Refuge referrals")
    Phone.objects.create(contact=refuge_contact, number="01632 960456", description="Referrals")
    refuge_location = place(
        refuge,
        name="Quietwater House",
        street=REFUGE_STREET,
        postcode=REFUGE_POSTCODE,
        latitude=REFUGE_LATITUDE,
    )
    tag(refuge, refuges)

    stale = Service.objects.create(
        name="Dusty Lane Advice Shop",
        description="Advice about money.",
        organization=organization,
        owner_agency=owner,
        last_reviewed=today - timedelta(days=400),
    )
    weekly(stale, "MO,TU,WE,TH,FR", time(9), time(17))

    defunct = Service.objects.create(
        name="Closed Forever Club", status=Service.Status.DEFUNCT, **common
    )
    confidential_locations_protect()
    return Directory(
        taxonomy=taxonomy,
        domestic_abuse=domestic_abuse,
        refuges=refuges,
        parenting=parenting,
        organization=organization,
        helpline=helpline,
        group=group,
        refuge=refuge,
        stale=stale,
        defunct=defunct,
        group_location=group_location,
        refuge_location=refuge_location,
    )
