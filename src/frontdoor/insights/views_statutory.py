"""Statutory returns: Annex A, children in need census items and SSD tables (issue 9 item 5)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django_otp.plugins.otp_totp.models import TOTPDevice

from frontdoor.core.permissions import permission

from . import access
from .statutory import annex_a, cin, ssd
from .statutory.exports import KINDS, statutory_export
from .statutory.forms import StatutoryExportForm

DEFINITIONS = {
    "annex-a": annex_a.TABLES,
    "cin": (cin.FIELDS,),
    "ssd": ssd.TABLES,
}


@permission(access.STATUTORY_EXPORT)
def index(request):
    return render(request, "insights/statutory/index.html", {"kinds": KINDS})


@permission(access.STATUTORY_EXPORT)
def columns(request):
    sections = [(KINDS[kind], tables) for kind, tables in DEFINITIONS.items()]
    return render(request, "insights/statutory/columns.html", {"sections": sections})


def _second_factor_ok(user, code: str) -> bool:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device is not None and device.verify_token(code)


@permission(access.STATUTORY_EXPORT)
def export(request, kind: str):
    if kind not in KINDS:
        raise Http404("No such export.")
    form = StatutoryExportForm(request.POST if request.method == "POST" else None, kind=kind)
    if request.method == "POST" and form.is_valid():
        if not _second_factor_ok(request.user, form.cleaned_data["code"]):
            form.add_error("code", "The code is not right, or it has expired")
        else:
            made = statutory_export(
                by=request.user,
                subjects=access.statutory_subjects(request.user),
                kind=kind,
                fmt=form.cleaned_data["format"],
                period=form.period,
                area=form.cleaned_data["area"],
                reason=form.cleaned_data["reason"],
            )
            response = HttpResponse(made.content, content_type=made.content_type)
            response["Content-Disposition"] = f'attachment; filename="{made.filename}"'
            return response
    return render(
        request,
        "insights/statutory/export.html",
        {"form": form, "kind": kind, "title": KINDS[kind], "tables": DEFINITIONS[kind]},
        status=422 if form.errors else 200,
    )
