"""Administrators manage agencies, teams, practitioners and roles."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from frontdoor.agencies.models import Agency, Practitioner, Team
from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.testing.factories import PractitionerFactory, TeamFactory, sign_in

pytestmark = pytest.mark.django_db


def new_practitioner(agency, **overrides):
    data = {
        "username": "new.worker",
        "password": "a-long-temporary-passphrase",
        "first_name": "Aoife",
        "last_name": "O'Brien-Nowak",
        "email": "aoife@agency.example",
        "agency": agency.pk,
        "team": "",
        "job_title": "Family Support Worker",
        "role": Role.FRONTLINE,
    }
    data.update(overrides)
    return data


def test_administrator_adds_a_practitioner(signed_in, administrator, police):
    client = signed_in(administrator)
    response = client.post(reverse("agencies:practitioner_create"), new_practitioner(police))
    assert response.status_code == 302
    created = Practitioner.objects.get(username="new.worker")
    assert created.last_name == "O'Brien-Nowak"
    assert created.agency == police
    assert created.check_password("a-long-temporary-passphrase")
    assert AuditEvent.objects.filter(verb=Verb.CREATE, object_id=str(created.pk)).exists()


def test_bad_practitioner_input_gets_clear_errors_and_creates_nothing(
    signed_in, administrator, police
):
    client = signed_in(administrator)
    other_team = TeamFactory(name="Someone else's team")
    response = client.post(
        reverse("agencies:practitioner_create"),
        new_practitioner(police, username="Bad Name!", password="short", team=other_team.pk),
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "A username may have only lower-case letters" in body
    assert "This password is too short" in body
    assert "Choose a team in the practitioner" in body
    assert not Practitioner.objects.filter(last_name="O'Brien-Nowak").exists()


def test_duplicate_username_is_refused(signed_in, administrator, police, officer):
    response = signed_in(administrator).post(
        reverse("agencies:practitioner_create"), new_practitioner(police, username="officer")
    )
    assert response.status_code == 422
    assert "That username is taken" in response.content.decode()


def test_edit_cannot_set_fields_beyond_the_form(signed_in, administrator, officer):
    """Promise 4: no mass assignment of password, superuser or session fields."""
    client = signed_in(administrator)
    data = {
        "first_name": "Pat",
        "last_name": "Officer",
        "email": "pat@police.example",
        "agency": officer.agency.pk,
        "team": "",
        "job_title": "PC",
        "role": Role.FRONTLINE,
        "is_active": "on",
        "is_superuser": "on",
        "is_staff": "on",
        "password": "x",
        "username": "root",
        "session_version": "1",
        "account_version": "99",
        "version": officer.account_version,
    }
    response = client.post(reverse("agencies:practitioner_edit", args=[officer.pk]), data)
    assert response.status_code == 302
    officer.refresh_from_db()
    assert not officer.is_superuser
    assert not officer.is_staff
    assert officer.username == "officer"
    assert officer.job_title == "PC"


def test_changing_role_is_recorded(signed_in, administrator, officer):
    client = signed_in(administrator)
    data = {
        "first_name": "Pat",
        "last_name": "Officer",
        "email": "pat@police.example",
        "agency": officer.agency.pk,
        "team": "",
        "job_title": "DS",
        "role": Role.HUB_PRACTITIONER,
        "is_active": "on",
        "version": officer.account_version,
    }
    client.post(reverse("agencies:practitioner_edit", args=[officer.pk]), data)
    officer.refresh_from_db()
    assert officer.role == Role.HUB_PRACTITIONER
    event = AuditEvent.objects.filter(verb=Verb.CHANGE, object_id=str(officer.pk)).latest("id")
    assert "role" in event.details["fields"]


def account_post(practitioner, **overrides):
    data = {
        "first_name": practitioner.first_name,
        "last_name": practitioner.last_name,
        "email": practitioner.email,
        "agency": practitioner.agency.pk,
        "team": "",
        "job_title": practitioner.job_title,
        "role": practitioner.role,
        "is_active": "on",
        "version": practitioner.account_version,
    }
    data.update(overrides)
    return data


def test_two_administrators_on_one_version_the_second_gets_a_conflict(
    signed_in, administrator, officer, police
):
    """Promise 18: both opened the account at version 1; the second save is refused and the
    page shows the account as the first left it."""
    other_administrator = PractitionerFactory(
        username="second.admin", agency=police, role=Role.ADMINISTRATOR
    )
    url = reverse("agencies:practitioner_edit", args=[officer.pk])
    first = account_post(officer, job_title="Detective Sergeant")
    second = account_post(officer, job_title="Police Constable", role=Role.HUB_PRACTITIONER)
    assert signed_in(administrator).post(url, first).status_code == 302

    client = Client()
    sign_in(client, other_administrator)
    response = client.post(url, second)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else updated this account" in page
    assert "Nothing you entered has been saved" in page
    assert 'value="Detective Sergeant"' in page  # the latest, not what the second typed
    assert f'name="version" value="{officer.account_version + 1}"' in page
    officer.refresh_from_db()
    assert officer.job_title == "Detective Sergeant"
    assert officer.role == Role.FRONTLINE
    assert officer.account_version == 2
    changes = AuditEvent.objects.filter(verb=Verb.CHANGE, object_id=str(officer.pk))
    assert changes.count() == 1


def test_reset_second_factor_removes_the_authenticator(signed_in, administrator, officer, client):
    from frontdoor.core.testing.factories import give_authenticator

    give_authenticator(officer)
    signed_in(administrator).post(
        reverse("agencies:practitioner_reset_second_factor", args=[officer.pk])
    )
    assert not officer.totpdevice_set.exists()


def test_administrator_adds_an_agency_and_a_team(signed_in, administrator):
    client = signed_in(administrator)
    response = client.post(
        reverse("agencies:create"),
        {"name": "Northshire Women's Aid", "short_name": "NWA", "sector": "domestic_abuse"},
    )
    assert response.status_code == 302
    agency = Agency.objects.get(name="Northshire Women's Aid")
    response = client.post(
        reverse("agencies:team_create", args=[agency.pk]), {"name": "IDVA service"}
    )
    assert response.status_code == 302
    assert Team.objects.filter(agency=agency, name="IDVA service").exists()
    response = client.post(
        reverse("agencies:team_create", args=[agency.pk]), {"name": "IDVA service"}
    )
    assert response.status_code == 422
    assert "already has a team called IDVA service" in response.content.decode()


def test_a_practitioner_sees_their_own_account_and_nobody_elses(signed_in, officer, social_worker):
    client = signed_in(officer)
    assert "Pat Officer" in client.get(reverse("agencies:my_account")).content.decode()
    response = client.get(reverse("agencies:practitioner_detail", args=[social_worker.pk]))
    assert response.status_code == 404
    assert social_worker.email not in response.content.decode()


def test_the_practitioner_list_is_searchable_and_its_reading_is_recorded(
    signed_in, administrator, officer, social_worker
):
    client = signed_in(administrator)
    page = client.get(reverse("agencies:practitioner_list"), {"q": "Officer"}).content.decode()
    assert "Pat Officer" in page
    assert "Sam Worker" not in page
    event = AuditEvent.objects.filter(verb=Verb.VIEW, actor=administrator).latest("id")
    assert event.object_repr == "List of 1 practitioners"
    assert event.details == {"search": "Officer"}


def test_an_empty_form_says_what_to_enter(signed_in, administrator):
    response = signed_in(administrator).post(reverse("agencies:practitioner_create"), {})
    assert response.status_code == 422
    body = response.content.decode()
    assert "Enter the username" in body
    assert "Select the agency" in body
    assert "This field is required" not in body


def officer_edit(officer, **overrides):
    data = {
        "first_name": officer.first_name,
        "last_name": officer.last_name,
        "email": officer.email,
        "agency": officer.agency.pk,
        "team": "",
        "job_title": officer.job_title,
        "role": officer.role,
        "is_active": "on",
        "version": officer.account_version,
    }
    data.update(overrides)
    return data


def test_an_email_address_another_account_uses_is_refused(
    signed_in, administrator, police, officer, social_worker
):
    """Notifications go to the account's email: an address another account already uses (in
    any case) is refused on a new account and on a changed one, and nothing is saved."""
    client = signed_in(administrator)
    taken = social_worker.email.upper()
    response = client.post(
        reverse("agencies:practitioner_create"), new_practitioner(police, email=taken)
    )
    assert response.status_code == 422
    assert "Another account already uses this email address" in response.content.decode()
    assert not Practitioner.objects.filter(username="new.worker").exists()

    before = officer.email
    edit = reverse("agencies:practitioner_edit", args=[officer.pk])
    response = client.post(edit, officer_edit(officer, email=taken))
    assert response.status_code == 422
    assert "Another account already uses this email address" in response.content.decode()
    officer.refresh_from_db()
    assert officer.email == before
    # Keeping their own address (in another case) is not a clash.
    assert client.post(edit, officer_edit(officer, email=before.upper())).status_code == 302


def test_a_refused_edit_names_the_account_as_it_is_saved(signed_in, administrator, officer):
    """After a refused save the title and heading show the saved name, not the one typed."""
    client = signed_in(administrator)
    saved = escape(str(Practitioner.objects.get(pk=officer.pk)))
    response = client.post(
        reverse("agencies:practitioner_edit", args=[officer.pk]),
        officer_edit(officer, first_name="Typedname", last_name=""),
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert f'<h1 class="govuk-heading-l">Change the account of {saved}</h1>' in page
    assert f"<title>Error: Change {saved} – Front Door</title>" in page
    assert "Change the account of Typedname" not in page
    assert 'value="Typedname"' in page  # what they typed stays in the box to correct


def test_the_active_checkbox_explains_itself_in_plain_words(signed_in, administrator, officer):
    page = (
        signed_in(administrator)
        .get(reverse("agencies:practitioner_edit", args=[officer.pk]))
        .content.decode()
    )
    assert "An inactive account cannot sign in." in page
    assert "Designates whether this user" not in page
