"""Reads of personal data are written once the answer is known, and only if it shows a page
(see ``audit.services.audit_read``)."""

from __future__ import annotations

from typing import Any

from .services import REFUSED, SHOWN_AGAIN, audit_records, reads_stop_waiting, reads_wait


class ReadsShownAgainMiddleware:
    """Writes the reads a request made once its answer shows a page: any 2xx, or a refused
    change shown again (422, 409: the reason then says so); drops them when the answer is a
    redirect or an error page, which show no record. A failed write is a server error, so a
    page is never shown without its record."""

    SAFE = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        waiting: list[dict[str, Any]] = []
        token = reads_wait(waiting)
        try:
            response = self.get_response(request)
        finally:
            reads_stop_waiting(token)
        if waiting:
            self._write(waiting, response.status_code, refused=request.method not in self.SAFE)
        return response

    @staticmethod
    def _write(waiting: list[dict[str, Any]], status: int, *, refused: bool) -> None:
        if 200 <= status < 300:
            audit_records(waiting)
        elif refused and status in REFUSED:
            suffix = f" ({SHOWN_AGAIN})"
            audit_records({**event, "reason": f"{event['reason']}{suffix}"} for event in waiting)
