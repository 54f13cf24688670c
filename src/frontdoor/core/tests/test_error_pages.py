"""What a person sees when a page refuses them: the same for every app."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from frontdoor.agencies.roles import Role
from frontdoor.core.middleware import ErrorPagesMiddleware
from frontdoor.core.testing.factories import PractitionerFactory, sign_in


def through_middleware(response, path="/plans/1/edit/"):
    return ErrorPagesMiddleware(lambda request: response)(RequestFactory().post(path))


@pytest.mark.parametrize("status", [409, 422])
def test_a_refused_change_says_error_first_in_the_title(status):
    page = HttpResponse("<html><head><title>Edit the plan – Front Door</title>", status=status)
    assert b"<title>Error: Edit the plan" in through_middleware(page).content


def test_a_title_that_already_says_error_is_left_alone():
    page = HttpResponse("<title>Error: Edit the plan</title>", status=422)
    assert through_middleware(page).content == b"<title>Error: Edit the plan</title>"


def test_a_page_that_worked_and_the_api_are_left_alone():
    ok = HttpResponse("<title>Edit the plan</title>")
    assert through_middleware(ok).content == b"<title>Edit the plan</title>"
    api = HttpResponse('{"title": "<title>x"}', status=409, content_type="application/json")
    assert through_middleware(api, path="/api/v1/referrals/").content == b'{"title": "<title>x"}'


@pytest.mark.django_db
def test_opening_a_forms_address_directly_explains_and_changes_nothing(client):
    admin = PractitionerFactory(role=Role.ADMINISTRATOR)
    someone = PractitionerFactory()
    sign_in(client, admin)
    response = client.get(reverse("agencies:practitioner_reset_second_factor", args=[someone.pk]))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    page = response.content.decode()
    assert "This address only takes a form" in page
    assert "Nothing has been changed" in page
    assert reverse("home") in page


def test_the_api_keeps_its_own_405():
    from django.http import HttpResponseNotAllowed

    response = ErrorPagesMiddleware(lambda request: HttpResponseNotAllowed(["POST"]))(
        RequestFactory().get("/api/v1/referrals/")
    )
    assert response.status_code == 405
    assert response.content == b""
