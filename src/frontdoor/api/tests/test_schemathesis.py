"""Schemathesis against both OpenAPI schemas, in-process: no input is ever a server error.

Each schema is fetched from the running application (``/api/v1/openapi.json`` and
``/oruk/openapi.json``) through Django's WSGI handler, and Schemathesis generates requests for
every operation it describes, valid and invalid, sent in-process within the test's database
transaction. Every answer must not be a 5xx and, where the schema declares the status code,
must match the schema (SECURITY.md promise 17).
"""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from frontdoor.agencies.roles import Role
from frontdoor.api.services import api_token_issue
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory
from frontdoor.directory.testing import build_directory
from frontdoor.sharing.models import Category

from .test_api import ask, make_contact

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def frontline_with_requests(officer, social_care, police):
    """A frontline social worker whose agency has been asked for information, so that some
    generated ids name real records the token may read and answer."""
    worker = PractitionerFactory(username="schemathesis", agency=social_care, role=Role.FRONTLINE)
    hub = PractitionerFactory(username="hub", agency=social_care, role=Role.HUB_PRACTITIONER)
    contact = make_contact(officer)
    ask(contact, hub, social_care)
    ask(contact, hub, police, categories=[Category.DOMESTIC_ABUSE])
    return worker


@pytest.fixture
def token(frontline_with_requests):
    _, key = api_token_issue(practitioner=frontline_with_requests, name="Schemathesis")
    return {"Authorization": f"Bearer {key}"}


class InTestTransaction(WSGIHandler):
    """Django's WSGI application that, like Django's test client, does not close the test's
    database connection around each request, so the requests run inside the test's
    transaction on PostgreSQL as on SQLite. The body is read before the signals are restored,
    because Django closes connections when the response is closed."""

    def __call__(self, environ, start_response):
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            response = super().__call__(environ, start_response)
            body = b"".join(response)
            response.close()
            return [body]
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)


@pytest.fixture
def application(db):
    return InTestTransaction()


@pytest.fixture
def front_door_api(application):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


def offline(document):
    """The ORUK document as served, made usable offline and by a strict loader: the standard's
    object schemas are ``$ref`` URLs on GitHub (accept any object here: the directory's own
    tests validate every object against the local copy of those schemas), and the standard
    writes ``"type": "time"`` for ``start_time`` and ``end_time``, which is not a JSON Schema
    type (read it as the string with format ``time`` that it means)."""
    if isinstance(document, list):
        return [offline(item) for item in document]
    if not isinstance(document, dict):
        return document
    if str(document.get("$ref", "")).startswith(("http://", "https://")):
        return {"type": "object"}
    if document.get("type") == "time":
        document = {**document, "type": "string", "format": "time"}
    return {key: offline(value) for key, value in document.items()}


@pytest.fixture
def oruk_api(application, settings, client):
    """The ORUK schema, over a small directory, with the rate limit out of the way."""
    from django.core.cache import cache

    build_directory(AgencyFactory(name="Testshire Directory Team", sector="voluntary"))
    settings.FRONTDOOR_ORUK_RATE_LIMIT = (1_000_000, 60)
    cache.clear()
    document = client.get("/oruk/openapi.json").json()
    schema = schemathesis.openapi.from_dict(offline(document))
    schema.app = application
    return schema


front_door = schemathesis.pytest.from_fixture("front_door_api")
oruk = schemathesis.pytest.from_fixture("oruk_api")


@front_door.parametrize()
@EXAMPLES
def test_the_api_never_answers_with_a_server_error(case, token):
    case.call_and_validate(headers=token, checks=CHECKS)


@oruk.parametrize()
@EXAMPLES
def test_the_oruk_api_never_answers_with_a_server_error(case):
    # The standard's schema documents only 200s; our 404, 422 and 429 are in its description.
    case.call_and_validate(checks=[c for c in CHECKS if c is not status_code_conformance])
