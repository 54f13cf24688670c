"""Where the current request came from, for the audit trail.

Plumbing only: a middleware notes the client address and path so that services
need not thread the request through every call.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestOrigin:
    ip_address: str | None
    path: str


_origin: ContextVar[RequestOrigin | None] = ContextVar("frontdoor_request_origin", default=None)


def current_origin() -> RequestOrigin | None:
    return _origin.get()


class RequestOriginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _origin.set(
            RequestOrigin(ip_address=request.META.get("REMOTE_ADDR"), path=request.path[:500])
        )
        try:
            return self.get_response(request)
        finally:
            _origin.reset(token)
