"""The review queue, a possible match, a person's index page, undo: parse, call, render.

Every page that shows people is a read of personal data and is audited. Another agency's
record shows index-level facts only; its reference and address only to its own agency.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.errors import ConflictError
from frontdoor.core.permissions import permission

from . import access, services
from .forms import DecisionForm, UndoForm


@dataclass(frozen=True)
class Side:
    """One side of a possible match as this practitioner may see it."""

    heading: str
    rows: list[tuple[str, str]]
    person: object | None
    withheld: bool


def _record_rows(practitioner, record) -> tuple[list[tuple[str, str]], bool]:
    rows = [
        ("Agency", str(record.agency)),
        ("Kind of record", record.get_kind_display()),
        ("Recorded", f"{record.recorded_at:%d %b %Y}" if record.recorded_at else "Not known"),
        (
            "Name",
            " ".join(p for p in (record.given_names, record.middle_names, record.family_name) if p),
        ),
        ("Date of birth", _dob(record)),
        ("Sex", record.get_sex_display()),
        ("Postcode", record.postcode or "Not known"),
    ]
    details = access.may(practitioner, access.RECORD_DETAILS, record)
    if details:
        rows += [
            ("Agency reference", record.source_ref),
            ("Address", record.address or "Not known"),
            ("NHS number", record.nhs_number or "Not known"),
            ("Unique pupil number", record.upn or "Not known"),
        ]
    return rows, not details


def _dob(holder) -> str:
    if holder.date_of_birth is None:
        return "Not known"
    text = f"{holder.date_of_birth:%-d %B %Y}"
    return f"{text} (estimated)" if holder.date_of_birth_estimated else text


def _person_rows(person) -> list[tuple[str, str]]:
    return [
        ("Name", str(person)),
        ("Date of birth", _dob(person)),
        ("Sex", person.get_sex_display()),
        ("Postcode", person.postcode or "Not known"),
        ("Index number", str(person.pk)),
    ]


def _sides(practitioner, item) -> list[Side]:
    rows, withheld = _record_rows(practitioner, item.record)
    sides = [Side("This record", rows, item.record.person, withheld)]
    if item.other_record_id:
        rows, withheld = _record_rows(practitioner, item.other_record)
        sides.append(Side("May be the same as", rows, item.other_record.person, withheld))
    elif item.other_person_id:
        sides.append(
            Side("May be the same as", _person_rows(item.other_person), item.other_person, False)
        )
    return sides


@permission(access.REVIEW)
def queue(request):
    items = list(access.review_queue_for(request.user)[:200])
    audit_record(
        actor=request.user,
        verb=Verb.VIEW,
        object_type="matching.reviewitem",
        object_id="*",
        object_repr="Possible matches waiting for review",
        reason="Opened the review queue of possible matches",
        details={"items": [item.pk for item in items]},
    )
    return render(
        request,
        "matching/queue.html",
        {"items": items, "counts": access.review_counts()},
    )


def _review_page(request, item, form, *, status=200, problem=""):
    return render(
        request,
        "matching/review.html",
        {
            "item": item,
            "sides": _sides(request.user, item),
            "form": form,
            "problem": problem,
            "percent": round(100 * item.probability),
        },
        status=status,
    )


@permission(access.REVIEW)
def review(request, pk):
    item = access.review_item_for(request.user, pk, reason="Reviewed a possible match")
    return _review_page(request, item, DecisionForm())


@require_POST
@permission(access.REVIEW)
def decide(request, pk):
    item = access.review_item_for(request.user, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _review_page(request, item, form, status=422)
    try:
        if form.cleaned_data["decision"] == "accept":
            event = services.review_accept(
                item=item, by=request.user, reason=form.cleaned_data["reason"]
            )
            person = event.to_person if event else item.record.person
            messages.success(request, f"Merged: the records are now one person, {person}.")
            return redirect("matching:person", pk=person.current().pk)
        services.review_reject(item=item, by=request.user, reason=form.cleaned_data["reason"])
    except ConflictError as conflict:
        item.refresh_from_db()
        return _review_page(request, item, DecisionForm(), status=409, problem=str(conflict))
    except ValidationError as refusal:
        for message in refusal.messages:
            form.add_error(None, message)
        return _review_page(request, item, form, status=422)
    messages.success(request, "Kept apart: later matching runs will not join them.")
    return redirect("matching:queue")


def _person_page(request, found, *, status=200, problem=""):
    records = []
    for record in access.records_of(found):
        rows, withheld = _record_rows(request.user, record)
        records.append({"record": record, "rows": rows, "withheld": withheld})
    return render(
        request,
        "matching/person.html",
        {
            "person": found,
            "current": found.current(),
            "records": records,
            "history": list(access.history_of(found)),
            "may_undo": access.may(request.user, access.UNDO),
            "undo_form": UndoForm(),
            "problem": problem,
        },
        status=status,
    )


@permission(access.VIEW_INDEX)
def person(request, pk):
    found = access.person_for_index(
        request.user, pk, reason="Opened a person's index page (records and merge history)"
    )
    return _person_page(request, found)


@require_POST
@permission(access.UNDO)
def undo(request, pk):
    event = access.merge_event_for(request.user, pk)
    form = UndoForm(request.POST)
    if not form.is_valid():
        problem, status = "Confirm that you want to undo this change", 422
    else:
        try:
            services.undo(event=event, by=request.user)
        except ConflictError as conflict:
            problem, status = str(conflict), 409
        else:
            messages.success(request, "Undone: the records are back where they were.")
            return redirect("matching:person", pk=event.from_person_id)
    found = access.person_for_index(
        request.user, event.from_person_id, reason="Opened a person's index page to undo a change"
    )
    return _person_page(request, found, status=status, problem=problem)
