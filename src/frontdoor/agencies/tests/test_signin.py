"""Sign-in, the second factor, lockout and session time-outs (SECURITY.md promises 5, 10, 11, 12)."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.testing.factories import (
    TEST_PASSWORD,
    PractitionerFactory,
    current_code,
    give_authenticator,
)

pytestmark = pytest.mark.django_db


def post_password(client, username, password=TEST_PASSWORD):
    return client.post(reverse("signin"), {"username": username, "password": password})


def test_sign_in_with_password_then_code_reaches_home(client, officer):
    device = give_authenticator(officer)
    response = post_password(client, "officer")
    assert response.status_code == 302
    assert response.url == reverse("signin_code")
    # Password alone does not open case pages.
    assert client.get(reverse("home")).url == reverse("signin_code")
    response = client.post(reverse("signin_code"), {"code": current_code(device)})
    assert response.status_code == 302
    page = client.get(reverse("home"))
    assert page.status_code == 200
    assert "My work" in page.content.decode()
    assert AuditEvent.objects.filter(verb=Verb.SIGN_IN, actor=officer).count() == 2


def test_wrong_code_is_refused_with_an_error_summary(client, officer):
    give_authenticator(officer)
    post_password(client, "officer")
    response = client.post(reverse("signin_code"), {"code": "000000"})
    assert response.status_code == 422
    body = response.content.decode()
    assert "There is a problem" in body
    assert "The code is not right" in body
    assert client.get(reverse("home")).status_code == 302


def test_non_digit_code_gets_a_clear_error(client, officer):
    give_authenticator(officer)
    post_password(client, "officer")
    response = client.post(reverse("signin_code"), {"code": "12ab56"})
    assert response.status_code == 422
    assert "The code must be 6 digits" in response.content.decode()


def test_first_sign_in_sets_up_an_authenticator(client, officer):
    post_password(client, "officer")
    response = client.get(reverse("signin_code"))
    assert response.url == reverse("signin_setup")
    page = client.get(reverse("signin_setup"))
    assert page.status_code == 200
    assert "<svg" in page.content.decode()
    device = officer.totpdevice_set.get()
    assert not device.confirmed
    response = client.post(reverse("signin_setup"), {"code": current_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("home")).status_code == 200


def test_partnership_manager_needs_no_second_factor(client, police):
    manager = PractitionerFactory(username="pm", agency=police, role=Role.PARTNERSHIP_MANAGER)
    response = post_password(client, manager.username)
    assert response.url == reverse("home")
    assert client.get(reverse("home")).status_code == 200


def test_wrong_password_is_refused_and_logged(client, officer):
    response = post_password(client, "officer", "not-the-password")
    assert response.status_code == 422
    assert "Enter a correct username and password" in response.content.decode()
    assert AuditEvent.objects.filter(verb=Verb.SIGN_IN_FAILED, object_repr="officer").exists()


def test_sign_in_rotates_the_session_key(client, officer):
    client.get(reverse("signin"))
    client.cookies["sessionid"] = "attacker-chosen-session-key"
    post_password(client, "officer")
    assert client.cookies["sessionid"].value != "attacker-chosen-session-key"


def test_eleven_failures_lock_the_account_until_the_cool_off(client, officer):
    # The promise is "at most 10 failures", whatever the setting says.
    for _ in range(10):
        post_password(client, "officer", "wrong-password")
    locked = post_password(client, "officer")  # the right password, attempt 11
    assert locked.status_code == 429
    assert "You cannot sign in at the moment" in locked.content.decode()
    assert AuditEvent.objects.filter(verb=Verb.LOCKED_OUT).exists()
    with time_machine.travel(timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(minutes=1)):
        response = post_password(client, "officer")
        assert response.status_code == 302


def test_inactivity_signs_the_practitioner_out(signed_in, officer):
    client = signed_in(officer)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert client.get(reverse("home")).status_code == 200
    with time_machine.travel(
        start + settings.SESSION_INACTIVITY_TIMEOUT - timedelta(minutes=1), tick=False
    ):
        assert client.get(reverse("home")).status_code == 200
    with time_machine.travel(start + 2 * settings.SESSION_INACTIVITY_TIMEOUT, tick=False):
        response = client.get(reverse("home"))
        assert response.status_code == 302
        assert response.url == reverse("signin")
        follow = client.get(response.url)
        assert "had not done anything" in follow.content.decode()
        assert client.get(reverse("home")).status_code == 302


def test_absolute_timeout_ends_even_a_busy_session(signed_in, officer):
    client = signed_in(officer)
    start = timezone.now()
    step = settings.SESSION_INACTIVITY_TIMEOUT - timedelta(minutes=5)
    moment = start
    with time_machine.travel(start, tick=False):
        client.get(reverse("home"))
    while moment - start < settings.SESSION_ABSOLUTE_TIMEOUT:
        moment += step
        with time_machine.travel(moment, tick=False):
            response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url == reverse("signin")


def test_sign_out_ends_the_session(signed_in, officer):
    client = signed_in(officer)
    response = client.post(reverse("signout"))
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302
    assert AuditEvent.objects.filter(verb=Verb.SIGN_OUT, actor=officer).exists()


def test_sign_out_needs_post(signed_in, officer):
    client = signed_in(officer)
    assert client.get(reverse("signout")).status_code == 405


def test_open_redirect_after_sign_in_is_refused(client, police):
    manager = PractitionerFactory(username="pm", agency=police, role=Role.PARTNERSHIP_MANAGER)
    response = client.post(
        reverse("signin"),
        {"username": manager.username, "password": TEST_PASSWORD, "next": "https://evil.example/"},
    )
    assert response.url == reverse("home")


@pytest.mark.parametrize("change", [{"is_active": False}, {"role": Role.FRONTLINE}])
def test_disabling_or_changing_role_ends_sessions_at_once(
    client, signed_in, police, administrator, change
):
    from frontdoor.agencies.services import practitioner_update

    analyst = PractitionerFactory(username="analyst", agency=police, role=Role.ANALYST)
    signed_in(analyst)
    assert client.get(reverse("home")).status_code == 200
    practitioner_update(practitioner=analyst, by=administrator, expected_version=1, changes=change)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert reverse("signin") in response.url
