"""Subject access requests: open, track the deadline, mark third parties' information, release
the bundle with the second factor asked again (ADR 0033)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from frontdoor.core.errors import ConflictError
from frontdoor.core.permissions import permission

from . import access, services
from .forms import (
    CloseForm,
    ExtendForm,
    OpenRequestForm,
    PersonSearchForm,
    RedactionForm,
    ReleaseForm,
)
from .models import SubjectAccessRequest
from .sar import build_bundle


def _status(form) -> int:
    return 422 if form.errors else 200


def _second_factor_ok(user, code: str) -> bool:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device is not None and device.verify_token(code)


@permission(access.SAR)
def sar_list(request):
    today = timezone.localdate()
    requests = access.requests_list()

    def rows(found):
        return [{"sar": s, "state": s.state(today), "days_left": s.days_left(today)} for s in found]

    return render(
        request,
        "governance/sar_list.html",
        {
            "open": rows(
                requests.filter(status=SubjectAccessRequest.Status.OPEN).order_by("due_on")
            ),
            "answered": rows(
                requests.exclude(status=SubjectAccessRequest.Status.OPEN).order_by("-opened_at")[
                    :20
                ]
            ),
        },
    )


@permission(access.SAR)
def sar_new(request):
    form = PersonSearchForm(request.GET if "q" in request.GET else None)
    people = None
    if form.is_valid():
        people = access.people_found_for_sar(request.user, form.cleaned_data["q"])
    return render(
        request, "governance/sar_new.html", {"form": form, "people": people}, status=_status(form)
    )


@permission(access.SAR)
def sar_open(request, person_pk):
    person = access.person_for_sar(
        request.user, person_pk, reason="Opening a subject access request for a person"
    )
    form = OpenRequestForm(
        request.POST if request.method == "POST" else None,
        initial={"received_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = services.sar_open(
            by=request.user,
            person=person,
            requester_name=data["requester_name"],
            requester_is=data["requester_is"],
            received_on=data["received_on"],
        )
        messages.success(request, f"Request opened. It is due by {created.due_on:%d %B %Y}.")
        return redirect("governance:sar", pk=created.pk)
    return render(
        request, "governance/sar_open.html", {"form": form, "person": person}, status=_status(form)
    )


@permission(access.SAR)
def sar_detail(request, pk):
    sar = access.sar_for(request.user, pk, reason="Subject access request")
    today = timezone.localdate()
    bundle = build_bundle(sar)
    return render(
        request,
        "governance/sar.html",
        {
            "sar": sar,
            "state": sar.state(today),
            "days_left": sar.days_left(today),
            "bundle": bundle,
            "redactions": sar.redactions.select_related("marked_by"),
        },
    )


def _sar_change(request, pk, *, form_class, change, done, title, button):
    """Extend or close a request: a reason and the version read, refused with a message."""
    sar = access.sar_for(request.user, pk)
    form = form_class(
        request.POST if request.method == "POST" else None, initial={"version": sar.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            change(
                by=request.user,
                request=sar,
                reason=form.cleaned_data["reason"],
                version=form.cleaned_data["version"],
            )
        except (ValidationError, ConflictError) as refused:
            form.add_error(
                None, str(refused.messages[0] if hasattr(refused, "messages") else refused)
            )
        else:
            messages.success(request, done(sar))
            return redirect("governance:sar", pk=sar.pk)
    return render(
        request,
        "governance/sar_change.html",
        {"form": form, "sar": sar, "title": title, "button": button},
        status=_status(form),
    )


@permission(access.SAR)
def sar_extend(request, pk):
    return _sar_change(
        request,
        pk,
        form_class=ExtendForm,
        change=services.sar_extend,
        done=lambda sar: f"Extended: now due by {sar.extended_due_on:%d %B %Y}.",
        title="Extend the deadline",
        button="Extend by two months",
    )


@permission(access.SAR)
def sar_close(request, pk):
    return _sar_change(
        request,
        pk,
        form_class=CloseForm,
        change=services.sar_close,
        done=lambda sar: "The request is closed without a release.",
        title="Close without a release",
        button="Close the request",
    )


@permission(access.SAR)
def sar_redact(request, pk):
    """The working copy (other subjects' names already hidden; nothing else) and the form that
    marks a field or a passage as someone else's information."""
    sar = access.sar_for(request.user, pk, reason="Subject access request: marking redactions")
    bundle = build_bundle(sar)
    form = RedactionForm(request.POST if request.method == "POST" else None, bundle=bundle)
    if request.method == "POST" and form.is_valid():
        try:
            services.redaction_add(
                by=request.user,
                request=sar,
                item_key=form.item_key,
                field=form.field_name,
                passage=form.cleaned_data["passage"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, "Marked as someone else's information: it will be removed.")
            return redirect("governance:sar_redact", pk=sar.pk)
    return render(
        request,
        "governance/sar_redact.html",
        {"form": form, "sar": sar, "bundle": bundle, "redactions": sar.redactions.all()},
        status=_status(form),
    )


@require_POST
@permission(access.SAR)
def sar_redaction_remove(request, pk, redaction_pk):
    sar = access.sar_for(request.user, pk)
    redaction = access.redaction_for(request.user, sar, redaction_pk)
    try:
        services.redaction_remove(by=request.user, redaction=redaction)
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
    else:
        messages.success(request, "The redaction is removed.")
    return redirect("governance:sar_redact", pk=sar.pk)


@permission(access.SAR)
def sar_bundle(request, pk):
    """The bundle as it will be released, redactions applied: to check before release."""
    sar = access.sar_for(request.user, pk, reason="Subject access request: checking the bundle")
    return render(request, "governance/sar_bundle.html", {"sar": sar, "bundle": build_bundle(sar)})


@permission(access.SAR)
def sar_release(request, pk):
    sar = access.sar_for(request.user, pk)
    form = ReleaseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if sar.status == SubjectAccessRequest.Status.CLOSED:
            form.add_error(None, "This request was closed without a release")
        elif not _second_factor_ok(request.user, form.cleaned_data["code"]):
            form.add_error("code", "The code is not right, or it has expired")
        else:
            bundle = build_bundle(sar)
            fmt = form.cleaned_data["format"]
            services.sar_release(
                by=request.user,
                request=sar,
                bundle=bundle,
                fmt=fmt,
                reason=form.cleaned_data["reason"],
            )
            if fmt == "json":
                response = HttpResponse(bundle.as_json(), content_type="application/json")
            else:
                response = HttpResponse(bundle.as_html(), content_type="text/html; charset=utf-8")
            response["Content-Disposition"] = (
                f'attachment; filename="subject-access-{sar.pk}.{fmt}"'
            )
            return response
    return render(
        request, "governance/sar_release.html", {"form": form, "sar": sar}, status=_status(form)
    )
