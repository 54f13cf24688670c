"""The directory's settings, with their defaults. Set any of them in the project's settings."""

from __future__ import annotations

from django.conf import settings

DEFAULTS = {
    # A service not reviewed for this many months is "possibly out of date" (issue 8, item 4).
    "FRONTDOOR_DIRECTORY_REVIEW_MONTHS": 6,
    # The public ORUK API: at most this many requests per client address per window (seconds).
    "FRONTDOOR_ORUK_RATE_LIMIT": (600, 60),
    # The ORUK API's page sizes: the default and the largest a client may ask for.
    "FRONTDOOR_ORUK_PER_PAGE": 50,
    "FRONTDOOR_ORUK_MAX_PER_PAGE": 200,
    # Suggested changes from people who are not signed in: at most this many per client
    # address per window (seconds).
    "FRONTDOOR_DIRECTORY_SUGGEST_RATE_LIMIT": (10, 3600),
    # The public search pages' page size.
    "FRONTDOOR_DIRECTORY_SEARCH_PER_PAGE": 20,
    # The public map's tiles (any XYZ tile server; "" for a map with no tiles) and their credit.
    # The tile server's origin must be allowed in the content security policy's img-src.
    "FRONTDOOR_MAP_TILES": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "FRONTDOOR_MAP_ATTRIBUTION": "© OpenStreetMap contributors",
}


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])
