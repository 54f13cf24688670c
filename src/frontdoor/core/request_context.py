"""Where the current request came from, for the audit trail.

Plumbing only: a middleware notes the client address and path so that services
need not thread the request through every call.
"""

from __future__ import annotations

import ipaddress
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestOrigin:
    ip_address: str | None
    path: str


_origin: ContextVar[RequestOrigin | None] = ContextVar("frontdoor_request_origin", default=None)


def current_origin() -> RequestOrigin | None:
    return _origin.get()


def client_ip(request) -> str | None:
    """The client's address: the connection's, or the one our own proxies recorded."""
    from django.conf import settings

    proxies = settings.FRONTDOOR_PROXY_COUNT
    if proxies:
        forwarded = [
            a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()
        ]
        if len(forwarded) >= proxies:
            candidate = forwarded[-proxies]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                return None
    return request.META.get("REMOTE_ADDR")


class RequestOriginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _origin.set(RequestOrigin(ip_address=client_ip(request), path=request.path[:500]))
        try:
            return self.get_response(request)
        finally:
            _origin.reset(token)
