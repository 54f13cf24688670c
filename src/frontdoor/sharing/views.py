"""Information requests: the hub asks, the receiving agency answers from its inbox.

The object views declare SIGNED_IN and leave the named rules to ``access``, which loads the
object first: a practitioner who may not see a request or contact gets 404 (need to know:
the page does not reveal that it exists), one who sees it but may not act gets 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from frontdoor.core.clock import clock_status
from frontdoor.core.errors import ConflictError
from frontdoor.core.permissions import SIGNED_IN, permission
from frontdoor.referrals.access import HUB_WORK
from frontdoor.referrals.services import subject_age

from . import access, services
from .forms import ANSWER_PREFIX, AnswerForm, AskForm, DeclineForm, NothingKnownForm
from .models import InformationRequest

OPEN = InformationRequest.Status.OPEN
VIEWED = "Viewed an information request"
ASK_REASON = "Opened the form to ask partner agencies for information"
ANSWERED_SHOWN = 50


# The receiving agency's inbox -----------------------------------------------------------


@permission(access.VIEW_INBOX)
def inbox(request):
    mine = access.inbox_for(request.user).prefetch_related("subjects")
    now = timezone.now()
    waiting = list(mine.filter(status=OPEN).order_by("due_at", "pk"))
    answered = list(mine.exclude(status=OPEN).order_by("-answered_at", "-pk")[:ANSWERED_SHOWN])
    rows = [{"request": r, "clock": clock_status(r.requested_at, r.due_at, now)} for r in waiting]
    access.inbox_viewed(
        request.user, waiting + answered, reason="Viewed the information requests inbox"
    )
    return render(
        request,
        "sharing/inbox.html",
        {
            "waiting": rows,
            "overdue": sum(1 for row in rows if row["clock"] == "overdue"),
            "answered": answered,
            "answered_total": mine.exclude(status=OPEN).count(),
            "answered_shown": ANSWERED_SHOWN,
        },
    )


# One request, and the three ways to respond to it ---------------------------------------


@permission(SIGNED_IN)
def detail(request, pk):
    info_request = access.request_for(request.user, pk, reason=VIEWED)
    return _detail_page(request, info_request)


def _detail_page(request, info_request, *, status=200, problem="", **bound_forms):
    can_respond = info_request.status == OPEN and access.may(
        request.user, access.RESPOND, info_request
    )
    forms = {}
    if can_respond:
        read = {"version": info_request.version}
        forms = {
            "answer_form": AnswerForm(info_request=info_request, initial=read),
            "nothing_known_form": NothingKnownForm(initial=read),
            "decline_form": DeclineForm(initial=read),
        }
        forms.update(bound_forms)
    failed = next((form for form in forms.values() if form.errors), None)
    labels = dict(zip(info_request.categories, info_request.category_labels(), strict=True))
    return render(
        request,
        "sharing/detail.html",
        {
            "info_request": info_request,
            "clock": clock_status(info_request.requested_at, info_request.due_at)
            if info_request.status == OPEN
            else "",
            "subjects": [
                {"subject": s, "age": subject_age(s)} for s in info_request.subjects.all()
            ],
            "answers": [
                (labels.get(category, category), text)
                for category, text in info_request.answers.items()
            ],
            "can_respond": can_respond,
            "can_open_contact": access.may(request.user, HUB_WORK, info_request.contact),
            "problem": problem,
            "form": failed,
            **forms,
        },
        status=status,
    )


def _read_again(request, pk, *, status, problem="", **bound_forms):
    """Show the request as it is now (someone may have answered it), with what went wrong."""
    info_request = access.request_for(request.user, pk, reason=VIEWED)
    return _detail_page(request, info_request, status=status, problem=problem, **bound_forms)


def _respond(request, pk, *, form, form_name, action, done):
    if not form.is_valid():
        return _read_again(request, pk, status=422, **{form_name: form})
    try:
        action(form.cleaned_data)
    except ConflictError as conflict:
        return _read_again(request, pk, status=409, problem=str(conflict))
    except ValidationError as refusal:
        form.add_error(None, refusal)
        return _read_again(request, pk, status=422, **{form_name: form})
    messages.success(request, done)
    return redirect("sharing:detail", pk=pk)


@require_POST
@permission(SIGNED_IN)
def answer(request, pk):
    info_request = access.request_for(request.user, pk, access.RESPOND)
    return _respond(
        request,
        pk,
        form=AnswerForm(request.POST, info_request=info_request),
        form_name="answer_form",
        action=lambda data: services.request_answer(
            request=info_request,
            by=request.user,
            expected_version=data["version"],
            answers={c: data[ANSWER_PREFIX + c] for c in info_request.categories},
        ),
        done="Your answer has been sent to the front door.",
    )


@require_POST
@permission(SIGNED_IN)
def nothing_known(request, pk):
    info_request = access.request_for(request.user, pk, access.RESPOND)
    return _respond(
        request,
        pk,
        form=NothingKnownForm(request.POST),
        form_name="nothing_known_form",
        action=lambda data: services.request_nothing_known(
            request=info_request, by=request.user, expected_version=data["version"]
        ),
        done="You have told the front door that nothing is known.",
    )


@require_POST
@permission(SIGNED_IN)
def decline(request, pk):
    info_request = access.request_for(request.user, pk, access.RESPOND)
    return _respond(
        request,
        pk,
        form=DeclineForm(request.POST),
        form_name="decline_form",
        action=lambda data: services.request_decline(
            request=info_request,
            by=request.user,
            expected_version=data["version"],
            reason=data["reason"],
        ),
        done="You have declined to share. The front door has been told your reason.",
    )


# The hub asks ----------------------------------------------------------------------------


@permission(SIGNED_IN)
def ask(request, pk):
    if request.method != "POST":
        contact = access.contact_for_asking(request.user, pk, reason=ASK_REASON)
        return _ask_page(request, contact, AskForm(contact=contact))
    contact = access.contact_for_asking(request.user, pk)
    form = AskForm(request.POST, contact=contact)
    if form.is_valid():
        data = form.cleaned_data
        try:
            created = services.requests_create(
                contact=contact,
                by=request.user,
                to_agencies=data["agencies"],
                subjects=data["subjects"],
                window=data["window"],
                categories=data["categories"],
                purpose=data["purpose"],
                lawful_basis=data["lawful_basis"],
            )
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            names = [r.to_agency.name for r in created]
            messages.success(request, f"Information requested from {_and_list(names)}.")
            return redirect("hub:contact", pk=contact.pk)
    # The page shows the contact's people again: record that read.
    contact = access.contact_for_asking(request.user, pk, reason=ASK_REASON)
    return _ask_page(request, contact, form, status=422)


def _ask_page(request, contact, form, *, status=200):
    rag, amount, unit = services.request_deadline_rule(contact)
    return render(
        request,
        "sharing/ask.html",
        {
            "contact": contact,
            "form": form,
            "rag": rag,
            "rated": bool(contact.rag),
            "deadline_amount": amount,
            "deadline_unit": unit.replace("_", " "),
            "due_if_asked_now": services.request_due_at(contact, timezone.now()),
        },
        status=status,
    )


def _and_list(names: list[str]) -> str:
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
