"""The Open Referral UK 3.0 read API under /oruk/: public, no key, CORS open, rate-limited.

Plain function views returning the standard's JSON shapes (``oruk.py``) inside its pagination
wrapper. Every answer, errors included, is JSON with ``Access-Control-Allow-Origin: *``: 404
for an unknown id, 422 listing every bad query parameter, 429 past the rate limit, 405 for
anything but GET. Confidential locations (refuges) never appear (ADR 0012).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import wraps
from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse

from frontdoor.core.permissions import PUBLIC, permission

from . import geo, oruk
from .api_params import Parameters
from .models import (
    Location,
    Organization,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from .openapi import openapi_for
from .ratelimit import rate_limited
from .schema import ORUK_PROFILE_URL, ORUK_VERSION


class NotFound(Exception):
    pass


class BadParameters(Exception):
    def __init__(self, errors: list[dict[str, str]]):
        self.errors = errors


def answer(data, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, safe=False)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _too_many(wait: int) -> JsonResponse:
    response = answer({"detail": "Too many requests: try again later"}, status=429)
    response["Retry-After"] = str(wait)
    return response


def oruk_endpoint(view: Callable[..., JsonResponse]) -> Callable[..., HttpResponse]:
    """GET only, rate-limited, CORS open, errors as JSON."""

    @wraps(view)
    def endpoint(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            response = answer({"detail": "Only GET is allowed"}, status=405)
            response["Allow"] = "GET, HEAD"
            return response
        try:
            return view(request, *args, **kwargs)
        except NotFound:
            return answer({"detail": "Not found"}, status=404)
        except BadParameters as bad:
            return answer({"detail": "Bad query parameters", "errors": bad.errors}, status=422)

    return wraps(view)(rate_limited(endpoint, _too_many))


def one(queryset: QuerySet, pk: str):
    try:
        return queryset.get(id=UUID(pk))
    except (ValueError, queryset.model.DoesNotExist):
        raise NotFound from None


def page_of(items: QuerySet | Sequence, page: int, per_page: int) -> tuple[list, dict]:
    """One page of ``items`` and the standard's pagination fields (components.schemas.Page)."""
    total = items.count() if isinstance(items, QuerySet) else len(items)
    contents = list(items[(page - 1) * per_page : page * per_page])
    total_pages = math.ceil(total / per_page)
    return contents, {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
    }


def paginated(params: Parameters, items, render: Callable[[list], list]) -> JsonResponse:
    page, per_page = params.page()
    if params.errors:
        raise BadParameters(params.errors)
    contents, wrapper = page_of(items, page, per_page)
    return answer({**wrapper, "contents": render(contents)})


def filtered_services(params: Parameters):
    """Services matching the standard's query parameters (``postcode`` and ``proximity``, which
    only ``/service_at_locations`` takes, are read there)."""
    services = Service.objects.select_related("organization")
    search = params.text("search")
    if search:
        services = services.search(search)
    term = params.uuid("taxonomy_term_id")
    if term:
        services = services.with_terms([term])
    taxonomy = params.uuid("taxonomy_id")
    if taxonomy:
        services = services.in_taxonomy(taxonomy)
    minimum = params.age("minimum_age")
    if minimum is not None:
        services = services.minimum_age_at_least(minimum)
    maximum = params.age("maximum_age")
    if maximum is not None:
        services = services.maximum_age_at_most(maximum)
    day, start, end = params.day("day"), params.time("start_time"), params.time("end_time")
    if day or start or end:
        services = services.with_schedule(day=day, start_time=start, end_time=end)
    organization = params.uuid("organization_id")
    if organization:
        services = services.filter(organization_id=organization)
    modified_after = params.moment("modified_after")
    if modified_after:
        services = services.modified_after(modified_after)
    return services.order_by("name", "id")


# The endpoints ------------------------------------------------------------------------------


@permission(PUBLIC)
@oruk_endpoint
def root(request: HttpRequest) -> JsonResponse:
    return answer(
        {
            "version": ORUK_VERSION,
            "profile": ORUK_PROFILE_URL,
            "openapi_url": request.build_absolute_uri(reverse("directory:oruk_openapi")),
        }
    )


@permission(PUBLIC)
@oruk_endpoint
def openapi(request: HttpRequest) -> JsonResponse:
    return answer(openapi_for(request.build_absolute_uri(reverse("directory:oruk_root"))))


@permission(PUBLIC)
@oruk_endpoint
def services(request: HttpRequest) -> JsonResponse:
    params = Parameters(request.GET)
    found = filtered_services(params)
    return paginated(params, found, lambda page: [oruk.service_list_item(s) for s in page])


@permission(PUBLIC)
@oruk_endpoint
def service(request: HttpRequest, pk: str) -> JsonResponse:
    record = one(Service.objects.full(), pk)
    return answer(oruk.service_full(record, oruk.Context.for_services([record])))


@permission(PUBLIC)
@oruk_endpoint
def service_at_locations(request: HttpRequest) -> JsonResponse:
    params = Parameters(request.GET)
    found = (
        ServiceAtLocation.objects.filter(
            service__in=filtered_services(params), location__in=_public_locations()
        )
        .select_related("service__organization", "location")
        .order_by("service__name", "service_id", "id")
    )
    place, proximity = params.place("postcode"), params.metres("proximity")
    if proximity is not None and not params.query.get("postcode", "").strip():
        params.error("proximity", "proximity needs a postcode to measure from")
    if place is not None:
        found = _near(found, place, proximity)
    return paginated(
        params, found, lambda page: [oruk.service_at_location_list_item(s) for s in page]
    )


def _near(found, place: geo.Place, proximity: float | None) -> list[ServiceAtLocation]:
    """The standard's ``postcode`` and ``proximity``, nearest first. A service whose service
    area (an ONS statistical geography) covers the postcode's district or county always counts.
    Without ``proximity`` a service with such an area that does not cover the postcode is left
    out, and one with no readable area is kept; with it, only locations within ``proximity``
    metres of the postcode's centre count besides those covering services."""
    covering = geo.covering_service_ids(place)
    if proximity is not None:
        near = geo.within(_public_locations(), place, proximity)
        found = found.filter(Q(location_id__in=list(near)) | Q(service_id__in=covering))
    else:
        with_area = ServiceArea.objects.filter(
            service__isnull=False, uri__icontains="/statistical-geography/"
        ).values("service_id")
        found = found.filter(Q(service_id__in=covering) | ~Q(service_id__in=with_area))

    def distance(sal: ServiceAtLocation) -> tuple[bool, float]:
        location = sal.location
        if location.latitude is None or location.longitude is None:
            return (True, 0.0)
        return (False, place.distance_to(location.latitude, location.longitude))

    return sorted(found, key=distance)  # stable: by name among equals


@permission(PUBLIC)
@oruk_endpoint
def service_at_location(request: HttpRequest, pk: str) -> JsonResponse:
    visible = ServiceAtLocation.objects.filter(location__in=_public_locations())
    record = one(visible.select_related("service", "location"), pk)
    record.service = Service.objects.full().get(id=record.service_id)
    context = oruk.Context.for_services([record.service])
    return answer(oruk.service_at_location_full(record, context))


def _public_locations():
    return Location.objects.public()


@permission(PUBLIC)
@oruk_endpoint
def organizations(request: HttpRequest) -> JsonResponse:
    params = Parameters(request.GET)
    found = Organization.objects.order_by("name", "id")
    search = params.text("search")
    if search:
        found = found.filter(name__icontains=search)
    return paginated(params, found, lambda page: [oruk.organization_scalars(o) for o in page])


@permission(PUBLIC)
@oruk_endpoint
def organization(request: HttpRequest, pk: str) -> JsonResponse:
    record = one(Organization.objects.prefetch_related("organization_identifiers"), pk)
    services_there = list(Service.objects.full().filter(organization=record))
    context = oruk.Context.for_services(services_there)
    context.attributes.update(oruk.load_attributes({record.id}))
    return answer(oruk.organization_full(record, context, services_there))


@permission(PUBLIC)
@oruk_endpoint
def taxonomies(request: HttpRequest) -> JsonResponse:
    params = Parameters(request.GET)
    return paginated(
        params,
        Taxonomy.objects.order_by("name", "id"),
        lambda page: [oruk.taxonomy(t) for t in page],
    )


@permission(PUBLIC)
@oruk_endpoint
def taxonomy(request: HttpRequest, pk: str) -> JsonResponse:
    record = one(Taxonomy.objects.all(), pk)
    terms = TaxonomyTerm.objects.filter(taxonomy_id=record.id).order_by("name", "id")
    return answer(oruk.taxonomy(record, terms))


@permission(PUBLIC)
@oruk_endpoint
def taxonomy_terms(request: HttpRequest) -> JsonResponse:
    params = Parameters(request.GET)
    found = TaxonomyTerm.objects.order_by("name", "id")
    taxonomy_id = params.uuid("taxonomy_id")
    if taxonomy_id:
        found = found.filter(taxonomy_id=taxonomy_id)
    parent_id = params.uuid("parent_id")
    if parent_id:
        found = found.filter(parent_id=parent_id)
    search = params.text("search")
    if search:
        found = found.filter(name__icontains=search)
    return paginated(params, found, lambda page: [oruk.taxonomy_term(t) for t in page])


@permission(PUBLIC)
@oruk_endpoint
def taxonomy_term(request: HttpRequest, pk: str) -> JsonResponse:
    return answer(oruk.taxonomy_term(one(TaxonomyTerm.objects.all(), pk)))
