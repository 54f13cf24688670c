"""Does it work? Evaluation cohorts: list, build, see the result and (analysts) the people."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from frontdoor.core.permissions import permission

from . import access, evaluation, services_evaluation
from .forms_evaluation import CohortForm


@permission(access.VIEW_EVALUATION)
def cohort_list(request):
    return render(
        request,
        "insights/evaluation/list.html",
        {
            "cohorts": access.cohorts_visible_to(request.user),
            "can_build": access.may(request.user, access.MANAGE_COHORTS),
        },
    )


@permission(access.MANAGE_COHORTS)
def cohort_create(request):
    form = CohortForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cohort = services_evaluation.cohort_create(
                by=request.user,
                name=data["name"],
                intervention=data["intervention"],
                window_days=data["window_days"],
                members=data["people"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error("people" if "person" in message.lower() else None, message)
        else:
            messages.success(request, f"Cohort '{cohort.name}' built: here is what it shows.")
            return redirect("insights:evaluation_detail", pk=cohort.pk)
    return render(
        request,
        "insights/evaluation/create.html",
        {"form": form},
        status=422 if form.errors else 200,
    )


@permission(access.VIEW_EVALUATION)
def cohort_detail(request, pk):
    cohort = access.cohort_for_viewing(request.user, pk)
    outcome, result = services_evaluation.cohort_evaluate(cohort=cohort, by=request.user)
    return render(
        request,
        "insights/evaluation/detail.html",
        {
            "cohort": cohort,
            "outcome": outcome,
            "result": result,
            "small_group": evaluation.SMALL_GROUP,
            "poor_balance": evaluation.POOR_BALANCE,
            "no_evidence": evaluation.NO_EVIDENCE,
            "can_see_people": access.may(request.user, access.MANAGE_COHORTS, cohort),
        },
    )


@permission(access.MANAGE_COHORTS)
def cohort_people(request, pk):
    cohort = access.cohort_for_managing(request.user, pk)
    members = services_evaluation.cohort_people(cohort=cohort, by=request.user)
    return render(
        request, "insights/evaluation/people.html", {"cohort": cohort, "members": members}
    )
