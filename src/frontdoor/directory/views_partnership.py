"""The partnership map: bodies, their members and reviews, the view by agency, and the
partner-agency finder. Every signed-in practitioner reads; partnership managers and
administrators keep the map (``access.MANAGE_PARTNERSHIP``)."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect, render

from frontdoor.agencies.models import Agency
from frontdoor.core.errors import ConflictError
from frontdoor.core.permissions import permission
from frontdoor.core.policy import may

from . import access
from . import services_partnership as services
from .forms_partnership import AgencyFinderForm, BodyForm, MembershipForm, PostForm, ReviewForm
from .models.partnership import Body, Membership, current_membership
from .partnership_graph import render_svg
from .partnership_rules import missing_by_body, statutory_basis

MAP_TITLE = "The partnership map"


def _can_manage(request) -> bool:
    return may(request.user, access.MANAGE_PARTNERSHIP)


def _flags(bodies) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    missing = missing_by_body(bodies)
    flags = {}
    for body in bodies:
        found = []
        if body.is_overdue:
            found.append("Review overdue")
        if missing[body.pk]:
            found.append("Missing a required member")
        flags[body.pk] = found
    return flags, missing


@permission(access.VIEW_PARTNERSHIP)
def partnership_map(request):
    bodies = list(Body.objects.open().select_related("area", "parent", "accountable_to"))
    flags, missing = _flags(bodies)
    rows = [
        {
            "body": body,
            "basis": statutory_basis(body),
            "missing": missing[body.pk],
            "overdue": body.is_overdue,
        }
        for body in sorted(
            bodies,
            key=lambda b: (["force_wide", "district", "neighbourhood"].index(b.level), b.name),
        )
    ]
    return render(
        request,
        "directory/partnership/map.html",
        {
            "svg": render_svg(bodies, flags, title=MAP_TITLE),
            "rows": rows,
            "overdue": [r for r in rows if r["overdue"]],
            "lacking": [r for r in rows if r["missing"]],
            "can_manage": _can_manage(request),
        },
    )


@permission(access.VIEW_PARTNERSHIP)
def body_detail(request, pk):
    body = access.body_for_reading(request.user, pk)
    memberships = list(body.memberships.select_related("agency", "person", "post"))
    chairs = [m for m in memberships if m.is_current and m.post and m.post.role == "chair"]
    return render(
        request,
        "directory/partnership/body.html",
        {
            "body": body,
            "basis": statutory_basis(body),
            "missing": missing_by_body([body])[body.pk],
            "chairs": chairs,
            "current": [m for m in memberships if m.is_current],
            "past": [m for m in memberships if not m.is_current],
            "posts": body.posts.all(),
            "sub_groups": body.sub_groups.open(),
            "accountable": body.accountable_bodies.open(),
            "reviews": body.reviews.select_related("reviewed_by"),
            "can_manage": _can_manage(request),
        },
    )


def _save(request, form, save, *, success: str, done):
    """Validate and save; 422 for bad input, 409 for a concurrent edit."""
    if form.is_valid():
        try:
            save(form)
        except ConflictError as conflict:
            form.add_error(None, str(conflict))
            return 409
        messages.success(request, success)
        return done
    return 422


def _form_page(request, template_context: dict, status: int):
    return render(request, "directory/partnership/form.html", template_context, status=status)


@permission(access.MANAGE_PARTNERSHIP)
def body_create(request):
    form = BodyForm(request.POST or None)
    status = 200
    if request.method == "POST":
        created = {}

        def save(f):
            created["body"] = services.body_create(by=request.user, data=f.changes())

        status = _save(request, form, save, success="The body has been added to the map.", done=302)
        if status == 302:
            return redirect("directory:partnership_body", pk=created["body"].pk)
    return _form_page(
        request,
        {
            "form": form,
            "heading": "Add a body to the partnership map",
            "cancel": "directory:partnership_map",
        },
        status,
    )


@permission(access.MANAGE_PARTNERSHIP)
def body_edit(request, pk):
    body = access.body_for_managing(request.user, pk)
    form = BodyForm(request.POST or None, instance=Body.objects.get(pk=body.pk))
    status = 200
    if request.method == "POST":
        status = _save(
            request,
            form,
            lambda f: services.body_update(
                body=body,
                by=request.user,
                expected_version=f.cleaned_data["version"] or 0,
                data=f.changes(),
            ),
            success=f"{body.name} has been updated.",
            done=302,
        )
        if status == 302:
            return redirect("directory:partnership_body", pk=body.pk)
    return _form_page(request, {"form": form, "heading": "Edit the body", "body": body}, status)


@permission(access.MANAGE_PARTNERSHIP)
def post_create(request, pk):
    body = access.body_for_managing(request.user, pk)
    form = PostForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = _save(
            request,
            form,
            lambda f: services.post_create(body=body, by=request.user, data=f.changes()),
            success="The post has been added.",
            done=302,
        )
        if status == 302:
            return redirect("directory:partnership_body", pk=body.pk)
    return _form_page(request, {"form": form, "heading": "Add a post", "body": body}, status)


@permission(access.MANAGE_PARTNERSHIP)
def post_edit(request, pk):
    post = access.post_for_managing(request.user, pk)
    form = PostForm(request.POST or None, instance=type(post).objects.get(pk=post.pk))
    status = 200
    if request.method == "POST":
        status = _save(
            request,
            form,
            lambda f: services.post_update(
                post=post,
                by=request.user,
                expected_version=f.cleaned_data["version"] or 0,
                data=f.changes(),
            ),
            success="The post has been updated.",
            done=302,
        )
        if status == 302:
            return redirect("directory:partnership_body", pk=post.body_id)
    return _form_page(
        request,
        {"form": form, "heading": f"Edit the post: {post.label}", "body": post.body},
        status,
    )


@permission(access.MANAGE_PARTNERSHIP)
def membership_create(request, pk):
    body = access.body_for_managing(request.user, pk)
    form = MembershipForm(request.POST or None, body=body)
    status = 200
    if request.method == "POST":
        status = _save(
            request,
            form,
            lambda f: services.membership_create(body=body, by=request.user, data=f.changes()),
            success="The member has been added.",
            done=302,
        )
        if status == 302:
            return redirect("directory:partnership_body", pk=body.pk)
    return _form_page(request, {"form": form, "heading": "Add a member", "body": body}, status)


@permission(access.MANAGE_PARTNERSHIP)
def membership_edit(request, pk):
    membership = access.membership_for_managing(request.user, pk)
    form = MembershipForm(
        request.POST or None,
        instance=Membership.objects.get(pk=membership.pk),
        body=membership.body,
    )
    status = 200
    if request.method == "POST":
        status = _save(
            request,
            form,
            lambda f: services.membership_update(
                membership=membership,
                by=request.user,
                expected_version=f.cleaned_data["version"] or 0,
                data=f.changes(),
            ),
            success="The membership has been updated.",
            done=302,
        )
        if status == 302:
            return redirect("directory:partnership_body", pk=membership.body_id)
    return _form_page(
        request,
        {
            "form": form,
            "heading": f"Edit the membership of {membership.agency}",
            "body": membership.body,
        },
        status,
    )


@permission(access.MANAGE_PARTNERSHIP)
def review_record(request, pk):
    body = access.body_for_managing(request.user, pk)
    form = ReviewForm(request.POST or None, initial={"version": body.version})
    status = 200
    if request.method == "POST":
        status = _save(
            request,
            form,
            lambda f: services.review_record(
                body=body,
                by=request.user,
                expected_version=f.cleaned_data["version"],
                outcome=f.cleaned_data["outcome"],
                notes=f.cleaned_data["notes"],
                next_review=f.cleaned_data["next_review"],
            ),
            success=f"The review of {body.name} has been recorded.",
            done=302,
        )
        if status == 302:
            return redirect("directory:partnership_body", pk=body.pk)
    return _form_page(
        request,
        {
            "form": form,
            "heading": "Record a review",
            "body": body,
            "intro": "Record what the partnership decided about this body. The review is kept "
            "in the body's history and sets its next review date.",
        },
        status,
    )


@permission(access.VIEW_PARTNERSHIP)
def agency_view(request, pk):
    """Which bodies an agency is on, and who attends for it."""
    agency = access.agency_for_partnership(request.user, pk)
    memberships = (
        Membership.objects.filter(current_membership(), agency=agency, body__in=Body.objects.open())
        .select_related("body", "person", "post")
        .order_by("body__name")
    )
    return render(
        request,
        "directory/partnership/agency.html",
        {"agency": agency, "memberships": memberships},
    )


@permission(access.VIEW_PARTNERSHIP)
def agency_finder(request):
    """Find a partner agency by name, sector or district; each links its profile."""
    form = AgencyFinderForm(request.GET or None)
    agencies = Agency.objects.filter(is_active=True).prefetch_related("areas").order_by("name")
    status = 200
    if form.is_bound:
        if form.is_valid():
            data = form.cleaned_data
            if data["q"]:
                agencies = agencies.filter(
                    Q(name__icontains=data["q"]) | Q(short_name__icontains=data["q"])
                )
            if data["sector"]:
                agencies = agencies.filter(sector=data["sector"])
            if data["area"]:
                area = int(data["area"])
                agencies = agencies.filter(
                    Q(areas__pk=area) | Q(areas__children__pk=area)
                ).distinct()
        else:
            status = 422
            agencies = agencies.none()
    return render(
        request,
        "directory/partnership/agencies.html",
        {"form": form, "agencies": agencies},
        status=status,
    )
