"""Meeting pages: parse, call ``access`` and ``services``, render.

Every page that shows a meeting's cases records the read in the audit trail; every page
answers 404 to a practitioner whose agency was not invited (see access.py).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_read, audit_record
from frontdoor.core.errors import ConflictError
from frontdoor.core.permissions import permission

from . import access, marac, services
from .forms import (
    ActionForm,
    AttendanceForm,
    DecisionsForm,
    InformationForm,
    ItemAddForm,
    MeetingForm,
    VersionForm,
)
from .models import CONFIDENTIALITY_STATEMENT, Meeting


def _status(form, status: int = 200) -> int:
    return 422 if form.errors and status == 200 else status


def _errors(refused: ValidationError) -> list[str]:
    return list(refused.messages)


def _add_errors(form, refused: ValidationError) -> None:
    """A refusal from the services (the plans app's may name fields this form lacks)."""
    for message in refused.messages:
        form.add_error(None, message)


@permission(access.VIEW)
def meeting_list(request):
    visible = access.meetings_visible_to(request.user)
    now = timezone.now()
    today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    upcoming = list(visible.filter(starts_at__gte=today).order_by("starts_at")[:50])
    past = list(visible.filter(starts_at__lt=today).order_by("-starts_at")[:50])
    if upcoming or past:
        # A meeting's title is free text a chair could fill with a name: the list is a read.
        audit_read(
            actor=request.user,
            object_type="meetings.meeting",
            object_id="list",
            object_repr=f"{len(upcoming) + len(past)} meetings",
            reason="Listed meetings",
            details={"meetings": [m.pk for m in upcoming + past]},
        )
    return render(
        request,
        "meetings/list.html",
        {"upcoming": upcoming, "past": past, "can_create": access.may(request.user, access.CREATE)},
    )


@permission(access.CREATE)
def meeting_create(request):
    form = MeetingForm(
        request.POST if request.method == "POST" else None,
        chairs=access.chairs_available(),
        agencies=access.agencies_to_invite(),
        initial={"chair": request.user.pk},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.meeting_create(
                by=request.user,
                type=data["type"],
                starts_at=data["starts_at"],
                chair=data["chair"],
                title=data["title"],
                agencies=data["agencies"],
                confidentiality_required=data["confidentiality_required"],
            )
        except ValidationError as refused:
            _add_errors(form, refused)
        else:
            messages.success(request, "The meeting has been arranged.")
            return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form}, status=_status(form))


@permission(access.CREATE)
def daily_create(request):
    if request.method != "POST":
        return redirect("meetings:list")
    meeting, created = services.daily_risk_meeting_create(by=request.user)
    if created:
        count = meeting.items.count()
        messages.success(
            request,
            f"Today's daily risk meeting has been made, with {count} case"
            f"{'s' if count != 1 else ''} on its agenda.",
        )
    else:
        messages.info(request, "Today's daily risk meeting already exists.")
    return redirect("meetings:detail", pk=meeting.pk)


# Read again, and recorded, when a refused change shows the page again (audit.audit_read).
OPENED_MEETING = "Opened a meeting and its agenda"
OPENED_CASE = "Opened a case on a meeting's agenda"


def _meeting_page(request, meeting, *, status=200, errors=(), conflict=False, add_form=None):
    items = services.hearing_order(access.items_of(meeting), meeting.type)
    return render(
        request,
        "meetings/meeting.html",
        {
            "meeting": meeting,
            "items": items,
            "attendance": access.attendance_of(meeting),
            "can_record": access.may(request.user, access.RECORD, meeting),
            "add_form": add_form or ItemAddForm(),
            "errors": errors,
            "conflict": conflict,
            "statement": CONFIDENTIALITY_STATEMENT,
        },
        status=status,
    )


@permission(access.VIEW)
def meeting_detail(request, pk):
    meeting = access.meeting_for(request.user, pk, reason=OPENED_MEETING)
    return _meeting_page(request, meeting)


@permission(access.VIEW)
def item_add(request, pk):
    meeting = access.meeting_for(request.user, pk, access.RECORD, reason=OPENED_MEETING)
    if request.method != "POST":
        return redirect("meetings:detail", pk=meeting.pk)
    form = ItemAddForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        contact = None
        if data["reference"].strip():
            contact = access.contact_for_agenda(request.user, meeting, data["reference"])
            if contact is None:
                form.add_error(
                    "reference", "There is no case sent to the front door with that reference"
                )
        if not form.errors:
            try:
                item = services.item_add(
                    meeting=meeting,
                    by=request.user,
                    contact=contact,
                    title=data["title"],
                    children_involved=data["children_involved"],
                )
            except ValidationError as refused:
                _add_errors(form, refused)
            else:
                messages.success(request, f"{item} has been put on the agenda.")
                return redirect("meetings:detail", pk=meeting.pk)
    return _meeting_page(request, meeting, status=422, add_form=form)


@permission(access.VIEW)
def attendance(request, pk):
    meeting = access.meeting_for(
        request.user, pk, access.RECORD, reason="Opened a meeting's attendance to edit it"
    )
    rows = list(access.attendance_of(meeting))
    invited = {row.agency_id for row in rows}
    agencies = access.agencies_to_invite().exclude(pk__in=invited)
    status = 200
    if request.method == "POST":
        form = AttendanceForm(request.POST, rows=rows, agencies=agencies)
        if form.is_valid():
            data = form.cleaned_data
            changes = [
                services.AttendanceChange(
                    attendance_id=row.pk,
                    present=data[f"present_{row.pk}"],
                    attendee_name=data[f"name_{row.pk}"],
                    acknowledged=data[f"ack_{row.pk}"],
                )
                for row in rows
            ]
            try:
                services.attendance_update(
                    meeting=meeting,
                    by=request.user,
                    expected_version=data["version"],
                    changes=changes,
                    invite=data["invite"],
                )
            except ConflictError as conflict:
                form.add_error(None, str(conflict))
                status = 409
            except ValidationError as refused:
                for message in refused.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, "The attendance has been saved.")
                return redirect("meetings:detail", pk=meeting.pk)
    else:
        initial = {"version": meeting.version}
        for row in rows:
            initial[f"present_{row.pk}"] = row.present
            initial[f"name_{row.pk}"] = row.attendee_name
            initial[f"ack_{row.pk}"] = bool(row.confidentiality_acknowledged_at)
        form = AttendanceForm(initial=initial, rows=rows, agencies=agencies)
    return render(
        request,
        "meetings/attendance.html",
        {"form": form, "meeting": meeting, "statement": CONFIDENTIALITY_STATEMENT},
        status=_status(form, status),
    )


def _status_change(request, pk, change, done_message):
    meeting = access.meeting_for(request.user, pk, access.RECORD, reason=OPENED_MEETING)
    if request.method != "POST":
        return redirect("meetings:detail", pk=meeting.pk)
    form = VersionForm(request.POST)
    if not form.is_valid():
        return _meeting_page(
            request, meeting, status=422, errors=["Open the meeting again and try once more."]
        )
    try:
        change(meeting=meeting, by=request.user, expected_version=form.cleaned_data["version"])
    except ConflictError as conflict:
        return _meeting_page(request, meeting, status=409, errors=[str(conflict)], conflict=True)
    except ValidationError as refused:
        return _meeting_page(request, meeting, status=422, errors=_errors(refused))
    messages.success(request, done_message)
    return redirect("meetings:detail", pk=meeting.pk)


@permission(access.VIEW)
def mark_held(request, pk):
    return _status_change(
        request, pk, services.meeting_mark_held, "The meeting has been recorded as held."
    )


@permission(access.VIEW)
def issue_minutes(request, pk):
    return _status_change(
        request,
        pk,
        services.minutes_issue,
        "The minutes have been issued to the agencies invited.",
    )


@permission(access.VIEW)
def minutes(request, pk):
    meeting = access.meeting_for(request.user, pk)
    audit_record(
        actor=request.user,
        verb=Verb.VIEW,
        obj=meeting,
        reason="Read the minutes of a meeting",
        details={"minutes": True, "issued": meeting.status == Meeting.Status.MINUTES_ISSUED},
    )
    return render(
        request,
        "meetings/minutes.html",
        {
            "meeting": meeting,
            "items": services.hearing_order(access.items_of(meeting), meeting.type),
            "attendance": access.attendance_of(meeting),
            "groups": services.actions_by_outcome(meeting),
            "statement": CONFIDENTIALITY_STATEMENT,
        },
    )


def _item_page(request, item, *, info_form=None, decisions_form=None, status=200, conflict=False):
    meeting = item.meeting
    can_record = access.may(request.user, access.RECORD, meeting) and meeting.is_open_for_recording
    agencies = access.agencies_to_invite().filter(meeting_attendance__meeting=meeting)
    return render(
        request,
        "meetings/item.html",
        {
            "item": item,
            "meeting": meeting,
            "information": item.information.select_related("agency", "recorded_by"),
            "actions": item.actions.select_related("owner_agency", "owner"),
            "can_record": can_record,
            "info_form": info_form or InformationForm(agencies=agencies),
            "decisions_form": decisions_form
            or DecisionsForm(
                initial={
                    "decisions": item.decisions,
                    "heard": item.heard_at is not None,
                    "version": item.version,
                }
            ),
            "conflict": conflict,
            "marac": marac.case_context(item, request.user),
        },
        status=status,
    )


@permission(access.VIEW)
def item_detail(request, pk):
    if request.method == "POST":
        item = access.item_for(request.user, pk, access.RECORD, reason=OPENED_CASE)
        form = DecisionsForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.item_record(
                    item=item,
                    by=request.user,
                    expected_version=data["version"],
                    decisions=data["decisions"],
                    heard=data["heard"],
                )
            except ConflictError as conflict:
                form.add_error(None, str(conflict))
                return _item_page(request, item, decisions_form=form, status=409, conflict=True)
            except ValidationError as refused:
                _add_errors(form, refused)
            else:
                messages.success(request, "The decisions have been saved.")
                return redirect("meetings:item", pk=item.pk)
        return _item_page(request, item, decisions_form=form, status=_status(form))
    item = access.item_for(request.user, pk, reason=OPENED_CASE)
    return _item_page(request, item)


@permission(access.VIEW)
def item_information(request, pk):
    item = access.item_for(request.user, pk, access.RECORD, reason=OPENED_CASE)
    if request.method != "POST":
        return redirect("meetings:item", pk=item.pk)
    agencies = access.agencies_to_invite().filter(meeting_attendance__meeting=item.meeting)
    form = InformationForm(request.POST, agencies=agencies)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.information_add(item=item, by=request.user, **data)
        except ValidationError as refused:
            _add_errors(form, refused)
        else:
            messages.success(request, f"What {data['agency']} shared has been recorded.")
            return redirect("meetings:item", pk=item.pk)
    return _item_page(request, item, info_form=form, status=_status(form))


@permission(access.VIEW)
def item_action(request, pk):
    item = access.item_for(
        request.user,
        pk,
        access.RECORD,
        reason="Opened a case on a meeting's agenda to add an action",
    )
    if not item.meeting.is_open_for_recording:
        messages.info(request, services.MINUTES_ISSUED)
        return redirect("meetings:item", pk=item.pk)
    form = ActionForm(
        request.POST if request.method == "POST" else None,
        agencies=access.agencies_to_invite(),
        owners=access.owners_available(),
        initial={"type": request.GET.get("type", "")},  # "safety" from a MARAC case
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            action = services.action_record(
                item=item,
                by=request.user,
                what=data["what"],
                type=data["type"],
                owner_agency=data["owner_agency"],
                owner=data["owner"],
                due_on=data["due_on"],
            )
        except ValidationError as refused:
            _add_errors(form, refused)
        else:
            messages.success(request, f"The action for {action.owner_agency} has been recorded.")
            return redirect("meetings:item", pk=item.pk)
    return render(
        request,
        "meetings/action_form.html",
        {"form": form, "item": item, "meeting": item.meeting},
        status=_status(form),
    )
