"""The hub: the queue against the clock, triage, linking, deciding, sign-off and feedback."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.models import OutboxMessage
from frontdoor.core.outbox import outbox_deliver
from frontdoor.core.testing.factories import PractitionerFactory, sign_in
from frontdoor.core.testing.smuggling import Smuggled, assert_extras_ignored
from frontdoor.people.models import Person
from frontdoor.referrals import services
from frontdoor.referrals.models import Concern, Consent, Contact, Subject

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def make_contact(
    referrer, *, danger=False, what="Shouting heard; neighbour called police at 22:10.", **subject
):
    contact = services.contact_start(by=referrer)
    services.contact_update_draft(
        contact=contact,
        by=referrer,
        changes={
            "concerns": [Concern.DOMESTIC_ABUSE],
            "what_happened": what,
            "crime_alleged": True,
            "immediate_danger": danger,
            "consent": Consent.NOT_SOUGHT,
            "lawful_basis": "safeguarding",
        },
    )
    services.subject_save(
        contact=contact,
        by=referrer,
        data={
            "role": Subject.Role.CHILD_AT_RISK,
            "given_names": "Maisie",
            "family_name": "O'Connor-Dube",
            "date_of_birth": date(2017, 6, 1),
            "postcode": "PR1 2AB",
            **subject,
        },
    )
    return services.contact_submit(contact=contact, by=referrer)


@pytest.fixture
def hub(social_care):
    return PractitionerFactory(
        username="hub",
        agency=social_care,
        role=Role.HUB_PRACTITIONER,
        first_name="Hana",
        last_name="Hub",
    )


@pytest.fixture
def manager(social_care):
    return PractitionerFactory(username="manager", agency=social_care, role=Role.HUB_MANAGER)


def triage_post(contact, rag="amber", rationale="Children present at a DA incident."):
    return {"triage-rag": rag, "triage-rationale": rationale, "triage-version": contact.version}


def decide_post(contact, outcome="strategy"):
    return {
        "decision-outcome": outcome,
        "decision-rationale": "Risk of significant harm.",
        "decision-feedback_to_referrer": "A strategy discussion will be held today.",
        "decision-signpost_to": "",
        "decision-version": contact.version,
    }


def test_the_queue_lists_open_contacts_nearest_deadline_first(signed_in, hub, officer):
    with time_machine.travel(datetime(2026, 11, 23, 9, 30, tzinfo=LONDON), tick=False):
        later = make_contact(officer)
    with time_machine.travel(datetime(2026, 11, 24, 9, 30, tzinfo=LONDON), tick=False):
        urgent = make_contact(officer, danger=True)
    page = signed_in(hub).get(reverse("hub:queue")).content.decode()
    assert page.index(urgent.reference) < page.index(later.reference)
    assert "Overdue" in page


def test_a_long_queue_comes_a_page_at_a_time_and_says_how_many_are_open(
    signed_in, hub, officer, monkeypatch
):
    from frontdoor.referrals import views_hub

    monkeypatch.setattr(views_hub, "QUEUE_PAGE", 2)
    with time_machine.travel(datetime(2026, 11, 23, 9, 30, tzinfo=LONDON), tick=False):
        sent = [make_contact(officer) for _ in range(3)]
    client = signed_in(hub)

    first = client.get(reverse("hub:queue")).content.decode()
    second = client.get(reverse("hub:queue"), {"show": "all", "page": 2}).content.decode()

    assert "3 contacts, the nearest deadline first: 1 to 2 shown" in first
    assert "Page 1 of 2" in first and 'href="?show=all&amp;page=2"' in first
    assert "3 contacts, the nearest deadline first: 3 to 3 shown" in second
    shown = [[c.reference in page for c in sent] for page in (first, second)]
    assert shown == [[True, True, False], [False, False, True]]


def test_the_queue_counts_each_contacts_open_and_overdue_requests(signed_in, hub, officer, police):
    from frontdoor.sharing.models import Category, InformationRequest, Window
    from frontdoor.sharing.services import request_create

    asked, quiet = make_contact(officer), make_contact(officer)
    for _ in range(3):
        request_create(
            contact=asked,
            by=hub,
            to_agency=police,
            subjects=list(asked.subjects.all()),
            window=Window.MONTHS_12,
            categories=[Category.CHILD_PROTECTION],
            purpose="What do you know about Maisie?",
            lawful_basis="safeguarding",
        )
    first, second, third = InformationRequest.objects.filter(contact=asked).order_by("pk")
    InformationRequest.objects.filter(pk=first.pk).update(
        due_at=timezone.now() - timedelta(hours=1)
    )
    InformationRequest.objects.filter(pk=third.pk).update(status=InformationRequest.Status.ANSWERED)

    page = signed_in(hub).get(reverse("hub:queue")).content.decode()

    rows = {c.reference: page[page.index(c.reference) :].split("</tr>")[0] for c in (asked, quiet)}
    assert "2 open" in rows[asked.reference] and "1 overdue" in rows[asked.reference]
    assert "None open" in rows[quiet.reference]


def test_a_red_rating_sets_a_four_working_hour_deadline_from_receipt(signed_in, hub, officer):
    with time_machine.travel(datetime(2026, 11, 27, 15, 0, tzinfo=LONDON), tick=False):  # Friday
        contact = make_contact(officer)
        response = signed_in(hub).post(
            reverse("hub:triage", args=[contact.pk]), triage_post(contact, "red")
        )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.rag == "red"
    assert contact.decision_due_at == datetime(2026, 11, 30, 11, 0, tzinfo=LONDON)
    assert contact.assigned_to == hub
    assert contact.timeline.filter(summary__startswith="Rated red").exists()


def test_two_people_triaging_at_once_the_second_gets_a_conflict(
    signed_in, hub, officer, social_care
):
    contact = make_contact(officer)
    other = PractitionerFactory(agency=social_care, role=Role.HUB_PRACTITIONER)
    stale = triage_post(contact, "green", "Second opinion")
    signed_in(hub).post(reverse("hub:triage", args=[contact.pk]), triage_post(contact, "amber"))
    from django.test import Client

    from frontdoor.core.testing.factories import sign_in

    second = Client()
    sign_in(second, other)
    response = second.post(reverse("hub:triage", args=[contact.pk]), stale)
    assert response.status_code == 409
    assert "Someone else updated this contact" in response.content.decode()
    contact.refresh_from_db()
    assert contact.rag == "amber"


def test_triage_without_a_rating_or_reason_is_refused(signed_in, hub, officer):
    contact = make_contact(officer)
    response = signed_in(hub).post(
        reverse("hub:triage", args=[contact.pk]), {"triage-version": contact.version}
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "Select red, amber or green" in body
    assert "Enter why you chose this rating" in body
    contact.refresh_from_db()
    assert contact.rag == ""


def test_accepting_for_social_care_starts_the_one_working_day_clock(signed_in, hub, officer):
    with time_machine.travel(datetime(2026, 11, 25, 10, 0, tzinfo=LONDON), tick=False):
        contact = make_contact(officer)
        signed_in(hub).post(reverse("hub:accept", args=[contact.pk]), {"version": contact.version})
    contact.refresh_from_db()
    assert contact.statutory_due_at == datetime(2026, 11, 26, 10, 0, tzinfo=LONDON)


def test_the_hub_links_a_subject_to_a_known_person_or_confirms_a_new_one(signed_in, hub, officer):
    known = Person.objects.create(
        given_names="Maisie",
        family_name="O'Connor-Dube",
        date_of_birth=date(2017, 6, 1),
        postcode="PR1 2AB",
    )
    contact = make_contact(officer)
    client = signed_in(hub)
    page = client.get(reverse("hub:contact", args=[contact.pk])).content.decode()
    assert "Likely match" in page and "Date of birth the same" in page
    subject = contact.subjects.get()
    client.post(
        reverse("hub:link_subject", args=[contact.pk, subject.pk]),
        {"person": known.pk, "version": subject.version},
    )
    subject.refresh_from_db()
    assert (subject.person, subject.link) == (known, Subject.Link.LINKED)
    other = make_contact(
        officer, given_names="Noor", family_name="Haddad", date_of_birth=date(2019, 2, 28)
    )
    new_subject = other.subjects.get()
    client.post(
        reverse("hub:link_subject", args=[other.pk, new_subject.pk]),
        {"person": "new", "version": new_subject.version},
    )
    new_subject.refresh_from_db()
    assert new_subject.link == Subject.Link.NEW
    assert new_subject.person.family_name == "Haddad"
    response = client.post(
        reverse("hub:link_subject", args=[other.pk, new_subject.pk]),
        {"person": "99999", "version": new_subject.version},
    )
    assert response.status_code == 422


def test_confirming_a_new_person_says_they_were_added_to_the_index(signed_in, hub, officer):
    contact = make_contact(
        officer, given_names="Noor", family_name="Haddad", date_of_birth=date(2019, 2, 28)
    )
    subject = contact.subjects.get()
    response = signed_in(hub).post(
        reverse("hub:link_subject", args=[contact.pk, subject.pk]),
        {"person": "new", "version": subject.version},
        follow=True,
    )
    page = response.content.decode()
    assert "Noor Haddad has been added to the person index as a new person." in page
    assert Person.objects.filter(family_name="Haddad").count() == 1


def test_two_people_linking_one_subject_at_once_the_second_gets_a_conflict(
    signed_in, hub, officer, social_care
):
    """Promise 18: both opened the contact with Maisie not yet checked. The first links her
    to the known person; the second, still on that version, confirms her as new: refused with
    a 409, no second person made, and the page shows the link the first made."""
    known = Person.objects.create(
        given_names="Maisie",
        family_name="O'Connor-Dube",
        date_of_birth=date(2017, 6, 1),
        postcode="PR1 2AB",
    )
    contact = make_contact(officer)
    subject = contact.subjects.get()
    url = reverse("hub:link_subject", args=[contact.pk, subject.pk])
    shown = {"version": subject.version}
    first = signed_in(hub).post(url, {"person": known.pk, **shown})
    assert first.status_code == 302

    other = PractitionerFactory(agency=social_care, role=Role.HUB_PRACTITIONER)
    second = Client()
    sign_in(second, other)
    response = second.post(url, {"person": "new", **shown})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else updated Maisie O" in page
    assert "Nothing you entered has been saved" in page
    assert f"Linked to {escape(str(known))} (index number {known.pk})" in page
    subject.refresh_from_db()
    assert (subject.person, subject.link) == (known, Subject.Link.LINKED)
    assert Person.objects.count() == 1
    assert contact.timeline.filter(summary__contains="confirmed as a new person").count() == 0


def test_a_decision_tells_the_referrer_once_by_message_and_email(signed_in, hub, officer):
    contact = make_contact(officer)
    client = signed_in(hub)
    client.post(reverse("hub:triage", args=[contact.pk]), triage_post(contact))
    contact.refresh_from_db()
    response = client.post(reverse("hub:decide", args=[contact.pk]), decide_post(contact))
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.status == Contact.Status.DECIDED
    assert contact.referrer_told_at is not None
    message = OutboxMessage.objects.get(recipient=officer)
    assert "strategy discussion will be held today" in message.body
    assert "Risk of significant harm" not in message.body  # the rationale stays in the hub
    assert outbox_deliver() == 1
    assert outbox_deliver() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [officer.email]
    disclosure = AuditEvent.objects.get(verb=Verb.DISCLOSE, object_type="referrals.contact")
    assert officer.agency.name in disclosure.recipients


def test_an_unrated_contact_cannot_be_decided(signed_in, hub, officer):
    contact = make_contact(officer)
    response = signed_in(hub).post(reverse("hub:decide", args=[contact.pk]), decide_post(contact))
    assert response.status_code == 422
    assert "Rate the contact" in response.content.decode()


def test_a_red_decision_waits_for_a_hub_managers_sign_off(signed_in, hub, manager, officer, client):
    contact = make_contact(officer, danger=True)
    hub_client = signed_in(hub)
    hub_client.post(reverse("hub:decide", args=[contact.pk]), decide_post(contact))
    contact.refresh_from_db()
    assert contact.status == Contact.Status.AWAITING_SIGN_OFF
    assert not OutboxMessage.objects.filter(recipient=officer).exists()
    assert (
        hub_client.post(
            reverse("hub:sign_off", args=[contact.pk]), {"version": contact.version}
        ).status_code
        == 404  # only hub managers sign off: refused at the door, as for a missing contact
    )
    from django.test import Client

    from frontdoor.core.testing.factories import sign_in

    manager_client = Client()
    sign_in(manager_client, manager)
    response = manager_client.post(
        reverse("hub:sign_off", args=[contact.pk]), {"version": contact.version}
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.status == Contact.Status.DECIDED
    assert contact.decision.signed_off_by == manager
    assert OutboxMessage.objects.filter(recipient=officer).count() == 1


def test_an_outbox_message_rolls_back_with_its_change(monkeypatch, hub, officer):
    from django.db import DatabaseError

    contact = make_contact(officer)
    services.contact_triage(
        contact=contact, by=hub, expected_version=contact.version, rag="green", rationale="x"
    )
    contact.refresh_from_db()
    monkeypatch.setattr(
        services, "timeline_add", lambda **kw: (_ for _ in ()).throw(DatabaseError("disk full"))
    )
    with pytest.raises(DatabaseError):
        services.contact_decide(
            contact=contact,
            by=hub,
            expected_version=contact.version,
            outcome="nfa",
            rationale="r",
            feedback="f",
        )
    assert not OutboxMessage.objects.exists()
    contact.refresh_from_db()
    assert contact.status == Contact.Status.TRIAGED


def test_hostile_text_on_the_contact_page_is_escaped(signed_in, hub, officer):
    contact = make_contact(
        officer, what="<script>alert('x')</script>", given_names="<img src=x onerror=alert(1)>"
    )
    page = signed_in(hub).get(reverse("hub:contact", args=[contact.pk])).content.decode()
    assert "<script>alert('x')</script>" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;" in page


def test_the_hubs_own_hostile_text_is_escaped_wherever_it_is_shown(signed_in, hub, officer):
    """Promise 14: the rating rationale and decision rationale on the hub's page, and the
    feedback on the referrer's page and their Messages page, come back as text, not markup."""
    rag_why = "<script>alert('rag')</script>"
    decision_why = "<img src=x onerror=alert('why')>"
    told = "<svg onload=alert('told')>"
    contact = make_contact(officer)
    client = signed_in(hub)
    client.post(reverse("hub:triage", args=[contact.pk]), triage_post(contact, rationale=rag_why))
    contact.refresh_from_db()
    decision = decide_post(contact)
    decision["decision-rationale"] = decision_why
    decision["decision-feedback_to_referrer"] = told
    assert client.post(reverse("hub:decide", args=[contact.pk]), decision).status_code == 302

    hub_page = client.get(reverse("hub:contact", args=[contact.pk])).content.decode()
    referrer = signed_in(officer)
    mine = referrer.get(reverse("referrals:mine_detail", args=[contact.pk])).content.decode()
    inbox = referrer.get(reverse("messages")).content.decode()
    for page, text in [
        (hub_page, rag_why),
        (hub_page, decision_why),
        (hub_page, told),
        (mine, told),
        (inbox, told),
    ]:
        assert escape(text) in page  # shown, as text
        assert text not in page  # never as markup
    assert "<svg" not in mine + inbox and "<script>alert" not in hub_page


def test_triage_and_decision_forms_ignore_fields_they_do_not_have(
    signed_in, hub, officer, social_care
):
    """Promise 4: status, referrer, agency, reference, deadlines and who decided cannot be
    set by posting them to the hub's triage and decision forms."""
    other = PractitionerFactory(agency=social_care, role=Role.HUB_MANAGER)
    contact = make_contact(officer)
    reference, agency = contact.reference, contact.referrer_agency
    smuggled = {
        "status": Contact.Status.DECIDED,
        "referrer": other.pk,
        "referrer_agency": social_care.pk,
        "reference": "FD-FORGED-1",
        "decision_due_at": "2099-01-01T00:00",
        "decided_by": other.pk,
        "signed_off_by": other.pk,
        "assigned_to": other.pk,
    }
    extra = {
        f"{prefix}{name}": value for name, value in smuggled.items() for prefix in ("", "triage-")
    }
    client = signed_in(hub)
    response = client.post(
        reverse("hub:triage", args=[contact.pk]), {**triage_post(contact, "amber"), **extra}
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.status == Contact.Status.TRIAGED  # not decided
    assert (contact.referrer, contact.referrer_agency) == (officer, agency)
    assert contact.reference == reference
    assert contact.decision_due_at.year < 2099
    assert contact.assigned_to == hub  # the form's own `assign_to` was left empty: the hub

    extra = {
        f"{prefix}{name}": value for name, value in smuggled.items() for prefix in ("", "decision-")
    }
    response = client.post(
        reverse("hub:decide", args=[contact.pk]), {**decide_post(contact, "nfa"), **extra}
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.status == Contact.Status.DECIDED
    assert (contact.referrer, contact.referrer_agency) == (officer, agency)
    assert contact.reference == reference
    assert (contact.decision.decided_by, contact.decision.signed_off_by) == (hub, None)


def test_viewing_a_contact_writes_one_audit_row(signed_in, hub, officer):
    contact = make_contact(officer)
    client = signed_in(hub)
    before = AuditEvent.objects.filter(verb=Verb.VIEW).count()
    client.get(reverse("hub:contact", args=[contact.pk]))
    assert AuditEvent.objects.filter(verb=Verb.VIEW).count() == before + 1
    event = AuditEvent.objects.filter(verb=Verb.VIEW).latest("id")
    assert (event.actor, event.object_id) == (hub, str(contact.pk))


def test_the_manager_sees_breaches_and_the_share_of_referrers_told(
    signed_in, hub, manager, officer
):
    with time_machine.travel(datetime(2026, 11, 2, 10, 0, tzinfo=LONDON), tick=False):
        late = make_contact(officer)
        decided = make_contact(officer)
        services.contact_triage(
            contact=decided, by=hub, expected_version=decided.version, rag="green", rationale="r"
        )
        decided.refresh_from_db()
        services.contact_decide(
            contact=decided,
            by=hub,
            expected_version=decided.version,
            outcome="nfa",
            rationale="r",
            feedback="No further action.",
        )
    page = signed_in(manager).get(reverse("hub:queue")).content.decode()
    assert late.reference in page
    assert 'data-testid="breaches">1<' in page
    assert 'data-testid="told-share">100%<' in page


def test_messages_are_emailed_once_the_change_commits(
    signed_in, hub, officer, django_capture_on_commit_callbacks
):
    contact = make_contact(officer)
    services.contact_triage(
        contact=contact, by=hub, expected_version=contact.version, rag="green", rationale="r"
    )
    contact.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.contact_decide(
            contact=contact,
            by=hub,
            expected_version=contact.version,
            outcome="nfa",
            rationale="r",
            feedback="No further action is needed.",
        )
    assert [m.to for m in mail.outbox] == [[officer.email]]
    assert OutboxMessage.objects.get(recipient=officer).emailed_at is not None


def test_acceptance_by_social_care_acknowledges_the_referrer(signed_in, hub, officer):
    contact = make_contact(officer)
    signed_in(hub).post(reverse("hub:accept", args=[contact.pk]), {"version": contact.version})
    message = OutboxMessage.objects.get(recipient=officer)
    assert message.subject == f"Referral {contact.reference} accepted by children's social care"
    assert "decision on the type of response is due by" in message.body


def test_lists_and_counts_show_only_what_the_practitioner_may_see(
    signed_in, hub, officer, social_worker
):
    """Promise 2: out-of-scope contacts never appear in lists, totals or the home page."""
    from frontdoor.referrals.access import contacts_visible_to

    mine = make_contact(officer)
    theirs = make_contact(social_worker, what="Another agency's referral")
    draft = services.contact_start(by=social_worker)
    assert set(contacts_visible_to(officer)) == {mine}
    assert draft not in set(contacts_visible_to(hub))
    assert {mine, theirs} <= set(contacts_visible_to(hub))
    client = signed_in(officer)
    for url in (reverse("referrals:mine"), reverse("home")):
        page = client.get(url).content.decode()
        assert theirs.reference not in page
    assert "1 sent" in client.get(reverse("home")).content.decode()


def test_reading_messages_is_recorded(signed_in, officer):
    signed_in(officer).get(reverse("messages"))
    assert (
        AuditEvent.objects.filter(
            actor=officer, verb=Verb.VIEW, object_type="core.outboxmessage"
        ).count()
        == 1
    )


@pytest.mark.parametrize("form", ["accept", "link", "link_new"])
def test_accept_and_link_steps_ignore_fields_they_do_not_have(
    form, signed_in, hub, officer, social_care
):
    """Promise 4: accepting for social care and linking a subject to the person index set
    the clock, the link and the version from the page and the services; a contact's status,
    referrer, agency, reference, deadlines and owner, and a subject's contact, names, role and
    link, never come from extra posted fields."""
    other = PractitionerFactory(agency=social_care, role=Role.HUB_MANAGER)
    known = Person.objects.create(
        given_names="Maisie",
        family_name="O'Connor-Dube",
        date_of_birth=date(2017, 6, 1),
        postcode="PR1 2AB",
    )
    now = datetime(2026, 11, 25, 10, 0, tzinfo=LONDON)
    with time_machine.travel(now, tick=False):
        contact = make_contact(officer)
        elsewhere = make_contact(officer, given_names="Noor")
    subject = contact.subjects.get()
    long_ago = "2001-01-01T00:00"
    extras = {
        "status": Contact.Status.DECIDED,
        "referrer": other.pk,
        "referrer_agency": social_care.pk,
        "reference": "FD-FORGED-1",
        "statutory_due_at": "2099-01-01T00:00",
        "accepted_by_social_care_at": long_ago,
        "decision_due_at": "2099-01-01T00:00",
        "assigned_to": other.pk,
        "decided_by": other.pk,
        "created_by": other.pk,
        "agency": social_care.pk,
    }
    unchanged = {
        "status": contact.status,
        "referrer": officer,
        "referrer_agency": contact.referrer_agency,
        "reference": contact.reference,
        "decision_due_at": contact.decision_due_at,
        "assigned_to": contact.assigned_to,
    }
    if form == "accept":
        case = Smuggled(
            client=signed_in(hub),
            url=reverse("hub:accept", args=[contact.pk]),
            data={"version": contact.version},
            extras=extras,
            record=lambda: Contact.objects.get(pk=contact.pk),
            expected={
                **unchanged,
                "accepted_by_social_care_at": now,
                "statutory_due_at": datetime(2026, 11, 26, 10, 0, tzinfo=LONDON),
                "version": contact.version + 1,
            },
        )
    else:
        case = Smuggled(
            client=signed_in(hub),
            url=reverse("hub:link_subject", args=[contact.pk, subject.pk]),
            data={
                "person": known.pk if form == "link" else "new",
                "version": subject.version,
            },
            extras={
                **extras,
                "contact": elsewhere.pk,
                "role": Subject.Role.ADULT_AT_RISK,
                "given_names": "Forged",
                "family_name": "Forged",
                "link": Subject.Link.NEW if form == "link" else Subject.Link.LINKED,
            },
            record=lambda: Subject.objects.get(pk=subject.pk),
            expected={
                "contact": contact,
                "role": Subject.Role.CHILD_AT_RISK,
                "given_names": "Maisie",
                "family_name": "O'Connor-Dube",
                "link": Subject.Link.LINKED if form == "link" else Subject.Link.NEW,
                "version": subject.version + 1,
                **{f"contact.{name}": value for name, value in unchanged.items()},
                **({"person": known} if form == "link" else {"person.created_by": hub}),
            },
        )
    with time_machine.travel(now, tick=False):
        assert_extras_ignored(case)
    assert not Person.objects.filter(given_names="Forged").exists()
