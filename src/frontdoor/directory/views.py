"""The public service directory: search and service pages, open to everyone, no sign-in."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render

from frontdoor.core.permissions import PUBLIC, permission

from . import access
from .conf import setting
from .forms import SearchForm
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
        )
    else:
        status = 422
    page = None
    if found is not None:
        paginator = Paginator(found, setting("FRONTDOOR_DIRECTORY_SEARCH_PER_PAGE"))
        page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "directory/search.html",
        {"form": form, "page": page, "query": query.urlencode()},
        status=status,
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
