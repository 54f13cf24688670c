"""Incident import and harm weight pages: parse, call ``access`` and ``services``, render."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat

from frontdoor.core.errors import ConflictError
from frontdoor.core.permissions import permission

from . import access, services
from .forms import HarmWeightForm, ImportForm
from .harm_defaults import ensure_default_weights
from .models import HarmWeight, ImportRun
from .parsing import COLUMNS

RECENT_IMPORTS = 50


def _too_big(request) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > services.max_upload_bytes() + 64 * 1024


@permission(access.IMPORT)
def import_index(request):
    """Upload a force's extract; the imports made so far (who, when, what they did)."""
    forces = access.forces()
    status = 200
    if request.method == "POST":
        if _too_big(request):
            form = ImportForm(forces=forces)
            form.add_error(
                None,
                f"The file is too large: the largest you can upload is "
                f"{filesizeformat(services.max_upload_bytes())}. Split the extract into smaller "
                "files, or ask an administrator to import it with manage.py import_incidents.",
            )
            status = 413
        else:
            form = ImportForm(request.POST, request.FILES, forces=forces)
            if form.is_valid():
                run = services.import_upload_start(
                    agency=form.cleaned_data["force"],
                    by=request.user,
                    upload=form.cleaned_data["file"],
                )
                return redirect("incidents:import_run", pk=run.pk)
            too_large = any("largest you can upload" in e for e in form.errors.get("file", []))
            status = 413 if too_large else 422
    else:
        form = ImportForm(forces=forces)
    runs = access.import_runs_for(request.user)[:RECENT_IMPORTS]
    return render(
        request,
        "incidents/import_index.html",
        {"form": form, "runs": runs, "columns": COLUMNS, "has_forces": forces.exists()},
        status=status,
    )


@permission(access.IMPORT)
def import_run(request, pk):
    """One import: its progress while it runs (polled by htmx), then its summary or errors."""
    partial = request.headers.get("HX-Request") == "true"
    # The polled fragment swaps the error report in when the import is rejected: a read too
    # (polling stops then, so it is recorded once).
    run = access.import_run_for(
        request.user, pk, reason="Read the error report of an incident import"
    )
    template = "incidents/_import_status.html" if partial else "incidents/import_run.html"
    return render(request, template, {"run": run, "Status": ImportRun.Status})


EXAMPLES = Path(__file__).parent / "examples"
EXAMPLE_NAMES = frozenset({"incidents.csv", "incidents-with-errors.csv"})


@permission(access.IMPORT)
def example(request, name):
    """The example extracts (invented people): a correct one and one with deliberate errors."""
    if name not in EXAMPLE_NAMES:
        raise Http404("No such example")
    return FileResponse(
        open(EXAMPLES / name, "rb"),  # noqa: SIM115 (FileResponse closes it)
        as_attachment=True,
        filename=name,
        content_type="text/csv; charset=utf-8",
    )


@permission(access.EDIT_WEIGHTS)
def harm_weights(request):
    ensure_default_weights()
    weights = access.harm_weights_for(request.user)
    groups = [
        (label, [w for w in weights if w.kind == kind]) for kind, label in HarmWeight.Kind.choices
    ]
    return render(request, "incidents/harm_weights.html", {"groups": groups})


@permission(access.EDIT_WEIGHTS)
def harm_weight_edit(request, pk):
    weight = access.harm_weight_for(request.user, pk)
    status = 200
    if request.method == "POST":
        form = HarmWeightForm(request.POST)
        if form.is_valid():
            try:
                services.harm_weight_change(
                    weight=weight,
                    by=request.user,
                    expected_version=form.cleaned_data["version"],
                    value=form.cleaned_data["weight"],
                    note=form.cleaned_data["note"],
                )
            except ConflictError as conflict:
                form.add_error(None, str(conflict))
                status = 409
            except ValidationError as error:
                form.add_error("weight", error)
                status = 422
            else:
                messages.success(request, f"The harm weight for {weight.code} has been saved.")
                return redirect("incidents:harm_weights")
        else:
            status = 422
    else:
        form = HarmWeightForm(initial={"weight": weight.weight, "version": weight.version})
    return render(
        request, "incidents/harm_weight_edit.html", {"form": form, "weight": weight}, status=status
    )
