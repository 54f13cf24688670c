"""Reading another directory's Open Referral UK API: its pages of services, then each service.

``pull_services`` takes the fetching function as an argument so that tests give it a fake:
no test touches the network.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlencode, urlsplit
from urllib.request import Request, urlopen

MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 10_000
PER_PAGE = 100
TIMEOUT_SECONDS = 30


class FeedError(Exception):
    """The feed could not be read, or did not answer as an ORUK API does."""


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


def loads(raw: bytes | str) -> Any:
    """JSON as the standard means it: NaN and Infinity are refused."""
    return json.loads(raw, parse_constant=_reject_constant)


def base_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FeedError(f"{url!r} is not an http or https address of an ORUK API")
    return url.strip().rstrip("/")


def http_fetch(url: str) -> Any:
    """GET one JSON document over HTTP(S)."""
    base_url(url)  # refuses file:, ftp: and the like before opening anything
    request = Request(url, headers={"Accept": "application/json", "User-Agent": "Front Door"})  # noqa: S310
    try:
        with urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310  # nosec B310
            raw = response.read(MAX_BYTES + 1)
    except OSError as error:
        raise FeedError(f"could not read {url}: {error}") from error
    if len(raw) > MAX_BYTES:
        raise FeedError(f"{url} answered with more than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        return loads(raw)
    except ValueError as error:
        raise FeedError(f"{url} did not answer with JSON: {error}") from error


def pull_services(
    base: str, *, modified_after: datetime | None, fetch: Callable[[str], Any]
) -> list[dict]:
    """Every service the API lists (changed on or after ``modified_after``), fully nested."""
    ids: list[str] = []
    for page in range(1, MAX_PAGES + 1):
        query = {"page": page, "per_page": PER_PAGE}
        if modified_after is not None:
            query["modified_after"] = (
                modified_after.astimezone(UTC).isoformat().replace("+00:00", "Z")
            )
        listing = fetch(f"{base}/services?{urlencode(query)}")
        if not isinstance(listing, dict) or not isinstance(listing.get("contents"), list):
            raise FeedError(f"{base}/services did not answer with a page of services")
        for item in listing["contents"]:
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                raise FeedError(f"{base}/services page {page} lists a service without an id")
            ids.append(item["id"])
        total_pages = listing.get("total_pages")
        if (
            not listing["contents"]
            or listing.get("last_page") is True
            or (isinstance(total_pages, int) and page >= total_pages)
        ):
            break
    return [fetch(f"{base}/services/{quote(service_id, safe='')}") for service_id in ids]
