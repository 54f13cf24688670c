"""Recording, linking cases to and editing a supervision session, through the pages."""

from datetime import timedelta

import pytest
from django.core import mail  # noqa: F401
from django.urls import reverse
from django.utils import timezone

from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.models import OutboxMessage
from frontdoor.supervision.models import Session

from .conftest import make_contact

pytestmark = pytest.mark.django_db


def form_data(day, **overrides):
    data = {
        "held_on_day": str(day.day),
        "held_on_month": str(day.month),
        "held_on_year": str(day.year),
        "reflections": "We reflected on a difficult strategy discussion.",
        "wellbeing": "4",
        "wellbeing_note": "",
        "cases": "",
    }
    data.update(overrides)
    return data


def test_a_supervisee_records_a_session_and_the_supervisor_is_told(
    client, signed_in, supervisee, supervisor, relationship
):
    signed_in(supervisee)
    today = timezone.localdate()
    response = client.post(
        reverse("supervision:session_create", args=[relationship.pk]), form_data(today)
    )
    session = Session.objects.get(relationship=relationship)
    assert response.status_code == 302
    assert response.url == reverse("supervision:session", args=[session.pk])
    assert session.created_by == supervisee
    assert session.wellbeing == 4
    assert AuditEvent.objects.filter(
        verb=Verb.CREATE, object_type="supervision.session", object_id=str(session.pk)
    ).exists()
    message = OutboxMessage.objects.get(recipient=supervisor, subject__contains="recorded")
    assert "recorded" in message.subject
    assert "difficult strategy" not in message.body  # messages never carry the content


def test_a_session_in_the_future_is_refused(client, signed_in, supervisee, relationship):
    signed_in(supervisee)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        reverse("supervision:session_create", args=[relationship.pk]), form_data(tomorrow)
    )
    assert response.status_code == 422
    assert "The date of the session must be today or in the past" in response.content.decode()
    assert not Session.objects.exists()


def test_a_session_with_an_impossible_date_is_refused(client, signed_in, supervisee, relationship):
    signed_in(supervisee)
    data = form_data(timezone.localdate(), held_on_day="31", held_on_month="2")
    response = client.post(reverse("supervision:session_create", args=[relationship.pk]), data)
    assert response.status_code == 422
    assert "must be a real date" in response.content.decode()
    assert not Session.objects.exists()


def test_a_session_before_the_supervision_began_is_refused(
    client, signed_in, supervisee, relationship
):
    signed_in(supervisee)
    before = relationship.started_on - timedelta(days=1)
    response = client.post(
        reverse("supervision:session_create", args=[relationship.pk]), form_data(before)
    )
    assert response.status_code == 422
    assert "when this supervision began" in response.content.decode()
    assert not Session.objects.exists()


def test_the_case_picker_refuses_a_case_the_supervisee_cannot_see(
    client, signed_in, supervisee, supervisor, officer, relationship
):
    theirs = make_contact(supervisee)
    not_theirs = make_contact(officer)  # the supervisor (hub) can see it; the supervisee cannot
    signed_in(supervisor)
    response = client.post(
        reverse("supervision:session_create", args=[relationship.pk]),
        form_data(timezone.localdate(), cases=f"{theirs.reference}, {not_theirs.reference}"),
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert f"{not_theirs.reference}: not a case that {supervisee} can see" in page
    assert not Session.objects.exists()
    # A reference that does not exist gets the same answer: the picker reveals nothing.
    response = client.post(
        reverse("supervision:session_create", args=[relationship.pk]),
        form_data(timezone.localdate(), cases="FD-1999-000001"),
    )
    assert "FD-1999-000001: not a case that" in response.content.decode()


def test_linked_cases_show_only_their_reference_and_a_link(
    client, signed_in, supervisee, supervisor, relationship
):
    contact = make_contact(supervisee)
    signed_in(supervisee)
    client.post(
        reverse("supervision:session_create", args=[relationship.pk]),
        form_data(timezone.localdate(), cases=contact.reference.lower()),
    )
    session = Session.objects.get()
    assert list(session.cases.all()) == [contact]
    client.logout()
    signed_in(supervisor)
    page = client.get(reverse("supervision:session", args=[session.pk])).content.decode()
    assert contact.reference in page
    assert reverse("hub:contact", args=[contact.pk]) in page
    assert "came to school hungry" not in page  # the case's content stays on the case page
    assert "Quillfeather" not in page


def test_the_supervisor_without_access_to_the_case_gets_404_on_it(
    client, signed_in, social_care, supervisee, hub_manager
):
    """The link goes through the case's own checks: a frontline supervisor who cannot see the
    case is refused there, even though the case is linked in their supervision."""
    from frontdoor.agencies.roles import Role
    from frontdoor.core.testing.factories import PractitionerFactory
    from frontdoor.supervision import services

    frontline_supervisor = PractitionerFactory(agency=social_care, role=Role.FRONTLINE)
    relationship = services.relationship_set_up(
        by=hub_manager,
        supervisor=frontline_supervisor,
        supervisee=supervisee,
        started_on=timezone.localdate(),
    )
    contact = make_contact(supervisee)
    session = services.session_record(
        relationship=relationship,
        by=supervisee,
        held_on=timezone.localdate(),
        reflections="Reflections",
        wellbeing=3,
        case_references=[contact.reference],
    )
    signed_in(frontline_supervisor)
    page = client.get(reverse("supervision:session", args=[session.pk])).content.decode()
    link = reverse("hub:contact", args=[contact.pk])
    assert link in page
    assert client.get(link).status_code in (403, 404)
    assert client.get(reverse("referrals:mine_detail", args=[contact.pk])).status_code == 404


def test_two_edits_from_one_version_conflict_and_the_second_is_not_saved(
    client, signed_in, supervisee, supervisor, session
):
    url = reverse("supervision:session_edit", args=[session.pk])
    first = form_data(session.held_on, reflections="The supervisee's version.", version="1")
    second = form_data(session.held_on, reflections="The supervisor's version.", version="1")
    signed_in(supervisee)
    assert client.post(url, first).status_code == 302
    client.logout()
    signed_in(supervisor)
    response = client.post(url, second)
    assert response.status_code == 409
    assert "saved a change to this session while you were editing it" in response.content.decode()
    session.refresh_from_db()
    assert session.reflections == "The supervisee's version."
    assert session.version == 2


def test_the_other_party_sees_who_changed_what(client, signed_in, supervisee, supervisor, session):
    signed_in(supervisor)
    client.post(
        reverse("supervision:session_edit", args=[session.pk]),
        form_data(
            session.held_on,
            reflections="We talked about the Quillfeather home visit and the dog.",
            wellbeing="2",
            wellbeing_note=session.wellbeing_note,
            version="1",
        ),
    )
    client.logout()
    signed_in(supervisee)
    page = client.get(reverse("supervision:session", args=[session.pk])).content.decode()
    assert f"{supervisor} changed this record" in page
    changes = client.get(reverse("supervision:session_changes", args=[session.pk]))
    text = changes.content.decode()
    assert "<del> how it felt.</del><ins> the dog.</ins>" in text
    assert "3 – Managing</del> → <ins>2 – Finding things hard" in text
    assert "Note about wellbeing" not in text  # unchanged fields are not listed
    assert OutboxMessage.objects.filter(recipient=supervisee, subject__contains="edited").exists()
    assert AuditEvent.objects.filter(
        verb=Verb.CHANGE, object_id=str(session.pk), actor=supervisor
    ).exists()


def test_saving_without_a_change_is_refused(client, signed_in, supervisee, session):
    signed_in(supervisee)
    response = client.post(
        reverse("supervision:session_edit", args=[session.pk]),
        form_data(
            session.held_on,
            reflections=session.reflections,
            wellbeing=str(session.wellbeing),
            wellbeing_note=session.wellbeing_note,
            version="1",
        ),
    )
    assert response.status_code == 422
    assert "You have not changed anything" in response.content.decode()


def test_agreed_actions_belong_to_one_of_the_two_and_are_version_checked(
    client, signed_in, supervisee, supervisor, officer, session
):
    due = timezone.localdate() + timedelta(days=10)
    data = {
        "description": "Read the neglect toolkit",
        "owner": str(supervisee.pk),
        "due_on_day": str(due.day),
        "due_on_month": str(due.month),
        "due_on_year": str(due.year),
    }
    signed_in(supervisor)
    refused = client.post(
        reverse("supervision:action_create", args=[session.pk]), {**data, "owner": officer.pk}
    )
    assert refused.status_code == 422
    assert (
        client.post(reverse("supervision:action_create", args=[session.pk]), data).status_code
        == 302
    )
    action = session.actions.get()
    assert action.owner == supervisee
    url = reverse("supervision:action_edit", args=[action.pk])
    client.logout()
    signed_in(supervisee)
    assert client.post(url, {**data, "done": "on", "version": "1"}).status_code == 302
    action.refresh_from_db()
    assert action.is_done
    stale = client.post(url, {**data, "version": "1"})
    assert stale.status_code == 409
    action.refresh_from_db()
    assert action.is_done


def test_an_ended_supervision_cannot_take_new_sessions(client, signed_in, supervisee, relationship):
    from frontdoor.supervision import services

    services.relationship_end(
        relationship=relationship, by=supervisee, ended_on=timezone.localdate()
    )
    signed_in(supervisee)
    url = reverse("supervision:session_create", args=[relationship.pk])
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("supervision:relationship", args=[relationship.pk])).status_code == 200
    )
