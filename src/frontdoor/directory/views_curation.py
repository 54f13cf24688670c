"""Keeping the directory current: suggestions from anyone, the curators' queue, a service's
change history, direct edits, "mark as reviewed" and practitioners' practice notes."""

from __future__ import annotations

import math

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.permissions import PUBLIC, permission

from . import access, curation
from .conf import setting
from .curation_forms import DecisionForm, NoteForm, ServiceEditForm, SuggestForm
from .models import Service, Suggestion
from .ratelimit import over_limit_for


def service_page_extras(request, service: Service, note_form: NoteForm | None = None) -> dict:
    """What the public service page adds for a signed-in practitioner (notes, curating)."""
    practitioner = access.practitioner_or_none(request)
    if practitioner is None:
        return {"practitioner": None}
    can_curate = access.may(practitioner, access.CURATE, service)
    return {
        "practitioner": practitioner,
        "practice_notes": list(access.notes_for(practitioner, service)),
        "note_form": note_form or NoteForm(),
        "can_curate": can_curate,
        "open_suggestions": service.suggestions.filter(status=Suggestion.Status.OPEN).count()
        if can_curate
        else 0,
    }


# Suggesting (anyone) ----------------------------------------------------------------------


@permission(PUBLIC)
def suggest(request, pk):
    service = access.service_for_suggestion(pk)
    practitioner = access.practitioner_or_none(request)
    status = 200
    wait = 0
    if request.method == "POST":
        if practitioner is None:
            wait = over_limit_for(
                request, "directory-suggest", setting("FRONTDOOR_DIRECTORY_SUGGEST_RATE_LIMIT")
            )
        form = SuggestForm(request.POST, practitioner=practitioner)
        if wait:
            status = 429
        elif form.is_valid():
            curation.suggestion_create(
                service=service,
                kind=form.cleaned_data["kind"],
                proposed=form.proposed(),
                comment=form.cleaned_data["comment"].strip(),
                contact_email=form.cleaned_data.get("contact_email", ""),
                by=practitioner,
            )
            return redirect("directory:suggest_done", pk=service.pk)
        else:
            status = 422
    else:
        form = SuggestForm(practitioner=practitioner)
    return render(
        request,
        "directory/curation/suggest.html",
        {
            "service": service,
            "form": form,
            "practitioner": practitioner,
            "wait_minutes": math.ceil(wait / 60) if wait else 0,
        },
        status=status,
    )


@permission(PUBLIC)
def suggest_done(request, pk):
    service = access.service_for_suggestion(pk)
    return render(request, "directory/curation/suggest_done.html", {"service": service})


# Practice notes (practitioners) ------------------------------------------------------------


@require_POST
@permission(access.PRACTICE_NOTES)
def note_add(request, pk):
    service = access.service_for_notes(request.user, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        curation.note_add(service=service, by=request.user, body=form.cleaned_data["body"])
        messages.success(request, "Your practice note has been added.")
        return redirect(reverse("directory:service", args=[service.pk]) + "#practice-notes")
    from .search import service_page

    full = access.service_for_public(service.pk)
    return render(
        request,
        "directory/service.html",
        {"page": service_page(full), **service_page_extras(request, full, note_form=form)},
        status=422,
    )


# History (practitioners) ---------------------------------------------------------------


@permission(access.HISTORY)
def history(request, pk):
    service = access.service_for_practitioners(request.user, pk)
    changes = [
        {
            "change": change,
            "fields": [
                {"label": curation.label(name), **values} for name, values in change.fields.items()
            ],
        }
        for change in access.history_for(request.user, service)
    ]
    return render(
        request,
        "directory/curation/history.html",
        {
            "service": service,
            "changes": changes,
            "can_curate": access.may(request.user, access.CURATE, service),
            "is_public": service.status
            in (Service.Status.ACTIVE, Service.Status.TEMPORARILY_CLOSED),
        },
    )


# Curating --------------------------------------------------------------------------------


@permission(access.CURATE)
def edit(request, pk):
    service = access.service_for_curating(request.user, pk)
    status = 200
    if request.method == "POST":
        form = ServiceEditForm(request.POST)
        if form.is_valid():
            try:
                change = curation.service_edit(
                    service=service,
                    by=request.user,
                    base_version=form.cleaned_data["version"],
                    values=form.values(),
                )
            except curation.VersionConflict:
                form.add_error(
                    None,
                    "Someone else changed this service while you were editing it. "
                    "Check its current details below and make your change again.",
                )
                form = _conflicted(form, service)
                status = 409
            else:
                messages.success(
                    request,
                    "The service has been updated." if change else "Nothing was changed.",
                )
                return redirect("directory:history", pk=service.pk)
        else:
            status = 422
    else:
        form = ServiceEditForm(
            initial={
                **{name: getattr(service, name) for name in ServiceEditForm.EDITABLE},
                "version": service.version,
            }
        )
    return render(
        request, "directory/curation/edit.html", {"service": service, "form": form}, status=status
    )


def _conflicted(form: ServiceEditForm, service: Service) -> ServiceEditForm:
    """A fresh form showing the service as it is now, keeping the error."""
    service.refresh_from_db()
    fresh = ServiceEditForm(
        data={
            **{name: getattr(service, name) for name in ServiceEditForm.EDITABLE},
            "version": service.version,
        }
    )
    fresh.is_valid()
    for error in form.non_field_errors():
        fresh.add_error(None, error)
    return fresh


@require_POST
@permission(access.CURATE)
def mark_reviewed(request, pk):
    service = access.service_for_curating(request.user, pk)
    curation.service_mark_reviewed(service=service, by=request.user)
    messages.success(
        request, f"{service.name} is marked as reviewed today, {timezone.localdate():%-d %B %Y}."
    )
    return redirect("directory:history", pk=service.pk)


@permission(access.CURATE)
def queue(request):
    open_suggestions = access.open_suggestions_for(request.user)
    page = Paginator(open_suggestions, 50).get_page(request.GET.get("page"))
    now = timezone.now()
    rows = [
        {
            "suggestion": s,
            "fields": [curation.label(name) for name in s.proposed],
            "age_days": (now - s.created_at).days,
        }
        for s in page
    ]
    overdue = (
        access.services_curated_by(request.user)
        .public()
        .possibly_out_of_date(timezone.localdate())
        .order_by("last_reviewed", "name")
    )
    return render(
        request,
        "directory/curation/queue.html",
        {"page": page, "rows": rows, "overdue": overdue[:20], "overdue_count": overdue.count()},
    )


@permission(access.CURATE)
def suggestion(request, pk):
    found = access.suggestion_for_curating(request.user, pk)
    service = found.service
    status = 200
    form = DecisionForm(initial={"version": service.version})
    if request.method == "POST" and found.status == Suggestion.Status.OPEN:
        form = DecisionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["decision"] == "accept":
                    change = curation.suggestion_accept(
                        suggestion=found,
                        by=request.user,
                        base_version=data["version"],
                        note=data["reason"].strip(),
                    )
                    messages.success(
                        request,
                        f"Accepted: {service.name} has been updated."
                        if change
                        else f"Accepted the suggestion about {service.name}; nothing was changed.",
                    )
                else:
                    curation.suggestion_reject(
                        suggestion=found, by=request.user, reason=data["reason"].strip()
                    )
                    messages.success(request, f"Rejected the suggestion about {service.name}.")
                return redirect("directory:curation_queue")
            except curation.VersionConflict:
                service.refresh_from_db()
                form = DecisionForm(initial={"version": service.version})
                form.is_bound = False
                conflict = (
                    "Someone changed this service while you were looking at the suggestion. "
                    "Check the current values below, then accept or reject again."
                )
                status = 409
                return _suggestion_page(request, found, form, status, conflict)
            except curation.AlreadyDecided:
                messages.info(request, "Someone else has already decided this suggestion.")
                return redirect("directory:curation_queue")
        status = 422
    elif request.method == "POST":
        status = 409
    return _suggestion_page(request, found, form, status)


def _suggestion_page(request, found: Suggestion, form, status: int, conflict: str = ""):
    # The suggester's email is personal data: only curators in roles cleared for personal
    # data (behind the second factor) see it, and each showing is audited. Nobody needs it
    # to reply: the outcome is sent to it automatically.
    show_email = bool(found.contact_email) and request.user.needs_second_factor
    if show_email:
        audit_record(
            actor=request.user,
            verb=Verb.VIEW,
            reason="Curating a suggested change to a directory service",
            obj=found,
            details={"shown": ["contact_email"]},
        )
    return render(
        request,
        "directory/curation/suggestion.html",
        {
            "suggestion": found,
            "service": found.service,
            "rows": curation.comparison(found),
            "form": form,
            "conflict": conflict,
            "show_email": show_email,
        },
        status=status,
    )
