"""A per-client limit on the public ORUK API, counted in Django's cache.

The standard asks for an open API with no key, and lets it be throttled against excessive
use (Open Referral UK's compliance rules). Each client address (as ``core.request_context``
works it out behind our proxies) may make ``FRONTDOOR_ORUK_RATE_LIMIT`` = (requests,
seconds) requests in each fixed window; the next gets 429 with ``Retry-After``. The count
lives in the default cache: with several web processes, configure a shared cache (Redis,
Memcached or the database cache) so that they count together.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from frontdoor.core.request_context import client_ip

from .conf import setting


def over_limit(request: HttpRequest) -> int:
    """0 if the request may go ahead; otherwise the seconds until the window ends."""
    return over_limit_for(request, "oruk-rate", setting("FRONTDOOR_ORUK_RATE_LIMIT"))


def over_limit_for(request: HttpRequest, scope: str, limit_window: tuple[int, int]) -> int:
    """Count this request against ``scope``'s (requests, seconds) limit for its client address."""
    limit, window = limit_window
    now = time.time()
    bucket = int(now // window)
    key = f"frontdoor:{scope}:{client_ip(request) or 'unknown'}:{bucket}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        count = 1
    if count <= limit:
        return 0
    return max(1, math.ceil((bucket + 1) * window - now))


def rate_limited(
    view: Callable[..., HttpResponse], refuse: Callable[[int], HttpResponse]
) -> Callable[..., HttpResponse]:
    def limited(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        wait = over_limit(request)
        if wait:
            return refuse(wait)
        return view(request, *args, **kwargs)

    return limited
