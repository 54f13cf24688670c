"""Disagreement pages: parse, call ``access`` and ``services``, render (ADR 0026)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.errors import ConflictError
from frontdoor.core.exports import csv_text
from frontdoor.core.permissions import permission
from frontdoor.core.policy import may

from . import access, services
from .forms import EscalateForm, RaiseForm, ResolveForm
from .models import Level
from .report import theme_report
from .safety import safety_owners


def _status(form, status: int = 200) -> int:
    return 422 if form.errors and status == 200 else status


def _has_decision(contact) -> bool:
    return getattr(contact, "decision", None) is not None


@permission(access.LIST)
def mine(request):
    visible = access.disagreements_visible_to(request.user)
    return render(
        request,
        "disagreements/mine.html",
        {
            "open": visible.filter(status="open").order_by("level_due_at"),
            "closed": visible.exclude(status="open").order_by("-resolved_at")[:20],
            "now": timezone.now(),
            "can_see_themes": may(request.user, access.THEMES),
        },
    )


@permission(access.RAISE)
def raise_disagreement(request, contact_pk):
    contact = access.contact_for_raising(request.user, contact_pk)
    form = RaiseForm(
        request.POST if request.method == "POST" else None,
        practitioner=request.user,
        has_decision=_has_decision(contact),
        initial={"about_decision": _has_decision(contact)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.disagreement_raise(
                contact=contact,
                by=request.user,
                other_agency=data["other_agency"],
                disputed=data["disputed"],
                issue=data["issue"],
                wanted=data["wanted"],
                theme=data["theme"],
                about_decision=data.get("about_decision", False),
            )
        except ValidationError as refused:
            field = getattr(refused, "code", None)
            form.add_error(field if field in form.fields else None, refused)
        else:
            messages.success(request, "Your disagreement has been raised at level 1.")
            return redirect("disagreements:detail", pk=created.pk)
    return render(
        request,
        "disagreements/raise.html",
        {"form": form, "contact": contact, "limit": services.limit_text(Level.PRACTITIONERS)},
        status=_status(form),
    )


def _page_context(request, disagreement) -> dict:
    from frontdoor.referrals.access import VIEW_CONTACT

    contact = disagreement.contact
    steps = list(disagreement.steps.select_related("started_by"))
    return {
        "disagreement": disagreement,
        "steps": steps,
        "safety": safety_owners(contact) if disagreement.is_open else None,
        "may_act": may(request.user, access.ACT, disagreement),
        "can_open_contact": may(request.user, VIEW_CONTACT, contact),
        "hub_view": request.user.role in ("hub_practitioner", "hub_manager"),
        "next_level": Level(disagreement.level + 1).label if disagreement.can_climb else "",
        "next_limit": services.limit_text(disagreement.level + 1) if disagreement.can_climb else "",
    }


@permission(access.VIEW)
def detail(request, pk):
    found = access.disagreement_for(request.user, pk, reason="Read a professional disagreement")
    return render(request, "disagreements/detail.html", _page_context(request, found))


@permission(access.VIEW)
def escalate(request, pk):
    found = access.disagreement_for(request.user, pk, access.ACT)
    status = 200
    form = EscalateForm(
        request.POST if request.method == "POST" else None, initial={"version": found.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.disagreement_escalate(
                disagreement=found,
                by=request.user,
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            )
        except ConflictError as conflict:
            form.add_error(None, str(conflict))
            status = 409
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, "The disagreement has been escalated to the next level.")
            return redirect("disagreements:detail", pk=found.pk)
    return render(
        request,
        "disagreements/escalate.html",
        {**_page_context(request, found), "form": form},
        status=_status(form, status),
    )


@permission(access.VIEW)
def resolve(request, pk):
    found = access.disagreement_for(request.user, pk, access.ACT)
    status = 200
    form = ResolveForm(
        request.POST if request.method == "POST" else None,
        initial={"version": found.version},
        may_withdraw=found.raised_by_id == request.user.pk,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.disagreement_resolve(
                disagreement=found,
                by=request.user,
                outcome=form.cleaned_data["outcome"],
                resolution=form.cleaned_data["resolution"],
                expected_version=form.cleaned_data["version"],
            )
        except ConflictError as conflict:
            form.add_error(None, str(conflict))
            status = 409
        except ValidationError as refused:
            field = getattr(refused, "code", None)
            form.add_error(field if field in form.fields else None, refused)
        else:
            messages.success(request, "The outcome of the disagreement has been recorded.")
            return redirect("disagreements:detail", pk=found.pk)
    return render(
        request,
        "disagreements/resolve.html",
        {**_page_context(request, found), "form": form},
        status=_status(form, status),
    )


@permission(access.THEMES)
def themes(request):
    return render(request, "disagreements/themes.html", {"report": theme_report()})


CSV_HEADER = ["Table", "Theme", "Quarter or agencies", "Disagreements"]


@permission(access.THEMES)
def themes_csv(request):
    report = theme_report()
    rows = report.csv_rows()
    with transaction.atomic():
        audit_record(
            actor=request.user,
            verb=Verb.EXPORT,
            object_type="disagreements.theme",
            object_repr="Professional disagreements by theme (aggregate figures)",
            reason="Exported the disagreement themes report (aggregate figures)",
            recipients=[str(request.user.agency or "")],
            details={"rows": len(rows), "quarters": report.quarters},
        )
    response = HttpResponse(csv_text(CSV_HEADER, rows), content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="disagreement-themes-{stamp}.csv"'
    return response
