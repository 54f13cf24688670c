"""Who is on duty now, rotas, absences, cover and handover."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from frontdoor.core.errors import ConflictError
from frontdoor.core.permissions import SIGNED_IN, permission
from frontdoor.core.policy import may

from . import access_duty as access
from . import duty
from .forms_duty import AbsenceForm, ArrangementForm, HandoverForm, ShiftForm, WeeklyPatternForm
from .models import Agency
from .models_duty import Absence, Shift


@permission(SIGNED_IN)
def duty_now(request):
    """Every agency: who is on duty now and how to reach them."""
    now = timezone.now()
    agencies = Agency.objects.filter(is_active=True).select_related("duty_arrangement")
    rows = [duty.on_duty_now(agency, now) for agency in agencies.order_by("sector", "name")]
    return render(
        request,
        "agencies/duty/duty_now.html",
        {
            "rows": rows,
            "now": now,
            "can_arrange_cover": may(request.user, access.ARRANGE_COVER),
        },
    )


def _week_start(request) -> date:
    today = timezone.localdate()
    try:
        chosen = date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        chosen = today
    return chosen - timedelta(days=chosen.weekday())


@permission(SIGNED_IN)
def rota(request, pk):
    agency = access.agency_for_rota(request.user, pk)
    monday = _week_start(request)
    zone = timezone.get_default_timezone()
    week_from = datetime.combine(monday, datetime.min.time(), zone)
    week_to = datetime.combine(monday + timedelta(days=7), datetime.min.time(), zone)
    shifts = (
        Shift.objects.filter(agency=agency, starts_at__lt=week_to, ends_at__gt=week_from)
        .select_related("practitioner", "team")
        .order_by("starts_at")
    )
    days = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        days.append(
            (day, [s for s in shifts if timezone.localtime(s.starts_at, zone).date() == day])
        )
    absences = access.absences_for_rota(
        request.user,
        agency,
        Absence.objects.filter(
            practitioner__agency=agency, starts_at__lt=week_to, ends_at__gt=week_from
        ).select_related("practitioner"),
    )
    return render(
        request,
        "agencies/duty/rota.html",
        {
            "agency": agency,
            "days": days,
            "monday": monday,
            "previous_week": monday - timedelta(days=7),
            "next_week": monday + timedelta(days=7),
            "absences": absences,
            "cover": duty.on_duty_now(agency),
            "arrangement": duty.arrangement_for(agency),
            "can_edit": may(request.user, access.EDIT_ROTA, agency),
        },
    )


@permission(access.EDIT_ROTA)
def shift_add(request, pk):
    agency = access.agency_for_rota(request.user, pk, edit=True)
    form = ShiftForm(request.POST if request.method == "POST" else None, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            shift = duty.shift_add(
                agency=agency,
                by=request.user,
                practitioner=form.cleaned_data["practitioner"],
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.cleaned_data["ends_at"],
                label=form.cleaned_data["label"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, f"Shift added for {shift.practitioner}.")
            week = timezone.localtime(shift.starts_at).date().isoformat()
            return redirect(f"{_rota_url(agency)}?week={week}")
    return render(
        request,
        "agencies/duty/shift_form.html",
        {"agency": agency, "form": form},
        status=422 if form.errors else 200,
    )


@permission(access.EDIT_ROTA)
def pattern_add(request, pk):
    agency = access.agency_for_rota(request.user, pk, edit=True)
    form = WeeklyPatternForm(request.POST if request.method == "POST" else None, agency=agency)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = duty.rota_generate_weekly(
                agency=agency,
                by=request.user,
                practitioner=data["practitioner"],
                first_day=data["first_day"],
                weeks=data["weeks"],
                weekdays=data["weekdays"],
                start=data["starts"].strftime("%H:%M"),
                hours=float(data["hours"]),
                label=data["label"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, f"{len(made)} shifts added for {data['practitioner']}.")
            return redirect(f"{_rota_url(agency)}?week={data['first_day'].isoformat()}")
    return render(
        request,
        "agencies/duty/pattern_form.html",
        {"agency": agency, "form": form},
        status=422 if form.errors else 200,
    )


def _rota_url(agency) -> str:
    from django.urls import reverse

    return reverse("agencies:duty_rota", args=[agency.pk])


@require_POST
@permission(access.EDIT_ROTA)
def shift_remove(request, pk, shift_pk):
    agency = access.agency_for_rota(request.user, pk, edit=True)
    shift = access.shift_for_removal(request.user, agency, shift_pk)
    week = timezone.localtime(shift.starts_at).date().isoformat()
    duty.shift_remove(shift=shift, by=request.user)
    messages.success(request, "The shift has been removed from the rota.")
    return redirect(f"{_rota_url(agency)}?week={week}")


@permission(access.EDIT_ROTA)
def arrangements_edit(request, pk):
    agency = access.agency_for_rota(request.user, pk, edit=True)
    arrangement = duty.arrangement_for(agency)
    if request.method == "POST":
        form = ArrangementForm(request.POST, instance=arrangement, agency=agency)
        if form.is_valid():
            changes = {k: form.cleaned_data[k] for k in form.Meta.fields}
            try:
                duty.arrangement_update(
                    agency=agency,
                    by=request.user,
                    expected_version=form.cleaned_data["version"],
                    changes=changes,
                )
            except ConflictError as conflict:
                form.add_error(None, str(conflict))
            except ValidationError as error:
                form.add_error(None, "; ".join(error.messages))
            else:
                messages.success(request, f"The duty arrangements of {agency.name} are saved.")
                return redirect("agencies:duty_rota", pk=agency.pk)
        status = 409 if form.non_field_errors() else 422
    else:
        form = ArrangementForm(
            instance=arrangement, agency=agency, initial={"version": arrangement.version}
        )
        status = 200
    return render(
        request,
        "agencies/duty/arrangements_form.html",
        {"agency": agency, "form": form},
        status=status,
    )


@permission(access.RECORD_ABSENCE)
def absence_add(request, practitioner_pk):
    absentee = access.absentee_for_recording(request.user, practitioner_pk)
    form = AbsenceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            duty.absence_record(
                practitioner=absentee,
                by=request.user,
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.cleaned_data["ends_at"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, "; ".join(error.messages))
        else:
            messages.success(request, f"The absence of {absentee} is recorded.")
            if absentee.agency_id:
                return redirect("agencies:duty_rota", pk=absentee.agency_id)
            return redirect("agencies:duty_now")
    return render(
        request,
        "agencies/duty/absence_form.html",
        {"absentee": absentee, "form": form, "is_self": absentee.pk == request.user.pk},
        status=422 if form.errors else 200,
    )


@permission(access.ARRANGE_COVER)
def cover_index(request):
    """Hub managers: colleagues away now, with how many open contacts each still owns."""
    agency = request.user.agency
    visible = access.contacts_visible_to(request.user)
    away = []
    if agency is not None:
        for person, _absence in duty.absent_now(agency):
            away.append({"person": person, "open": duty.open_contacts_of(person, visible).count()})
    return render(request, "agencies/duty/cover_index.html", {"away": away, "agency": agency})


@permission(access.ARRANGE_COVER)
def cover(request, practitioner_pk):
    absentee = access.absentee_for_cover(request.user, practitioner_pk)
    contacts = list(
        duty.open_contacts_of(absentee, access.contacts_visible_to(request.user)).select_related(
            "referrer_agency"
        )
    )
    access.audit_cover_list(request.user, absentee)
    return render(
        request,
        "agencies/duty/cover.html",
        {
            "absentee": absentee,
            "contacts": contacts,
            "advice": duty.who_to_contact(absentee.agency, absentee, viewer=request.user),
        },
    )


@permission(access.HAND_OVER)
def handover(request, contact_pk):
    contact = access.contact_for_handover(request.user, contact_pk)
    agency = duty.handover_agency(contact, request.user)
    candidates = (
        duty.handover_candidates(agency, exclude=contact.assigned_to) if agency is not None else []
    )
    back = request.GET.get("from") == "cover" and contact.assigned_to is not None
    form = HandoverForm(
        request.POST if request.method == "POST" else None,
        candidates=candidates,
        initial={"version": contact.version},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                duty.contact_hand_over(
                    contact=contact,
                    by=request.user,
                    to=form.cleaned_data["to"],
                    note=form.cleaned_data["note"],
                    expected_version=form.cleaned_data["version"],
                )
            except ConflictError as conflict:
                form.add_error(None, str(conflict))
            except ValidationError as error:
                form.add_error(None, "; ".join(error.messages))
            else:
                messages.success(
                    request,
                    f"Contact {contact.reference} handed over to {form.cleaned_data['to']}.",
                )
                if back:
                    return redirect("agencies:duty_cover", practitioner_pk=contact.assigned_to.pk)
                return redirect("hub:contact", pk=contact.pk)
        status = 409 if any("Someone else" in e for e in form.non_field_errors()) else 422
    return render(
        request,
        "agencies/duty/handover_form.html",
        {
            "contact": contact,
            "form": form,
            "agency": agency,
            "candidates": candidates,
            "advice": duty.who_to_contact_for_contact(contact, viewer=request.user),
            "back": back,
        },
        status=status,
    )
