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


class ErrorPagesMiddleware:
    """What a person sees when a page refuses them, for every app at once.

    - A page that refuses a change (409 conflict, 422 invalid) starts its title with
      "Error: ", as the GOV.UK error summary pattern asks, whichever context variable the
      page used for its message.
    - A form's address opened directly (reloading a conflict page shown after a post, or
      opening it in a new tab) answers 405 with an explanation and a way on, instead of the
      empty page ``require_POST`` gives. The JSON APIs keep their own answers.
    """

    TITLE = b"<title>"
    ERROR_STATUSES = frozenset({409, 422})
    API_PREFIXES = ("/api/", "/oruk/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.API_PREFIXES) or response.streaming:
            return response
        if (
            response.status_code == 405
            and request.method in ("GET", "HEAD")
            and not response.content
        ):
            return self._form_address_opened(request, response)
        if response.status_code in self.ERROR_STATUSES and self._is_html(response):
            response.content = self._error_title(response.content)
        return response

    @staticmethod
    def _is_html(response) -> bool:
        return response.get("Content-Type", "").startswith("text/html")

    def _error_title(self, content: bytes) -> bytes:
        start = content.find(self.TITLE)
        if start < 0:
            return content
        start += len(self.TITLE)
        if content[start:].lstrip().startswith(b"Error:"):
            return content
        return content[:start] + b"Error: " + content[start:].lstrip()

    @staticmethod
    def _form_address_opened(request, response):
        from django.shortcuts import render

        page = render(request, "core/405.html", status=405)
        page["Allow"] = response["Allow"]
        return page
