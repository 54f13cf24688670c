"""Recurrence pages: the ranked cohort, a person's explained profile, concentration, the
cohort rules, and putting people forward to a practitioner panel. Parse, call, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from frontdoor.audit.services import audit_read
from frontdoor.core.errors import ConflictError
from frontdoor.core.permissions import permission

from . import access_recurrence as access
from . import charts, recurrence, services_recurrence
from .forms_recurrence import CohortRuleForm, PanelSelectionForm


def _cohort_context(request, run, form=None):
    members = list(access.members_of(run)) if run else []
    left = services_recurrence.left_since_previous(run) if run else []
    left_people = access.people_by_id(pid for pid, _ in left)
    meetings = list(access.panels_open_for_selection())
    return {
        "run": run,
        "members": members,
        "left": [(left_people.get(pid), rank) for pid, rank in left],
        "meetings": meetings,
        "form": form or PanelSelectionForm(members=members, meetings=meetings),
        "selected": set(map(int, form.data.getlist("people"))) if form is not None else set(),
        "rule": run.rule if run else services_recurrence.rule_default(),
    }


@permission(access.BUILD_COHORT)
def cohort(request):
    """The latest ranked cohort: each person's score explained and how they moved."""
    run = access.latest_run()
    context = _cohort_context(request, run)
    if run is not None:
        _cohort_read(request, run, context)
    return render(request, "incidents/recurrence/cohort.html", context)


def _cohort_read(request, run, context) -> None:
    """The cohort list names people: its read is recorded (once the page is shown)."""
    audit_read(
        actor=request.user,
        obj=run,
        reason="Viewed the recurrence cohort list",
        details={"members": len(context["members"])},
    )


@permission(access.BUILD_COHORT)
@require_POST
def recompute(request):
    run = services_recurrence.recurrence_recompute(by=request.user)
    messages.success(
        request,
        f"Scores recomputed: {run.members.count()} people in the cohort of {run.people_scored} scored.",
    )
    return redirect("incidents:recurrence_cohort")


@permission(access.BUILD_COHORT)
@require_POST
def select_to_panel(request, pk):
    run = access.run_for_analyst(request.user, pk)
    members = list(access.members_of(run))
    meetings = list(access.panels_open_for_selection())
    form = PanelSelectionForm(request.POST, members=members, meetings=meetings)
    if form.is_valid():
        meeting = access.panel_for_selection(form.cleaned_data["meeting"])
        people = access.selected_people(run, form.cleaned_data["people"])
        try:
            services_recurrence.panel_select(
                run=run,
                people=people,
                meeting=meeting,
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                f"{len(people)} {'person' if len(people) == 1 else 'people'} added to {meeting}.",
            )
            return redirect("incidents:recurrence_cohort")
    context = _cohort_context(request, run, form)
    _cohort_read(request, run, context)
    return render(request, "incidents/recurrence/cohort.html", context, status=422)


@permission(access.SEE_PROFILE)
def profile(request, pk):
    """A person's recurrence profile: their incidents by role and harm, and the explained score."""
    person = access.person_for_profile(
        request.user, pk, reason="Opened a recurrence profile (incident history)"
    )
    harm, unknown = services_recurrence.harm_mapping()
    rows = []
    for party in access.incident_history(person):
        incident = party.incident
        rows.append(
            {
                "occurred_at": incident.occurred_at,
                "ref": incident.ref,
                "description": incident.offence_description or incident.get_incident_type_display(),
                "code": incident.offence_code,
                "domestic_abuse": incident.domestic_abuse,
                "role": party.role,
                "role_label": party.get_role_display(),
                "harm": harm.get(incident.harm_code, unknown),
            }
        )
    membership = access.membership_of(person)
    spec = charts.timeline_spec(
        [
            {
                "occurred_at": r["occurred_at"].isoformat(),
                "harm": r["harm"],
                "role": r["role"],
                "description": r["description"],
            }
            for r in rows
            if r["role"] in recurrence.SCORED_ROLES
        ]
    )
    return render(
        request,
        "incidents/recurrence/profile.html",
        {
            "person": person,
            "rows": rows,
            "membership": membership,
            "spec": spec,
            "panels": access.agenda_items_for(person, request.user),
            "can_build": access.may(request.user, access.BUILD_COHORT),
        },
    )


@permission(access.SEE_CONCENTRATION)
def concentration(request):
    """Aggregate shares only: how much of the incidents and harm the top few per cent account for."""
    run = access.latest_run()
    figures = run.concentration if run else {}
    groups = [
        ("victims", "Victims", figures.get("victims")),
        ("offenders", "Suspects and offenders", figures.get("offenders")),
        ("pairs", "Victim–offender pairs", figures.get("pairs")),
    ]
    return render(
        request,
        "incidents/recurrence/concentration.html",
        {
            "run": run,
            "groups": [g for g in groups if g[2]],
            "spec": charts.lorenz_spec(figures) if figures else None,
            "can_build": access.may(request.user, access.BUILD_COHORT),
        },
    )


@permission(access.BUILD_COHORT)
def rules(request):
    rule = services_recurrence.rule_default()
    if request.method == "POST":
        form = CohortRuleForm(request.POST)
        if form.is_valid():
            try:
                services_recurrence.rule_update(
                    rule=rule,
                    by=request.user,
                    data=form.cleaned_data,
                    expected_version=form.cleaned_data["version"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            except ConflictError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "Cohort rules saved. Recompute the scores to apply them.")
                return redirect("incidents:recurrence_cohort")
        return render(
            request, "incidents/recurrence/rules.html", {"form": form, "rule": rule}, status=422
        )
    return render(
        request,
        "incidents/recurrence/rules.html",
        {"form": CohortRuleForm.for_rule(rule), "rule": rule},
    )
