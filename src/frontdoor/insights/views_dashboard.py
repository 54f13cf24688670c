"""The partnership dashboard: parse the filters, compute the figures, render or export them."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.permissions import permission

from . import access
from .figures import compute_all
from .forms_dashboard import DashboardFilterForm
from .spreadsheets import dashboard_csv, dashboard_xlsx

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _invalid(request, form):
    return render(request, "insights/dashboard/index.html", {"form": form}, status=422)


@permission(access.VIEW_DASHBOARD)
def dashboard(request):
    form = DashboardFilterForm.from_query(request.GET)
    if not form.is_valid():
        return _invalid(request, form)
    results, waiting = compute_all(form.filters())
    query = form.data.urlencode()
    return render(
        request,
        "insights/dashboard/index.html",
        {
            "form": form,
            "results": results,
            "waiting": waiting,
            "query": query,
            "can_evaluate": access.may(request.user, access.VIEW_EVALUATION),
        },
    )


@permission(access.VIEW_DASHBOARD)
def dashboard_export(request, fmt):
    if fmt not in FORMATS:
        raise Http404("No such format")
    form = DashboardFilterForm.from_query(request.GET)
    if not form.is_valid():
        return _invalid(request, form)
    filters = form.filters()
    with transaction.atomic():
        results, waiting = compute_all(filters)
        audit_record(
            actor=request.user,
            verb=Verb.EXPORT,
            object_type="insights.dashboard",
            object_repr=f"Partnership dashboard ({fmt.upper()}, counts only)",
            reason="Exported the partnership dashboard's figures",
            recipients=[str(request.user.agency or "")],
            details={"format": fmt, "filters": dict(filters.describe())},
        )
    if fmt == "csv":
        content = dashboard_csv(filters, results, waiting).encode()
    else:
        content = dashboard_xlsx(filters, results, waiting)
    response = HttpResponse(content, content_type=FORMATS[fmt])
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    response["Content-Disposition"] = f'attachment; filename="front-door-dashboard-{stamp}.{fmt}"'
    return response
