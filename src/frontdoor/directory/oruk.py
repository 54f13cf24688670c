"""Our records in the Open Referral UK 3.0 shapes (the standard's examples/*.json).

Optional fields are omitted, never null or empty strings; arrays of a fully nested object are
always present. Front Door's extension properties (ADR 0012) are HSDS 3.0's own names for
what the UK profile dropped: ``eligibility_description``, ``application_process``,
``wait_time`` and ``fees_description`` on a service, ``email`` and ``phones`` on a contact,
``name`` and ``code`` on a language. Confidential locations (refuges) are never written: not
their addresses, their coordinates, nor the fact of their service-at-location link.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any
from uuid import UUID

from .models import (
    Address,
    Attribute,
    Contact,
    Location,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

Json = dict[str, Any]


def compact(data: Json) -> Json:
    """Drop the keys with nothing in them: the standard omits optional fields."""
    return {key: value for key, value in data.items() if value is not None and value != ""}


def number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def iso_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def iso_time(value: time | None) -> str | None:
    return value.strftime("%H:%M:%S") if value else None


def iso_datetime(value: datetime | None) -> str | None:
    """UTC with milliseconds, as the standard's example: 2023-03-15T10:30:45.123Z."""
    if value is None:
        return None
    utc = value.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def text(value: UUID | None) -> str | None:
    return str(value) if value else None


@dataclass
class Context:
    """What the serialisers need beyond each record, loaded once per response."""

    attributes: dict[UUID, list[Attribute]] = field(default_factory=dict)
    hidden_locations: set[UUID] = field(default_factory=set)

    @classmethod
    def for_services(cls, services: Iterable[Service]) -> Context:
        services = list(services)
        ids: set[UUID] = set()
        location_ids: set[UUID] = set()
        for service in services:
            ids.add(service.id)
            if service.organization is not None:
                ids.add(service.organization.id)
                ids.update(i.id for i in service.organization.organization_identifiers.all())
            ids.update(contact.id for contact in service.contacts.all())
            for sal in service.service_at_locations.all():
                location = sal.location
                location_ids.add(location.id)
                ids.add(location.id)
                ids.update(a.id for a in location.addresses.all())
                ids.update(a.id for a in location.accessibility.all())
        return cls(attributes=load_attributes(ids), hidden_locations=hidden(location_ids))

    @classmethod
    def for_locations(cls, locations: Iterable[Location]) -> Context:
        locations = list(locations)
        ids = {location.id for location in locations}
        for location in locations:
            ids.update(a.id for a in location.addresses.all())
            ids.update(a.id for a in location.accessibility.all())
        return cls(attributes=load_attributes(ids), hidden_locations=hidden(ids))

    def of(self, record_id: UUID) -> list[Json]:
        return [attribute(a) for a in self.attributes.get(record_id, [])]


def load_attributes(ids: set[UUID]) -> dict[UUID, list[Attribute]]:
    found: dict[UUID, list[Attribute]] = defaultdict(list)
    if ids:
        rows = Attribute.objects.filter(link_id__in=ids).select_related("taxonomy_term")
        for row in rows.order_by("id"):
            found[row.link_id].append(row)
    return found


def hidden(location_ids: set[UUID]) -> set[UUID]:
    """Of these locations, those whose addresses must not leave Front Door."""
    if not location_ids:
        return set()
    public = Location.objects.filter(id__in=location_ids).public().values_list("id", flat=True)
    return location_ids - set(public)


# Taxonomies ----------------------------------------------------------------------------------


def taxonomy_term(term: TaxonomyTerm) -> Json:
    return compact(
        {
            "id": str(term.id),
            "name": term.name,
            "description": term.description,
            "parent_id": text(term.parent_id),
            "taxonomy": term.taxonomy_name,
            "taxonomy_id": text(term.taxonomy_id),
            "term_uri": term.term_uri,
            "term": term.term,
        }
    )


def taxonomy(record: Taxonomy, terms: Iterable[TaxonomyTerm] | None = None) -> Json:
    data = compact(
        {
            "id": str(record.id),
            "name": record.name,
            "description": record.description,
            "uri": record.uri,
            "version": record.version,
        }
    )
    if terms is not None:
        data["taxonomy_terms"] = [taxonomy_term(term) for term in terms]
    return data


def attribute(record: Attribute) -> Json:
    return compact(
        {
            "id": str(record.id),
            "link_id": str(record.link_id),
            "link_type": record.link_type,
            "taxonomy_term_id": str(record.taxonomy_term_id),
            "taxonomy_term": taxonomy_term(record.taxonomy_term),
        }
    )


# Organisations -------------------------------------------------------------------------------


def organization_scalars(record: Organization) -> Json:
    return compact(
        {
            "id": str(record.id),
            "name": record.name,
            "description": record.description,
            "email": record.email,
            "website": record.website,
            "logo": record.logo,
            "uri": record.uri,
            "parent_organization_id": text(record.parent_organization_id),
        }
    )


def organization_full(record: Organization, context: Context, services: Iterable[Service]) -> Json:
    data = organization_scalars(record)
    data["organization_identifiers"] = [
        compact(
            {
                "id": str(i.id),
                "identifier_scheme": i.identifier_scheme,
                "identifier_type": i.identifier_type,
                "identifier": i.identifier,
                "attributes": context.of(i.id) or None,
            }
        )
        for i in record.organization_identifiers.all()
    ]
    data["services"] = [service_full(s, context, with_organization=False) for s in services]
    data["attributes"] = context.of(record.id)
    return data


# Services ------------------------------------------------------------------------------------


def service_scalars(record: Service) -> Json:
    """The service's one-to-one fields, as in the standard's list of services."""
    return compact(
        {
            "id": str(record.id),
            "organization_id": text(record.organization_id),
            "name": record.name,
            "description": record.description,
            "url": record.url,
            "email": record.email,
            "status": record.status,
            "accreditations": record.accreditations,
            "minimum_age": number(record.minimum_age),
            "maximum_age": number(record.maximum_age),
            "assured_date": iso_date(record.last_reviewed),
            "assurer_email": record.assurer_email,
            "alert": record.alert,
            "last_modified": iso_datetime(record.last_modified),
            # Extension properties: see the module docstring.
            "eligibility_description": record.eligibility_description,
            "application_process": record.application_process,
            "wait_time": record.wait_time,
            "fees_description": record.fees_description,
        }
    )


def service_list_item(record: Service) -> Json:
    data = service_scalars(record)
    if record.organization is not None:
        data["organization"] = organization_scalars(record.organization)
    return data


def service_full(record: Service, context: Context, *, with_organization: bool = True) -> Json:
    data = service_scalars(record)
    shown = [sal for sal in record.service_at_locations.all() if is_shown(sal, context)]
    shown_ids = {sal.id for sal in shown}
    # A schedule for one location names it (service_at_location_id): only shown locations'.
    data["schedules"] = [
        schedule(s)
        for s in record.schedules.all()
        if s.service_at_location_id is None or s.service_at_location_id in shown_ids
    ]
    data["service_areas"] = [
        compact(
            {
                "id": str(a.id),
                "name": a.name,
                "extent": a.extent,
                "extent_type": a.extent_type,
                "uri": a.uri,
                "service_area": a.service_area,
            }
        )
        for a in record.service_areas.all()
    ]
    data["service_at_locations"] = [
        {"id": str(sal.id), "location": location_full(sal.location, context)} for sal in shown
    ]
    data["languages"] = [language(lang) for lang in record.languages.all()]
    if with_organization and record.organization is not None:
        org = record.organization
        data["organization"] = organization_scalars(org)
        data["organization"]["organization_identifiers"] = [
            compact(
                {
                    "id": str(i.id),
                    "identifier_scheme": i.identifier_scheme,
                    "identifier_type": i.identifier_type,
                    "identifier": i.identifier,
                }
            )
            for i in org.organization_identifiers.all()
        ]
    data["funding"] = [compact({"id": str(f.id), "source": f.source}) for f in record.funding.all()]
    data["cost_options"] = [
        compact(
            {
                "id": str(c.id),
                "valid_from": iso_date(c.valid_from),
                "valid_to": iso_date(c.valid_to),
                "option": c.option,
                "amount": number(c.amount),
                "amount_description": c.amount_description,
            }
        )
        for c in record.cost_options.all()
    ]
    data["contacts"] = [contact(c, context) for c in record.contacts.all()]
    data["attributes"] = context.of(record.id)
    return data


def is_shown(sal: ServiceAtLocation, context: Context) -> bool:
    if sal.service.confidential_address or sal.location.confidential:
        return False
    return sal.location.id not in context.hidden_locations


def schedule(record: Schedule) -> Json:
    return compact(
        {
            "id": str(record.id),
            "service_at_location_id": text(record.service_at_location_id),
            "valid_from": iso_date(record.valid_from),
            "valid_to": iso_date(record.valid_to),
            "dtstart": iso_date(record.dtstart),
            "freq": record.freq,
            "interval": record.interval,
            "byday": record.byday,
            "bymonthday": record.bymonthday,
            "description": record.description,
            "opens_at": iso_time(record.opens_at),
            "closes_at": iso_time(record.closes_at),
            "schedule_link": record.schedule_link,
            "attending_type": record.attending_type,
            "notes": record.notes,
        }
    )


def language(record) -> Json:
    return compact({"id": str(record.id), "name": record.name, "code": record.code})


def contact(record: Contact, context: Context) -> Json:
    data = compact(
        {"id": str(record.id), "name": record.name, "title": record.title, "email": record.email}
    )
    data["phones"] = [
        compact(
            {
                "id": str(p.id),
                "number": p.number,
                "description": p.description,
                "languages": [language(lang) for lang in p.languages.all()] or None,
            }
        )
        for p in record.phones.all()
    ]
    attributes = context.of(record.id)
    if attributes:
        data["attributes"] = attributes
    return data


# Locations -----------------------------------------------------------------------------------


def location_scalars(record: Location) -> Json:
    return compact(
        {
            "id": str(record.id),
            "location_type": record.location_type,
            "name": record.name,
            "description": record.description,
            "latitude": number(record.latitude),
            "longitude": number(record.longitude),
            "external_identifier": record.external_identifier,
            "external_identifier_type": record.external_identifier_type,
        }
    )


def location_full(record: Location, context: Context) -> Json:
    data = location_scalars(record)
    data["addresses"] = [address(a, context) for a in record.addresses.all()]
    data["accessibility"] = [
        compact(
            {
                "id": str(a.id),
                "description": a.description,
                "details": a.details,
                "url": a.url,
                "accessibility": a.accessibility,
                "attributes": context.of(a.id) or None,
            }
        )
        for a in record.accessibility.all()
    ]
    data["attributes"] = context.of(record.id)
    return data


def address(record: Address, context: Context) -> Json:
    return compact(
        {
            "id": str(record.id),
            "attention": record.attention,
            "address_1": record.address_1,
            "city": record.city,
            "region": record.region,
            "state_province": record.state_province,
            "postal_code": record.postal_code,
            "country": record.country,
            "address_type": record.address_type,
            "attributes": context.of(record.id) or None,
        }
    )


def service_at_location_list_item(record: ServiceAtLocation) -> Json:
    return {
        "id": str(record.id),
        "location": location_scalars(record.location),
        "service": service_list_item(record.service),
    }


def service_at_location_full(record: ServiceAtLocation, context: Context) -> Json:
    return {
        "id": str(record.id),
        "location": location_full(record.location, context),
        "service": service_full(record.service, context),
    }


# The whole directory ------------------------------------------------------------------------


def export_services(services: Iterable[Service] | None = None) -> list[Json]:
    """Every service, fully nested: the directory as an ORUK feed document."""
    if services is None:
        services = Service.objects.full().order_by("name", "id")
    services = list(services)
    context = Context.for_services(services)
    return [service_full(s, context) for s in services]
