"""Every view declares its permission (SECURITY.md promise 3).

``@permission(name)`` both declares and enforces it: sign-in, the second factor
for roles that see case data, and the named rule from ``core.policy``. Object
checks happen in each app's ``access.py`` on top of this.

A role the rule refuses gets 403 ("you do not have access") on a page that names no record
(a list, a dashboard, a "new" form), but on a URL that names one (the view is called with URL
arguments) it gets the 404 a missing record gets, so that nobody can tell from the answer
whether that record exists (SECURITY.md promise 1, decision 10).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from .policy import may

# Pseudo-permissions understood by the decorator itself.
PUBLIC = "public"  # anyone, signed in or not
SIGNED_IN = "signed_in"  # any signed-in practitioner who has passed the second factor
# Not a password: signed in, second factor still to come (the 2FA pages).
PASSWORD_ONLY = "password_only"  # noqa: S105  # nosec B105

View = Callable[..., HttpResponse]


def second_factor_missing(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.needs_second_factor and not user.is_verified())


def refuse(*, names_a_record: bool) -> None:
    """A role that may never use this page: 404 where the URL names a record, else 403."""
    if names_a_record:
        raise Http404("No such record, or you may not see it.")
    raise PermissionDenied


def permission(name: str) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if name == PUBLIC:
                return view(request, *args, **kwargs)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if name == PASSWORD_ONLY:
                return view(request, *args, **kwargs)
            if second_factor_missing(request):
                return redirect("signin_code")
            if name != SIGNED_IN and not may(request.user, name):
                refuse(names_a_record=bool(args or kwargs))
            return view(request, *args, **kwargs)

        guarded.frontdoor_permission = name  # type: ignore[attr-defined]
        return guarded

    return decorate
