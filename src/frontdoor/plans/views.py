"""Plan and action pages: parse, call ``access`` and ``services``, render.

Every page that shows a plan or its actions records the read in the audit trail. The action
mix is aggregate (counts and percentages) and is not personal data.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import redirect, render
from django.utils import timezone

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.errors import ConflictError
from frontdoor.core.permissions import permission

from . import access, services
from .forms import ActionForm, ActionUpdateForm, MixFilterForm, PlanEditForm, PlanForm
from .mix import action_mix
from .models import Action


def _add_errors(form, refusal: ValidationError) -> None:
    if hasattr(refusal, "error_dict"):
        for field, errors in refusal.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, refusal.messages)


def _status(form) -> int:
    return 422 if form.errors else 200


def _overdue_first(actions, today: date):
    """Overdue open actions first (oldest due first), then open by due date, then finished."""
    return actions.annotate(
        rank=Case(
            When(status__in=Action.OPEN_STATUSES, due_on__lt=today, then=Value(0)),
            When(status__in=Action.OPEN_STATUSES, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    ).order_by("rank", "due_on", "pk")


# A plan ----------------------------------------------------------------------------------


@permission(access.VIEW_PLAN)
def plan(request, pk):
    found = access.plan_for(request.user, pk, reason="Opened a multi-agency plan")
    today = timezone.localdate()
    actions = list(_overdue_first(access.actions_of(found), today))
    people = list(access.people_of(found))
    subjects = [] if people else access.contact_subjects_of(found)
    return render(
        request,
        "plans/plan.html",
        {
            "plan": found,
            "people": people,
            "subjects": subjects,
            "actions": actions,
            "today": today,
            "review_due": found.review_on is not None and found.review_on <= today,
            "mix": action_mix(found.actions.all()),
            "can_edit": access.may(request.user, access.EDIT_PLAN, found),
            "can_add_action": access.may(request.user, access.ADD_ACTION, found),
            "changeable": {
                a.pk for a in actions if access.may(request.user, access.CHANGE_ACTION, a)
            },
        },
    )


@permission(access.START_PLAN)
def plan_create(request, contact_pk):
    contact = access.contact_for_plan(request.user, contact_pk)
    form = PlanForm(
        request.POST if request.method == "POST" else None,
        initial={"title": f"Plan from contact {contact.reference}"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        people = access.people_of_contact(contact)
        try:
            created = services.plan_create(
                by=request.user,
                title=data["title"],
                people=people,
                contact=contact,
                own_words=data["own_words"],
                needs=data["needs"],
                lead_professional=data["lead_professional"],
                review_on=data["review_on"],
                trusted_person=data["trusted_person"],
            )
        except ValidationError as refusal:
            _add_errors(form, refusal)
        else:
            messages.success(request, "The plan has been started. Add its actions.")
            return redirect("plans:plan", pk=created.pk)
    return render(
        request,
        "plans/plan_form.html",
        {"form": form, "contact": contact, "plan": None},
        status=_status(form),
    )


def _plan_initial(plan) -> dict:
    return {
        "title": plan.title,
        "own_words": plan.own_words,
        "needs": plan.needs,
        "lead_professional": plan.lead_professional,
        "trusted_person": plan.trusted_person,
        "review_on": plan.review_on,
        "version": plan.version,
    }


@permission(access.EDIT_PLAN)
def plan_edit(request, pk):
    found = access.plan_for(request.user, pk, access.EDIT_PLAN, reason="Opened a plan to edit it")
    form = PlanEditForm(
        request.POST if request.method == "POST" else None, initial=_plan_initial(found)
    )
    problem = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.plan_update(
                by=request.user,
                plan=found,
                base_version=data["version"],
                **{f: data[f] for f in services.PLAN_FIELDS},
            )
        except ConflictError as conflict:
            # Keep nothing they entered: show the plan as it is now (promise 18).
            problem = str(conflict)
            found.refresh_from_db()
            form = PlanEditForm(initial=_plan_initial(found))
        except ValidationError as refusal:
            _add_errors(form, refusal)
        else:
            messages.success(request, "The plan has been saved.")
            return redirect("plans:plan", pk=found.pk)
    return render(
        request,
        "plans/plan_form.html",
        {"form": form, "contact": found.contact, "plan": found, "problem": problem},
        status=409 if problem else _status(form),
    )


# Actions ---------------------------------------------------------------------------------


@permission(access.ADD_ACTION)
def action_create(request, pk):
    found = access.plan_for(
        request.user, pk, access.ADD_ACTION, reason="Opened a plan to add an action"
    )
    form = ActionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.action_create(
                by=request.user,
                plan=found,
                what=data["what"],
                type=data["type"],
                owner_agency=data["owner_agency"],
                owner=data["owner"],
                due_on=data["due_on"],
            )
        except ValidationError as refusal:
            _add_errors(form, refusal)
        else:
            messages.success(request, "The action has been added.")
            return redirect("plans:plan", pk=found.pk)
    return render(
        request, "plans/action_form.html", {"form": form, "plan": found}, status=_status(form)
    )


@permission(access.CHANGE_ACTION)
def action_update(request, pk):
    action = access.action_for(
        request.user, pk, access.CHANGE_ACTION, reason="Opened an action to update it"
    )
    form = ActionUpdateForm(
        request.POST if request.method == "POST" else None,
        initial={"status": action.status, "outcome": action.outcome, "version": action.version},
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.action_update(
                by=request.user,
                action=action,
                base_version=data["version"],
                status=data["status"],
                outcome=data["outcome"],
            )
        except ConflictError as conflict:
            action.refresh_from_db()
            form = ActionUpdateForm(
                initial={
                    "status": data["status"],
                    "outcome": data["outcome"],
                    "version": action.version,
                }
            )
            form.is_bound = False
            messages.error(request, str(conflict))
            status = 409
        except ValidationError as refusal:
            _add_errors(form, refusal)
        else:
            messages.success(request, "The action has been updated.")
            return redirect("plans:plan", pk=action.plan_id)
    return render(
        request,
        "plans/action_update.html",
        {
            "form": form,
            "action": action,
            "open_statuses": Action.OPEN_STATUSES,
            "plan": action.plan,
            "today": timezone.localdate(),
            "conflict": status == 409,
        },
        status=status if status != 200 else _status(form),
    )


# Lists -----------------------------------------------------------------------------------


def _action_list(request, actions, *, title: str, intro: str, reason: str, empty: str):
    today = timezone.localdate()
    show = request.GET.get("show", "open")
    if show != "all":
        actions = actions.filter(status__in=Action.OPEN_STATUSES)
    actions = list(_overdue_first(actions, today)[:500])
    if actions:
        audit_record(
            actor=request.user,
            verb=Verb.VIEW,
            object_type="plans.action",
            object_id="list",
            object_repr=title,
            reason=reason,
            details={"actions": [a.pk for a in actions]},
        )
    return render(
        request,
        "plans/action_list.html",
        {
            "title": title,
            "intro": intro,
            "empty": empty,
            "actions": actions,
            "today": today,
            "show": show,
            "changeable": {
                a.pk for a in actions if access.may(request.user, access.CHANGE_ACTION, a)
            },
            "overdue_count": sum(
                1 for a in actions if a.status in Action.OPEN_STATUSES and a.due_on < today
            ),
        },
    )


@permission(access.MY_ACTIONS)
def my_actions(request):
    return _action_list(
        request,
        access.actions_owned_by(request.user),
        title="My actions",
        intro="Actions on multi-agency plans that name you as their owner.",
        reason="Listed their own actions",
        empty="No actions name you as their owner.",
    )


@permission(access.MY_ACTIONS)
def agency_actions(request):
    agency = request.user.agency
    return _action_list(
        request,
        access.actions_of_agency(request.user),
        title="My agency's actions",
        intro=f"Actions on multi-agency plans owned by {agency}." if agency else "",
        reason="Listed their agency's actions",
        empty="Your agency owns no actions.",
    )


@permission(access.OVERDUE)
def overdue(request):
    today = timezone.localdate()
    actions = list(access.overdue_actions_for(request.user, today).order_by("due_on", "pk")[:500])
    if actions:
        audit_record(
            actor=request.user,
            verb=Verb.VIEW,
            object_type="plans.action",
            object_id="list",
            object_repr="Overdue actions",
            reason="Listed overdue actions",
            details={"actions": [a.pk for a in actions]},
        )
    return render(
        request,
        "plans/overdue.html",
        {"actions": actions, "today": today, "everyone": request.user.role == "meeting_chair"},
    )


@permission(access.ACTION_MIX)
def mix(request):
    form = MixFilterForm(request.GET or None)
    actions = access.actions_for_mix()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["agency"]:
            actions = actions.filter(owner_agency=data["agency"])
        if data["start"]:
            actions = actions.filter(created_at__date__gte=data["start"])
        if data["end"]:
            actions = actions.filter(created_at__date__lte=data["end"])
    elif form.is_bound:
        actions = actions.none()
    return render(
        request,
        "plans/mix.html",
        {
            "form": form,
            "overall": action_mix(actions),
            "by_agency": action_mix(actions, group_by="agency"),
            "by_plan": action_mix(actions, group_by="plan"),
            "by_meeting": action_mix(actions, group_by="meeting"),
        },
        status=_status(form) if form.is_bound else 200,
    )
