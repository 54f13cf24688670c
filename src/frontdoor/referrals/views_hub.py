"""The hub's side of the front door: the queue, triage, linking, deciding and signing off."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from frontdoor.core.clock import clock_status
from frontdoor.core.errors import ConflictError
from frontdoor.core.permissions import permission
from frontdoor.people.access import person_for_linking
from frontdoor.sharing.access import open_request_counts, requests_visible_to

from . import access, services, signposting
from .forms_hub import DecisionForm, TriageForm, VersionForm
from .models import Contact, Subject

QUEUE_PAGE = 50  # contacts a page, the nearest deadline first
OPEN_STATUSES = (Contact.Status.SUBMITTED, Contact.Status.TRIAGED, Contact.Status.AWAITING_SIGN_OFF)


def _count_open_requests(practitioner, contacts, now) -> None:
    """Each contact's open and overdue information requests, counted for one page of the
    queue only (counting them inside the queue's own query meant grouping every open
    contact on every view)."""
    contacts = list(contacts)
    counts = open_request_counts(practitioner, contacts, now)
    for contact in contacts:
        found = counts.get(contact.pk, {})
        contact.open_requests = found.get("open", 0)
        contact.overdue_requests = found.get("overdue", 0)


@permission(access.VIEW_QUEUE)
def queue(request):
    now = timezone.now()
    contacts = (
        access.contacts_visible_to(request.user)
        .filter(status__in=OPEN_STATUSES)
        .select_related("referrer_agency", "assigned_to")
        .order_by("decision_due_at", "submitted_at", "pk")
    )
    show = request.GET.get("show", "all")
    if show not in ("all", "mine", "late"):
        show = "all"
    if show == "mine":
        contacts = contacts.filter(assigned_to=request.user)
    elif show == "late":
        contacts = contacts.filter(Q(decision_due_at__lt=now) | Q(statutory_due_at__lt=now))
    page = Paginator(contacts, QUEUE_PAGE).get_page(request.GET.get("page"))
    _count_open_requests(request.user, page.object_list, now)
    rows = [
        {
            "contact": c,
            "clock": clock_status(c.submitted_at, c.decision_due_at, now),
            "statutory_clock": clock_status(c.accepted_by_social_care_at, c.statutory_due_at, now)
            if c.statutory_due_at
            else None,
        }
        for c in page
    ]
    context = {"rows": rows, "page": page, "show": show, "now": now}
    if request.user.has_role("hub_manager"):
        visible = access.contacts_visible_to(request.user)
        told, decided = services.referrer_told_within_a_working_day(visible)
        context.update(
            breaches=visible.filter(status__in=OPEN_STATUSES, decision_due_at__lt=now).count(),
            overdue_requests=requests_visible_to(request.user)
            .filter(status="open", due_at__lt=now)
            .count(),
            told=told,
            decided=decided,
            told_share=round(100 * told / decided) if decided else None,
        )
    return render(request, "referrals/hub_queue.html", context)


def _page(request, contact, *, status=200, **forms):
    """The contact page with whichever forms the request is showing (bound, with errors)."""
    now = timezone.now()
    subjects = list(contact.subjects.select_related("person"))
    for subject in subjects:
        subject.age = services.subject_age(subject)
        subject.candidates = (
            access.candidates_for(request.user, subject)
            if subject.link == Subject.Link.UNREVIEWED
            else []
        )
    decided = contact.status in (Contact.Status.DECIDED, Contact.Status.AWAITING_SIGN_OFF)
    decision = getattr(contact, "decision", None)
    decision_form = forms.get("decision_form") or DecisionForm(
        prefix="decision", initial={"version": contact.version}, subjects=subjects
    )
    picker = _picker(request, contact, subjects) if not decided else None
    if picker and picker.need and not decision_form.is_bound:
        decision_form.initial["signpost_for"] = str(picker.need.subject.pk)
    requests = contact.information_requests.select_related("to_agency", "answered_by").order_by(
        "due_at"
    )
    context = {
        "contact": contact,
        "subjects": subjects,
        "requests": [
            {
                "request": r,
                "clock": clock_status(r.requested_at, r.due_at, now)
                if r.status == "open"
                else "ok",
            }
            for r in requests
        ],
        "decision": decision,
        "decided": decided,
        "decision_clock": clock_status(contact.submitted_at, contact.decision_due_at, now),
        "statutory_clock": clock_status(
            contact.accepted_by_social_care_at, contact.statutory_due_at, now
        ),
        "timeline": contact.timeline.select_related("actor"),
        "triage_form": forms.get("triage_form")
        or TriageForm(
            prefix="triage",
            initial={
                "rag": contact.rag,
                "rationale": contact.rag_rationale,
                "version": contact.version,
                "assign_to": contact.assigned_to_id,
            },
        ),
        "decision_form": decision_form,
        "picker": picker,
        "signposted": list(decision.signposted.all()) if decision else [],
        "has_child": any(s.is_child for s in subjects),
        "can_sign_off": access.may(request.user, access.SIGN_OFF, contact),
        "problem": forms.get("problem"),
    }
    return render(request, "referrals/hub_contact.html", context, status=status)


def _picker(request, contact, subjects):
    """The signposting part of the decision form, from what was posted (a search or a
    refused decision) or, on first showing, for the first person at risk anywhere near."""
    posted = request.POST if request.method == "POST" else {}
    return signposting.picker(
        by=request.user,
        contact=contact,
        subjects=subjects,
        for_subject=str(posted.get("decision-signpost_for", "")),
        # Unchecked by a form: a NUL would reach PostgreSQL, which refuses it (a 500).
        text=str(posted.get("decision-signpost_q", "")).replace("\x00", "")[:200],
        all_areas=bool(posted.get("decision-signpost_all_areas")),
        chosen=posted.getlist("decision-services") if posted else (),
    )


# Each change posted from the contact page reads the contact again: recorded only if the
# change is refused and the page is shown again (audit.services.audit_read).
VIEWED_IN_HUB = "Viewed a contact in the hub"


@permission(access.HUB_WORK)
def contact(request, pk):
    contact = access.contact_for(request.user, pk, access.HUB_WORK, reason=VIEWED_IN_HUB)
    return _page(request, contact)


def _attempt(request, contact, action, *, form_name=None, form=None, success=""):
    """Run a service call; show a conflict (409) or a refusal (422) on the contact page."""
    try:
        action()
    except ConflictError as conflict:
        contact.refresh_from_db()
        return _page(request, contact, status=409, problem=str(conflict))
    except ValidationError as refusal:
        if form is not None:
            for message in refusal.messages:
                form.add_error(None, message)
            return _page(request, contact, status=422, **{form_name: form})
        return _page(request, contact, status=422, problem=" ".join(refusal.messages))
    messages.success(request, success)
    return redirect("hub:contact", pk=contact.pk)


@require_POST
@permission(access.HUB_WORK)
def triage(request, pk):
    contact = access.contact_for(request.user, pk, access.HUB_WORK, reason=VIEWED_IN_HUB)
    form = TriageForm(request.POST, prefix="triage")
    if not form.is_valid():
        return _page(request, contact, status=422, triage_form=form)
    data = form.cleaned_data
    return _attempt(
        request,
        contact,
        lambda: services.contact_triage(
            contact=contact,
            by=request.user,
            expected_version=data["version"],
            rag=data["rag"],
            rationale=data["rationale"],
            assign_to=data["assign_to"],
        ),
        form_name="triage_form",
        form=form,
        success=f"{contact.reference} rated {data['rag']}.",
    )


def _versioned_step(request, pk, permission_name, step, success):
    """A one-button step (accept, sign off) that names the version it was shown."""
    contact = access.contact_for(request.user, pk, permission_name, reason=VIEWED_IN_HUB)
    form = VersionForm(request.POST)
    if not form.is_valid():
        return _page(request, contact, status=422, problem="Reload the page and try again.")
    version = form.cleaned_data["version"]
    return _attempt(
        request,
        contact,
        lambda: step(contact=contact, by=request.user, expected_version=version),
        success=success,
    )


@require_POST
@permission(access.HUB_WORK)
def accept(request, pk):
    return _versioned_step(
        request,
        pk,
        access.HUB_WORK,
        services.contact_accept_for_social_care,
        "Accepted as a referral to children's social care: the 1 working day clock has started.",
    )


@require_POST
@permission(access.HUB_WORK)
def link_subject(request, pk, subject_pk):
    contact = access.contact_for(request.user, pk, access.HUB_WORK, reason=VIEWED_IN_HUB)
    subject = contact.subjects.filter(pk=subject_pk).first()
    if subject is None:
        return _page(
            request, contact, status=422, problem="That person is not part of this contact."
        )
    version = VersionForm(request.POST)
    if not version.is_valid():
        return _page(request, contact, status=422, problem="Reload the page and try again.")
    choice = str(request.POST.get("person", ""))
    person = person_for_linking(request.user, choice) if choice != "new" else None
    if choice != "new" and person is None:
        return _page(
            request,
            contact,
            status=422,
            problem="Choose a person from the list, or confirm a new person.",
        )
    return _attempt(
        request,
        contact,
        lambda: services.subject_link(
            subject=subject,
            by=request.user,
            person=person,
            expected_version=version.cleaned_data["version"],
        ),
        success=(
            f"{subject} has been added to the person index as a new person."
            if person is None
            else f"{subject} has been checked against the person index."
        ),
    )


@require_POST
@permission(access.HUB_WORK)
def decide(request, pk):
    searching = request.POST.get("decision-action") == "search"
    contact = access.contact_for(
        request.user,
        pk,
        access.HUB_WORK,
        # A search shows the whole contact again: a read like any other.
        reason="Searched the directory for services to signpost to" if searching else VIEWED_IN_HUB,
    )
    subjects = list(contact.subjects.all())
    if searching:
        # Searching the directory from inside the decision form: show it again as entered.
        keep = ("outcome", "rationale", "signpost_to", "feedback_to_referrer", "version")
        initial = {name: request.POST.get(f"decision-{name}", "") for name in keep}
        initial.update(
            signpost_for=request.POST.get("decision-signpost_for", ""),
            signpost_q=request.POST.get("decision-signpost_q", ""),
            signpost_all_areas=bool(request.POST.get("decision-signpost_all_areas")),
        )
        form = DecisionForm(prefix="decision", initial=initial, subjects=subjects)
        return _page(request, contact, decision_form=form)
    form = DecisionForm(request.POST, prefix="decision", subjects=subjects)
    if not form.is_valid():
        return _page(request, contact, status=422, decision_form=form)
    data = form.cleaned_data
    return _attempt(
        request,
        contact,
        lambda: services.contact_decide(
            contact=contact,
            by=request.user,
            expected_version=data["version"],
            outcome=data["outcome"],
            rationale=data["rationale"],
            feedback=data["feedback_to_referrer"],
            signpost_to=data["signpost_to"],
            services=data["services"],
        ),
        form_name="decision_form",
        form=form,
        success="Decision recorded."
        + (
            " A hub manager must sign it off before the referrer is told."
            if contact.is_red
            else " The referrer has been told."
        ),
    )


@require_POST
@permission(access.SIGN_OFF)
def sign_off(request, pk):
    return _versioned_step(
        request,
        pk,
        access.SIGN_OFF,
        services.contact_sign_off,
        "Decision signed off. The referrer and answering agencies have been told.",
    )
