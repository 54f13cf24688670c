"""Information requests through the pages: the hub asks, each agency answers from its own inbox.

Issue 4, item 4; SECURITY.md promises 1, 2, 6, 7, 14, 18 and 19.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.models import OutboxMessage
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory, sign_in
from frontdoor.referrals import services as referrals
from frontdoor.referrals.models import Concern, Consent, LawfulBasis, Rag, Subject
from frontdoor.sharing import services
from frontdoor.sharing.models import Category, InformationRequest, Window

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
ASKED_AT = datetime(2026, 3, 3, 10, 0, tzinfo=LONDON)  # a Tuesday morning
HOSTILE = '<script>alert("owned")</script>'
WHAT_HAPPENED = "Tell-tale: what happened in the Testbrook hallway"
OPINION = "Tell-tale: the officer's opinion of the Testbrook household"

# What the hub asks each partner: 12 months, scoped to what that partner holds.
SCOPES = {
    "social_care": [Category.CHILD_PROTECTION],
    "health": [Category.HEALTH_ATTENDANCES, Category.MENTAL_HEALTH],
    "school": [Category.SCHOOL],
}


# People and places ------------------------------------------------------------------------


@pytest.fixture
def health(db):
    return AgencyFactory(name="Testshire Community Health NHS Trust", sector="health")


@pytest.fixture
def school(db):
    return AgencyFactory(name="Testbrook Primary School", sector="education")


@pytest.fixture
def housing(db):
    """An agency nobody asks."""
    return AgencyFactory(name="Testshire Homes", sector="housing")


@pytest.fixture
def hub(police):
    return PractitionerFactory(
        username="hub.practitioner",
        agency=police,
        role=Role.HUB_PRACTITIONER,
        first_name="Hana",
        last_name="Hubworth",
    )


@pytest.fixture
def nurse(health):
    return PractitionerFactory(
        username="nurse", agency=health, role=Role.FRONTLINE, first_name="Nia", last_name="Nurse"
    )


@pytest.fixture
def second_nurse(health):
    return PractitionerFactory(username="nurse.two", agency=health, role=Role.FRONTLINE)


@pytest.fixture
def teacher(school):
    """The school's designated safeguarding lead."""
    return PractitionerFactory(username="dsl", agency=school, role=Role.FRONTLINE)


@pytest.fixture
def stranger(housing):
    return PractitionerFactory(username="stranger", agency=housing, role=Role.FRONTLINE)


@pytest.fixture
def partners(social_care, health, school):
    return {"social_care": social_care, "health": health, "school": school}


def client_as(practitioner) -> Client:
    client = Client()
    sign_in(client, practitioner)
    return client


def sent_contact(referrer, *, hub=None, rag=None):
    """A domestic abuse referral about two children and the adult alleged to cause harm."""
    contact = referrals.contact_start(by=referrer)
    referrals.contact_update_draft(
        contact=contact,
        by=referrer,
        changes={
            "concerns": [Concern.DOMESTIC_ABUSE],
            "what_happened": WHAT_HAPPENED,
            "professional_opinion": OPINION,
            "crime_alleged": True,
            "immediate_danger": False,
            "consent": Consent.NOT_SOUGHT,
            "lawful_basis": LawfulBasis.SAFEGUARDING,
        },
    )
    children = [
        referrals.subject_save(
            contact=contact,
            by=referrer,
            data={
                "role": Subject.Role.CHILD_AT_RISK,
                "given_names": given,
                "family_name": "Testbrook",
                "date_of_birth": born,
                "address": "1 Example Row\nTestbrook",
                "postcode": "ZZ1 1ZZ",
                "nhs_number": nhs,
                "school_or_gp": "Testbrook Primary School",
            },
        )
        for given, born, nhs in (
            ("Amara", date(2017, 6, 1), "9434765919"),
            ("Kofi", date(2020, 2, 29), ""),
        )
    ]
    adult = referrals.subject_save(
        contact=contact,
        by=referrer,
        data={
            "role": Subject.Role.ALLEGED_TO_CAUSE_HARM,
            "given_names": "Declan",
            "family_name": "Otherperson",
            "estimated_age": 35,
        },
    )
    contact = referrals.contact_submit(contact=contact, by=referrer)
    if rag:
        contact = referrals.contact_triage(
            contact=contact,
            by=hub,
            expected_version=contact.version,
            rag=rag,
            rationale="Two young children in the household.",
        )
    return contact, children, adult


def ask_form(agencies, subjects, categories, **changes) -> dict:
    data = {
        "agencies": [a.pk for a in agencies],
        "subjects": [s.pk for s in subjects],
        "window": Window.MONTHS_12,
        "categories": list(categories),
        "purpose": "To decide whether the children need a strategy discussion.",
        "lawful_basis": LawfulBasis.SAFEGUARDING,
    }
    data.update(changes)
    return data


def ask_all(hub, contact, children, partners) -> dict[str, InformationRequest]:
    """The hub asks social care, health and the school, each for its own scope."""
    client = client_as(hub)
    for key, agency in partners.items():
        response = client.post(
            reverse("sharing:ask", args=[contact.pk]),
            ask_form([agency], children, SCOPES[key]),
        )
        assert response.status_code == 302, response.content.decode()
    return {
        key: InformationRequest.objects.get(contact=contact, to_agency=agency)
        for key, agency in partners.items()
    }


@pytest.fixture
def asked(officer, hub, partners):
    """An amber contact; social care, health and the school asked at ASKED_AT."""
    with time_machine.travel(ASKED_AT, tick=False):
        contact, children, adult = sent_contact(officer, hub=hub, rag=Rag.AMBER)
        requests = ask_all(hub, contact, children, partners)
    return {"contact": contact, "children": children, "adult": adult, **requests}


def answer_url(info_request, what="answer"):
    return reverse(f"sharing:{what}", args=[info_request.pk])


# Asking -----------------------------------------------------------------------------------


def test_asking_ignores_fields_the_form_does_not_have(officer, hub, partners, housing, nurse):
    """Promise 4: the agency asked, who asked, the status, the contact and the deadline come
    from the hub's choices and the service, never from extra posted fields."""
    contact, children, adult = sent_contact(officer, hub=hub, rag=Rag.AMBER)
    elsewhere, _, _ = sent_contact(officer, hub=hub, rag=Rag.AMBER)
    response = client_as(hub).post(
        reverse("sharing:ask", args=[contact.pk]),
        ask_form(
            [partners["health"]],
            children,
            [Category.HEALTH_ATTENDANCES],
            to_agency=housing.pk,
            requested_by=nurse.pk,
            status="answered",
            contact=elsewhere.pk,
            due_at="2099-01-01T00:00",
            answers='{"health_attendances": "forged"}',
        ),
    )
    assert response.status_code == 302
    (asked,) = InformationRequest.objects.all()
    assert (asked.contact, asked.to_agency, asked.requested_by) == (
        contact,
        partners["health"],
        hub,
    )
    assert asked.status == "open" and asked.answers == {}
    assert asked.due_at.year < 2099
    assert not InformationRequest.objects.filter(to_agency=housing).exists()


def test_the_hub_asks_three_agencies_at_once_and_the_amber_deadline_applies(officer, hub, partners):
    with time_machine.travel(ASKED_AT, tick=False):
        contact, children, adult = sent_contact(officer, hub=hub, rag=Rag.AMBER)
        client = client_as(hub)
        url = reverse("sharing:ask", args=[contact.pk])

        page = client.get(url)
        assert page.status_code == 200
        html = page.content.decode()
        assert "rated amber" in html
        assert "within 6 hours" in html
        assert "3 March 2026 at 16:00" in html
        assert "Amara Testbrook" in html and "Declan Otherperson" in html
        assert WHAT_HAPPENED not in html and OPINION not in html

        response = client.post(
            url,
            ask_form(
                partners.values(),
                children,
                [Category.CHILD_PROTECTION, Category.HEALTH_ATTENDANCES, Category.SCHOOL],
            ),
        )

    assert response.status_code == 302
    assert response.url == reverse("hub:contact", args=[contact.pk])
    requests = InformationRequest.objects.filter(contact=contact).order_by("to_agency__name")
    assert [r.to_agency for r in requests] == sorted(partners.values(), key=lambda a: a.name)
    amount, unit = settings.FRONTDOOR_REQUEST_DEADLINES["amber"]
    assert (amount, unit) == (6, "hours")
    for info_request in requests:
        assert info_request.due_at == datetime(2026, 3, 3, 16, 0, tzinfo=LONDON)
        assert info_request.requested_at == ASKED_AT
        assert info_request.requested_by == hub
        assert info_request.window == Window.MONTHS_12
        assert set(info_request.subjects.all()) == set(children)
        assert info_request.status == InformationRequest.Status.OPEN
    disclosures = AuditEvent.objects.filter(
        verb=Verb.DISCLOSE, object_type="sharing.informationrequest"
    )
    assert sorted(r for e in disclosures for r in e.recipients) == sorted(
        a.name for a in partners.values()
    )


def test_a_red_contact_gives_the_agencies_two_hours(officer, hub, health):
    with time_machine.travel(ASKED_AT, tick=False):
        contact, children, _ = sent_contact(officer, hub=hub, rag=Rag.RED)
        client = client_as(hub)
        url = reverse("sharing:ask", args=[contact.pk])
        assert "within 2 hours" in client.get(url).content.decode()
        response = client.post(url, ask_form([health], children, [Category.HEALTH_ATTENDANCES]))
    assert response.status_code == 302
    assert settings.FRONTDOOR_REQUEST_DEADLINES["red"] == (2, "hours")
    info_request = InformationRequest.objects.get(contact=contact)
    assert info_request.due_at == datetime(2026, 3, 3, 12, 0, tzinfo=LONDON)


def test_an_unrated_contact_takes_the_amber_deadline(officer, hub, health):
    with time_machine.travel(ASKED_AT, tick=False):
        contact, children, _ = sent_contact(officer)
        client = client_as(hub)
        url = reverse("sharing:ask", args=[contact.pk])
        assert "has not been rated yet" in client.get(url).content.decode()
        client.post(url, ask_form([health], children, [Category.HEALTH_ATTENDANCES]))
    info_request = InformationRequest.objects.get(contact=contact)
    assert info_request.due_at == datetime(2026, 3, 3, 16, 0, tzinfo=LONDON)


def test_opening_the_ask_page_is_recorded(officer, hub):
    contact, _, _ = sent_contact(officer)
    before = AuditEvent.objects.filter(verb=Verb.VIEW, object_id=str(contact.pk)).count()
    client_as(hub).get(reverse("sharing:ask", args=[contact.pk]))
    views = AuditEvent.objects.filter(
        verb=Verb.VIEW, object_type="referrals.contact", object_id=str(contact.pk)
    )
    assert views.count() == before + 1
    assert views.first().actor == hub


def test_an_unknown_or_inactive_agency_is_refused_and_nothing_is_asked(
    officer, hub, health, housing
):
    contact, children, _ = sent_contact(officer)
    client = client_as(hub)
    url = reverse("sharing:ask", args=[contact.pk])
    unknown = ask_form([health], children, [Category.HEALTH_ATTENDANCES])
    unknown["agencies"].append(987654)
    housing.is_active = False
    housing.save()
    for data in (
        unknown,
        ask_form([health, housing], children, [Category.HOUSING]),
        {**ask_form([], children, [Category.HOUSING]), "agencies": ["not-a-number"]},
    ):
        response = client.post(url, data)
        assert response.status_code == 422
        assert "Select an agency in the partnership" in response.content.decode()
    assert not InformationRequest.objects.exists()


def test_asking_needs_every_answer(officer, hub):
    contact, _, _ = sent_contact(officer)
    response = client_as(hub).post(reverse("sharing:ask", args=[contact.pk]), {"purpose": "  "})
    assert response.status_code == 422
    html = response.content.decode()
    for message in (
        "Select at least one agency to ask",
        "Select the people the request is about",
        "Select the period to search",
        "Select at least one kind of information",
        "Enter why you need the information",
        "Select the lawful basis for asking",
    ):
        assert message in html
    assert "<title>Error:" in html
    assert not InformationRequest.objects.exists()


def test_only_the_contacts_own_people_can_be_asked_about(officer, hub, health):
    contact, children, _ = sent_contact(officer)
    _, other_children, _ = sent_contact(officer)
    response = client_as(hub).post(
        reverse("sharing:ask", args=[contact.pk]),
        ask_form([health], [children[0], other_children[0]], [Category.HEALTH_ATTENDANCES]),
    )
    assert response.status_code == 422
    assert "Select people from this contact" in response.content.decode()
    assert not InformationRequest.objects.exists()


def test_asking_several_agencies_is_all_or_nothing(officer, hub, health, housing):
    contact, children, _ = sent_contact(officer)
    housing.is_active = False
    housing.save()
    with pytest.raises(ValidationError):
        services.requests_create(
            contact=contact,
            by=hub,
            to_agencies=[health, housing],
            subjects=children,
            window=Window.MONTHS_12,
            categories=[Category.HEALTH_ATTENDANCES],
            purpose="Testing all or nothing",
            lawful_basis=LawfulBasis.SAFEGUARDING,
        )
    assert not InformationRequest.objects.exists()
    assert not OutboxMessage.objects.filter(dedupe_key__startswith="request-").exists()


def test_only_the_hub_may_ask_and_others_cannot_tell_the_contact_exists(
    officer, hub, nurse, hub_manager
):
    contact, _, _ = sent_contact(officer)
    url = reverse("sharing:ask", args=[contact.pk])
    assert client_as(hub_manager).get(url).status_code == 200
    assert client_as(nurse).get(url).status_code == 404
    assert client_as(nurse).post(url, {}).status_code == 404
    # The referrer sees their own contact, so a refusal tells them nothing new.
    assert client_as(officer).get(url).status_code == 403
    assert not InformationRequest.objects.exists()


# Inboxes ----------------------------------------------------------------------------------


def test_each_agency_sees_only_its_own_requests_and_counts(
    asked, officer, hub, nurse, teacher, social_worker, stranger, health
):
    with time_machine.travel(ASKED_AT, tick=False):
        other, other_children, _ = sent_contact(officer, hub=hub, rag=Rag.GREEN)
        client_as(hub).post(
            reverse("sharing:ask", args=[other.pk]),
            ask_form([health], other_children, [Category.HEALTH_ATTENDANCES]),
        )
    other_request = InformationRequest.objects.get(contact=other)
    all_requests = [asked["social_care"], asked["health"], asked["school"], other_request]
    mine = {
        nurse: [asked["health"], other_request],
        teacher: [asked["school"]],
        social_worker: [asked["social_care"]],
        stranger: [],
        hub: [],  # the hub practitioner's own agency (the police) was not asked
    }
    with time_machine.travel(ASKED_AT + timedelta(minutes=30), tick=False):
        for practitioner, own in mine.items():
            response = client_as(practitioner).get(reverse("sharing:inbox"))
            assert response.status_code == 200
            html = response.content.decode()
            assert escape(f"Information requests for {practitioner.agency.name}") in html
            assert f"{len(own)} waiting for an answer." in html
            for info_request in all_requests:
                link = reverse("sharing:detail", args=[info_request.pk])
                assert (link in html) == (info_request in own), (practitioner, info_request)
            if not own:
                assert "Testbrook" not in html


def test_the_inbox_puts_the_earliest_due_first_and_flags_the_late(officer, hub, health, nurse):
    with time_machine.travel(ASKED_AT, tick=False):
        amber, amber_children, _ = sent_contact(officer, hub=hub, rag=Rag.AMBER)
        red, red_children, _ = sent_contact(officer, hub=hub, rag=Rag.RED)
        client = client_as(hub)
        for contact, children in ((amber, amber_children), (red, red_children)):
            client.post(
                reverse("sharing:ask", args=[contact.pk]),
                ask_form([health], children, [Category.HEALTH_ATTENDANCES]),
            )
    red_request = InformationRequest.objects.get(contact=red)

    def inbox_at(moment):
        with time_machine.travel(moment, tick=False):
            return client_as(nurse).get(reverse("sharing:inbox")).content.decode()

    html = inbox_at(ASKED_AT + timedelta(minutes=10))
    assert html.index(red.reference) < html.index(amber.reference)
    assert "Overdue" not in html and "Due soon" not in html
    # Red is due at 12:00: less than a quarter of its 2 hours left at 11:40.
    html = inbox_at(ASKED_AT + timedelta(minutes=100))
    assert html.count("Due soon") == 1 and "Overdue" not in html
    # At 12:30 red is overdue; amber (due 16:00) is not yet nearly late.
    html = inbox_at(ASKED_AT + timedelta(minutes=150))
    assert html.count("Overdue") == 1 and "Due soon" not in html
    assert "1 overdue" in html
    # Once answered, a request moves to the answered list.
    with time_machine.travel(ASKED_AT + timedelta(minutes=160), tick=False):
        client_as(nurse).post(
            answer_url(red_request, "nothing_known"), {"nothing_known-version": 1}
        )
    html = inbox_at(ASKED_AT + timedelta(minutes=170))
    assert "1 waiting for an answer." in html
    assert html.index(amber.reference) < html.index("Answered") < html.index(red.reference)


def test_reading_the_inbox_is_recorded(asked, nurse):
    before = AuditEvent.objects.filter(verb=Verb.VIEW, actor=nurse).count()
    client_as(nurse).get(reverse("sharing:inbox"))
    assert AuditEvent.objects.filter(verb=Verb.VIEW, actor=nurse).count() == before + 1


# The request page ---------------------------------------------------------------------------


def test_the_request_shows_what_the_agency_needs_to_search_and_no_more(asked, nurse):
    info_request = asked["health"]
    response = client_as(nurse).get(reverse("sharing:detail", args=[info_request.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for shown in (
        "Amara Testbrook",
        "1 June 2017",
        "Kofi Testbrook",
        "29 February 2020",
        "ZZ1 1ZZ",
        "9434765919",
        "Hana Hubworth",
        "To decide whether the children need a strategy discussion.",
        "The last 12 months",
        "Health attendances",
        "Mental health",
        "3 March 2026 at 16:00",
    ):
        assert shown in html, shown
    for hidden in (WHAT_HAPPENED, OPINION, "Declan Otherperson"):
        assert hidden not in html, hidden
    # One box per category asked for, and no others.
    assert 'name="answer_health_attendances"' in html
    assert 'name="answer_mental_health"' in html
    assert 'name="answer_school"' not in html
    assert 'name="decline-reason"' in html


def test_each_view_of_a_request_writes_one_audit_row(asked, nurse):
    info_request = asked["health"]
    rows = AuditEvent.objects.filter(
        verb=Verb.VIEW, object_type="sharing.informationrequest", object_id=str(info_request.pk)
    )
    client = client_as(nurse)
    client.get(reverse("sharing:detail", args=[info_request.pk]))
    client.get(reverse("sharing:detail", args=[info_request.pk]))
    assert rows.count() == 2
    assert rows.first().actor == nurse
    assert rows.first().reason == "Viewed an information request"


def test_health_answers_and_the_disclosure_is_recorded_with_its_recipients(asked, nurse, hub):
    info_request = asked["health"]
    client = client_as(nurse)
    response = client.post(
        answer_url(info_request),
        {
            "version": info_request.version,
            "answer_health_attendances": "Two A&E attendances for Amara in January 2026.",
            "answer_mental_health": "",
            # Not meant to be set by a response (promise 4): ignored.
            "status": "declined",
            "to_agency": asked["school"].to_agency_id,
        },
    )
    assert response.status_code == 302
    info_request.refresh_from_db()
    assert info_request.status == InformationRequest.Status.ANSWERED
    assert info_request.answers == {
        "health_attendances": "Two A&E attendances for Amara in January 2026."
    }
    assert info_request.answered_by == nurse
    assert info_request.to_agency == asked["health"].to_agency
    disclosure = AuditEvent.objects.filter(
        verb=Verb.DISCLOSE, actor=nurse, object_id=str(info_request.pk)
    ).get()
    assert disclosure.recipients == [services.HUB_RECIPIENT]
    assert disclosure.details["categories"] == ["health_attendances"]
    assert OutboxMessage.objects.filter(recipient=hub, dedupe_key__endswith="finished").exists()

    html = client_as(hub).get(reverse("sharing:detail", args=[info_request.pk])).content.decode()
    assert "Two A&amp;E attendances for Amara in January 2026." in html
    assert "Answered by Nia Nurse" in html
    assert 'name="answer_health_attendances"' not in html


def test_the_school_says_nothing_known(asked, teacher):
    info_request = asked["school"]
    response = client_as(teacher).post(
        answer_url(info_request, "nothing_known"), {"nothing_known-version": 1}
    )
    assert response.status_code == 302
    info_request.refresh_from_db()
    assert info_request.status == InformationRequest.Status.NOTHING_KNOWN
    assert info_request.answered_by == teacher
    assert AuditEvent.objects.filter(
        verb=Verb.DISCLOSE, actor=teacher, object_id=str(info_request.pk)
    ).exists()
    html = client_as(teacher).get(reverse("sharing:detail", args=[info_request.pk]))
    assert "Nothing known" in html.content.decode()


def test_social_care_declines_and_the_reason_is_recorded(asked, social_worker, hub):
    info_request = asked["social_care"]
    reason = "The family is subject to a court order that restricts disclosure."
    response = client_as(social_worker).post(
        answer_url(info_request, "decline"),
        {"decline-version": 1, "decline-reason": reason},
    )
    assert response.status_code == 302
    info_request.refresh_from_db()
    assert info_request.status == InformationRequest.Status.DECLINED
    assert info_request.declined_reason == reason
    record = AuditEvent.objects.get(verb=Verb.DECLINE, object_id=str(info_request.pk))
    assert record.reason == reason
    assert record.actor == social_worker
    assert record.recipients == [services.HUB_RECIPIENT]
    html = client_as(hub).get(reverse("sharing:detail", args=[info_request.pk])).content.decode()
    assert reason in html


def test_an_answer_outside_the_scope_is_refused_and_nothing_is_saved(asked, social_worker):
    info_request = asked["social_care"]  # asked about child protection only
    response = client_as(social_worker).post(
        answer_url(info_request),
        {
            "version": 1,
            "answer_child_protection": "Subject to a child protection plan in 2025.",
            "answer_health_attendances": "Attended A&E twice.",
        },
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Answer only what was asked" in html
    assert "health attendances" in html
    info_request.refresh_from_db()
    assert info_request.status == InformationRequest.Status.OPEN
    assert info_request.answers == {}
    assert info_request.version == 1
    assert not AuditEvent.objects.filter(verb=Verb.DISCLOSE, actor=social_worker).exists()


def test_an_empty_answer_is_refused(asked, nurse):
    info_request = asked["health"]
    response = client_as(nurse).post(
        answer_url(info_request),
        {"version": 1, "answer_health_attendances": "  ", "answer_mental_health": ""},
    )
    assert response.status_code == 422
    assert "Answer at least one question, or say that nothing is known" in (
        response.content.decode()
    )
    info_request.refresh_from_db()
    assert info_request.status == InformationRequest.Status.OPEN


def test_declining_without_a_reason_is_refused(asked, social_worker):
    info_request = asked["social_care"]
    response = client_as(social_worker).post(
        answer_url(info_request, "decline"), {"decline-version": 1, "decline-reason": "   "}
    )
    assert response.status_code == 422
    assert "Enter the reason for not sharing" in response.content.decode()
    info_request.refresh_from_db()
    assert info_request.status == InformationRequest.Status.OPEN
    assert not AuditEvent.objects.filter(verb=Verb.DECLINE).exists()


def test_two_responders_on_one_version_the_second_gets_a_conflict(asked, nurse, second_nurse):
    info_request = asked["health"]
    first, second = client_as(nurse), client_as(second_nurse)
    for client in (first, second):
        assert client.get(reverse("sharing:detail", args=[info_request.pk])).status_code == 200
    response = first.post(
        answer_url(info_request),
        {"version": 1, "answer_health_attendances": "First answer: one GP visit."},
    )
    assert response.status_code == 302
    response = second.post(
        answer_url(info_request),
        {"version": 1, "answer_health_attendances": "Second answer: nothing."},
    )
    assert response.status_code == 409
    assert "already been answered or changed by someone else" in response.content.decode()
    declined = second.post(
        answer_url(info_request, "decline"),
        {"decline-version": 1, "decline-reason": "Too late"},
    )
    assert declined.status_code == 409
    info_request.refresh_from_db()
    assert info_request.answers == {"health_attendances": "First answer: one GP visit."}
    assert info_request.answered_by == nurse
    assert info_request.version == 2


def test_an_uninvolved_practitioner_gets_404_at_every_request_url(asked, stranger):
    client = client_as(stranger)
    for key in ("social_care", "health", "school"):
        info_request = asked[key]
        response = client.get(reverse("sharing:detail", args=[info_request.pk]))
        assert response.status_code == 404
        assert "Testbrook" not in response.content.decode()
        for what, data in (
            ("answer", {"version": 1, "answer_child_protection": "x"}),
            ("nothing_known", {"nothing_known-version": 1}),
            ("decline", {"decline-version": 1, "decline-reason": "x"}),
        ):
            response = client.post(answer_url(info_request, what), data)
            assert response.status_code == 404, what
            assert "Testbrook" not in response.content.decode()
    assert not InformationRequest.objects.exclude(status=InformationRequest.Status.OPEN).exists()


def test_another_agencys_practitioner_cannot_open_a_request_it_was_not_sent(asked, nurse):
    response = client_as(nurse).get(reverse("sharing:detail", args=[asked["school"].pk]))
    assert response.status_code == 404


def test_the_hub_reads_every_request_but_answers_only_its_own_agencys(asked, hub):
    info_request = asked["health"]
    client = client_as(hub)
    html = client.get(reverse("sharing:detail", args=[info_request.pk])).content.decode()
    assert "Amara Testbrook" in html
    assert 'name="answer_health_attendances"' not in html
    assert "Waiting for Testshire Community Health NHS Trust to answer" in html
    response = client.post(
        answer_url(info_request), {"version": 1, "answer_health_attendances": "x"}
    )
    assert response.status_code == 403
    info_request.refresh_from_db()
    assert info_request.status == InformationRequest.Status.OPEN


def test_the_response_pages_take_only_post(asked, nurse):
    client = client_as(nurse)
    for what in ("answer", "nothing_known", "decline"):
        assert client.get(answer_url(asked["health"], what)).status_code == 405


def test_hostile_strings_are_escaped(officer, hub, nurse, health):
    contact, children, _ = sent_contact(officer)
    client_as(hub).post(
        reverse("sharing:ask", args=[contact.pk]),
        ask_form([health], children, [Category.HEALTH_ATTENDANCES], purpose=HOSTILE),
    )
    info_request = InformationRequest.objects.get(contact=contact)
    assert info_request.purpose == HOSTILE
    client_as(nurse).post(
        answer_url(info_request), {"version": 1, "answer_health_attendances": HOSTILE}
    )
    info_request.refresh_from_db()
    assert info_request.answers == {"health_attendances": HOSTILE}
    for practitioner in (hub, nurse):
        html = client_as(practitioner).get(reverse("sharing:detail", args=[info_request.pk]))
        html = html.content.decode()
        assert HOSTILE not in html
        assert html.count("&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;") == 2


def test_a_hostile_decline_reason_is_escaped(asked, social_worker, hub):
    info_request = asked["social_care"]
    client_as(social_worker).post(
        answer_url(info_request, "decline"), {"decline-version": 1, "decline-reason": HOSTILE}
    )
    html = client_as(hub).get(reverse("sharing:detail", args=[info_request.pk])).content.decode()
    assert HOSTILE not in html
    assert "&lt;script&gt;" in html


# Escalation -------------------------------------------------------------------------------


@pytest.fixture
def health_managers(health):
    return [
        PractitionerFactory(username="health.hub.manager", agency=health, role=Role.HUB_MANAGER),
        PractitionerFactory(
            username="health.partnership.manager", agency=health, role=Role.PARTNERSHIP_MANAGER
        ),
    ]


def escalations():
    """Reminders to the receiving agency (not the note to the hub practitioner who asked)."""
    return OutboxMessage.objects.filter(dedupe_key__contains="-escalated-").exclude(
        dedupe_key__endswith="-escalated-requester"
    )


def run_escalation() -> str:
    out = StringIO()
    call_command("escalate_overdue_requests", stdout=out)
    return out.getvalue()


def test_overdue_requests_escalate_to_the_agencys_managers_once(
    asked, health_managers, nurse, teacher, social_care
):
    # The school answers in time; social care's and health's requests go overdue.
    with time_machine.travel(ASKED_AT + timedelta(hours=1), tick=False):
        client_as(teacher).post(
            answer_url(asked["school"], "nothing_known"), {"nothing_known-version": 1}
        )
    social_care_manager = PractitionerFactory(
        username="care.manager", agency=social_care, role=Role.HUB_MANAGER
    )

    with time_machine.travel(ASKED_AT + timedelta(hours=5), tick=False):
        assert "Escalated 0 overdue information requests." in run_escalation()
    assert not escalations().exists()

    with time_machine.travel(ASKED_AT + timedelta(hours=6, minutes=1), tick=False):
        assert "Escalated 2 overdue information requests." in run_escalation()
        assert "Escalated 0 overdue information requests." in run_escalation()

    messages = escalations()
    recipients = sorted(m.recipient.username for m in messages)
    # Hub managers only: partnership managers cannot open case requests.
    assert recipients == sorted([health_managers[0].username, social_care_manager.username])
    assert all(m.subject.startswith("Overdue information request") for m in messages)
    assert not escalations().filter(recipient__in=[nurse, teacher]).exists()
    asked["health"].refresh_from_db()
    assert asked["health"].escalated_at == ASKED_AT + timedelta(hours=6, minutes=1)

    with time_machine.travel(ASKED_AT + timedelta(hours=8), tick=False):
        html = client_as(nurse).get(reverse("sharing:detail", args=[asked["health"].pk]))
        html = html.content.decode()
    assert "Overdue" in html
    assert "escalated to Testshire Community Health NHS Trust's managers" in html


def test_the_background_task_escalates_too(asked, health_managers):
    from frontdoor.core.tasks import escalate_overdue_requests

    with time_machine.travel(ASKED_AT + timedelta(hours=7), tick=False):
        assert escalate_overdue_requests.call() == 3
        assert escalate_overdue_requests.call() == 0
    assert escalations().filter(recipient=health_managers[0]).count() == 1
    assert not escalations().filter(recipient=health_managers[1]).exists()


def test_an_agency_without_a_hub_manager_has_its_practitioners_reminded(asked, teacher, hub):
    with time_machine.travel(ASKED_AT + timedelta(hours=7), tick=False):
        run_escalation()
    assert escalations().filter(recipient=teacher, subject__startswith="Overdue").exists()
    told = OutboxMessage.objects.filter(recipient=hub, dedupe_key__endswith="-escalated-requester")
    assert told.count() == 3
