"""Partnership health survey pages: parse, call a service or a read, render."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.exports import csv_text
from frontdoor.core.permissions import permission
from frontdoor.core.policy import may

from . import access
from .forms_survey import AnswerForm, RoundForm
from .models import SurveyRound
from .results_survey import (
    EXPORT_HEADER,
    MIN_GROUP,
    export_rows,
    results_over_time,
    round_results,
    scale_labels,
)
from .services_survey import (
    AlreadyAnswered,
    SurveyNotOpen,
    survey_answer,
    survey_has_answered,
    survey_round_create,
    survey_round_open_today,
    survey_round_request_reminders,
)

DEFAULT_ROUND_LENGTH = timedelta(days=20)


@permission(access.ANSWER_SURVEY)
def health(request):
    open_round = survey_round_open_today()
    return render(
        request,
        "insights/health/index.html",
        {
            "open_round": open_round,
            "answered": open_round is not None
            and survey_has_answered(survey_round=open_round, practitioner=request.user),
            "can_manage": may(request.user, access.MANAGE_SURVEY),
            "can_see_results": may(request.user, access.VIEW_SURVEY_RESULTS),
            "min_group": MIN_GROUP,
        },
    )


@permission(access.ANSWER_SURVEY)
def answer(request, number: int):
    survey_round = access.survey_round_for_answering(request.user, number)
    today = timezone.localdate()
    context = {"survey_round": survey_round, "min_group": MIN_GROUP}
    if not survey_round.is_open_on(today):
        return render(
            request,
            "insights/health/not_open.html",
            context,
            status=409 if request.method == "POST" else 200,
        )
    if survey_has_answered(survey_round=survey_round, practitioner=request.user):
        return render(
            request,
            "insights/health/answered.html",
            context,
            status=409 if request.method == "POST" else 200,
        )
    questions = survey_round.questions.order_by("position")
    form = AnswerForm(request.POST if request.method == "POST" else None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            survey_answer(
                survey_round=survey_round,
                by=request.user,
                values=form.values(),
                comment=form.cleaned_data["comment"],
                today=today,
            )
        except AlreadyAnswered:
            return render(request, "insights/health/answered.html", context, status=409)
        except SurveyNotOpen:
            return render(request, "insights/health/not_open.html", context, status=409)
        messages.success(request, "Thank you: your answers are saved, anonymously.")
        return redirect("insights:health")
    return render(
        request,
        "insights/health/answer.html",
        {**context, "form": form},
        status=422 if form.errors else 200,
    )


@permission(access.MANAGE_SURVEY)
def rounds(request):
    today = timezone.localdate()
    listed = SurveyRound.objects.order_by("-number")
    return render(
        request,
        "insights/health/rounds.html",
        {
            "rounds": [
                {
                    "round": r,
                    "is_open": r.is_open_on(today),
                    "answered": r.participants.count(),
                    "responses": r.responses.count(),
                }
                for r in listed
            ],
            "today": today,
        },
    )


@permission(access.MANAGE_SURVEY)
def round_new(request):
    latest = SurveyRound.objects.order_by("-number").first()
    start = (
        max(timezone.localdate(), latest.closes_on + timedelta(days=1))
        if latest
        else timezone.localdate()
    )
    form = RoundForm(
        request.POST if request.method == "POST" else None,
        initial={"opens_on": start, "closes_on": start + DEFAULT_ROUND_LENGTH},
    )
    if request.method == "POST" and form.is_valid():
        try:
            created = survey_round_create(
                by=request.user,
                opens_on=form.cleaned_data["opens_on"],
                closes_on=form.cleaned_data["closes_on"],
            )
        except ValidationError as error:
            for name, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(name if name in form.fields else None, problem)
        else:
            messages.success(
                request,
                f"Round {created.number} is set up, with {created.questions.count()} questions.",
            )
            return redirect("insights:health_rounds")
    return render(
        request,
        "insights/health/round_new.html",
        {"form": form, "latest": latest},
        status=422 if form.errors else 200,
    )


@permission(access.MANAGE_SURVEY)
@require_POST
def remind(request, number: int):
    survey_round = access.survey_round_for_managing(request.user, number)
    if not survey_round.is_open_on(timezone.localdate()):
        messages.error(request, f"Round {survey_round.number} is not open, so nobody was reminded.")
        return redirect("insights:health_rounds")
    survey_round_request_reminders(survey_round=survey_round, by=request.user)
    messages.success(
        request,
        f"Reminders about round {survey_round.number} are on their way to everyone who has not answered.",
    )
    return redirect("insights:health_rounds")


def _rounds_with_results():
    """Closed rounds only: figures that change as each person answers would let someone who
    knows when a colleague answered work out their answers."""
    return list(SurveyRound.objects.filter(closes_on__lt=timezone.localdate()).order_by("number"))


@permission(access.VIEW_SURVEY_RESULTS)
def results(request):
    rounds = _rounds_with_results()
    if not rounds:
        return render(
            request, "insights/health/results_none.html", {"open_round": survey_round_open_today()}
        )
    chosen = rounds[-1]
    wanted = request.GET.get("round", "")
    if wanted:
        matches = [r for r in rounds if str(r.number) == wanted]
        if not matches:
            raise Http404("No such round.")
        chosen = matches[0]
    all_results = [round_results(r) for r in rounds]
    current = next(r for r in all_results if r.survey_round == chosen)
    return render(
        request,
        "insights/health/results.html",
        {
            "rounds": rounds,
            "results": current,
            "dimension_rows": _measure_rows(current, current.dimensions),
            "factor_rows": _measure_rows(current, current.factors),
            "agency_rows": [
                (cell, [cell.mean(m.key) for m in current.dimensions]) for cell in current.by_agency
            ],
            "over_time": [
                (
                    measure,
                    [
                        (survey_round, [(cell, cell.mean(measure.key)) for cell in cells])
                        for survey_round, cells in rows
                    ],
                )
                for measure, rows in results_over_time(all_results)
            ],
            "min_group": MIN_GROUP,
            "open_round": survey_round_open_today(),
        },
    )


def _measure_rows(results, measures):
    """Per measure: the mean for everyone and each group, and everyone's distribution."""
    return [
        {
            "measure": measure,
            "total": results.total.mean(measure.key),
            "levels": [(cell, cell.mean(measure.key)) for cell in results.by_staff_level],
            "agencies": [(cell, cell.mean(measure.key)) for cell in results.by_agency],
            "distribution": [
                (label, count, percent)
                for label, (_, count, percent) in zip(
                    scale_labels(measure), results.total.distribution(measure.key), strict=False
                )
            ],
        }
        for measure in measures
    ]


@permission(access.VIEW_SURVEY_RESULTS)
def export(request):
    rounds = _rounds_with_results()
    with transaction.atomic():
        rows = list(export_rows([round_results(r) for r in rounds]))
        audit_record(
            actor=request.user,
            verb=Verb.EXPORT,
            object_type="insights.surveyround",
            object_repr=f"Partnership health results, {len(rounds)} round(s)",
            reason="Exported the partnership health survey results (aggregate figures)",
            recipients=[str(request.user.agency or "")],
            details={"rounds": [r.number for r in rounds], "rows": len(rows)},
        )
    response = HttpResponse(csv_text(EXPORT_HEADER, rows), content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="partnership-health-{stamp}.csv"'
    return response
