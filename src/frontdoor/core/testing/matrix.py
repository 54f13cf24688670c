"""The permission matrix (SECURITY.md promises 1-3).

Each app lists its endpoints in ``<app>/tests/matrix.py`` as ``ENDPOINTS``: the URL
name, how to build its arguments from a :class:`World`, and the status code each
role should get when its agency is involved in the object and when it is not.
:func:`assert_matrix` requests every endpoint as every role from an involved and an
uninvolved agency and reports every mismatch at once; where the answer is 404 it
also checks that the object's tell-tale text did not leak into the page.

A role that may never use an endpoint is :data:`REFUSED`: 404 where the URL names a record
(it has arguments), the same answer as a record that does not exist, and 403 where it names
none (promise 1; decision 10). A 403 written out is "visible but not allowed".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.test import Client
from django.urls import reverse

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.agencies.roles import Role

from .factories import AgencyFactory, PractitionerFactory, TeamFactory, sign_in

ROLES: tuple[str, ...] = tuple(Role.values)
Expectation = Callable[[str, bool], int]

# Not a status: "this role is refused", which :func:`assert_matrix` reads as 404 on a URL
# that names a record and 403 on one that does not.
REFUSED = 0


def refusal_status(url_kwargs: dict) -> int:
    return 404 if url_kwargs else 403


@dataclass
class World:
    """Two agencies and one practitioner per role at each, plus the objects under test."""

    involved: Agency
    uninvolved: Agency
    personas: dict[tuple[str, bool], Practitioner]
    objects: dict[str, Any] = field(default_factory=dict)
    clients: dict[tuple[str, bool], Client] = field(default_factory=dict)

    def client_for(self, role: str, involved: bool) -> Client:
        key = (role, involved)
        if key not in self.clients:
            client = Client()
            sign_in(client, self.personas[key])
            self.clients[key] = client
        return self.clients[key]


def build_world() -> World:
    involved = AgencyFactory(name="Involved Agency", sector=Agency.Sector.CHILDRENS_SOCIAL_CARE)
    uninvolved = AgencyFactory(name="Uninvolved Agency", sector=Agency.Sector.POLICE)
    personas = {}
    for role in ROLES:
        for is_involved, agency in ((True, involved), (False, uninvolved)):
            personas[(role, is_involved)] = PractitionerFactory(
                username=f"{role}-{'in' if is_involved else 'out'}", agency=agency, role=role
            )
    world = World(involved=involved, uninvolved=uninvolved, personas=personas)
    world.objects["team"] = TeamFactory(agency=involved, name="Involved Team")
    world.objects["subject_practitioner"] = PractitionerFactory(
        username="subject.practitioner",
        agency=involved,
        role=Role.FRONTLINE,
        first_name="Zebedee",
        last_name="Quillfeather",
        email="zebedee.quillfeather@involved.example",
    )
    add_front_door_objects(world)
    return world


SECRET_INCIDENT = "Tell-tale: the Quillfeather kitchen incident"  # noqa: S105 (not a password)


def add_front_door_objects(world: World) -> None:
    """A sent contact and a draft by a referrer at the involved agency, and a request to it.

    The referrer is not one of the role personas: a contact is visible to its referrer and
    to the hub, not to the referrer's colleagues (need to know).
    """
    from datetime import date

    from frontdoor.referrals import services as referrals
    from frontdoor.referrals.models import Concern, Consent, Subject
    from frontdoor.sharing.models import Category, Window
    from frontdoor.sharing.services import request_create

    referrer = PractitionerFactory(
        username="matrix.referrer", agency=world.involved, role=Role.FRONTLINE
    )
    contact = referrals.contact_start(by=referrer)
    referrals.contact_update_draft(
        contact=contact,
        by=referrer,
        changes={
            "concerns": [Concern.DOMESTIC_ABUSE],
            "what_happened": SECRET_INCIDENT,
            "crime_alleged": True,
            "immediate_danger": False,
            "consent": Consent.GIVEN,
        },
    )
    child = referrals.subject_save(
        contact=contact,
        by=referrer,
        data={
            "role": Subject.Role.CHILD_AT_RISK,
            "given_names": "Zara",
            "family_name": "Quillfeather",
            "date_of_birth": date(2018, 2, 28),
        },
    )
    contact = referrals.contact_submit(contact=contact, by=referrer)
    hub = world.personas[(Role.HUB_PRACTITIONER, False)]
    request = request_create(
        contact=contact,
        by=hub,
        to_agency=world.involved,
        subjects=[child],
        window=Window.MONTHS_12,
        categories=[Category.CHILD_PROTECTION],
        purpose="Matrix check",
        lawful_basis="safeguarding",
    )
    draft = referrals.contact_start(by=referrer)
    world.objects.update(
        referrer=referrer, contact=contact, child=child, request=request, draft=draft
    )


@dataclass(frozen=True)
class Endpoint:
    url_name: str
    expect: Expectation
    kwargs: Callable[[World], dict] = lambda world: {}
    method: str = "get"
    data: Callable[[World], dict] | None = None
    # Text about the object that must not appear in a 403 or 404 page.
    secret: Callable[[World], str] | None = None
    # For JSON APIs: "application/json" sends ``data`` as a JSON body instead of a form.
    content_type: str | None = None


# Expectation builders ---------------------------------------------------------


def everyone(status: int = 200) -> Expectation:
    return lambda role, involved: status


def roles_else(allowed: Iterable[str], *, ok: int = 200, otherwise: int = REFUSED) -> Expectation:
    allowed = frozenset(allowed)
    return lambda role, involved: ok if role in allowed else otherwise


def involved_roles_else(
    anywhere: Iterable[str],
    involved_only: Iterable[str],
    *,
    ok: int = 200,
    otherwise: int = REFUSED,
    elsewhere: int | None = None,
) -> Expectation:
    """``elsewhere``: what an ``involved_only`` role at the uninvolved agency gets (by default
    ``otherwise``), such as 403 where it sees the record but may not act on it."""
    anywhere, involved_only = frozenset(anywhere), frozenset(involved_only)

    def expect(role: str, involved: bool) -> int:
        if role in anywhere:
            return ok
        if role in involved_only:
            if involved:
                return ok
            if elsewhere is not None:
                return elsewhere
        return otherwise

    return expect


# Running it -------------------------------------------------------------------


def assert_matrix(endpoints: Iterable[Endpoint], world: World) -> int:
    """Request every endpoint as every persona; fail listing every mismatch. Returns the checks made."""
    failures, checks = [], 0
    for endpoint in endpoints:
        url_kwargs = endpoint.kwargs(world)
        url = reverse(endpoint.url_name, kwargs=url_kwargs)
        for role in ROLES:
            for involved in (True, False):
                client = world.client_for(role, involved)
                data = endpoint.data(world) if endpoint.data else None
                extra = {"content_type": endpoint.content_type} if endpoint.content_type else {}
                response = getattr(client, endpoint.method)(url, data, **extra)
                expected = endpoint.expect(role, involved)
                if expected == REFUSED:
                    expected = refusal_status(url_kwargs)
                checks += 1
                where = "involved" if involved else "uninvolved"
                if response.status_code != expected:
                    failures.append(
                        f"{endpoint.method.upper()} {url} as {role} ({where}): "
                        f"expected {expected}, got {response.status_code}"
                    )
                elif expected in (403, 404) and endpoint.secret:
                    secret = endpoint.secret(world)
                    if secret in response.content.decode(errors="replace"):
                        failures.append(
                            f"{url} as {role} ({where}): {expected} page shows {secret!r}"
                        )
    assert not failures, "permission matrix mismatches:\n" + "\n".join(failures)
    return checks
