"""Reads of the directory that the API, the public pages and the export share."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from uuid import UUID

from django.db import models
from django.db.models import F, Prefetch, Q

from .conf import setting


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the last day of the month where that day is missing)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(f"no date {months} months before {day}")  # pragma: no cover


def review_cutoff(today: date) -> date:
    """Services last reviewed before this day are possibly out of date."""
    return months_before(today, int(setting("FRONTDOOR_DIRECTORY_REVIEW_MONTHS")))


def term_and_descendants(term_ids: Iterable[UUID]) -> set[UUID]:
    """The terms and every term below them in their hierarchies."""
    from .models import TaxonomyTerm

    found = set(term_ids)
    frontier = set(found)
    while frontier:
        children = set(
            TaxonomyTerm.objects.filter(parent_id__in=frontier).values_list("id", flat=True)
        )
        frontier = children - found
        found |= children
    return found


class ServiceQuerySet(models.QuerySet):
    def public(self) -> ServiceQuerySet:
        """Services a member of the public can find: running, or closed for now."""
        return self.filter(status__in=[self.model.Status.ACTIVE, "temporarily closed"])

    def full(self) -> ServiceQuerySet:
        """Everything the standard's fully nested service needs, in a fixed number of queries."""
        from .models import Contact, ServiceAtLocation

        return self.select_related("organization").prefetch_related(
            "organization__organization_identifiers",
            "schedules",
            "service_areas",
            "languages",
            "funding",
            "cost_options",
            Prefetch("contacts", queryset=Contact.objects.prefetch_related("phones__languages")),
            Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related("location").prefetch_related(
                    "location__addresses", "location__accessibility"
                ),
            ),
        )

    def search(self, text: str) -> ServiceQuerySet:
        """Every word must appear in the name, description, eligibility, organisation or a term."""
        from .models import Attribute, LinkEntity

        result = self
        for word in text.split()[:10]:
            tagged = Attribute.objects.filter(
                link_entity=LinkEntity.SERVICE, taxonomy_term__name__icontains=word
            ).values("link_id")
            result = result.filter(
                Q(name__icontains=word)
                | Q(description__icontains=word)
                | Q(eligibility_description__icontains=word)
                | Q(organization__name__icontains=word)
                | Q(id__in=tagged)
            )
        return result

    def with_terms(self, term_ids: Iterable[UUID]) -> ServiceQuerySet:
        """Services tagged with any of the terms, or a term below one of them."""
        from .models import Attribute, LinkEntity

        terms = term_and_descendants(term_ids)
        tagged = Attribute.objects.filter(
            link_entity=LinkEntity.SERVICE, taxonomy_term_id__in=terms
        ).values("link_id")
        return self.filter(id__in=tagged)

    def in_taxonomy(self, taxonomy_id: UUID) -> ServiceQuerySet:
        from .models import Attribute, LinkEntity

        tagged = Attribute.objects.filter(
            link_entity=LinkEntity.SERVICE, taxonomy_term__taxonomy_id=taxonomy_id
        ).values("link_id")
        return self.filter(id__in=tagged)

    def minimum_age_at_least(self, age: Decimal) -> ServiceQuerySet:
        """The standard's ``minimum_age``: services whose minimum age is at least ``age``
        (no minimum counts as 0)."""
        if age <= 0:
            return self.filter(Q(minimum_age__gte=age) | Q(minimum_age__isnull=True))
        return self.filter(minimum_age__gte=age)

    def maximum_age_at_most(self, age: Decimal) -> ServiceQuerySet:
        """The standard's ``maximum_age``: services whose maximum age is at most ``age``
        (no maximum counts as no limit)."""
        return self.filter(maximum_age__lte=age)

    def for_age(self, age: Decimal | int) -> ServiceQuerySet:
        """Services a person of this age can use."""
        return self.filter(Q(minimum_age__isnull=True) | Q(minimum_age__lte=age)).filter(
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=age)
        )

    def with_schedule(
        self, *, day: str = "", start_time: time | None = None, end_time: time | None = None
    ) -> ServiceQuerySet:
        """Services with an opening (of the service or at one of its locations) on ``day``
        (an iCalendar day code such as ``MO``), opening at or after ``start_time`` and
        closing at or before ``end_time``: the standard's ``day``, ``start_time`` and
        ``end_time``, all true of the same opening."""
        from .models import Schedule

        schedules = Schedule.objects.all()
        if day:
            # Day codes never overlap inside another code, so a substring match is exact;
            # it also finds monthly rules such as "2MO" or "-1FR".
            schedules = schedules.filter(byday__icontains=day)
        if start_time is not None:
            schedules = schedules.filter(opens_at__gte=start_time)
        if end_time is not None:
            # A closing time at or before the opening time is past midnight: never early.
            schedules = schedules.filter(closes_at__lte=end_time, closes_at__gt=F("opens_at"))
        direct = schedules.filter(service__isnull=False).values("service_id")
        at_locations = schedules.filter(service_at_location__isnull=False).values(
            "service_at_location__service_id"
        )
        return self.filter(Q(id__in=direct) | Q(id__in=at_locations))

    def modified_after(self, moment: datetime) -> ServiceQuerySet:
        return self.filter(last_modified__gte=moment)

    def possibly_out_of_date(self, today: date) -> ServiceQuerySet:
        return self.filter(
            Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=review_cutoff(today))
        )


class LocationQuerySet(models.QuerySet):
    def public(self) -> LocationQuerySet:
        """Locations whose address may be shown: not confidential, and hosting no confidential
        service (a refuge's address must not leak through another service there)."""
        return self.filter(confidential=False).exclude(
            service_at_locations__service__confidential_address=True
        )
