"""Setting supervision up, how often it is due, the overdue reminders and the My work panel."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.models import OutboxMessage
from frontdoor.core.testing.factories import PractitionerFactory, sign_in
from frontdoor.supervision import services
from frontdoor.supervision.models import Relationship, SupervisionPolicy

pytestmark = pytest.mark.django_db


def set_up_data(supervisor, supervisee, day=None):
    day = day or timezone.localdate()
    return {
        "supervisor": str(supervisor.pk),
        "supervisee": str(supervisee.pk),
        "started_on_day": str(day.day),
        "started_on_month": str(day.month),
        "started_on_year": str(day.year),
    }


def test_a_hub_manager_sets_up_supervision_at_their_agency(
    client, signed_in, hub_manager, supervisor, supervisee
):
    signed_in(hub_manager)
    response = client.post(
        reverse("supervision:relationship_create"), set_up_data(supervisor, supervisee)
    )
    assert response.status_code == 302
    relationship = Relationship.objects.get()
    assert (relationship.supervisor, relationship.supervisee) == (supervisor, supervisee)
    assert relationship.agency == supervisee.agency
    assert AuditEvent.objects.filter(verb=Verb.CREATE, object_id=str(relationship.pk)).exists()
    assert OutboxMessage.objects.filter(recipient=supervisee, subject__contains="set up").exists()


def test_a_hub_manager_cannot_choose_practitioners_of_another_agency(
    client, signed_in, hub_manager, officer, supervisor
):
    signed_in(hub_manager)
    response = client.post(
        reverse("supervision:relationship_create"), set_up_data(supervisor, officer)
    )
    assert response.status_code == 422
    assert "Select a valid choice" in response.content.decode()
    assert not Relationship.objects.exists()


def test_an_administrator_sets_up_supervision_at_any_agency_within_one_agency(
    client, signed_in, administrator, officer, police, supervisor
):
    police_sergeant = PractitionerFactory(agency=police, role=Role.HUB_MANAGER)
    signed_in(administrator)
    mixed = client.post(
        reverse("supervision:relationship_create"), set_up_data(supervisor, officer)
    )
    assert mixed.status_code == 422
    assert "same agency as the practitioner" in mixed.content.decode()
    same = client.post(
        reverse("supervision:relationship_create"), set_up_data(police_sergeant, officer)
    )
    assert same.status_code == 302
    assert Relationship.objects.get().agency == police


def test_a_practitioner_has_one_current_supervisor(
    client, signed_in, hub_manager, relationship, supervisee, social_care
):
    another = PractitionerFactory(agency=social_care, username="another.supervisor")
    signed_in(hub_manager)
    response = client.post(
        reverse("supervision:relationship_create"), set_up_data(another, supervisee)
    )
    assert response.status_code == 422
    assert "already has a supervisor" in response.content.decode()
    assert Relationship.objects.count() == 1
    end = reverse("supervision:relationship_end", args=[relationship.pk])
    today = timezone.localdate()
    assert (
        client.post(
            end,
            {"ended_on_day": today.day, "ended_on_month": today.month, "ended_on_year": today.year},
        ).status_code
        == 302
    )
    again = client.post(
        reverse("supervision:relationship_create"), set_up_data(another, supervisee)
    )
    assert again.status_code == 302
    assert Relationship.objects.current().get().supervisor == another


def test_supervision_cannot_start_in_the_future(
    client, signed_in, hub_manager, supervisor, supervisee
):
    signed_in(hub_manager)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        reverse("supervision:relationship_create"), set_up_data(supervisor, supervisee, tomorrow)
    )
    assert response.status_code == 422
    assert "The start date must be today or in the past" in response.content.decode()


def test_a_hub_manager_sets_the_frequency_and_due_dates_follow(
    client, signed_in, hub_manager, relationship, social_care
):
    signed_in(hub_manager)
    url = reverse("supervision:frequency", args=[social_care.pk])
    assert client.post(url, {"frequency_weeks": "0", "version": "0"}).status_code == 422
    assert client.post(url, {"frequency_weeks": "52", "version": "0"}).status_code == 422
    assert client.post(url, {"frequency_weeks": "6", "version": "0"}).status_code == 302
    assert SupervisionPolicy.objects.get(agency=social_care).frequency_weeks == 6
    standing = services.standing_of([relationship])[0]
    assert standing.due_on == relationship.started_on + timedelta(weeks=6)


def test_two_managers_on_one_version_of_the_frequency_the_second_gets_a_conflict(
    client, signed_in, hub_manager, administrator, social_care
):
    """Promise 18: a hub manager and an administrator both open the agency's frequency while
    it has no policy of its own (version 0); the second save is refused and shows the first's."""
    url = reverse("supervision:frequency", args=[social_care.pk])
    signed_in(hub_manager)
    assert 'name="version" value="0"' in client.get(url).content.decode()
    assert client.post(url, {"frequency_weeks": "6", "version": "0"}).status_code == 302

    other = Client()
    sign_in(other, administrator)
    response = other.post(url, {"frequency_weeks": "9", "version": "0"})
    assert response.status_code == 409
    page = response.content.decode()
    assert escape(f"Someone else updated how often supervision is due at {social_care}") in page
    assert "Nothing you entered has been saved" in page
    assert 'value="6"' in page and 'value="9"' not in page  # the latest, not what they typed
    assert 'name="version" value="1"' in page
    policy = SupervisionPolicy.objects.get(agency=social_care)
    assert (policy.frequency_weeks, policy.version) == (6, 1)
    changes = AuditEvent.objects.filter(object_type="supervision.supervisionpolicy")
    assert changes.count() == 1

    # From the latest version their change goes through; the first manager's page is now stale.
    assert other.post(url, {"frequency_weeks": "9", "version": "1"}).status_code == 302
    assert client.post(url, {"frequency_weeks": "3", "version": "1"}).status_code == 409
    policy.refresh_from_db()
    assert (policy.frequency_weeks, policy.version) == (9, 2)


def test_overdue_is_against_the_last_session_and_the_agencys_frequency(relationship, supervisee):
    today = timezone.localdate()
    # Started 90 days ago with no session: overdue against the default 4 weeks.
    assert services.standing_of([relationship])[0].overdue
    services.session_record(
        relationship=relationship,
        by=supervisee,
        held_on=today - timedelta(days=27),
        reflections="Reflections",
        wellbeing=4,
    )
    standing = services.standing_of([relationship])[0]
    assert standing.last_session_on == today - timedelta(days=27)
    assert standing.due_on == today + timedelta(days=1)
    assert not standing.overdue
    assert services.standing_of([relationship], today=today + timedelta(days=2))[0].overdue


def test_overdue_reminders_go_to_both_once(relationship, supervisor, supervisee):
    assert services.reminders_send_overdue() == 1
    assert services.reminders_send_overdue() == 0
    reminders = OutboxMessage.objects.filter(subject__contains="is overdue")
    assert sorted(m.recipient.username for m in reminders) == sorted(
        [supervisor.username, supervisee.username]
    )


def test_the_command_and_the_task_are_idempotent_too(relationship):
    from frontdoor.supervision.tasks import remind_overdue_supervision

    out = StringIO()
    call_command("supervision_reminders", stdout=out)
    call_command("supervision_reminders", stdout=out)
    assert "Reminded the parties of 1 overdue supervision." in out.getvalue()
    assert "Reminded the parties of 0 overdue supervisions." in out.getvalue()
    assert remind_overdue_supervision.call() == 0
    assert OutboxMessage.objects.filter(subject__contains="is overdue").count() == 2


def test_a_new_overdue_period_is_reminded_again(relationship, supervisee):
    today = timezone.localdate()
    assert services.reminders_send_overdue() == 1
    services.session_record(
        relationship=relationship,
        by=supervisee,
        held_on=today - timedelta(days=1),
        reflections="Caught up",
        wellbeing=4,
    )
    assert services.reminders_send_overdue() == 0  # up to date now
    later = today + timedelta(weeks=5)
    assert services.reminders_send_overdue(today=later) == 1
    assert services.reminders_send_overdue(today=later) == 0
    assert OutboxMessage.objects.filter(subject__contains="is overdue").count() == 4


def test_ended_supervision_is_never_reminded(relationship, hub_manager):
    services.relationship_end(
        relationship=relationship, by=hub_manager, ended_on=timezone.localdate()
    )
    assert services.reminders_send_overdue() == 0


def test_my_work_shows_supervision_to_both_and_not_to_others(
    client, signed_in, supervisor, supervisee, officer, relationship
):
    for party, text in (
        (supervisee, f"Supervision with {supervisor}"),
        (supervisor, f"Supervising {supervisee}"),
    ):
        signed_in(party)
        page = client.get(reverse("home")).content.decode()
        assert text in page
        assert "Overdue" in page
        assert 'href="/supervision/"' in page  # the navigation item
        client.logout()
    signed_in(officer)
    page = client.get(reverse("home")).content.decode()
    assert "Supervision with" not in page
    assert 'href="/supervision/"' in page  # every practitioner has the page, empty or not


def test_my_supervision_lists_sessions_by_date_only(
    client, signed_in, supervisor, session, relationship
):
    signed_in(supervisor)
    page = client.get(reverse("supervision:index")).content.decode()
    assert f"You supervise {relationship.supervisee}" in page
    assert reverse("supervision:session", args=[session.pk]) in page
    assert "Quillfeather" not in page
