"""Which services suit one person: their age and where they live (issue 8, item 5).

The front door's signposting picker and its "who can help with this" page both ask this. It
builds on the directory's own query helpers (``ServiceQuerySet.search``, ``with_terms``,
``for_age``); what it adds is the area: a person's postcode district, through the
partnership's districts (``agencies.Area``), matched against a service's service areas and
the postcodes of its locations.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from django.db.models import Q

from .models import Address, Service, ServiceArea, ServiceAtLocation


def outward_code(postcode: str) -> str:
    """The outward code of a UK postcode ("PR1 2AB" or "pr12ab" gives "PR1"); "" if none."""
    compact = "".join(postcode.split()).upper()
    if len(compact) < 5 or not compact[-3].isdigit():
        return compact if 2 <= len(compact) <= 4 and compact[0].isalpha() else ""
    return compact[:-3]


@dataclass(frozen=True)
class District:
    name: str
    ons_code: str
    outward_codes: tuple[str, ...]


def _all_districts() -> list[District]:
    from frontdoor.agencies.models import Area

    return [
        District(area.name, area.ons_code, tuple(area.postcode_districts.upper().split()))
        for area in Area.objects.filter(kind=Area.Kind.DISTRICT).order_by("name")
    ]


def districts_for_postcode(
    postcode: str, districts: list[District] | None = None
) -> list[District]:
    """The partnership's districts (or those given) that hold this postcode's outward code:
    one or, where a code straddles a boundary, two; empty when unknown or outside."""
    code = outward_code(postcode)
    if not code:
        return []
    return [d for d in (districts or _all_districts()) if code in d.outward_codes]


def all_districts() -> list[District]:
    """Every district of the partnership, to look several postcodes up in one query."""
    return _all_districts()


def _names_one_of(districts: Iterable[District]) -> Q:
    """Service areas naming one of the districts, by name or by its ONS code's URI."""
    condition = Q(pk__in=[])
    for district in districts:
        condition |= Q(name__iexact=district.name)
        if district.ons_code:
            condition |= Q(uri__iendswith=f"/{district.ons_code}")
    return condition


def covering(services, districts: list[District]):
    """Services that serve someone living in any of ``districts``:

    - a service area names one of them; or
    - a service area names somewhere that is not one of the partnership's districts (the
      whole county, the partnership, the country): no narrower limit is stated; or
    - no service area is given, and the service is at a location in one of them, or at no
      location with an address (a phone line or a website).
    """
    areas = ServiceArea.objects.filter(service__isnull=False)
    named_here = areas.filter(_names_one_of(districts)).values("service_id")
    wider = areas.exclude(_names_one_of(_all_districts())).values("service_id")
    codes = {code for district in districts for code in district.outward_codes}
    at_address_here = Q(pk__in=[])
    for code in codes:
        at_address_here |= Q(postal_code__istartswith=f"{code} ") | Q(postal_code__iexact=code)
    located_here = Address.objects.filter(at_address_here).values(
        "location__service_at_locations__service_id"
    )
    with_address = ServiceAtLocation.objects.filter(location__addresses__isnull=False).values(
        "service_id"
    )
    no_area = ~Q(id__in=areas.values("service_id"))
    return services.filter(
        Q(id__in=named_here)
        | Q(id__in=wider)
        | (no_area & (Q(id__in=located_here) | ~Q(id__in=with_address)))
    )


def suitable_services(
    *,
    age: int | None = None,
    districts: list[District] | None = None,
    text: str = "",
    categories: Iterable[UUID | str] = (),
    include_confidential: bool = True,
    active_only: bool = False,
):
    """Services a person of ``age`` living in ``districts`` can use, matching the words and
    categories given, by name. ``None`` for the age or the districts means "any"."""
    services = Service.objects.filter(status=Service.Status.ACTIVE) if active_only else None
    if services is None:
        services = Service.objects.public()
    if text:
        services = services.search(text)
    categories = [UUID(str(c)) for c in categories]
    if categories:
        services = services.with_terms(categories)
    if age is not None:
        services = services.for_age(age)
    if districts:
        services = covering(services, districts)
    if not include_confidential:
        services = services.filter(confidential_address=False)
    return (
        services.select_related("organization")
        .prefetch_related("contacts__phones", "service_areas")
        .order_by("name", "id")
    )
