"""Writing checked ORUK service records into the directory, by id.

Called only from ``services.oruk_import`` inside its transaction, after ``validation`` has
passed every record. Each record is upserted by its id, and so are its organisation,
locations and terms; a list the record gives (its schedules, contacts, locations …) replaces
what the service had, so importing the same feed twice leaves the directory as once. A list
the record leaves out is left alone. Fields the standard does not carry (the owner, the
confidential flag) are never touched by an import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db.models import Q

from .models import (
    Accessibility,
    Address,
    Attribute,
    Contact,
    CostOption,
    Funding,
    Language,
    LinkEntity,
    Location,
    Organization,
    OrganizationIdentifier,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)
from .validation import decimal, parse_date, parse_moment, parse_time

Json = dict[str, Any]


@dataclass
class Counts:
    created: int = 0
    updated: int = 0


def _s(data: Json, name: str) -> str:
    value = data.get(name)
    return value if isinstance(value, str) else ""


def _uuid(value: Any) -> UUID | None:
    return UUID(str(value)) if value else None


def _date(data: Json, name: str):
    return parse_date(data[name]) if data.get(name) else None


def _time(data: Json, name: str):
    return parse_time(data[name]) if data.get(name) else None


def _decimal(data: Json, name: str, places: str = "0.01") -> Decimal | None:
    number = decimal(data.get(name))
    return number.quantize(Decimal(places)) if number is not None else None


def _upsert(model, record_id: Any, **fields):
    obj, _created = model.objects.update_or_create(id=UUID(str(record_id)), defaults=fields)
    return obj


def _sync(queryset, keep: list) -> None:
    """Remove what the record no longer lists."""
    queryset.exclude(id__in=[obj.id for obj in keep]).delete()


def import_service(record: Json, *, owner: dict, now: datetime, counts: Counts) -> Service:
    organization = None
    if isinstance(record.get("organization"), dict):
        organization = import_organization(record["organization"])
    elif record.get("organization_id"):
        organization = Organization.objects.get(id=UUID(record["organization_id"]))
    service_id = UUID(record["id"])
    existing = Service.objects.filter(id=service_id).first()
    fields = {
        "organization": organization,
        "name": record["name"],
        "description": _s(record, "description"),
        "url": _s(record, "url"),
        "email": _s(record, "email"),
        "status": record["status"],
        "accreditations": _s(record, "accreditations"),
        "minimum_age": _decimal(record, "minimum_age"),
        "maximum_age": _decimal(record, "maximum_age"),
        "last_reviewed": _date(record, "assured_date"),
        "assurer_email": _s(record, "assurer_email"),
        "alert": _s(record, "alert"),
        "last_modified": parse_moment(record["last_modified"])
        if record.get("last_modified")
        else now,
        "eligibility_description": _s(record, "eligibility_description"),
        "application_process": _s(record, "application_process"),
        "wait_time": _s(record, "wait_time"),
        # The standard's deprecated ``fees`` is the same thing, from older publishers.
        "fees_description": _s(record, "fees_description") or _s(record, "fees"),
    }
    if existing is None:
        service = Service.objects.create(id=service_id, **fields, **owner)
        counts.created += 1
    else:
        for name, value in fields.items():
            setattr(existing, name, value)
        existing.version += 1  # a curator's form open on the old record must notice
        existing.save(update_fields=[*fields, "version"])
        service = existing
        counts.updated += 1
    _import_children(service, record)
    import_attributes(record, LinkEntity.SERVICE, service.id)
    return service


def _import_children(service: Service, record: Json) -> None:
    # Confidential locations are never in a feed (not even our own export), so a feed that
    # leaves them out has not removed them.
    if "service_at_locations" in record:
        kept = [import_service_at_location(service, sal) for sal in record["service_at_locations"]]
        _sync(service.service_at_locations.exclude(location__confidential=True), kept)
    if "schedules" in record:
        kept = [import_schedule(service, schedule) for schedule in record["schedules"]]
        hidden = Q(service_at_location__location__confidential=True)
        _sync(service.schedules.exclude(hidden), kept)
    simple = {
        "service_areas": (
            ServiceArea,
            ("name", "extent", "extent_type", "uri", "service_area"),
        ),
        "funding": (Funding, ("source",)),
    }
    for key, (model, names) in simple.items():
        if key in record:
            kept = [
                _upsert(model, item["id"], service=service, **{n: _s(item, n) for n in names})
                for item in record[key]
            ]
            _sync(getattr(service, key).all(), kept)
    if "languages" in record:
        kept = [import_language(item, service=service) for item in record["languages"]]
        _sync(service.languages.all(), kept)
    if "cost_options" in record:
        kept = [
            _upsert(
                CostOption,
                item["id"],
                service=service,
                valid_from=_date(item, "valid_from"),
                valid_to=_date(item, "valid_to"),
                option=_s(item, "option"),
                amount=_decimal(item, "amount"),
                amount_description=_s(item, "amount_description"),
            )
            for item in record["cost_options"]
        ]
        _sync(service.cost_options.all(), kept)
    if "contacts" in record:
        kept = [import_contact(service, item) for item in record["contacts"]]
        _sync(service.contacts.all(), kept)


def import_organization(data: Json) -> Organization:
    organization = _upsert(
        Organization,
        data["id"],
        name=data["name"],
        description=data["description"],
        email=_s(data, "email"),
        website=_s(data, "website"),
        logo=_s(data, "logo"),
        uri=_s(data, "uri"),
        parent_organization_id=_uuid(data.get("parent_organization_id")),
    )
    if "organization_identifiers" in data:
        kept = []
        for item in data["organization_identifiers"]:
            identifier = _upsert(
                OrganizationIdentifier,
                item["id"],
                organization=organization,
                identifier_scheme=_s(item, "identifier_scheme"),
                identifier_type=item["identifier_type"],
                identifier=item["identifier"],
            )
            import_attributes(item, LinkEntity.ORGANIZATION_IDENTIFIER, identifier.id)
            kept.append(identifier)
        _sync(organization.organization_identifiers.all(), kept)
    import_attributes(data, LinkEntity.ORGANIZATION, organization.id)
    return organization


def import_service_at_location(service: Service, data: Json) -> ServiceAtLocation:
    location = import_location(data["location"]) if isinstance(data.get("location"), dict) else None
    if location is None:
        location = Location.objects.get(id=UUID(data["location_id"]))
    if service.confidential_address and not location.confidential:
        # A refuge's location stays hidden whichever service is shown there (ADR 0012).
        location.confidential = True
        location.save(update_fields=["confidential"])
    return _upsert(ServiceAtLocation, data["id"], service=service, location=location)


def import_location(data: Json) -> Location:
    location = _upsert(
        Location,
        data["id"],
        location_type=data["location_type"],
        name=_s(data, "name"),
        description=_s(data, "description"),
        latitude=_decimal(data, "latitude", "0.000001"),
        longitude=_decimal(data, "longitude", "0.000001"),
        external_identifier=_s(data, "external_identifier"),
        external_identifier_type=_s(data, "external_identifier_type"),
    )
    if "addresses" in data:
        kept = []
        for item in data["addresses"]:
            address = _upsert(
                Address,
                item["id"],
                location=location,
                **{
                    n: _s(item, n)
                    for n in (
                        "attention",
                        "address_1",
                        "city",
                        "region",
                        "state_province",
                        "postal_code",
                        "country",
                        "address_type",
                    )
                },
            )
            import_attributes(item, LinkEntity.ADDRESS, address.id)
            kept.append(address)
        _sync(location.addresses.all(), kept)
    if "accessibility" in data:
        kept = []
        for item in data["accessibility"]:
            access = _upsert(
                Accessibility,
                item["id"],
                location=location,
                **{n: _s(item, n) for n in ("description", "details", "url", "accessibility")},
            )
            import_attributes(item, LinkEntity.ACCESSIBILITY, access.id)
            kept.append(access)
        _sync(location.accessibility.all(), kept)
    import_attributes(data, LinkEntity.LOCATION, location.id)
    return location


def import_schedule(service: Service, data: Json) -> Schedule:
    sal_id = _uuid(data.get("service_at_location_id"))
    return _upsert(
        Schedule,
        data["id"],
        service=service,
        service_at_location=ServiceAtLocation.objects.get(id=sal_id) if sal_id else None,
        valid_from=_date(data, "valid_from"),
        valid_to=_date(data, "valid_to"),
        dtstart=_date(data, "dtstart"),
        freq=_s(data, "freq"),
        interval=int(data["interval"]) if data.get("interval") is not None else None,
        byday=_s(data, "byday").upper(),
        bymonthday=_s(data, "bymonthday"),
        description=_s(data, "description"),
        opens_at=_time(data, "opens_at"),
        closes_at=_time(data, "closes_at"),
        schedule_link=_s(data, "schedule_link"),
        attending_type=_s(data, "attending_type"),
        notes=_s(data, "notes"),
    )


def import_language(data: Json, *, service: Service | None = None, phone: Phone | None = None):
    return _upsert(
        Language,
        data["id"],
        service=service,
        phone=phone,
        name=_s(data, "name"),
        code=_s(data, "code"),
    )


def import_contact(service: Service, data: Json) -> Contact:
    contact = _upsert(
        Contact,
        data["id"],
        service=service,
        name=_s(data, "name"),
        title=_s(data, "title"),
        email=_s(data, "email"),
    )
    if "phones" in data:
        kept = []
        for item in data["phones"]:
            phone = _upsert(
                Phone,
                item["id"],
                contact=contact,
                number=item["number"],
                description=_s(item, "description"),
            )
            if "languages" in item:
                languages = [import_language(lang, phone=phone) for lang in item["languages"]]
                _sync(phone.languages.all(), languages)
            kept.append(phone)
        _sync(contact.phones.all(), kept)
    import_attributes(data, LinkEntity.CONTACT, contact.id)
    return contact


def import_term(data: Json) -> TaxonomyTerm:
    return _upsert(
        TaxonomyTerm,
        data["id"],
        name=data["name"],
        description=data["description"],
        parent_id=_uuid(data.get("parent_id")),
        taxonomy_name=_s(data, "taxonomy"),
        taxonomy_id=_uuid(data.get("taxonomy_id")),
        term_uri=_s(data, "term_uri"),
        term=_s(data, "term"),
    )


def import_attributes(data: Json, entity: str, link_id: UUID) -> None:
    if "attributes" not in data:
        return
    kept = []
    for item in data["attributes"]:
        if isinstance(item.get("taxonomy_term"), dict):
            term = import_term(item["taxonomy_term"])
        else:
            term = TaxonomyTerm.objects.get(id=UUID(item["taxonomy_term_id"]))
        kept.append(
            _upsert(
                Attribute,
                item["id"],
                taxonomy_term=term,
                link_type=_s(item, "link_type"),
                link_id=link_id,
                link_entity=entity,
            )
        )
    _sync(Attribute.objects.filter(link_entity=entity, link_id=link_id), kept)
