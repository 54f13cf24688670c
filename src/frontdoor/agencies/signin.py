"""Sign-in with a password, then a time-based code (TOTP), and sign-out."""

from __future__ import annotations

import time
from base64 import b32encode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record
from frontdoor.core.permissions import PASSWORD_ONLY, PUBLIC, permission

from .forms import CodeForm, SignInForm

NEXT_KEY = "frontdoor_next"


def _safe_next(request, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return settings.LOGIN_REDIRECT_URL


@permission(PUBLIC)
def signin(request):
    form = SignInForm(request, data=request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            user = form.get_user()
            next_url = _safe_next(request, request.POST.get("next"))
            with transaction.atomic():
                login(request, user)  # a new session key (promise 10)
                audit_record(
                    actor=user, verb=Verb.SIGN_IN, obj=user, reason="Signed in with a password"
                )
            if _has_device(user) or user.needs_second_factor:
                request.session[NEXT_KEY] = next_url
                return redirect("signin_code")
            return redirect(next_url)
        audit_record(
            actor=None,
            verb=Verb.SIGN_IN_FAILED,
            object_type="agencies.practitioner",
            object_repr=request.POST.get("username", "")[:150],
            reason="Failed sign-in attempt",
            details={"username": request.POST.get("username", "")[:150]},
        )
        context = {"form": form, "next": request.POST.get("next", "")}
        return render(request, "agencies/signin.html", context, status=422)
    return render(
        request, "agencies/signin.html", {"form": form, "next": request.GET.get("next", "")}
    )


def lockout_response(request, original_response=None, credentials=None):
    """Shown by django-axes once a username has had too many failed attempts (promise 12)."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    audit_record(
        actor=None,
        verb=Verb.LOCKED_OUT,
        object_type="agencies.practitioner",
        object_repr=str(username)[:150],
        reason="Sign-in locked after repeated failures",
        details={"username": str(username)[:150]},
    )
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "agencies/locked_out.html",
        {"minutes": minutes, "limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )


def _has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def _demo_code(device: TOTPDevice) -> str | None:
    """Demo mode only: the code the device will accept now.

    A code is refused once used (replay protection), so a second sign-in within the same
    30 seconds needs the next step's code, which the device's tolerance allows.
    """
    if not settings.DEMO_MODE:
        return None
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    now_step = totp.t()
    step = max(now_step, (device.last_t if device.last_t is not None else -1) + 1)
    if step > now_step + device.tolerance:
        return None
    totp.time += (step - now_step) * device.step
    return f"{totp.token():0{device.digits}d}"


@permission(PASSWORD_ONLY)
def signin_code(request):
    if request.user.is_verified():
        return redirect("home")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect("signin_setup")
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if device.verify_is_allowed()[0] and device.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                otp_login(request, device)
                audit_record(
                    actor=request.user,
                    verb=Verb.SIGN_IN,
                    obj=request.user,
                    reason="Passed the second factor",
                )
            return redirect(_safe_next(request, request.session.pop(NEXT_KEY, None)))
        form.add_error(
            "code", "The code is not right, or it has expired. Enter the code the app shows now."
        )
    status = 422 if form.errors else 200
    context = {"form": form, "demo_code": _demo_code(device)}
    return render(request, "agencies/signin_code.html", context, status=status)


@permission(PASSWORD_ONLY)
def signin_setup(request):
    """First sign-in, or after an administrator reset: link an authenticator app."""
    if _has_device(request.user):
        return redirect("signin_code")
    device, _ = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Authenticator app"}
    )
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                otp_login(request, device)
                audit_record(
                    actor=request.user,
                    verb=Verb.CHANGE,
                    obj=request.user,
                    reason="Set up an authenticator app",
                    details={"fields": ["second_factor"]},
                )
            messages.success(request, "Your authenticator app is set up.")
            return redirect(_safe_next(request, request.session.pop(NEXT_KEY, None)))
        form.add_error(
            "code", "The code is not right. Check the app shows Front Door and try the new code."
        )
    context = {
        "form": form,
        "qr_svg": segno.make(device.config_url, error="m").svg_inline(
            scale=4, title="QR code for your authenticator app"
        ),
        "secret": b32encode(device.bin_key).decode(),
        "demo_code": _demo_code(device),
    }
    return render(
        request, "agencies/signin_setup.html", context, status=422 if form.errors else 200
    )


@require_POST
@permission(PASSWORD_ONLY)
def signout(request):
    audit_record(actor=request.user, verb=Verb.SIGN_OUT, obj=request.user, reason="Signed out")
    logout(request)  # flushes the session
    messages.info(request, "You have signed out.")
    return redirect("signin")
