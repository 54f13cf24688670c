from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import patch_cache_control

SESSION_STARTED = "frontdoor_started_at"
SESSION_LAST_SEEN = "frontdoor_last_seen_at"
SEEN_TO_THE = 60  # seconds


class SessionTimeoutMiddleware:
    """Inactivity and absolute session time-outs (SECURITY.md promise 10)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            expired = self._expired(request)
            if expired:
                logout(request)
                messages.info(request, expired)
                return redirect(settings.LOGIN_URL)
        return self.get_response(request)

    @staticmethod
    def _expired(request) -> str:
        now = timezone.now().timestamp()
        session = request.session
        started = session.setdefault(SESSION_STARTED, now)
        last_seen = session.get(SESSION_LAST_SEEN, now)
        idle = settings.SESSION_INACTIVITY_TIMEOUT.total_seconds()
        absolute = settings.SESSION_ABSOLUTE_TIMEOUT.total_seconds()
        if now - last_seen > idle:
            minutes = int(idle // 60)
            return f"You were signed out because you had not done anything for {minutes} minutes."
        if now - started >= absolute:
            hours = int(absolute // 3600)
            return f"You were signed out because you had been signed in for {hours} hours."
        if SESSION_LAST_SEEN not in session or now - last_seen >= SEEN_TO_THE:
            # Noted to the minute: a session is written once a minute while in use, not on
            # every page (a database write each time), so the inactivity time-out may come
            # up to a minute early.
            session[SESSION_LAST_SEEN] = now
        return ""


class NoStoreMiddleware:
    """Pages may carry personal data: browsers and proxies must not keep them (promise 13)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        patch_cache_control(response, no_store=True, private=True)
        return response
