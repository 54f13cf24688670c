"""Supervision pages: parse, call ``access`` and ``services``, render.

Every page that shows what was said in supervision records the read in the audit trail.
Sessions, relationships and actions answer 404 to anyone but their two parties.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.errors import ConflictError
from frontdoor.core.permissions import permission

from . import access, services
from .changes import changes_of
from .forms import ActionForm, EndForm, PolicyForm, RelationshipForm, SessionForm


def _status(form, status: int = 200) -> int:
    return 422 if form.errors and status == 200 else status


@permission(access.TAKE_PART)
def index(request):
    """My supervision: the relationships I am a party to, their sessions' dates, what is due."""
    mine = access.relationships_for(request.user).order_by("ended_on", "-started_on")
    standings = services.standing_of(mine)
    sessions = {s.relationship.pk: list(access.sessions_of(s.relationship)[:6]) for s in standings}
    return render(
        request,
        "supervision/index.html",
        {
            "standings": [(s, sessions[s.relationship.pk]) for s in standings],
            "my_open_actions": access.open_actions_owned_by(request.user).count(),
            "my_overdue_actions": access.open_actions_owned_by(request.user)
            .filter(due_on__lt=timezone.localdate())
            .count(),
            "today": timezone.localdate(),
            "can_manage": access.may(request.user, access.MANAGE),
        },
    )


@permission(access.TAKE_PART)
def relationship(request, pk):
    found = access.relationship_for_party(
        request.user, pk, reason="Opened their supervision record"
    )
    standing = services.standing_of([found])[0]
    return render(
        request,
        "supervision/relationship.html",
        {
            "relationship": found,
            "standing": standing,
            "other": found.other_party(request.user),
            "sessions": access.sessions_of(found),
            "actions": access.actions_of(found),
            "today": timezone.localdate(),
        },
    )


def _field_for(refused: ValidationError) -> str | None:
    """Put a refusal from the services next to the field it is about."""
    code = getattr(refused, "code", None)
    if code == "case":
        return "cases"
    if code == "date":
        return SessionForm.date_field.parts[0]
    return None


def _session_form_values(form) -> dict:
    data = form.cleaned_data
    return {
        "held_on": data["held_on"],
        "reflections": data["reflections"],
        "wellbeing": data["wellbeing"],
        "wellbeing_note": data["wellbeing_note"],
        "case_references": access.parse_references(data["cases"]),
    }


@permission(access.TAKE_PART)
def session_create(request, pk):
    found = access.relationship_for_party(request.user, pk)
    if not found.is_current:
        raise Http404("This supervision has ended.")
    form = SessionForm(
        request.POST if request.method == "POST" else None,
        initial=SessionForm.date_field.initial(timezone.localdate()),
    )
    if request.method == "POST" and form.is_valid():
        try:
            created = services.session_record(
                relationship=found, by=request.user, **_session_form_values(form)
            )
        except ValidationError as refused:
            form.add_error(_field_for(refused), refused)
        else:
            messages.success(request, "The session has been recorded.")
            return redirect("supervision:session", pk=created.pk)
    return render(
        request,
        "supervision/session_form.html",
        {"form": form, "relationship": found},
        status=_status(form),
    )


@permission(access.TAKE_PART)
def session(request, pk):
    found = access.session_for_party(request.user, pk, reason="Read a supervision session")
    cases = [(c.reference, access.case_link_for(request.user, c)) for c in found.cases.all()]
    return render(
        request,
        "supervision/session.html",
        {
            "session": found,
            "relationship": found.relationship,
            "cases": cases,
            "actions": found.actions.select_related("owner"),
            "today": timezone.localdate(),
            "edited_by_other": found.was_edited and found.updated_by_id != request.user.pk,
        },
    )


# Read, and recorded, again when a refused change shows the page again (audit.audit_read).
EDITING_SESSION = "Opened a supervision session to edit it"


@permission(access.TAKE_PART)
def session_edit(request, pk):
    status = 200
    found = access.session_for_party(request.user, pk, reason=EDITING_SESSION)
    if request.method == "POST":
        form = SessionForm(request.POST)
        if form.is_valid():
            try:
                services.session_edit(
                    session=found,
                    by=request.user,
                    base_version=form.cleaned_data["version"] or 0,  # no version: treat as stale
                    **_session_form_values(form),
                )
            except ConflictError as conflict:
                form.add_error(None, str(conflict))
                status = 409
            except ValidationError as refused:
                form.add_error(_field_for(refused), refused)
            else:
                messages.success(request, "Your changes to the session have been saved.")
                return redirect("supervision:session", pk=found.pk)
    else:
        form = SessionForm(
            initial={
                **SessionForm.date_field.initial(found.held_on),
                "reflections": found.reflections,
                "wellbeing": found.wellbeing,
                "wellbeing_note": found.wellbeing_note,
                "cases": ", ".join(found.cases.values_list("reference", flat=True)),
                "version": found.version,
            }
        )
    return render(
        request,
        "supervision/session_form.html",
        {
            "form": form,
            "relationship": found.relationship,
            "session": found,
            "conflict": status == 409,
        },
        status=_status(form, status),
    )


@permission(access.TAKE_PART)
def session_changes(request, pk):
    found = access.session_for_party(
        request.user, pk, reason="Read the changes to a supervision session"
    )
    return render(
        request,
        "supervision/changes.html",
        {"session": found, "relationship": found.relationship, "changes": changes_of(found)},
    )


@permission(access.TAKE_PART)
def action_create(request, pk):
    found = access.session_for_party(request.user, pk)
    relationship = found.relationship
    form = ActionForm(request.POST if request.method == "POST" else None, relationship=relationship)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_add(
                session=found,
                by=request.user,
                description=form.cleaned_data["description"],
                owner=form.cleaned_data["owner"],
                due=form.cleaned_data["due_on"],
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, "The agreed action has been added.")
            return redirect("supervision:session", pk=found.pk)
    return render(
        request,
        "supervision/action_form.html",
        {"form": form, "session": found, "relationship": relationship},
        status=_status(form),
    )


@permission(access.TAKE_PART)
def action_edit(request, pk):
    status = 200
    found = access.action_for_party(request.user, pk, reason="Opened a supervision action")
    relationship = found.session.relationship
    if request.method == "POST":
        form = ActionForm(request.POST, relationship=relationship, with_done=True)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.action_edit(
                    action=found,
                    by=request.user,
                    base_version=data["version"] or 0,  # no version: treat as stale
                    description=data["description"],
                    owner=data["owner"],
                    due=data["due_on"],
                    done=data["done"],
                )
            except ConflictError as conflict:
                form.add_error(None, str(conflict))
                status = 409
            except ValidationError as refused:
                form.add_error(None, refused)
            else:
                messages.success(request, "The agreed action has been updated.")
                return redirect("supervision:relationship", pk=relationship.pk)
    else:
        form = ActionForm(
            relationship=relationship,
            with_done=True,
            initial={
                **ActionForm.date_field.initial(found.due_on),
                "description": found.description,
                "owner": found.owner_id,
                "done": found.is_done,
                "version": found.version,
            },
        )
    return render(
        request,
        "supervision/action_form.html",
        {
            "form": form,
            "action": found,
            "session": found.session,
            "relationship": relationship,
        },
        status=_status(form, status),
    )


# Managers and administrators ---------------------------------------------------------


@permission(access.MANAGE)
def relationship_create(request):
    agencies = access.agencies_managed_by(request.user)
    form = RelationshipForm(
        request.POST if request.method == "POST" else None,
        agencies=agencies,
        initial=RelationshipForm.date_field.initial(timezone.localdate()),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.relationship_set_up(
                by=request.user,
                supervisor=data["supervisor"],
                supervisee=data["supervisee"],
                started_on=data["started_on"],
            )
        except ValidationError as refused:
            form.add_error("supervisee", refused)
        else:
            messages.success(request, f"{data['supervisor']} now supervises {data['supervisee']}.")
            return redirect(f"{_overview_url()}?agency={data['supervisee'].agency_id}")
    return render(
        request, "supervision/relationship_form.html", {"form": form}, status=_status(form)
    )


def _overview_url() -> str:
    from django.urls import reverse

    return reverse("supervision:overview")


@permission(access.MANAGE)
def relationship_end(request, pk):
    found = access.relationship_for_management(request.user, pk)
    if not found.is_current:
        messages.info(request, "This supervision has already ended.")
        return redirect(f"{_overview_url()}?agency={found.agency_id}")
    form = EndForm(
        request.POST if request.method == "POST" else None,
        initial=EndForm.date_field.initial(timezone.localdate()),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.relationship_end(
                relationship=found, by=request.user, ended_on=form.cleaned_data["ended_on"]
            )
        except ValidationError as refused:
            form.add_error(EndForm.date_field.parts[0], refused)
        else:
            messages.success(
                request, f"The supervision of {found.supervisee} by {found.supervisor} has ended."
            )
            return redirect(f"{_overview_url()}?agency={found.agency_id}")
    return render(
        request,
        "supervision/relationship_end.html",
        {"form": form, "relationship": found},
        status=_status(form),
    )


@permission(access.MANAGE)
def overview(request):
    """Who is overdue at an agency: names and dates only, never what was said."""
    agencies = access.agencies_managed_by(request.user)
    wanted = request.GET.get("agency", "")
    wanted = int(wanted) if wanted.isdigit() else request.user.agency_id
    chosen = agencies.filter(pk=wanted).first()
    chosen = chosen or agencies.first()
    if chosen is None:
        raise Http404("You do not look after any agency's supervision.")
    standings = sorted(
        services.standing_of(access.relationships_managed_in(request.user, chosen)),
        key=lambda s: (not s.overdue, s.due_on),
    )
    with transaction.atomic():
        audit_record(
            actor=request.user,
            verb=Verb.VIEW,
            obj=chosen,
            object_type="supervision.overview",
            object_repr=f"Supervision overview, {chosen}"[:300],
            reason="Checked whose supervision is overdue",
        )
    return render(
        request,
        "supervision/overview.html",
        {
            "agency": chosen,
            "agencies": agencies if agencies.count() > 1 else None,
            "standings": standings,
            "overdue_count": sum(1 for s in standings if s.overdue),
            "frequency_weeks": services.frequency_weeks_for(chosen.pk),
        },
    )


@permission(access.MANAGE)
def frequency(request, pk):
    agency = access.agency_for_supervision_policy(request.user, pk)

    def as_it_is_now():
        return {
            "frequency_weeks": services.frequency_weeks_for(agency.pk),
            "version": services.policy_version_for(agency.pk),
        }

    form = PolicyForm(request.POST if request.method == "POST" else None, initial=as_it_is_now())
    problem = ""
    if request.method == "POST" and form.is_valid():
        try:
            services.policy_set(
                agency=agency,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                frequency_weeks=form.cleaned_data["frequency_weeks"],
            )
        except ConflictError as conflict:
            # Keep nothing they entered: show the frequency as it is now (promise 18).
            problem = str(conflict)
            form = PolicyForm(initial=as_it_is_now())
        else:
            messages.success(
                request,
                f"Supervision at {agency} is now due every "
                f"{form.cleaned_data['frequency_weeks']} weeks.",
            )
            return redirect(f"{_overview_url()}?agency={agency.pk}")
    return render(
        request,
        "supervision/frequency.html",
        {"form": form, "agency": agency, "problem": problem},
        status=409 if problem else _status(form),
    )
