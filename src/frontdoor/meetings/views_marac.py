"""MARAC pages: complete a DASH risk checklist, see it, refer the victim to a MARAC, and an
invited agency's research on a MARAC case. Every read of a DASH is audited (access_marac)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.permissions import permission

from . import access_marac, marac
from .forms_marac import DashForm, ReferForm, ResearchForm


def _status(form) -> int:
    return 422 if form.errors else 200


@permission(access_marac.DASH_VIEW)
def dash_list(request):
    assessments = list(access_marac.assessments_visible_to(request.user)[:100])
    if assessments:
        audit_record(
            actor=request.user,
            verb=Verb.VIEW,
            object_type="meetings.dashassessment",
            object_repr=f"{len(assessments)} DASH assessments",
            reason="Listed DASH risk checklists",
            details={"ids": [a.pk for a in assessments]},
        )
    return render(
        request,
        "meetings/marac/dash_list.html",
        {
            "assessments": assessments,
            "can_complete": access_marac.may(request.user, access_marac.DASH_COMPLETE),
        },
    )


@permission(access_marac.DASH_COMPLETE)
def dash_new(request):
    checklist = marac.default_checklist()
    questions = list(checklist.questions.all()) if checklist else []
    form = DashForm(
        request.POST if request.method == "POST" else None,
        questions=questions,
        initial=DashForm.date_field.initial(timezone.localdate()),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        contact = person = None
        if data["reference"].strip():
            contact = access_marac.contact_for_dash(request.user, data["reference"])
            if contact is None:
                form.add_error(
                    "reference", "There is no case you may see with that front door reference"
                )
            else:
                person = access_marac.victim_person(contact)
        if not form.errors:
            try:
                assessment = marac.dash_complete(
                    by=request.user,
                    checklist=checklist,
                    victim_name=data["victim_name"],
                    completed_as=data["completed_as"],
                    completed_on=data["completed_on"],
                    answers=form.answers(),
                    person=person,
                    contact=contact,
                    victim_comments=data["victim_comments"],
                    professional_judgement=data["professional_judgement"],
                    judgement_reason=data["judgement_reason"],
                    police_incidents_12_months=data["police_incidents"],
                )
            except ValidationError as refused:
                for message in refused.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, "The DASH risk checklist has been recorded.")
                return redirect("meetings:dash", pk=assessment.pk)
    return render(
        request,
        "meetings/marac/dash_form.html",
        {"form": form, "checklist": checklist},
        status=_status(form),
    )


def _dash_page(request, assessment, *, refer_form=None, status=200):
    can_refer = access_marac.may(request.user, access_marac.DASH_REFER, assessment)
    return render(
        request,
        "meetings/marac/dash.html",
        {
            "assessment": assessment,
            "answers": access_marac.answers_of(assessment),
            "criteria": marac.assessment_criteria(assessment),
            "repeat": marac.last_heard_at_marac(assessment.person),
            "cases": access_marac.cases_of(assessment),
            "can_refer": can_refer,
            "refer_form": refer_form
            or (ReferForm(meetings=marac.upcoming_maracs()) if can_refer else None),
        },
        status=status,
    )


@permission(access_marac.DASH_VIEW)
def dash_detail(request, pk):
    assessment = access_marac.assessment_for(
        request.user, pk, reason="Opened a DASH risk checklist"
    )
    return _dash_page(request, assessment)


@permission(access_marac.DASH_VIEW)
def dash_refer(request, pk):
    assessment = access_marac.assessment_for(
        request.user, pk, access_marac.DASH_REFER, reason="Opened a DASH risk checklist"
    )
    if request.method != "POST":
        return redirect("meetings:dash", pk=assessment.pk)
    form = ReferForm(request.POST, meetings=marac.upcoming_maracs())
    if form.is_valid():
        data = form.cleaned_data
        try:
            case = marac.marac_refer(
                assessment=assessment,
                by=request.user,
                meeting=data["meeting"],
                idva_name=data["idva_name"],
                idva_service=data["idva_service"],
                victim_views=data["victim_views"],
                children_involved=data["children_involved"],
            )
        except ValidationError as refused:
            for message in refused.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request, f"{assessment.victim_name} has been referred to {case.item.meeting}."
            )
            return redirect("meetings:item", pk=case.item.pk)
    return _dash_page(request, assessment, refer_form=form, status=422)


@permission(access_marac.RESEARCH)
def research(request, pk):
    item = access_marac.research_item_for(
        request.user, pk, reason="Opened a MARAC case to prepare research"
    )
    form = ResearchForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            marac.research_record(item=item, by=request.user, **form.cleaned_data)
        except ValidationError as refused:
            for message in refused.messages:
                form.add_error(None, message)
        else:
            messages.success(request, f"{request.user.agency}'s research has been recorded.")
            return redirect("meetings:item", pk=item.pk)
    return render(
        request,
        "meetings/marac/research.html",
        {"form": form, "item": item, "meeting": item.meeting},
        status=_status(form),
    )
