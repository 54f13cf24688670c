"""The public service directory: search and service pages, open to everyone, no sign-in."""

from __future__ import annotations

import json

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse

from frontdoor.core.permissions import PUBLIC, permission

from . import access, geo
from .conf import setting
from .forms import SearchForm
from .geo import ATTRIBUTION_LEAD, OGL_URL
from .search import category_choices, find_services, service_page


@permission(PUBLIC)
def search(request):
    form = SearchForm(request.GET or None, categories=category_choices())
    found, status = None, 200
    if not form.is_bound:
        found = find_services()
    elif form.is_valid():
        data = form.cleaned_data
        found = find_services(
            text=data["q"],
            categories=data["category"],
            age=data["age"],
            open_now=data["open_now"],
            place=form.place,
            radius_m=form.radius_metres(),
        )
    else:
        status = 422
    page = None
    if found is not None:
        paginator = Paginator(found, setting("FRONTDOOR_DIRECTORY_SEARCH_PER_PAGE"))
        page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    place = form.place if form.is_bound and form.is_valid() else None
    return render(
        request,
        "directory/search.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "place": place,
            "map": map_data(page, place) if page is not None and place is not None else None,
            "postcode_attribution": ATTRIBUTION_LEAD,
            "ogl_url": OGL_URL,
        },
        status=status,
    )


def map_data(page, place) -> str:
    """The map's points as JSON for the page's ``data-`` attribute: where the person searched
    from and each public location of the services on this page (never a confidential one)."""
    points = [
        {
            "name": found.service.name,
            "place": point.name,
            "lat": round(point.latitude, 6),
            "lng": round(point.longitude, 6),
            "url": reverse("directory:service", args=[found.service.id]),
            "distance": geo.miles_text(point.distance_m),
        }
        for found in page
        for point in found.points
    ]
    if not points:
        return ""
    return json.dumps(
        {
            "centre": {
                "name": place.name,
                "lat": round(place.latitude, 6),
                "lng": round(place.longitude, 6),
            },
            "points": points,
            "tiles": setting("FRONTDOOR_MAP_TILES"),
            "attribution": setting("FRONTDOOR_MAP_ATTRIBUTION"),
        }
    )


@permission(PUBLIC)
def service_detail(request, pk):
    service = access.service_for_public(pk)
    from .views_curation import service_page_extras

    return render(
        request,
        "directory/service.html",
        {"page": service_page(service), **service_page_extras(request, service)},
    )
