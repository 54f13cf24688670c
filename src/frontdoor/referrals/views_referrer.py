"""The referrer's side of the front door: question pages, check your answers, drafts, and
their own view of a sent referral and its outcome."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.access import load_or_404
from frontdoor.core.errors import ConflictError
from frontdoor.core.permissions import permission
from frontdoor.core.policy import may

from . import access, services
from .forms_referrer import (
    CallerForm,
    ConcernsForm,
    ConsentForm,
    StartForm,
    SubjectForm,
    WhatHappenedForm,
)
from .models import Consent, Contact

GET_OR_POST = require_http_methods(["GET", "POST"])
READ_DRAFT = "Viewed their own draft referral"
STATUS_TAGS = {
    Contact.Status.DRAFT: "govuk-tag--grey",
    Contact.Status.SUBMITTED: "govuk-tag--blue",
    Contact.Status.TRIAGED: "govuk-tag--light-blue",
    Contact.Status.AWAITING_SIGN_OFF: "govuk-tag--yellow",
    Contact.Status.DECIDED: "govuk-tag--green",
}
# Which page answers each of services.contact_problems()'s messages (for error summary links).
PROBLEM_PAGES = (
    ("caller", "referrals:caller"),
    ("person", "referrals:people"),
    ("date of birth", "referrals:people"),
    ("concern", "referrals:concerns"),
    ("what happened", "referrals:what_happened"),
    ("crime", "referrals:what_happened"),
    ("danger", "referrals:what_happened"),
    ("consent", "referrals:consent"),
)


# Loading -----------------------------------------------------------------------------------


def _draft_for(request, pk) -> Contact:
    """The practitioner's own draft (else 404; a sent one is 403). A GET shows its data."""
    reason = READ_DRAFT if request.method == "GET" else None
    return access.contact_for(request.user, pk, access.EDIT_DRAFT, reason=reason)


def _steps(contact: Contact) -> list[str]:
    steps = ["referrals:people", "referrals:concerns", "referrals:what_happened"]
    steps.append("referrals:consent")
    if contact.source == Contact.Source.PUBLIC:
        steps.insert(0, "referrals:caller")
    return steps + ["referrals:check"]


def _next_url(request, contact: Contact, this_step: str) -> str:
    if request.POST.get("action") == "save":
        return reverse("referrals:mine")
    if request.GET.get("from") == "check":
        return reverse("referrals:check", args=[contact.pk])
    steps = _steps(contact)
    return reverse(steps[steps.index(this_step) + 1], args=[contact.pk])


def _back_url(request, contact: Contact, this_step: str) -> str:
    if request.GET.get("from") == "check":
        return reverse("referrals:check", args=[contact.pk])
    steps = _steps(contact)
    index = steps.index(this_step)
    return reverse(steps[index - 1], args=[contact.pk]) if index else reverse("referrals:start")


def resume_url(contact: Contact) -> str:
    """Where a draft picks up: the first question not yet answered, else check your answers."""
    unanswered = {
        "referrals:caller": not contact.caller_name.strip(),
        "referrals:people": not contact.subjects.exists(),
        "referrals:concerns": not contact.concerns,
        "referrals:what_happened": not contact.what_happened.strip()
        or contact.crime_alleged is None
        or contact.immediate_danger is None,
        "referrals:consent": not contact.consent
        or (contact.consent != Consent.GIVEN and not contact.lawful_basis),
    }
    for step in _steps(contact):
        if unanswered.get(step):
            return reverse(step, args=[contact.pk])
    return reverse("referrals:check", args=[contact.pk])


def _save_draft(request, contact: Contact, form) -> str:
    """Write the page's answers. Returns "" when saved, else why not (the form is told too
    when the draft has just been sent; a conflict keeps nothing of the form)."""
    try:
        services.contact_update_draft(
            contact=contact,
            by=request.user,
            expected_version=form.cleaned_data["version"],
            changes=form.answers(),
        )
    except ConflictError as conflict:
        return str(conflict)
    except ValidationError as error:
        form.add_error(None, error)
        return "; ".join(error.messages)
    return ""


def _question(request, pk, *, step: str, form_class, template: str, context: dict | None = None):
    """A question page about the contact itself: show, or check and save, then move on."""
    contact = _draft_for(request, pk)
    if step == "referrals:caller" and contact.source != Contact.Source.PUBLIC:
        return redirect("referrals:people", pk=contact.pk)
    status, conflict = 200, ""
    if request.method == "POST":
        form = form_class(request.POST, saving=request.POST.get("action") == "save")
        if form.is_valid():
            problem = _save_draft(request, contact, form)
            if not problem:
                return redirect(_next_url(request, contact, step))
            # Sent meanwhile (the form says so) or saved meanwhile from another page.
            status, conflict = 409, "" if form.errors else problem
        else:
            status = 422
    if request.method != "POST" or conflict:
        # Someone else saved first: show the draft as it is now, with nothing of this form.
        contact.refresh_from_db()
        form = form_class(initial=form_class.initial_for(contact))
    return render(
        request,
        template,
        {
            "contact": contact,
            "form": form,
            "conflict": conflict,
            "back_url": _back_url(request, contact, step),
            **(context or {}),
        },
        status=status,
    )


# Starting and listing ------------------------------------------------------------------------


@permission(access.VIEW_CONTACT)
def mine(request):
    """The referrer's drafts and sent referrals, newest first. Only their own."""
    contacts = list(
        access.contacts_visible_to(request.user)
        .filter(referrer=request.user)
        .select_related("decision")
        .prefetch_related("subjects")
    )
    drafts = [c for c in contacts if c.status == Contact.Status.DRAFT]
    drafts.sort(key=lambda c: c.created_at, reverse=True)
    sent = [c for c in contacts if c.status != Contact.Status.DRAFT]
    sent.sort(key=lambda c: c.submitted_at, reverse=True)
    if contacts:
        audit_record(
            actor=request.user,
            verb=Verb.VIEW,
            object_type="referrals.contact",
            object_repr=f"List of {len(contacts)} referrals made by {request.user}",
            reason="Viewed the list of their own referrals",
        )
    return render(
        request,
        "referrals/referral_mine.html",
        {
            "drafts": [{"contact": c, "continue_url": resume_url(c)} for c in drafts],
            "sent": [
                {
                    "contact": c,
                    "tag": STATUS_TAGS[c.status],
                    "outcome": _outcome(c),
                }
                for c in sent
            ],
        },
    )


@permission(access.MAKE_REFERRAL)
@GET_OR_POST
def start(request):
    # Hub practitioners also take phone calls from the public and record them as contacts.
    takes_calls = may(request.user, access.VIEW_QUEUE)
    form = None
    if takes_calls:
        form = StartForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form is None or form.is_valid():
            source = form.cleaned_data["source"] if form else Contact.Source.PRACTITIONER
            contact = services.contact_start(by=request.user, source=source)
            return redirect(_steps(contact)[0], pk=contact.pk)
    return render(
        request,
        "referrals/referral_start.html",
        {"form": form},
        status=422 if form is not None and form.errors else 200,
    )


# The question pages --------------------------------------------------------------------------


@permission(access.EDIT_DRAFT)
@GET_OR_POST
def caller(request, pk):
    return _question(
        request,
        pk,
        step="referrals:caller",
        form_class=CallerForm,
        template="referrals/referral_caller.html",
    )


@permission(access.EDIT_DRAFT)
@GET_OR_POST
def people(request, pk):
    contact = _draft_for(request, pk)
    if request.method == "POST":
        if request.POST.get("action") == "save":
            return redirect("referrals:mine")
        if contact.subjects.exists():
            return redirect(_next_url(request, contact, "referrals:people"))
        return _people_page(
            request, contact, status=422, error="Add at least one person the referral is about"
        )
    return _people_page(request, contact)


def _people_page(request, contact: Contact, *, status=200, error="", conflict=""):
    subjects = list(contact.subjects.all())
    # The hub, recording a call, sees at once who may already be known (a frontline
    # referrer gets no candidates at all); linking happens on the contact page once sent.
    for subject in subjects:
        subject.candidates = access.candidates_for(request.user, subject)
    return render(
        request,
        "referrals/referral_people.html",
        {
            "contact": contact,
            "subjects": subjects,
            "error": error,
            "conflict": conflict,
            "back_url": _back_url(request, contact, "referrals:people"),
        },
        status=status,
    )


def _person_page(request, contact: Contact, subject=None):
    status, conflict = 200, ""
    editing = subject is not None
    if request.method == "POST":
        form = SubjectForm(request.POST, editing=editing)
        if form.is_valid():
            try:
                services.subject_save(
                    contact=contact,
                    by=request.user,
                    data=form.subject_data(),
                    subject=subject,
                    expected_version=form.cleaned_data["version"] if editing else None,
                )
            except ConflictError as error:
                conflict = str(error)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if request.POST.get("action") == "save":
                    return redirect("referrals:mine")
                if request.GET.get("from") == "check":
                    return redirect("referrals:check", pk=contact.pk)
                return redirect("referrals:people", pk=contact.pk)
        status = 409 if conflict or form.non_field_errors() else 422
    if request.method != "POST" or conflict:
        # On a conflict, show the person as they are now, with nothing of this form.
        if subject is not None:
            subject.refresh_from_db()
        form = SubjectForm(
            initial=SubjectForm.initial_for(subject) if subject else None, editing=editing
        )
    back = (
        reverse("referrals:check", args=[contact.pk])
        if request.GET.get("from") == "check"
        else reverse("referrals:people", args=[contact.pk])
    )
    return render(
        request,
        "referrals/referral_person.html",
        {
            "contact": contact,
            "subject": subject,
            "form": form,
            "conflict": conflict,
            "back_url": back,
        },
        status=status,
    )


@permission(access.EDIT_DRAFT)
@GET_OR_POST
def person_add(request, pk):
    return _person_page(request, _draft_for(request, pk))


@permission(access.EDIT_DRAFT)
@GET_OR_POST
def person_edit(request, pk, subject_pk):
    contact = _draft_for(request, pk)
    subject = load_or_404(contact.subjects.all(), pk=subject_pk)
    return _person_page(request, contact, subject)


@permission(access.EDIT_DRAFT)
@require_POST
def person_remove(request, pk, subject_pk):
    contact = _draft_for(request, pk)
    subject = load_or_404(contact.subjects.all(), pk=subject_pk)
    shown = str(request.POST.get("version", ""))
    try:
        services.subject_remove(
            subject=subject,
            by=request.user,
            # No version (or junk): treat it as stale.
            expected_version=int(shown) if shown.isascii() and shown.isdigit() else 0,
        )
    except ConflictError as conflict:
        return _people_page(request, contact, status=409, conflict=str(conflict))
    return redirect("referrals:people", pk=contact.pk)


@permission(access.EDIT_DRAFT)
@GET_OR_POST
def concerns(request, pk):
    return _question(
        request,
        pk,
        step="referrals:concerns",
        form_class=ConcernsForm,
        template="referrals/referral_concerns.html",
    )


@permission(access.EDIT_DRAFT)
@GET_OR_POST
def what_happened(request, pk):
    return _question(
        request,
        pk,
        step="referrals:what_happened",
        form_class=WhatHappenedForm,
        template="referrals/referral_what_happened.html",
    )


@permission(access.EDIT_DRAFT)
@GET_OR_POST
def consent(request, pk):
    return _question(
        request,
        pk,
        step="referrals:consent",
        form_class=ConsentForm,
        template="referrals/referral_consent.html",
    )


# Check your answers, send, and after ---------------------------------------------------------


def _problem_links(contact: Contact, problems: list[str]) -> list[dict]:
    links = []
    for problem in problems:
        lowered = problem.lower()
        url_name = next((name for word, name in PROBLEM_PAGES if word in lowered), None)
        href = reverse(url_name, args=[contact.pk]) + "?from=check" if url_name else ""
        links.append({"text": problem, "href": href})
    return links


@permission(access.EDIT_DRAFT)
@GET_OR_POST
def check(request, pk):
    contact = _draft_for(request, pk)
    status = 200
    conflict = ""
    if request.method == "POST":
        try:
            sent = services.contact_submit(contact=contact, by=request.user)
        except ValidationError:
            status = 422
        except ConflictError as error:
            conflict, status = str(error), 409
        else:
            return redirect("referrals:sent", pk=sent.pk)
    problems = services.contact_problems(contact)
    return render(
        request,
        "referrals/referral_check.html",
        {
            "contact": contact,
            "subjects": list(contact.subjects.all()),
            "problems": _problem_links(contact, problems),
            "conflict": conflict,
            "changes": True,
            "tried_to_send": request.method == "POST",
        },
        status=status,
    )


@permission(access.VIEW_OWN_REFERRAL)
def sent(request, pk):
    contact = access.contact_for(
        request.user,
        pk,
        access.VIEW_OWN_REFERRAL,
        reason="Viewed the confirmation of the referral they sent",
    )
    if contact.status == Contact.Status.DRAFT:
        return redirect("referrals:check", pk=contact.pk)
    return render(request, "referrals/referral_sent.html", {"contact": contact})


def _outcome(contact: Contact) -> dict | None:
    """What the referrer is told once the decision is final: proportionate, not the record."""
    if contact.status != Contact.Status.DECIDED:
        return None
    decision = getattr(contact, "decision", None)
    if decision is None:
        return None
    return {
        "label": decision.get_outcome_display(),
        "feedback": decision.feedback_to_referrer,
        "signposted": list(decision.signposted.all()),
        "signpost_to": decision.signpost_to,
        "decided_at": contact.decided_at,
    }


@permission(access.VIEW_OWN_REFERRAL)
def mine_detail(request, pk):
    contact = access.contact_for(
        request.user, pk, access.VIEW_OWN_REFERRAL, reason="Viewed their own referral"
    )
    if contact.status == Contact.Status.DRAFT:
        return redirect("referrals:check", pk=contact.pk)
    return render(
        request,
        "referrals/referral_detail.html",
        {
            "contact": contact,
            "subjects": list(contact.subjects.all()),
            "tag": STATUS_TAGS[contact.status],
            "outcome": _outcome(contact),
            "changes": False,
        },
    )
