from datetime import UTC

from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from frontdoor.core.exports import csv_text
from frontdoor.core.permissions import permission

from . import access
from .forms import AuditFilterForm, ExportForm
from .models import Verb
from .services import audit_record

EXPORT_COLUMNS = [
    ("occurred_at", "When (UTC)"),
    ("actor_username", "Who"),
    ("actor_agency", "Agency"),
    ("actor_role", "Role"),
    ("verb", "Action"),
    ("object_type", "Record type"),
    ("object_id", "Record number"),
    ("object_repr", "Record"),
    ("reason", "Why"),
    ("recipients", "Recipients"),
    ("ip_address", "From"),
]


@permission(access.VIEW_TRAIL)
def event_list(request):
    form = AuditFilterForm(request.GET or None)
    events = access.events_visible_to(request.user)
    if form.is_bound and form.is_valid():
        events = form.apply(events)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)  # read before this view's own event is written
    audit_record(
        actor=request.user,
        verb=Verb.VIEW,
        object_type="audit.auditevent",
        object_repr=f"Audit trail page {page.number} ({page.paginator.count} events)",
        reason="Viewed the audit trail",
        details={"filters": request.GET.dict()},
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/event_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
        status=422 if form.errors else 200,
    )


@permission(access.EXPORT_TRAIL)
def event_export(request):
    form = ExportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
        if device is None or not device.verify_token(form.cleaned_data["code"]):
            form.add_error("code", "The code is not right, or it has expired")
        else:
            with transaction.atomic():
                events = list(
                    form.apply(access.events_visible_to(request.user)).values_list(
                        *[c for c, _ in EXPORT_COLUMNS]
                    )
                )
                audit_record(
                    actor=request.user,
                    verb=Verb.EXPORT,
                    object_type="audit.auditevent",
                    object_repr=f"{len(events)} audit events",
                    reason=form.cleaned_data["reason"],
                    recipients=[str(request.user.agency or "")],
                    details={
                        "filters": {
                            k: str(v)
                            for k, v in form.cleaned_data.items()
                            if k not in ("code", "reason") and v
                        }
                    },
                )
            rows = ([e[0].astimezone(UTC).isoformat(), *e[1:]] for e in events)
            response = HttpResponse(
                csv_text([label for _, label in EXPORT_COLUMNS], rows),
                content_type="text/csv; charset=utf-8",
            )
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            response["Content-Disposition"] = f'attachment; filename="front-door-audit-{stamp}.csv"'
            return response
    return render(
        request, "audit/event_export.html", {"form": form}, status=422 if form.errors else 200
    )
