"""The ORUK API's query parameters: parsed once, every mistake reported together."""

from __future__ import annotations

import math
from datetime import datetime, time
from decimal import Decimal, InvalidOperation
from uuid import UUID
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from . import geo
from .conf import setting
from .schedules import day_code


class Parameters:
    """Read parameters from a query string; mistakes collect in ``errors``."""

    def __init__(self, query: QueryDict):
        self.query = query
        self.errors: list[dict[str, str]] = []

    def _raw(self, name: str) -> str:
        raw = self.query.get(name, "").strip()
        if "\x00" in raw:
            # No database stores a NUL in text (PostgreSQL refuses it): refuse it here, clearly.
            self.error(name, f"{name} must not contain a null character")
            return ""
        return raw

    def error(self, name: str, message: str) -> None:
        self.errors.append({"parameter": name, "message": message})

    def whole(self, name: str, default: int, low: int, high: int) -> int:
        raw = self._raw(name)
        if not raw:
            return default
        try:
            value = int(raw)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            self.error(name, f"{name} must be a whole number from {low} to {high}")
            return default
        return value

    def page(self) -> tuple[int, int]:
        per_page = self.whole(
            "per_page",
            setting("FRONTDOOR_ORUK_PER_PAGE"),
            1,
            setting("FRONTDOOR_ORUK_MAX_PER_PAGE"),
        )
        return self.whole("page", 1, 1, 1_000_000), per_page

    def text(self, name: str, limit: int = 200) -> str:
        raw = self._raw(name)
        if len(raw) > limit:
            self.error(name, f"{name} must be at most {limit} characters")
            return ""
        return raw

    def uuid(self, name: str) -> UUID | None:
        raw = self._raw(name)
        if not raw:
            return None
        try:
            return UUID(raw)
        except ValueError:
            self.error(name, f"{name} must be an identifier (a UUID)")
            return None

    def age(self, name: str) -> Decimal | None:
        raw = self._raw(name)
        if not raw:
            return None
        try:
            value = Decimal(raw)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or not 0 <= value <= 150:
            self.error(name, f"{name} must be an age from 0 to 150")
            return None
        return value

    def time(self, name: str) -> time | None:
        raw = self._raw(name)
        if not raw:
            return None
        try:
            return time.fromisoformat(raw.replace("Z", "+00:00")).replace(tzinfo=None)
        except ValueError:
            self.error(name, f"{name} must be a time such as 09:00 or 17:30")
            return None

    def day(self, name: str) -> str:
        raw = self._raw(name)
        if not raw:
            return ""
        code = day_code(raw)
        if code is None:
            self.error(name, f"{name} must be a day: MO, TU, WE, TH, FR, SA or SU")
            return ""
        return code

    def moment(self, name: str) -> datetime | None:
        """A date and time (local time when it has no offset), or a date (its start)."""
        raw = self._raw(name)
        if not raw:
            return None
        try:
            value = parse_datetime(raw.replace("Z", "+00:00").replace(" ", "+"))
            if value is None and parse_date(raw):
                value = datetime.combine(parse_date(raw), time())
        except ValueError:
            value = None
        if value is None:
            self.error(name, f"{name} must be a date and time such as 2026-03-15T10:30:00Z")
            return None
        if timezone.is_naive(value):
            value = timezone.make_aware(value, ZoneInfo(settings.TIME_ZONE))
        return value

    def place(self, name: str = "postcode") -> geo.Place | None:
        """A UK postcode, full or its outward code, in the loaded postcode directory."""
        raw = self._raw(name)
        if not raw:
            return None
        try:
            geo.normalise_postcode(raw)
        except geo.PlaceNotFound:
            self.error(
                name, f"{name} must be a UK postcode such as PR1 2HE, or its first part such as PR1"
            )
            return None
        try:
            return geo.postcode_place(raw)
        except geo.PlaceNotFound:
            self.error(name, f"{name} {raw.upper()} is not a postcode this directory knows")
            return None

    def metres(self, name: str, high: float = 1_000_000) -> float | None:
        raw = self._raw(name)
        if not raw:
            return None
        try:
            value = float(raw)
        except ValueError:
            value = None
        if value is None or not math.isfinite(value) or not 0 < value <= high:
            self.error(
                name, f"{name} must be a distance in metres, more than 0 and at most {high:,.0f}"
            )
            return None
        return value
