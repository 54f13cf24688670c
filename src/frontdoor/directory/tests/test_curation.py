"""Keeping the directory current (issue 8, item 4): suggestions from anyone, the curators'
queue, accepting with history, rejecting, conflicts, closed reports, review reminders and
practitioners' practice notes."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent
from frontdoor.core.models import OutboxMessage
from frontdoor.core.testing.factories import PractitionerFactory, sign_in
from frontdoor.core.work import my_work
from frontdoor.directory import curation
from frontdoor.directory.models import Phone, PracticeNote, Service, ServiceChange, Suggestion

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
NOTE = "Referrals by email get a reply within a day"


@pytest.fixture
def curator(owner):
    return PractitionerFactory(
        username="cora.curator",
        first_name="Cora",
        last_name="Curator",
        agency=owner,
        role=Role.HUB_MANAGER,
    )


@pytest.fixture
def frontline(owner):
    return PractitionerFactory(
        username="fred.frontline",
        first_name="Fred",
        last_name="Frontline",
        agency=owner,
        role=Role.FRONTLINE,
    )


def as_(practitioner) -> Client:
    client = Client()
    sign_in(client, practitioner)
    return client


def suggest(client, service, **data):
    return client.post(reverse("directory:suggest", args=[service.pk]), data)


def rename(new_name="Evening Parents' Circle", **extra):
    return {"kind": "details_wrong", "which": ["name"], "new_name": new_name, **extra}


# Suggesting -------------------------------------------------------------------------------


def test_a_member_of_the_public_suggests_a_change_without_signing_in(client, directory):
    page = client.get(reverse("directory:service", args=[directory.group.pk]))
    assert "Suggest a change or report this service has closed" in page.content.decode()
    assert client.get(reverse("directory:suggest", args=[directory.group.pk])).status_code == 200

    response = suggest(
        client,
        directory.group,
        kind="details_wrong",
        which=["name", "phone"],
        new_name="Evening Parents' Circle",
        new_phone="01632 960999",
        new_email="ignored@example.org",  # not ticked: not proposed
        comment="The group renamed itself in March.",
        contact_email="pat.public@example.org",
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("directory:suggest_done", args=[directory.group.pk])
    suggestion = Suggestion.objects.get()
    assert suggestion.proposed == {"name": "Evening Parents' Circle", "phone": "01632 960999"}
    assert suggestion.contact_email == "pat.public@example.org"
    assert suggestion.suggested_by is None
    assert suggestion.status == Suggestion.Status.OPEN
    event = AuditEvent.objects.get(object_type="directory.suggestion")
    assert event.verb == "create" and event.details["gave_contact_email"] is True
    assert "pat.public@example.org" not in str(event.details)
    # Nothing changes until a curator accepts.
    directory.group.refresh_from_db()
    assert directory.group.name == "Evening Parenting Group"


def test_a_signed_in_practitioner_is_recorded_as_the_suggester(frontline, directory):
    client = as_(frontline)
    form = client.get(reverse("directory:suggest", args=[directory.group.pk]))
    assert "Your email address" not in form.content.decode()
    response = suggest(client, directory.group, **rename(contact_email="x@example.org"))
    assert response.status_code == 302
    suggestion = Suggestion.objects.get()
    assert suggestion.suggested_by == frontline
    assert suggestion.contact_email == ""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Select what is wrong"),
        ({"kind": "details_wrong"}, "Select which details are wrong"),
        ({"kind": "details_wrong", "which": ["name"]}, "Enter the new name"),
        ({"kind": "other"}, "Tell us what is wrong"),
        (
            {"kind": "details_wrong", "which": ["url"], "new_url": "javascript:alert(1)"},
            "Enter a website address starting with https://",
        ),
        (
            {"kind": "details_wrong", "which": ["phone"], "new_phone": "call me"},
            "Enter a phone number",
        ),
        (
            {"kind": "details_wrong", "which": ["email"], "new_email": "not-an-email"},
            "Enter an email address in the correct format",
        ),
        (
            {"kind": "details_wrong", "which": ["name"], "new_name": "x" * 201},
            "The new name must be 200 characters or fewer",
        ),
        ({"kind": "other", "comment": "y" * 2001}, "2,000 characters or fewer"),
        ({"kind": "closed", "contact_email": "nope"}, "Enter an email address"),
        ({"kind": "details_wrong", "which": ["colour"], "new_name": "x"}, "Select a valid choice"),
    ],
)
def test_bad_suggestions_are_refused_with_a_clear_message_and_store_nothing(
    client, directory, data, message
):
    response = suggest(client, directory.group, **data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_the_suggestion_form_needs_its_csrf_token(directory):
    client = Client(enforce_csrf_checks=True)
    response = suggest(client, directory.group, **rename())
    assert response.status_code == 403
    assert not Suggestion.objects.exists()


def test_no_suggestions_about_a_service_the_public_cannot_see(client, directory):
    response = suggest(client, directory.defunct, **rename())
    assert response.status_code == 404
    assert not Suggestion.objects.exists()


@override_settings(FRONTDOOR_DIRECTORY_SUGGEST_RATE_LIMIT=(2, 3600))
def test_anonymous_suggestions_are_rate_limited_per_client_address(client, frontline, directory):
    assert suggest(client, directory.group, **rename()).status_code == 302
    assert suggest(client, directory.group, **rename()).status_code == 302
    refused = suggest(client, directory.group, **rename())
    assert refused.status_code == 429
    assert "Try again in" in refused.content.decode()
    assert Suggestion.objects.count() == 2
    # Another address is counted separately; signed-in practitioners are not limited.
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert suggest(other, directory.group, **rename()).status_code == 302
    assert suggest(as_(frontline), directory.group, **rename()).status_code == 302


def test_hostile_text_is_stored_as_sent_and_shown_escaped(client, curator, directory):
    suggest(client, directory.group, **rename(new_name=HOSTILE, comment=HOSTILE))
    suggestion = Suggestion.objects.get()
    assert suggestion.proposed["name"] == HOSTILE
    page = as_(curator).get(reverse("directory:curation_suggestion", args=[suggestion.pk]))
    html = page.content.decode()
    assert HOSTILE not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


# The curators' queue ----------------------------------------------------------------------


def test_the_queue_shows_open_suggestions_oldest_first_to_the_services_curators(
    client, owner, curator, frontline, directory
):
    elsewhere_manager = PractitionerFactory(username="other.manager", role=Role.HUB_MANAGER)
    partnership = PractitionerFactory(username="pam", role=Role.PARTNERSHIP_MANAGER)
    first = curation.suggestion_create(
        service=directory.stale, kind="closed", proposed={}, comment="Shut in May."
    )
    second = curation.suggestion_create(
        service=directory.group, kind="details_wrong", proposed={"email": "new@example.org"}
    )
    Suggestion.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(days=3))
    decided = curation.suggestion_create(service=directory.group, kind="other", comment="Hi")
    curation.suggestion_reject(suggestion=decided, by=curator, reason="Not a change")

    for who in (curator, partnership):
        page = as_(who).get(reverse("directory:curation_queue"))
        assert page.status_code == 200
        rows = [row["suggestion"] for row in page.context["rows"]]
        assert rows == [first, second]
        html = page.content.decode()
        assert "Reported closed" in html and "3 days" in html and "Email" in html

    assert as_(frontline).get(reverse("directory:curation_queue")).status_code == 403
    assert as_(elsewhere_manager).get(reverse("directory:curation_queue")).status_code == 403
    assert (
        as_(elsewhere_manager)
        .get(reverse("directory:curation_suggestion", args=[first.pk]))
        .status_code
        == 404  # refused at the door, with the answer a missing suggestion gets
    )
    anonymous = client.get(reverse("directory:curation_queue"))
    assert anonymous.status_code == 302 and "next=" in anonymous["Location"]


def test_an_owner_practitioner_curates_only_their_own_service(owner, frontline, curator, directory):
    Service.objects.filter(pk=directory.helpline.pk).update(
        owner_practitioner=frontline, owner_agency=None
    )
    mine = curation.suggestion_create(service=directory.helpline, kind="other", comment="Mine")
    theirs = curation.suggestion_create(service=directory.group, kind="other", comment="Theirs")
    client = as_(frontline)
    page = client.get(reverse("directory:curation_queue"))
    assert [row["suggestion"] for row in page.context["rows"]] == [mine]
    assert client.get(reverse("directory:curation_suggestion", args=[mine.pk])).status_code == 200
    assert client.get(reverse("directory:curation_suggestion", args=[theirs.pk])).status_code == 404
    # The agency's manager no longer curates a service owned by a practitioner alone.
    assert (
        as_(curator).get(reverse("directory:curation_suggestion", args=[mine.pk])).status_code
        == 404
    )


# Deciding -------------------------------------------------------------------------------


def decide(client, suggestion, decision, version, reason=""):
    return client.post(
        reverse("directory:curation_suggestion", args=[suggestion.pk]),
        {"decision": decision, "version": version, "reason": reason},
    )


def test_a_public_suggestion_reaches_the_queue_and_once_accepted_changes_the_service_with_history(
    client, curator, directory, django_capture_on_commit_callbacks
):
    suggest(
        client,
        directory.helpline,
        kind="details_wrong",
        which=["name", "phone", "opening_times"],
        new_name="Harbourlight Helpline",
        new_phone="01632 960777",
        new_opening_times="Every day, all day",
        contact_email="pat.public@example.org",
    )
    suggestion = Suggestion.objects.get()
    curator_client = as_(curator)
    page = curator_client.get(reverse("directory:curation_suggestion", args=[suggestion.pk]))
    html = page.content.decode()
    assert "Harbourlight Domestic Abuse Helpline" in html and "Harbourlight Helpline" in html
    assert "01632 960123" in html and "01632 960777" in html  # now and proposed, side by side
    assert "pat.public@example.org" in html  # curators see who to tell
    assert AuditEvent.objects.filter(
        verb="view", object_type="directory.suggestion", actor=curator
    ).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(curator_client, suggestion, "accept", directory.helpline.version)
    assert response.status_code == 302

    service = Service.objects.get(pk=directory.helpline.pk)
    assert service.name == "Harbourlight Helpline"
    assert Phone.objects.filter(contact__service=service).first().number == "01632 960777"
    assert service.version == directory.helpline.version + 1
    change = ServiceChange.objects.get(service=service)
    assert change.kind == "suggestion" and change.suggestion_id == suggestion.pk
    assert change.changed_by == curator
    assert change.fields["name"] == {
        "old": "Harbourlight Domestic Abuse Helpline",
        "new": "Harbourlight Helpline",
        "applied": True,
    }
    assert change.fields["opening_times"]["applied"] is False
    suggestion.refresh_from_db()
    assert suggestion.status == "accepted" and suggestion.decided_by == curator
    assert suggestion.contact_email == ""  # kept only until the outcome was sent
    assert [m.to for m in mail.outbox] == [["pat.public@example.org"]]
    assert "accepted" in mail.outbox[0].subject
    assert AuditEvent.objects.filter(
        verb="change", object_type="directory.service", object_id=str(service.pk), actor=curator
    ).exists()

    history = curator_client.get(reverse("directory:history", args=[service.pk]))
    text = history.content.decode()
    assert "Accepted a suggestion" in text and f"from suggestion {suggestion.pk}" in text
    assert "Harbourlight Domestic Abuse Helpline" in text and "Cora Curator" in text
    assert "pat.public@example.org" not in text


def test_accepting_tells_a_practitioner_suggester_through_the_outbox(frontline, curator, directory):
    suggest(as_(frontline), directory.group, **rename())
    suggestion = Suggestion.objects.get()
    decide(as_(curator), suggestion, "accept", directory.group.version, reason="Thanks")
    message = OutboxMessage.objects.get(recipient=frontline)
    assert "accepted" in message.subject and "Thanks" in message.body


def test_rejecting_needs_a_reason_and_changes_nothing_but_the_suggestion(
    frontline, curator, directory
):
    suggest(as_(frontline), directory.group, **rename())
    suggestion = Suggestion.objects.get()
    client = as_(curator)
    refused = decide(client, suggestion, "reject", directory.group.version)
    assert refused.status_code == 422
    assert "Enter why you are rejecting the suggestion" in refused.content.decode()
    suggestion.refresh_from_db()
    assert suggestion.status == "open"

    assert (
        decide(client, suggestion, "reject", directory.group.version, "Not true").status_code == 302
    )
    suggestion.refresh_from_db()
    assert suggestion.status == "rejected" and suggestion.reason == "Not true"
    directory.group.refresh_from_db()
    assert directory.group.name == "Evening Parenting Group"
    assert not ServiceChange.objects.exists()
    message = OutboxMessage.objects.get(recipient=frontline)
    assert "not accepted" in message.subject and "Not true" in message.body
    assert AuditEvent.objects.filter(
        verb="change", object_type="directory.suggestion", object_id=str(suggestion.pk)
    ).exists()
    # Decided: no second decision.
    again = decide(client, suggestion, "accept", directory.group.version)
    assert again.status_code == 409
    directory.group.refresh_from_db()
    assert directory.group.name == "Evening Parenting Group"


def test_a_concurrent_edit_is_detected_and_the_suggestion_is_not_applied(curator, directory):
    suggestion = curation.suggestion_create(
        service=directory.group, kind="details_wrong", proposed={"name": "From the public"}
    )
    seen_version = directory.group.version
    other = PractitionerFactory(username="other.curator", role=Role.PARTNERSHIP_MANAGER)
    curation.service_edit(
        service=directory.group,
        by=other,
        base_version=seen_version,
        values={"description": "Changed by someone else meanwhile."},
    )

    response = decide(as_(curator), suggestion, "accept", seen_version)

    assert response.status_code == 409
    assert "Someone changed this service while you were looking" in response.content.decode()
    service = Service.objects.get(pk=directory.group.pk)
    assert service.name == "Evening Parenting Group"
    assert service.description == "Changed by someone else meanwhile."
    suggestion.refresh_from_db()
    assert suggestion.status == "open"
    # The page offers the current version, so accepting again works.
    assert response.context["form"].initial["version"] == service.version
    assert decide(as_(curator), suggestion, "accept", service.version).status_code == 302
    assert Service.objects.get(pk=service.pk).name == "From the public"


def test_a_closed_report_once_accepted_makes_the_service_inactive_and_leaves_public_view(
    client, curator, directory
):
    assert suggest(client, directory.group, kind="closed", comment="Gone").status_code == 302
    suggestion = Suggestion.objects.get()
    decide(as_(curator), suggestion, "accept", directory.group.version)
    service = Service.objects.get(pk=directory.group.pk)
    assert service.status == Service.Status.INACTIVE
    assert ServiceChange.objects.get().fields["status"] == {
        "old": "active",
        "new": "inactive",
        "applied": True,
    }
    assert client.get(reverse("directory:service", args=[service.pk])).status_code == 404
    # The open data feed keeps it, saying it is inactive (the standard's status values).
    api = client.get(reverse("directory:oruk_service", args=[str(service.pk)]))
    assert api.json()["status"] == "inactive"
    # Its history outlives it, for practitioners.
    assert as_(curator).get(reverse("directory:history", args=[service.pk])).status_code == 200


# Direct edits and reviews ----------------------------------------------------------------


def test_a_curator_edits_a_service_directly_with_history_and_audit(curator, frontline, directory):
    client = as_(curator)
    form = client.get(reverse("directory:edit", args=[directory.group.pk]))
    assert form.status_code == 200
    data = {**form.context["form"].initial, "alert": "No group in August", "url": ""}
    response = client.post(reverse("directory:edit", args=[directory.group.pk]), data)
    assert response.status_code == 302
    change = ServiceChange.objects.get()
    assert change.kind == "edit" and change.fields == {
        "alert": {"old": "", "new": "No group in August", "applied": True}
    }
    assert AuditEvent.objects.filter(reason="Edited a directory service", actor=curator).exists()
    # The same stale form again is a conflict.
    stale = client.post(reverse("directory:edit", args=[directory.group.pk]), data)
    assert stale.status_code == 409
    assert "Someone else changed this service" in stale.content.decode()
    # A practitioner who does not curate it may not (the 404 of a missing service).
    assert (
        as_(frontline).get(reverse("directory:edit", args=[directory.group.pk])).status_code == 404
    )


def test_marking_reviewed_clears_the_possibly_out_of_date_flag(client, curator, directory):
    page = client.get(reverse("directory:service", args=[directory.stale.pk]))
    assert "possibly out of date" in page.content.decode()
    response = as_(curator).post(reverse("directory:mark_reviewed", args=[directory.stale.pk]))
    assert response.status_code == 302
    directory.stale.refresh_from_db()
    assert directory.stale.last_reviewed == timezone.localdate()
    feed = client.get(reverse("directory:oruk_service", args=[str(directory.stale.pk)])).json()
    assert feed["assured_date"] == timezone.localdate().isoformat()
    assert directory.stale.last_modified > timezone.now() - timedelta(minutes=1)
    assert ServiceChange.objects.get().kind == "reviewed"
    page = client.get(reverse("directory:service", args=[directory.stale.pk]))
    assert "possibly out of date" not in page.content.decode()


def test_owners_hear_once_when_a_service_becomes_overdue_for_review(
    owner, curator, frontline, directory
):
    call_command("directory_review_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    message = OutboxMessage.objects.get()
    assert message.recipient == curator  # the owner agency's manager, not its frontline
    assert "Dusty Lane Advice Shop" in message.body
    assert "Evening Parenting Group" not in message.body  # reviewed today
    assert curation.review_reminders_send() == 0  # not again the next day
    assert curation.review_reminders_send(timezone.localdate() + timedelta(days=1)) == 0
    assert OutboxMessage.objects.count() == 1
    # Reviewed, then overdue again months later: a new lapse, a new message.
    curation.service_mark_reviewed(service=directory.stale, by=curator)
    later = timezone.localdate() + timedelta(days=400)
    assert curation.review_reminders_send(later) == 1


def test_my_work_lists_overdue_services_and_waiting_suggestions_for_curators(
    curator, frontline, directory
):
    curation.suggestion_create(service=directory.group, kind="other", comment="Hello")
    panels = {panel.title: panel for panel in my_work(curator)}
    panel = panels["Directory services you look after"]
    assert "1 service you look after is overdue for review; 1 suggested change waiting." in (
        panel.summary
    )
    assert "Dusty Lane Advice Shop" in [item[0] for item in panel.items]
    assert "Directory services you look after" not in {p.title for p in my_work(frontline)}


# Practice notes --------------------------------------------------------------------------


def test_practitioners_add_and_read_practice_notes_that_the_public_never_sees(
    client, frontline, directory
):
    practitioner = as_(frontline)
    response = practitioner.post(
        reverse("directory:note_add", args=[directory.helpline.pk]), {"body": NOTE}
    )
    assert response.status_code == 302
    note = PracticeNote.objects.get()
    assert note.author == frontline and note.agency == frontline.agency
    assert AuditEvent.objects.filter(
        verb="create", object_type="directory.practicenote", actor=frontline
    ).exists()

    page = practitioner.get(reverse("directory:service", args=[directory.helpline.pk]))
    html = page.content.decode()
    assert "Practice notes (practitioners only)" in html and NOTE in html
    assert "Fred Frontline" in html and frontline.agency.name in html

    public = client.get(reverse("directory:service", args=[directory.helpline.pk]))
    assert NOTE not in public.content.decode()
    assert "Practice notes" not in public.content.decode()
    api = client.get(reverse("directory:oruk_service", args=[str(directory.helpline.pk)]))
    assert api.status_code == 200 and NOTE not in api.content.decode()
    listing = client.get(reverse("directory:oruk_services"))
    assert NOTE not in listing.content.decode()
    # Signed in with a password but not yet the second factor: still the public view.
    half = Client()
    sign_in(half, frontline, second_factor=False)
    assert (
        NOTE
        not in half.get(reverse("directory:service", args=[directory.helpline.pk])).content.decode()
    )


def test_the_public_cannot_add_notes_or_read_history(client, directory):
    response = client.post(
        reverse("directory:note_add", args=[directory.helpline.pk]), {"body": NOTE}
    )
    assert response.status_code == 302 and "next=" in response["Location"]
    assert not PracticeNote.objects.exists()
    history = client.get(reverse("directory:history", args=[directory.helpline.pk]))
    assert history.status_code == 302 and "next=" in history["Location"]


def test_an_empty_or_over_long_note_is_refused(frontline, directory):
    client = as_(frontline)
    for body, message in (("", "Enter the practice note"), ("z" * 2001, "2,000 characters")):
        response = client.post(
            reverse("directory:note_add", args=[directory.helpline.pk]), {"body": body}
        )
        assert response.status_code == 422
        assert message in response.content.decode()
    assert not PracticeNote.objects.exists()


def test_oruk_export_leaves_out_practice_notes(frontline, directory, tmp_path):
    curation.note_add(service=directory.helpline, by=frontline, body=NOTE)
    out = tmp_path / "export.json"
    call_command("oruk_export", "--output", str(out), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert "Harbourlight" in out.read_text()
    assert NOTE not in out.read_text()


def test_the_suggesters_email_is_shown_only_to_curators_cleared_for_personal_data(
    curator, directory
):
    suggestion = curation.suggestion_create(
        service=directory.group,
        kind="other",
        comment="Hello",
        contact_email="pat.public@example.org",
    )
    url = reverse("directory:curation_suggestion", args=[suggestion.pk])
    assert "pat.public@example.org" in as_(curator).get(url).content.decode()
    partnership = PractitionerFactory(username="pam", role=Role.PARTNERSHIP_MANAGER)
    page = as_(partnership).get(url).content.decode()
    assert "pat.public@example.org" not in page
    assert "gave an email address to be told the outcome" in page
    views = AuditEvent.objects.filter(verb="view", object_type="directory.suggestion")
    assert [e.actor for e in views] == [curator]
    # Never in the queue or the service's history.
    assert (
        "pat.public@example.org"
        not in as_(curator).get(reverse("directory:curation_queue")).content.decode()
    )


def test_accepting_a_suggestion_that_proposes_no_values_changes_nothing(curator, directory):
    suggestion = curation.suggestion_create(
        service=directory.group, kind="other", comment="Ages now go up to 25."
    )
    version = directory.group.version
    response = decide(as_(curator), suggestion, "accept", version, reason="Will check")
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == "accepted"
    assert Service.objects.get(pk=directory.group.pk).version == version
    assert not ServiceChange.objects.exists()


def test_the_queue_and_its_count_hold_only_suggestions_about_the_curators_own_services(
    curator, directory
):
    """Promise 2: a curator at another agency who looks after one service of their own sees
    only that service's suggestions, in the queue and in My work's count, never this
    agency's."""
    from frontdoor.core.testing.factories import AgencyFactory

    other_agency = AgencyFactory(name="Testshire Youth Trust", sector="voluntary")
    elsewhere = PractitionerFactory(
        username="other.curator", agency=other_agency, role=Role.HUB_MANAGER
    )
    Service.objects.filter(pk=directory.helpline.pk).update(owner_agency=other_agency)
    theirs = curation.suggestion_create(
        service=directory.helpline, kind="other", comment="Their own"
    )
    curation.suggestion_create(service=directory.group, kind="other", comment="Hidden")
    curation.suggestion_create(service=directory.stale, kind="closed", proposed={}, comment="Shut")

    page = as_(elsewhere).get(reverse("directory:curation_queue"))
    assert [row["suggestion"] for row in page.context["rows"]] == [theirs]
    html = page.content.decode()
    assert "Hidden" not in html and directory.group.name not in html
    panel = next(p for p in my_work(elsewhere) if p.title == "Directory services you look after")
    assert "1 suggested change waiting" in panel.summary
    mine = next(p for p in my_work(curator) if p.title == "Directory services you look after")
    assert "2 suggested changes waiting" in mine.summary
