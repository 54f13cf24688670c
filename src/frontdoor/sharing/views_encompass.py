"""Operation Encompass pages: the police record and follow up; the school's DSL acknowledges.

One list page serves both sides: the police see what their agency sent, with its status;
a school's designated safeguarding leads see what was sent to their school. The object
views load through ``access_encompass``: 404 when not visible, 403 when visible but not allowed.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from frontdoor.core.errors import ConflictError
from frontdoor.core.permissions import SIGNED_IN, permission

from . import access_encompass as access
from . import encompass as services
from .forms_encompass import AcknowledgeForm, EncompassForm, FilterForm, HolidayForm

VIEWED = "Viewed an Operation Encompass notification"
SHOWN = 200


@permission(access.ENCOMPASS_USE)
def index(request):
    if access.is_school_dsl(request.user):
        return _school_inbox(request)
    return _police_list(request)


def _police_list(request):
    now = timezone.now()
    notifications = access.notifications_visible_to(request.user)
    overdue_total = services.unacknowledged_overdue(notifications, now).count()
    filters = FilterForm(request.GET or None)
    if filters.is_valid():
        status, school = filters.cleaned_data["status"], filters.cleaned_data["school"]
        if school:
            notifications = notifications.filter(school=school)
        if status == "acknowledged":
            notifications = notifications.filter(acknowledged_at__isnull=False)
        elif status == "overdue":
            notifications = services.unacknowledged_overdue(notifications, now)
        elif status == "sent":
            notifications = notifications.filter(acknowledged_at__isnull=True, due_at__gt=now)
    total = notifications.count()
    shown = list(notifications.order_by("-sent_at", "-pk")[:SHOWN])
    access.list_viewed(
        request.user, shown, reason="Viewed the police list of Operation Encompass notifications"
    )
    return render(
        request,
        "sharing/encompass/police_list.html",
        {
            "rows": [{"n": n, "status": n.status(now)} for n in shown],
            "total": total,
            "shown": SHOWN,
            "overdue_total": overdue_total,
            "filters": filters,
            "can_record": access.may(request.user, access.ENCOMPASS_RECORD),
        },
    )


def _school_inbox(request):
    now = timezone.now()
    mine = access.notifications_visible_to(request.user)
    waiting = list(mine.filter(acknowledged_at__isnull=True).order_by("due_at", "pk"))
    done = list(mine.filter(acknowledged_at__isnull=False).order_by("-acknowledged_at")[:SHOWN])
    access.list_viewed(
        request.user, waiting + done, reason="Viewed the school's Operation Encompass notifications"
    )
    return render(
        request,
        "sharing/encompass/school_inbox.html",
        {"waiting": [{"n": n, "status": n.status(now)} for n in waiting], "done": done},
    )


@permission(access.ENCOMPASS_RECORD)
def new(request):
    form = EncompassForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                notification = services.notification_record(
                    by=request.user, data=form.service_data()
                )
            except ValidationError as refusal:
                form.add_error(None, refusal)
            else:
                leads = access.designated_leads(notification.school).count()
                if leads:
                    messages.success(
                        request,
                        f"Notification sent to {notification.school}'s designated safeguarding "
                        f"lead{'s' if leads != 1 else ''}.",
                    )
                else:
                    messages.warning(
                        request,
                        f"{notification.school} has no designated safeguarding lead on Front "
                        f"Door. The notification is recorded: phone the school before the "
                        f"school day starts.",
                    )
                return redirect("sharing:encompass_detail", pk=notification.pk)
        return render(request, "sharing/encompass/new.html", {"form": form}, status=422)
    return render(request, "sharing/encompass/new.html", {"form": form})


@permission(SIGNED_IN)
def detail(request, pk):
    notification = access.notification_for(request.user, pk, reason=VIEWED)
    return _detail_page(request, notification)


def _detail_page(request, notification, *, status=200, problem="", form=None):
    can_acknowledge = not notification.acknowledged_at and access.may(
        request.user, access.ENCOMPASS_ACKNOWLEDGE, notification
    )
    if can_acknowledge and form is None:
        form = AcknowledgeForm(initial={"version": notification.version})
    return render(
        request,
        "sharing/encompass/detail.html",
        {
            "n": notification,
            "state": notification.status(timezone.now()),
            "age": services.age_on(
                notification.child_date_of_birth,
                timezone.localtime(notification.occurred_at).date(),
            ),
            "can_acknowledge": can_acknowledge,
            "form": form,
            "problem": problem,
            "is_police": access.is_police(request.user),
        },
        status=status,
    )


@require_POST
@permission(SIGNED_IN)
def acknowledge(request, pk):
    notification = access.notification_for(request.user, pk, access.ENCOMPASS_ACKNOWLEDGE)
    form = AcknowledgeForm(request.POST)
    if not form.is_valid():
        notification = access.notification_for(request.user, pk, reason=VIEWED)
        return _detail_page(request, notification, status=422, form=form)
    try:
        services.notification_acknowledge(
            notification=notification,
            by=request.user,
            expected_version=form.cleaned_data["version"],
        )
    except ConflictError as conflict:
        notification = access.notification_for(request.user, pk, reason=VIEWED)
        return _detail_page(request, notification, status=409, problem=str(conflict))
    messages.success(request, "You have acknowledged the notification. The police can see that.")
    return redirect("sharing:encompass_detail", pk=pk)


# School holidays: the days the clock skips ----------------------------------------------


@permission(access.ENCOMPASS_HOLIDAYS)
def holidays(request):
    form = HolidayForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.holiday_add(by=request.user, **form.cleaned_data)
            except ValidationError as refusal:
                form.add_error(None, refusal)
            else:
                messages.success(request, "The school holiday has been added.")
                return redirect("sharing:encompass_holidays")
        status = 422
    listed = access.holidays_listed(timezone.localdate() - timedelta(days=365))
    return render(
        request,
        "sharing/encompass/holidays.html",
        {"form": form, "holidays": listed},
        status=status,
    )


@require_POST
@permission(access.ENCOMPASS_HOLIDAYS)
def holiday_remove(request, pk):
    holiday = access.holiday_or_none(pk)
    if holiday is None:  # removed already, by someone else or a second click
        messages.success(request, "That holiday had already been removed.")
    else:
        services.holiday_remove(by=request.user, holiday=holiday)
        messages.success(request, f"{holiday.name} has been removed.")
    return redirect("sharing:encompass_holidays")
