"""Only the two parties read supervision; everyone else, administrators included, gets 404.
Every read and every change is in the audit trail."""

import pytest
from django.urls import reverse

from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.testing.factories import PractitionerFactory

pytestmark = pytest.mark.django_db

SECRET = "Quillfeather home visit"


def private_urls(session, relationship, action=None):
    urls = [
        reverse("supervision:relationship", args=[relationship.pk]),
        reverse("supervision:session_create", args=[relationship.pk]),
        reverse("supervision:session", args=[session.pk]),
        reverse("supervision:session_edit", args=[session.pk]),
        reverse("supervision:session_changes", args=[session.pk]),
        reverse("supervision:action_create", args=[session.pk]),
    ]
    if action is not None:
        urls.append(reverse("supervision:action_edit", args=[action.pk]))
    return urls


@pytest.fixture
def action(session, supervisor, supervisee):
    from datetime import timedelta

    from django.utils import timezone

    from frontdoor.supervision import services

    return services.action_add(
        session=session,
        by=supervisor,
        description="Book the reflective practice course",
        owner=supervisee,
        due=timezone.localdate() + timedelta(days=7),
    )


def test_both_parties_open_every_private_page(
    client, signed_in, session, relationship, action, supervisor, supervisee
):
    for party in (supervisor, supervisee):
        signed_in(party)
        for url in private_urls(session, relationship, action):
            response = client.get(url)
            assert response.status_code == 200, (party.username, url)
        client.logout()


@pytest.mark.parametrize("who", ["administrator", "hub_manager", "officer", "colleague"])
def test_anyone_else_gets_404_and_never_the_content(
    request, client, signed_in, session, relationship, action, who
):
    if who == "colleague":
        # Same agency and role as the supervisee, but not part of this supervision.
        outsider = PractitionerFactory(username="colleague", agency=session.relationship.agency)
    else:
        outsider = request.getfixturevalue(who)
    signed_in(outsider)
    for url in private_urls(session, relationship, action):
        for method in ("get", "post"):
            response = getattr(client, method)(url, {"reflections": "overwritten"})
            assert response.status_code == 404, (who, method, url)
            assert SECRET not in response.content.decode()
    session.refresh_from_db()
    assert session.reflections.startswith("We talked")


def test_the_administrator_sees_that_supervision_exists_but_not_what_was_said(
    client, signed_in, administrator, session, relationship
):
    signed_in(administrator)
    page = client.get(reverse("supervision:overview"), {"agency": relationship.agency_id})
    text = page.content.decode()
    assert page.status_code == 200
    assert str(relationship.supervisee) in text
    assert session.held_on.strftime("%-d %b %Y") in text
    assert SECRET not in text
    assert "Tired after" not in text


def test_reading_a_session_writes_one_audit_row(client, signed_in, supervisor, session):
    signed_in(supervisor)
    before = AuditEvent.objects.filter(verb=Verb.VIEW, object_id=str(session.pk)).count()
    client.get(reverse("supervision:session", args=[session.pk]))
    views = AuditEvent.objects.filter(
        verb=Verb.VIEW, object_type="supervision.session", object_id=str(session.pk)
    )
    assert views.count() == before + 1
    event = views.first()
    assert event.actor == supervisor
    assert event.reason == "Read a supervision session"
    # The audit trail says who read which session, never what it says.
    assert SECRET not in str(event.object_repr) + str(event.details)


def test_opening_the_record_and_its_changes_are_audited(
    client, signed_in, supervisee, session, relationship
):
    signed_in(supervisee)
    client.get(reverse("supervision:relationship", args=[relationship.pk]))
    client.get(reverse("supervision:session_changes", args=[session.pk]))
    client.get(reverse("supervision:session_edit", args=[session.pk]))
    reasons = set(
        AuditEvent.objects.filter(actor=supervisee, verb=Verb.VIEW).values_list("reason", flat=True)
    )
    assert {
        "Opened their supervision record",
        "Read the changes to a supervision session",
        "Opened a supervision session to edit it",
    } <= reasons


def test_a_third_party_404_is_not_audited_as_a_read(client, signed_in, administrator, session):
    signed_in(administrator)
    client.get(reverse("supervision:session", args=[session.pk]))
    assert not AuditEvent.objects.filter(
        actor=administrator, object_type="supervision.session"
    ).exists()


def test_the_overview_is_audited_and_limited_to_the_managers_agency(
    client, signed_in, hub_manager, relationship
):
    from frontdoor.core.testing.factories import AgencyFactory

    elsewhere = AgencyFactory(name="Elsewhere")
    other_manager = PractitionerFactory(agency=elsewhere, role="hub_manager")
    signed_in(other_manager)
    page = client.get(reverse("supervision:overview"), {"agency": relationship.agency_id})
    assert str(relationship.supervisee) not in page.content.decode()
    client.logout()
    signed_in(hub_manager)
    page = client.get(reverse("supervision:overview"))
    assert str(relationship.supervisee) in page.content.decode()
    assert AuditEvent.objects.filter(
        actor=hub_manager, object_type="supervision.overview", verb=Verb.VIEW
    ).exists()


def test_a_party_cannot_end_their_own_supervision(client, signed_in, supervisee, relationship):
    signed_in(supervisee)
    response = client.post(
        reverse("supervision:relationship_end", args=[relationship.pk]),
        {"ended_on_day": "1", "ended_on_month": "1", "ended_on_year": "2026"},
    )
    assert response.status_code == 404  # only managers end it: refused at the door
    relationship.refresh_from_db()
    assert relationship.ended_on is None


def test_every_change_is_audited_in_the_same_transaction(
    client, signed_in, hub_manager, supervisor, supervisee, session, relationship, social_care
):
    from datetime import timedelta

    from django.utils import timezone

    due = timezone.localdate() + timedelta(days=5)
    dated = {"due_on_day": due.day, "due_on_month": due.month, "due_on_year": due.year}
    signed_in(supervisor)
    client.post(
        reverse("supervision:action_create", args=[session.pk]),
        {"description": "Shadow a strategy discussion", "owner": supervisee.pk, **dated},
    )
    action = session.actions.get()
    client.get(reverse("supervision:action_edit", args=[action.pk]))
    client.post(
        reverse("supervision:action_edit", args=[action.pk]),
        {
            "description": action.description,
            "owner": supervisee.pk,
            "done": "on",
            "version": 1,
            **dated,
        },
    )
    client.logout()
    signed_in(hub_manager)
    client.post(
        reverse("supervision:frequency", args=[social_care.pk]),
        {"frequency_weeks": 3, "version": 0},
    )
    today = timezone.localdate()
    client.post(
        reverse("supervision:relationship_end", args=[relationship.pk]),
        {"ended_on_day": today.day, "ended_on_month": today.month, "ended_on_year": today.year},
    )
    events = {
        (e.object_type, e.verb, e.reason)
        for e in AuditEvent.objects.filter(actor__in=[supervisor, hub_manager])
    }
    assert {
        ("supervision.agreedaction", Verb.CREATE, "Agreed a supervision action"),
        ("supervision.agreedaction", Verb.VIEW, "Opened a supervision action"),
        ("supervision.agreedaction", Verb.CHANGE, "Updated a supervision action"),
        ("supervision.supervisionpolicy", Verb.CHANGE, "Set how often supervision is due"),
        ("supervision.relationship", Verb.CHANGE, "Ended supervision"),
    } <= events


def test_a_failed_audit_write_leaves_no_session(supervisee, relationship, monkeypatch):
    from django.utils import timezone

    from frontdoor.supervision import services
    from frontdoor.supervision.models import Session

    def broken(**kwargs):
        raise RuntimeError("audit store unavailable")

    monkeypatch.setattr(services, "audit_record", broken)
    with pytest.raises(RuntimeError):
        services.session_record(
            relationship=relationship,
            by=supervisee,
            held_on=timezone.localdate(),
            reflections="Never saved",
            wellbeing=3,
        )
    assert not Session.objects.exists()
