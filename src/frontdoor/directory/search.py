"""What the public pages show: finding services, and one service in plain words."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID

from django.utils import timezone

from . import geo, schedules
from .models import (
    Address,
    Attribute,
    LinkEntity,
    LinkType,
    Location,
    Schedule,
    Service,
    TaxonomyTerm,
)
from .querysets import review_cutoff


def category_choices() -> list[tuple[str, str]]:
    """The top-level categories that public services are tagged with, by name."""
    public = Service.objects.public().values("id")
    used = Attribute.objects.filter(
        link_entity=LinkEntity.SERVICE, link_type=LinkType.CATEGORY, link_id__in=public
    ).values("taxonomy_term_id")
    terms = TaxonomyTerm.objects.filter(id__in=used, parent_id__isnull=True).order_by("name")
    return [(str(term.id), term.name) for term in terms]


@dataclass
class Point:
    """A public location of a found service, for the map."""

    name: str
    latitude: float
    longitude: float
    distance_m: float


@dataclass
class Found:
    service: Service
    open_now: bool
    possibly_out_of_date: bool
    # With a place searched from: the nearest public location's distance, or None when the
    # service is found because its service area covers the place (refuges: always so).
    distance_m: float | None = None
    covers_area: bool = False
    points: list[Point] = field(default_factory=list)

    @property
    def distance_text(self) -> str:
        return geo.miles_text(self.distance_m) if self.distance_m is not None else ""


def find_services(
    *,
    text: str = "",
    categories: list[str] | None = None,
    age: int | None = None,
    open_now: bool = False,
    moment: datetime | None = None,
    place: geo.Place | None = None,
    radius_m: float = 8046.72,
) -> list[Found]:
    """Public services matching every condition given, by name; from a place, those with a
    public location within ``radius_m`` (nearest first) and then those whose service area
    covers the place."""
    moment = moment or timezone.now()
    services = Service.objects.public().select_related("organization")
    if text:
        services = services.search(text)
    if categories:
        services = services.with_terms(UUID(c) for c in categories)
    if age is not None:
        services = services.for_age(age)
    near: dict[UUID, list[Point]] = {}
    covering: set[UUID] = set()
    if place is not None:
        near = _points_near(place, radius_m)
        covering = geo.covering_service_ids(place)
        services = services.filter(id__in=set(near) | covering)
    services = services.prefetch_related("schedules").order_by("name", "id")
    cutoff = review_cutoff(timezone.localdate(moment))
    found = []
    for service in services:
        is_open = service.status == Service.Status.ACTIVE and schedules.open_now(
            service.schedules.all(), moment
        )
        if open_now and not is_open:
            continue
        points = near.get(service.id, [])
        found.append(
            Found(
                service,
                is_open,
                _stale(service, cutoff),
                distance_m=points[0].distance_m if points else None,
                covers_area=service.id in covering,
                points=points,
            )
        )
    if place is not None:
        found.sort(key=lambda f: (f.distance_m is None, f.distance_m or 0))  # stable: by name
    return found


def _points_near(place: geo.Place, radius_m: float) -> dict[UUID, list[Point]]:
    """service id -> its public locations within the radius, nearest first. Confidential
    locations, and any location hosting a confidential service, are never among them."""
    public = Location.objects.public()
    distances = geo.within(public, place, radius_m)
    points: dict[UUID, list[Point]] = {}
    rows = Location.objects.filter(id__in=distances).values_list(
        "id", "name", "latitude", "longitude", "service_at_locations__service_id"
    )
    for pk, name, latitude, longitude, service_id in rows:
        if service_id is None:
            continue
        points.setdefault(service_id, []).append(
            Point(name, float(latitude), float(longitude), distances[pk])
        )
    for service_points in points.values():
        service_points.sort(key=lambda p: p.distance_m)
    return points


def _stale(service: Service, cutoff: date) -> bool:
    return service.last_reviewed is None or service.last_reviewed < cutoff


@dataclass
class Opening:
    days: str
    hours: str
    notes: list[str] = field(default_factory=list)


@dataclass
class ServicePage:
    """A service as its public page says it: who it is for, how to get help, when, cost, where."""

    service: Service
    open_now: bool
    possibly_out_of_date: bool
    categories: list[str]
    audiences: list[str]
    openings: list[Opening]
    addresses: list[Address]
    address_confidential: bool
    ages: str
    website: str


def service_page(service: Service, moment: datetime | None = None) -> ServicePage:
    moment = moment or timezone.now()
    tags = Attribute.objects.filter(
        link_entity=LinkEntity.SERVICE, link_id=service.id
    ).select_related("taxonomy_term")
    confidential = service.confidential_address or any(
        sal.location.confidential for sal in service.service_at_locations.all()
    )
    addresses = []
    if not confidential:
        shown = set(
            Location.objects.filter(service_at_locations__service=service)
            .public()
            .values_list("id", flat=True)
        )
        for sal in service.service_at_locations.all():
            if sal.location_id in shown:
                addresses.extend(sal.location.addresses.all())
    all_schedules = list(service.schedules.all())
    return ServicePage(
        service=service,
        open_now=service.status == Service.Status.ACTIVE
        and schedules.open_now(all_schedules, moment),
        possibly_out_of_date=_stale(service, review_cutoff(timezone.localdate(moment))),
        categories=[t.taxonomy_term.name for t in tags if t.link_type == LinkType.CATEGORY],
        audiences=[t.taxonomy_term.name for t in tags if t.link_type == LinkType.AUDIENCE],
        openings=[_opening(s) for s in all_schedules if s.opens_at or s.description],
        addresses=addresses,
        address_confidential=confidential,
        ages=ages_text(service),
        website=web_address(service.url),
    )


def web_address(url: str) -> str:
    """The address to link to, only if it is a web page (never ``javascript:`` from a feed)."""
    return url if url.lower().startswith(("https://", "http://")) else ""


def _opening(schedule: Schedule) -> Opening:
    notes = [n for n in (schedule.description, schedule.attending_type, schedule.notes) if n]
    return Opening(
        days=schedules.days_text(schedule), hours=schedules.hours_text(schedule), notes=notes
    )


def _age(value) -> str:
    return str(int(value)) if value == int(value) else str(value.normalize())


def ages_text(service: Service) -> str:
    low, high = service.minimum_age, service.maximum_age
    if not low and high is None:
        return "All ages"
    if not low:
        return f"Up to {_age(high)} years old"
    if high is None:
        return f"{_age(low)} years old and over"
    return f"{_age(low)} to {_age(high)} years old"
