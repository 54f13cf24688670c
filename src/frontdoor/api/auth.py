"""Who is calling, and may they? Every API operation declares its permission here.

Two ways in, tried in this order:

* **An API token** (``Authorization: Bearer <key>``), for an agency's own system. An
  administrator issues it to a named practitioner or service account with
  ``manage.py issue_api_token <username> --name "<system>"``; the key is shown once and only
  its SHA-256 hash is kept. The token stands in for sign-in *and* the second factor
  (promise 11), so treat it like a password plus authenticator: keep it in the system's secret
  store, one token per system, revoke it (``manage.py revoke_api_token <prefix>``) when the
  system or its owner changes. A revoked token, or one whose practitioner is no longer active,
  gets 401 on its next request (promise 5).
* **The browser session** of a signed-in practitioner who has passed the second factor where
  their role needs it. Unsafe methods must carry the CSRF token, as the pages do.

Then the operation's declared ``core.policy`` rule is checked *before* the request body is
parsed, so a practitioner who may not use an operation learns nothing from its validation
errors: 403 where the path names no record, and the same 404 a missing record gets where it
names one (``/referrals/{referral_id}``), as for the pages (``core.permissions.refuse``). Object-level checks happen in ``referrals.access`` and
``sharing.access``, exactly as for the pages.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import AuthenticationError, AuthorizationError
from ninja.security import APIKeyCookie, HttpBearer

from frontdoor.core.permissions import SIGNED_IN, refuse, second_factor_missing
from frontdoor.core.policy import may

from .models import KEY_PREFIX_LENGTH, ApiToken, key_hash
from .services import api_token_touch

# Keys are 46 characters; anything much longer is not one of ours.
MAX_KEY_LENGTH = 200


def token_for(key: str) -> ApiToken | None:
    """The unrevoked token whose key this is, compared in constant time."""
    if not key or len(key) > MAX_KEY_LENGTH:
        return None
    digest = key_hash(key)
    candidates = ApiToken.objects.filter(
        key_prefix=key[:KEY_PREFIX_LENGTH], revoked_at__isnull=True
    ).select_related("practitioner", "practitioner__agency")
    for token in candidates:
        if hmac.compare_digest(token.key_hash, digest):
            return token
    return None


def _require(request: HttpRequest, practitioner: Any, permission: str) -> Any:
    if permission != SIGNED_IN and not may(practitioner, permission):
        match = request.resolver_match
        if match is not None and (match.args or match.kwargs):
            refuse(names_a_record=True)
        raise AuthorizationError(403, "You do not have permission to do this.")
    return practitioner


class ApiTokenAuth(HttpBearer):
    """``Authorization: Bearer <key>``. A header that is present but wrong is a 401 at once:
    it never falls back to a browser session."""

    def __init__(self, permission: str) -> None:
        self.permission = permission
        super().__init__()

    def __call__(self, request: HttpRequest) -> Any:
        # Not HttpBearer.__call__: in DEBUG it logs the whole header, key and all.
        header = request.headers.get(self.header)
        if not header:
            return None
        scheme, _, key = header.partition(" ")
        if scheme.lower() != "bearer":
            raise AuthenticationError(401, "Send the API token as 'Authorization: Bearer <key>'.")
        return self.authenticate(request, key.strip())

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = token_for(token)
        if found is None or not found.practitioner.is_active:
            raise AuthenticationError(401, "This API token is not valid, or has been revoked.")
        api_token_touch(token=found)
        return _require(request, found.practitioner, self.permission)


class SessionAuth(APIKeyCookie):
    """A signed-in browser session that has passed the second factor; CSRF enforced."""

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self, permission: str) -> None:
        self.permission = permission
        super().__init__(csrf=True)

    def __call__(self, request: HttpRequest) -> Any:
        if not request.user.is_authenticated:
            return None
        # APIKeyCookie._get_key runs Django's CSRF check (unsafe methods only).
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if second_factor_missing(request):
            raise AuthenticationError(
                401, "Sign in with your second factor (authenticator code) first."
            )
        return _require(request, request.user, self.permission)


def operation(
    register: Callable[..., Callable], path: str, *, permission: str, **options: Any
) -> Callable[[Callable], Callable]:
    """Register an API operation that declares and enforces ``permission`` (promise 3).

    ``register`` is the NinjaAPI/Router method (``api.get``, ``api.post``…). The view function
    carries ``frontdoor_permission`` like every page's view, so the permission matrix test
    finds it inside Ninja's path view; ``frontdoor_api`` tells that test an API operation
    answers 401 where a page would redirect to sign in.
    """

    def decorate(view: Callable) -> Callable:
        view.frontdoor_permission = permission  # type: ignore[attr-defined]
        view.frontdoor_api = True  # type: ignore[attr-defined]
        auth = [ApiTokenAuth(permission), SessionAuth(permission)]
        # Django's URL name is api:<view name>; the OpenAPI operationId is the view name.
        name = view.__name__
        return register(path, auth=auth, url_name=name, operation_id=name, **options)(view)

    return decorate
