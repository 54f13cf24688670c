"""Where a person is, and what is near them, with no online service (issue 8, item 6).

A postcode (full, or an outward code such as PR1, averaged over its postcodes) or a town in the
partnership's area becomes a ``Place``: a centre and the ONS codes of the areas it lies in.
Radius searches narrow to a bounding box in the database (an index on latitude and longitude
serves it on PostgreSQL and SQLite alike), then measure the exact great-circle distance.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import Avg, Q, QuerySet

from .models import Address, Location, Postcode, ServiceArea

EARTH_RADIUS_M = 6_371_008.8  # the mean radius (IUGG)
METRES_PER_MILE = 1609.344
# The ONS Postcode Directory's required attribution; pages link the licence after it.
ATTRIBUTION_LEAD = (
    "Postcode locations: contains OS data © Crown copyright and database right; contains Royal "
    "Mail data © Royal Mail copyright and database right; source: Office for National "
    "Statistics, licensed under the"
)
ATTRIBUTION = f"{ATTRIBUTION_LEAD} Open Government Licence v3.0."
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"

# A full postcode, without its space: outward code (area, district) then inward code.
FULL = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
OUTWARD = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")
STATISTICAL_GEOGRAPHY = re.compile(r"/([EWSN][0-9]{8})/?$")


class PlaceNotFound(ValueError):
    """The words do not name a postcode or town we know; ``str()`` says why, in plain words."""


def normalise_postcode(text: str) -> str:
    """``"pr12he"`` -> ``"PR1 2HE"``; an outward code stays as it is (``"PR1"``).

    Raises ``PlaceNotFound`` when the text cannot be a UK postcode.
    """
    compact = re.sub(r"\s+", "", text or "").upper()
    full = FULL.match(compact)
    if full:
        return f"{full.group(1)} {full.group(2)}"
    if OUTWARD.match(compact):
        return compact
    raise PlaceNotFound(
        f"{text.strip()} is not a postcode: enter a full postcode like PR1 2HE or the first part, "
        "like PR1"
    )


def looks_like_postcode(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


@dataclass
class Place:
    """Somewhere a person searched from: its name, its centre and the areas it lies in."""

    name: str
    latitude: float
    longitude: float
    area_codes: set[str] = field(default_factory=set)

    def distance_to(self, latitude, longitude) -> float:
        return haversine_m(self.latitude, self.longitude, float(latitude), float(longitude))


def find_place(text: str) -> Place:
    """A postcode (full or outward) or a town in the partnership's area, as a ``Place``."""
    text = (text or "").strip()
    if not text:
        raise PlaceNotFound("Enter a postcode or a town")
    if looks_like_postcode(text):
        return postcode_place(text)
    return town_place(text)


def postcode_place(text: str) -> Place:
    code = normalise_postcode(text)
    if " " in code:
        found = Postcode.objects.filter(postcode=code).first()
        if found is None:
            raise PlaceNotFound(
                f"We cannot find the postcode {code}. Check it, or enter the first part (like "
                f"{code.split()[0]}) or a town"
            )
        return Place(code, found.latitude, found.longitude, _with_parents({found.district_code}))
    rows = Postcode.objects.filter(outward=code)
    centre = rows.aggregate(latitude=Avg("latitude"), longitude=Avg("longitude"))
    if centre["latitude"] is None:
        raise PlaceNotFound(
            f"We cannot find the postcode area {code}. Check it, or enter a full postcode or a town"
        )
    districts = set(rows.exclude(district_code="").values_list("district_code", flat=True))
    return Place(code, centre["latitude"], centre["longitude"], _with_parents(districts))


def town_place(text: str) -> Place:
    """A district of the partnership (its postcodes' centre) or a town that services' addresses
    name (the centre of their postcodes)."""
    from frontdoor.agencies.models import Area

    name = " ".join(text.split())
    area = Area.objects.filter(name__iexact=name).exclude(ons_code="").first()
    if area is not None:
        centre = Postcode.objects.filter(district_code=area.ons_code).aggregate(
            latitude=Avg("latitude"), longitude=Avg("longitude")
        )
        if centre["latitude"] is not None:
            return Place(
                area.name, centre["latitude"], centre["longitude"], _with_parents({area.ons_code})
            )
    postcodes = {
        _compact(p)
        for p in Address.objects.filter(city__iexact=name, location__in=Location.objects.public())
        .values_list("postal_code", flat=True)
        .distinct()
    }
    rows = Postcode.objects.filter(postcode__in=[_spaced(p) for p in postcodes if p])
    centre = rows.aggregate(latitude=Avg("latitude"), longitude=Avg("longitude"))
    if centre["latitude"] is None:
        raise PlaceNotFound(
            f"We cannot find a town called {name} in this area. Enter a postcode, or a town such "
            "as Preston"
        )
    districts = set(rows.values_list("district_code", flat=True))
    return Place(name.title(), centre["latitude"], centre["longitude"], _with_parents(districts))


def _compact(postcode: str) -> str:
    return re.sub(r"\s+", "", postcode).upper()


def _spaced(compact: str) -> str:
    return f"{compact[:-3]} {compact[-3:]}"


def _with_parents(codes: set[str]) -> set[str]:
    """The districts' codes and those of the areas above them (a county) that the
    partnership's own areas record."""
    from frontdoor.agencies.models import Area

    codes = {c for c in codes if c}
    parents = Area.objects.filter(ons_code__in=codes, parent__isnull=False).values_list(
        "parent__ons_code", flat=True
    )
    return codes | {p for p in parents if p}


# Distance -----------------------------------------------------------------------------------


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def bounding_box(latitude: float, longitude: float, metres: float) -> tuple[float, ...]:
    """(south, north, west, east) around the point, enclosing every point within ``metres``."""
    dlat = math.degrees(metres / EARTH_RADIUS_M)
    south, north = max(-90.0, latitude - dlat), min(90.0, latitude + dlat)
    widest = max(abs(south), abs(north))
    if widest >= 89.9:
        return south, north, -180.0, 180.0
    dlon = math.degrees(metres / (EARTH_RADIUS_M * math.cos(math.radians(widest))))
    return south, north, longitude - dlon, longitude + dlon


def within(locations: QuerySet, place: Place, metres: float) -> dict[UUID, float]:
    """The locations of ``locations`` within ``metres`` of the place: id -> distance in metres.

    The database narrows to the bounding box (the latitude and longitude index); the exact
    distance is then measured for the few left.
    """
    south, north, west, east = bounding_box(place.latitude, place.longitude, metres)
    box = locations.filter(
        latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east
    ).values_list("id", "latitude", "longitude")
    near = {}
    for pk, latitude, longitude in box:
        distance = place.distance_to(latitude, longitude)
        if distance <= metres:
            near[pk] = distance
    return near


def covering_service_ids(place: Place) -> set[UUID]:
    """Services whose Open Referral service area names (by its statistical-geography URI) the
    district or county the place lies in."""
    if not place.area_codes:
        return set()
    query = Q()
    for code in place.area_codes:
        query |= Q(uri__iendswith=f"/{code}") | Q(uri__iendswith=f"/{code}/")
    return set(
        ServiceArea.objects.filter(query, service__isnull=False).values_list(
            "service_id", flat=True
        )
    )


def miles_text(metres: float) -> str:
    miles = metres / METRES_PER_MILE
    if miles < 0.1:
        return "Less than 0.1 miles away"
    if round(miles, 1) == 1:
        return "1 mile away"
    return f"{miles:.1f} miles away"
