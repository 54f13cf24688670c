"""Retention rules and reviews: parse, call ``access`` and ``services``, render (ADR 0032)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from frontdoor.core.errors import ConflictError
from frontdoor.core.permissions import permission

from . import access, services
from .forms import AgencyRuleForm, ReviewForm, RuleForm
from .models import RecordReview, RetentionRule
from .registry import record_types
from .retention import (
    agency_rules,
    count_due_for,
    due_counts,
    due_for,
    partnership_rule,
    review_due_on,
)

SHOWN_REVIEWS = 200


def _status(form) -> int:
    return 422 if form.errors else 200


@permission(access.RULES)
def rules(request):
    return _rules_page(request)


def _rules_page(request, *, problem: str = ""):
    counts = due_counts()
    rows = []
    for record_type in record_types():
        overrides = RetentionRule.objects.filter(
            record_type=record_type.key, agency__isnull=False
        ).select_related("agency")
        rows.append(
            {
                "type": record_type,
                "rule": partnership_rule(record_type),
                "overrides": overrides,
                "due": counts[record_type.key],
            }
        )
    return render(
        request,
        "governance/rules.html",
        {"rows": rows, "problem": problem},
        status=409 if problem else 200,
    )


def _rule_initial(record_type, agency=None) -> dict:
    """The rule as it is now, for a form: Front Door's default while none is set."""
    if agency is None:
        current = partnership_rule(record_type)
        return {
            "period_months": current.months,
            "source": current.source,
            "version": services.rule_version(record_type),
        }
    rule = RetentionRule.objects.filter(record_type=record_type.key, agency=agency).first()
    if rule is None:
        return {"agency": agency.pk, "version": 0}
    return {
        "agency": agency.pk,
        "period_months": rule.period_months,
        "source": rule.source,
        "version": rule.version,
    }


@permission(access.RULES)
def rule_edit(request, key):
    record_type = access.record_type_or_404(key)
    form = RuleForm(
        request.POST if request.method == "POST" else None, initial=_rule_initial(record_type)
    )
    problem = ""
    if request.method == "POST" and form.is_valid():
        try:
            services.rule_set(
                by=request.user,
                record_type=record_type,
                expected_version=form.cleaned_data["version"],
                period_months=form.cleaned_data["period_months"],
                source=form.cleaned_data["source"],
            )
        except ConflictError as conflict:
            # Keep nothing they entered: show the rule as it is now (promise 18).
            problem = str(conflict)
            form = RuleForm(initial=_rule_initial(record_type))
        else:
            messages.success(request, f"The rule for {record_type.in_sentence} is saved.")
            return redirect("governance:rules")
    return render(
        request,
        "governance/rule_form.html",
        {"form": form, "type": record_type, "agency_rule": False, "problem": problem},
        status=409 if problem else _status(form),
    )


@permission(access.RULES)
def rule_agency(request, key):
    """Add an agency's own rule (no ``?agency=``: the agency is chosen) or change one (the
    "Change" link names the agency in the address: it is fixed, shown as text)."""
    record_type = access.record_type_or_404(key)
    fixed = _asked_agency(request)
    data = request.POST if request.method == "POST" else None
    if fixed is not None:
        form = AgencyRuleForm(data, initial=_rule_initial(record_type, fixed), agency=fixed)
    else:
        form = AgencyRuleForm(data, initial={"version": 0})
    problem = ""
    if request.method == "POST" and form.is_valid():
        agency = fixed or form.cleaned_data["agency"]
        try:
            services.rule_set(
                by=request.user,
                record_type=record_type,
                agency=agency,
                # Adding never saves over a rule: one already set is a conflict (promise 18).
                expected_version=form.cleaned_data["version"] if fixed else 0,
                period_months=form.cleaned_data["period_months"],
                source=form.cleaned_data["source"],
            )
        except ConflictError as conflict:
            # Keep nothing they entered: show that agency's rule as it is now, to change from
            # there with the agency fixed (promise 18).
            problem = str(conflict)
            fixed = agency
            form = AgencyRuleForm(initial=_rule_initial(record_type, agency), agency=agency)
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, f"{agency}'s own rule is saved.")
            return redirect("governance:rules")
    return render(
        request,
        "governance/rule_form.html",
        {
            "form": form,
            "type": record_type,
            "agency_rule": True,
            "agency": fixed,
            "action": (
                f"{reverse('governance:rule_agency', args=[key])}?agency={fixed.pk}"
                if fixed is not None
                else ""
            ),
            "problem": problem,
        },
        status=409 if problem else _status(form),
    )


def _asked_agency(request):
    """The agency whose rule the page changes, from ``?agency=``; None when adding one."""
    from frontdoor.agencies.models import Agency

    asked = request.GET.get("agency")
    if asked is None:
        return None
    if not asked.isdigit():
        raise Http404
    return get_object_or_404(Agency, pk=asked)


@require_POST
@permission(access.RULES)
def rule_remove(request, pk):
    rule = access.rule_for_change(request.user, pk)
    shown = request.POST.get("version", "")
    try:
        # A page that names no version is older than any change: refused like a stale one.
        services.rule_remove(
            by=request.user, rule=rule, expected_version=int(shown) if shown.isdigit() else -1
        )
    except ConflictError as conflict:
        return _rules_page(request, problem=str(conflict))
    messages.success(request, "The agency's own rule is removed: the partnership's applies.")
    return redirect("governance:rules")


@permission(access.RULES)
def erasures(request):
    disposed = RecordReview.objects.filter(outcome=RecordReview.Outcome.DISPOSE).select_related(
        "decided_by"
    )[:200]
    return render(request, "governance/erasures.html", {"disposed": disposed})


@permission(access.REVIEW)
def reviews(request):
    today = timezone.localdate()
    return render(
        request,
        "governance/reviews.html",
        {
            "due": due_for(request.user, today=today, limit=SHOWN_REVIEWS),
            "count": count_due_for(request.user, today=today),
            "shown": SHOWN_REVIEWS,
        },
    )


@permission(access.REVIEW)
def review(request, key, object_id):
    record_type, obj = access.record_for_review(
        request.user, key, object_id, reason="Retention review"
    )
    form = ReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["outcome"] == RecordReview.Outcome.RETAIN:
                services.review_retain(
                    by=request.user,
                    record_type=record_type,
                    obj=obj,
                    reason=data["reason"],
                    next_review_on=data["next_review_on"],
                )
                messages.success(
                    request, f"Kept. The next review is on {data['next_review_on']:%d %B %Y}."
                )
            else:
                label = record_type.describe(obj)
                services.review_dispose(
                    by=request.user, record_type=record_type, obj=obj, reason=data["reason"]
                )
                messages.success(request, f"{label} has been disposed of. The erasure is recorded.")
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            return redirect("governance:reviews")
    history = RecordReview.objects.filter(record_type=key, object_id=str(obj.pk)).select_related(
        "decided_by"
    )
    return render(
        request,
        "governance/review.html",
        {
            "form": form,
            "type": record_type,
            "obj": obj,
            "label": record_type.describe(obj),
            "link": record_type.link(obj),
            "due_on": review_due_on(record_type, obj),
            "overrides": agency_rules(record_type),
            "history": history,
            "today": timezone.localdate(),
        },
        status=_status(form),
    )
