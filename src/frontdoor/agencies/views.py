import copy

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.errors import ConflictError
from frontdoor.core.permissions import SIGNED_IN, permission

from . import access, services
from .forms import (
    AgencyForm,
    AgencyProfileForm,
    NewPractitionerForm,
    PractitionerForm,
    TeamForm,
    TimescaleFormSet,
)
from .models import Agency, Practitioner


@permission(access.VIEW_PROFILES)
def agency_list(request):
    agencies = (
        Agency.objects.filter(is_active=True).prefetch_related("areas").order_by("sector", "name")
    )
    sector = request.GET.get("sector", "")
    if sector in Agency.Sector.values:
        agencies = agencies.filter(sector=sector)
    return render(
        request,
        "agencies/agency_list.html",
        {"agencies": agencies, "sectors": Agency.Sector.choices, "sector": sector},
    )


@permission(access.VIEW_PROFILES)
def agency_detail(request, pk):
    agency = access.agency_for_reading(request.user, pk)
    return render(
        request,
        "agencies/agency_detail.html",
        {
            "agency": agency,
            "can_edit": access.may(request.user, access.EDIT_PROFILE, agency),
            "can_administer": access.may(request.user, access.ADMINISTER, agency),
            "teams": agency.teams.annotate(size=Count("members")),
        },
    )


@permission(access.EDIT_PROFILE)
def agency_profile_edit(request, pk):
    agency = access.agency_for_profile_edit(request.user, pk)
    if request.method == "POST":
        form = AgencyProfileForm(request.POST, instance=agency)
        timescales = TimescaleFormSet(request.POST, queryset=agency.timescales.all(), prefix="ts")
        if form.is_valid() and timescales.is_valid():
            kept = [
                {k: f.cleaned_data[k] for k in ("activity", "amount", "unit", "notes")}
                for f in timescales.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            try:
                services.agency_profile_update(
                    agency=agency,
                    by=request.user,
                    expected_version=form.cleaned_data["version"],
                    changes={k: form.cleaned_data[k] for k in services.PROFILE_FIELDS},
                    timescales=kept,
                )
            except ConflictError as conflict:
                form.add_error(None, str(conflict))
            else:
                messages.success(request, f"The profile of {agency.name} has been updated.")
                return redirect("agencies:detail", pk=agency.pk)
        status = 409 if form.non_field_errors() else 422
    else:
        form = AgencyProfileForm(instance=agency, initial={"version": agency.profile_version})
        timescales = TimescaleFormSet(queryset=agency.timescales.all(), prefix="ts")
        status = 200
    return render(
        request,
        "agencies/agency_profile_edit.html",
        {"agency": agency, "form": form, "timescales": timescales},
        status=status,
    )


@permission(access.ADMINISTER)
def agency_create(request):
    form = AgencyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        agency = services.agency_create(
            by=request.user,
            name=form.cleaned_data["name"],
            sector=form.cleaned_data["sector"],
            short_name=form.cleaned_data["short_name"],
            areas=form.cleaned_data["areas"],
        )
        messages.success(
            request, f"{agency.name} has been added. Ask its managers to fill in its profile."
        )
        return redirect("agencies:detail", pk=agency.pk)
    return render(
        request, "agencies/agency_form.html", {"form": form}, status=422 if form.errors else 200
    )


@permission(access.ADMINISTER)
def team_create(request, pk):
    agency = access.agency_for_administration(request.user, pk)
    form = TeamForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        name = form.cleaned_data["name"]
        if agency.teams.filter(name=name).exists():
            form.add_error("name", f"{agency.name} already has a team called {name}")
        else:
            services.team_create(by=request.user, agency=agency, name=name)
            messages.success(request, f"The team {name} has been added to {agency.name}.")
            return redirect("agencies:detail", pk=agency.pk)
    return render(
        request,
        "agencies/team_form.html",
        {"form": form, "agency": agency},
        status=422 if form.errors else 200,
    )


@permission(access.ADMINISTER)
def practitioner_list(request):
    practitioners = Practitioner.objects.select_related("agency", "team").order_by(
        "agency__name", "last_name"
    )
    # Unchecked by a form: a NUL would reach PostgreSQL, which refuses it (a 500).
    query = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    if query:
        practitioners = practitioners.filter(last_name__icontains=query) | practitioners.filter(
            username__icontains=query
        )
    practitioners = list(practitioners[:500])
    audit_record(
        actor=request.user,
        verb=Verb.VIEW,
        object_type="agencies.practitioner",
        object_repr=f"List of {len(practitioners)} practitioners",
        reason="Viewed the practitioner list in administration",
        details={"search": query} if query else {},
    )
    return render(
        request,
        "agencies/practitioner_list.html",
        {"practitioners": practitioners, "query": query},
    )


@permission(access.ADMINISTER)
def practitioner_create(request):
    form = NewPractitionerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        practitioner = services.practitioner_create(
            by=request.user,
            username=data["username"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            agency=data["agency"],
            team=data["team"],
            job_title=data["job_title"],
            role=data["role"],
            password=data["password"],
        )
        messages.success(
            request,
            f"The account {practitioner.username} has been created. "
            "They will set up their authenticator app when they first sign in.",
        )
        return redirect("agencies:practitioner_detail", pk=practitioner.pk)
    return render(
        request,
        "agencies/practitioner_form.html",
        {"form": form, "creating": True},
        status=422 if form.errors else 200,
    )


@permission(SIGNED_IN)
def practitioner_detail(request, pk):
    practitioner = access.practitioner_for_viewing(
        request.user, pk, reason="Viewed a practitioner's account details"
    )
    return render(
        request,
        "agencies/practitioner_detail.html",
        {
            "practitioner": practitioner,
            "can_administer": access.may(request.user, access.ADMINISTER),
        },
    )


@permission(SIGNED_IN)
def my_account(request):
    return practitioner_detail(request, request.user.pk)


@permission(access.ADMINISTER)
def practitioner_edit(request, pk):
    practitioner = access.practitioner_for_administration(request.user, pk)
    status, problem = 200, ""
    if request.method == "POST":
        # The form writes what was posted onto its instance while validating: give it a copy,
        # so a refused page still names the account as it is saved.
        form = PractitionerForm(request.POST, instance=copy.copy(practitioner))
        if form.is_valid():
            try:
                updated = services.practitioner_update(
                    # The service reads the account afresh, under a lock, and saves from
                    # the cleaned data.
                    practitioner=practitioner,
                    by=request.user,
                    expected_version=form.cleaned_data["version"],
                    changes={k: form.cleaned_data[k] for k in PractitionerForm.Meta.fields},
                )
            except ConflictError as conflict:
                # Keep nothing they entered: show the account as it is now (promise 18).
                status, problem = 409, str(conflict)
            else:
                messages.success(request, f"The account {updated.username} has been updated.")
                return redirect("agencies:practitioner_detail", pk=updated.pk)
        else:
            status = 422
    if request.method != "POST" or problem:
        practitioner.refresh_from_db()
        form = PractitionerForm(
            instance=practitioner, initial={"version": practitioner.account_version}
        )
    return render(
        request,
        "agencies/practitioner_form.html",
        {"form": form, "practitioner": practitioner, "problem": problem},
        status=status,
    )


@require_POST
@permission(access.ADMINISTER)
def practitioner_reset_second_factor(request, pk):
    practitioner = access.practitioner_for_administration(request.user, pk)
    services.practitioner_reset_second_factor(practitioner=practitioner, by=request.user)
    messages.success(
        request,
        f"{practitioner} has been signed out and will set up a new authenticator app at next sign-in.",
    )
    return redirect("agencies:practitioner_detail", pk=practitioner.pk)
