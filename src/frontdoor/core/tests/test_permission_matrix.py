"""Every URL × every role × an involved and an uninvolved agency (SECURITY.md promises 1-3)."""

import importlib
import inspect
import re
import uuid
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from frontdoor.core.permissions import PUBLIC
from frontdoor.core.testing.matrix import REFUSED, ROLES, assert_matrix, build_world

pytestmark = pytest.mark.django_db


def frontdoor_apps():
    return [c for c in apps.get_app_configs() if c.name.startswith("frontdoor.")]


def all_endpoints():
    endpoints = []
    for config in frontdoor_apps():
        tests_dir = Path(config.path) / "tests"
        for path in sorted(tests_dir.glob("matrix*.py")):
            module = importlib.import_module(f"{config.name}.tests.{path.stem}")
            endpoints.extend(module.ENDPOINTS)
    return endpoints


def walk(patterns, namespace=""):
    """Yield (url name, view callback) for every route in the project."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            operations = ninja_operations(pattern.callback)
            if operations:
                # An API path: each operation's view declares its own permission.
                for operation in operations:
                    yield (name, operation.view_func)
            else:
                yield (name, pattern.callback)


def ninja_operations(callback):
    """Django Ninja serves a path through one wrapper around its PathView; look inside."""
    from ninja.operation import PathView

    if not inspect.isfunction(callback):
        return []
    owner = inspect.getclosurevars(callback).nonlocals.get("self")
    return owner.operations if isinstance(owner, PathView) else []


def routes():
    return list(walk(get_resolver().url_patterns))


def test_every_view_declares_its_permission():
    undeclared = [
        f"{name or '(unnamed)'} -> {callback.__module__}.{callback.__name__}"
        for name, callback in routes()
        if not hasattr(callback, "frontdoor_permission")
    ]
    assert not undeclared, "views without @permission(...):\n" + "\n".join(undeclared)


def test_every_route_is_named_and_in_the_permission_matrix():
    covered = {endpoint.url_name for endpoint in all_endpoints()}
    names = {name for name, _ in routes()}
    assert None not in names, "every route needs a name so that the matrix can cover it"
    missing = sorted(names - covered)
    assert not missing, f"routes missing from the permission matrix: {missing}"


def test_the_permission_matrix_holds():
    checks = assert_matrix(all_endpoints(), build_world())
    assert checks == len(all_endpoints()) * 14


NO_SUCH_ID = 987_654_321
PER_REQUEST_TOKENS = re.compile(r'(nonce|csrfmiddlewaretoken" value|csrf-token" content)="[^"]*"')


def missing_record_kwargs(url_name, kwargs):
    """The same URL with every record id swapped for one that does not exist."""
    missing = dict(kwargs)
    for key, value in kwargs.items():
        if isinstance(value, uuid.UUID):
            candidates = [uuid.uuid4()]
        elif isinstance(value, int) or str(value).isdigit():
            candidates = [NO_SUCH_ID, str(NO_SUCH_ID)]
        else:
            candidates = [uuid.uuid4(), f"no-such-{key}-{uuid.uuid4().hex[:8]}"]
        for candidate in candidates:
            try:
                reverse(url_name, kwargs={**missing, key: candidate})
            except NoReverseMatch:
                continue
            missing[key] = candidate
            break
    return missing


def without_tokens(response):
    return PER_REQUEST_TOKENS.sub(r'\1=""', response.content.decode(errors="replace"))


def test_a_refused_role_cannot_tell_whether_a_record_exists():
    """Promise 1: at a URL naming a record, a role the matrix expects to be refused at the
    door gets the answer a record that does not exist gets: the same status (404) and the
    same page, once the per-request tokens (CSP nonce, CSRF) are removed."""
    world = build_world()
    failures, compared = [], 0
    for endpoint in all_endpoints():
        kwargs = endpoint.kwargs(world)
        if not kwargs:
            continue
        real = reverse(endpoint.url_name, kwargs=kwargs)
        missing = reverse(
            endpoint.url_name, kwargs=missing_record_kwargs(endpoint.url_name, kwargs)
        )
        if missing == real:
            continue  # its arguments name no record (an export's format, say)
        extra = {"content_type": endpoint.content_type} if endpoint.content_type else {}
        for role in ROLES:
            for involved in (True, False):
                if endpoint.expect(role, involved) != REFUSED:
                    continue
                client = world.client_for(role, involved)
                data = endpoint.data(world) if endpoint.data else None
                send = getattr(client, endpoint.method)
                answers = [send(url, data, **extra) for url in (real, missing)]
                compared += 1
                where = (
                    f"{endpoint.method.upper()} {real} as {role} ({'in' if involved else 'out'})"
                )
                statuses = [answer.status_code for answer in answers]
                if statuses != [404, 404]:
                    failures.append(f"{where}: {statuses}, for it and for {missing}, not 404s")
                elif without_tokens(answers[0]) != without_tokens(answers[1]):
                    failures.append(f"{where}: its 404 differs from {missing}'s")
    assert compared > 100, compared
    assert not failures, "a refusal tells the record exists:\n" + "\n".join(failures)


def test_signed_out_visitors_are_sent_to_sign_in():
    from django.test import Client

    world = build_world()
    client = Client()
    for endpoint in all_endpoints():
        callback = dict(routes())[endpoint.url_name]
        if callback.frontdoor_permission == PUBLIC:
            continue
        url = reverse(endpoint.url_name, kwargs=endpoint.kwargs(world))
        response = getattr(client, endpoint.method)(url)
        if response.status_code == 405:
            continue
        if getattr(callback, "frontdoor_api", False):
            assert response.status_code == 401, url  # an API answers; it does not redirect
            continue
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("signin")), url


def test_a_password_only_session_cannot_reach_case_pages():
    """Promise 11: roles that see case data must pass the second factor first."""
    from django.test import Client

    from frontdoor.agencies.roles import ROLES_SEEING_CASE_DATA
    from frontdoor.core.permissions import PASSWORD_ONLY
    from frontdoor.core.testing.factories import sign_in

    world = build_world()
    for role in ROLES_SEEING_CASE_DATA:
        client = Client()
        sign_in(client, world.personas[(role, True)], second_factor=False)
        for endpoint in all_endpoints():
            callback = dict(routes())[endpoint.url_name]
            if callback.frontdoor_permission in (PUBLIC, PASSWORD_ONLY):
                continue
            url = reverse(endpoint.url_name, kwargs=endpoint.kwargs(world))
            response = getattr(client, endpoint.method)(url)
            if getattr(callback, "frontdoor_api", False):
                assert response.status_code == 401, (role, url)
                continue
            assert response.status_code == 302, (role, url)
            assert response.url == reverse("signin_code"), (role, url)
