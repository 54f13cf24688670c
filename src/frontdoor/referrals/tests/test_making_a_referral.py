"""Making a referral through the question pages, and the referrer's view of its outcome."""

from datetime import date, timedelta

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.referrals import services
from frontdoor.referrals.models import Concern, Consent, Contact, Decision, Rag, Subject

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script>"
DRAFT_PAGES = ("people", "person_add", "concerns", "what_happened", "consent", "check", "caller")


def url(name, *args):
    return reverse(f"referrals:{name}", args=args)


def person(**overrides):
    data = {
        "role": Subject.Role.CHILD_AT_RISK,
        "given_names": "Amelia",
        "family_name": "Testperson",
        "dob_day": "14",
        "dob_month": "6",
        "dob_year": "2017",
        "estimated_age": "",
        "sex": "female",
        "address": "1 Example Street\nTestford",
        "postcode": "te1 1aa",
        "school_or_gp": "Testford Primary School",
        "nhs_number": "943 476 5919",
        "other_identifiers": "",
        "action": "continue",
    }
    data.update(overrides)
    return data


WHAT_HAPPENED = {
    "what_happened": "Police attended a domestic incident at 22:10 on Friday. Both children were at home.",
    "professional_opinion": "I think the children are at risk of emotional harm.",
    "crime_alleged": "yes",
    "immediate_danger": "no",
    "action": "continue",
}
CONSENT_NOT_GIVEN = {
    "consent": Consent.NOT_GIVEN,
    "lawful_basis": "safeguarding",
    "lawful_basis_detail": "Asking the father would put the mother and children at greater risk.",
    "action": "continue",
}


def start(client) -> Contact:
    response = client.post(url("start"))
    assert response.status_code == 302
    contact = Contact.objects.order_by("-pk").first()
    assert response.url == url("people", contact.pk)
    return contact


def complete_draft(client) -> Contact:
    contact = start(client)
    assert client.post(url("person_add", contact.pk), person()).status_code == 302
    answer(client, "concerns", contact, {"concerns": [Concern.DOMESTIC_ABUSE]})
    answer(client, "what_happened", contact, WHAT_HAPPENED)
    answer(client, "consent", contact, CONSENT_NOT_GIVEN)
    contact.refresh_from_db()
    assert services.contact_problems(contact) == []
    return contact


def answer(client, page, contact, data, *, subject=None, query=""):
    """Post a question page as a browser would: with the version of the record it showed."""
    if subject is None:
        target, version = url(page, contact.pk), Contact.objects.get(pk=contact.pk).version
    else:
        target = url(page, contact.pk, subject.pk)
        version = Subject.objects.get(pk=subject.pk).version
    return client.post(target + query, {**data, "version": version})


def snapshot(contact: Contact):
    contact.refresh_from_db()
    return model_to_dict(contact), [model_to_dict(s) for s in contact.subjects.all()]


def views_of(contact) -> int:
    return AuditEvent.objects.filter(
        verb=Verb.VIEW, object_type="referrals.contact", object_id=str(contact.pk)
    ).count()


@pytest.fixture
def hub_practitioner(social_care):
    return PractitionerFactory(
        username="hubpractitioner", agency=social_care, role=Role.HUB_PRACTITIONER
    )


# The journey ---------------------------------------------------------------------------------


def test_an_officer_refers_domestic_abuse_with_two_children_and_an_adult(signed_in, officer):
    client = signed_in(officer)
    page = client.get(url("mine"))
    assert page.status_code == 200
    assert "You have not sent any referrals" in page.content.decode()
    start_page = client.get(url("start")).content.decode()
    assert "call 999 now" in start_page
    assert "Recording a phone call" not in start_page  # only the hub takes calls

    contact = start(client)
    assert contact.referrer == officer
    assert contact.source == Contact.Source.PRACTITIONER
    assert client.get(url("people", contact.pk)).status_code == 200
    assert client.get(url("person_add", contact.pk)).status_code == 200
    for child in (
        person(),
        person(given_names="Ben", dob_day="3", dob_month="11", dob_year="2020", sex="male"),
    ):
        response = client.post(url("person_add", contact.pk), child)
        assert response.status_code == 302
        assert response.url == url("people", contact.pk)
    adult = person(
        role=Subject.Role.ALLEGED_TO_CAUSE_HARM,
        given_names="Carl",
        dob_day="",
        dob_month="",
        dob_year="",
        estimated_age="35",
        sex="male",
        school_or_gp="",
        nhs_number="",
        other_identifiers="PNC 12/345678X",
    )
    assert client.post(url("person_add", contact.pk), adult).status_code == 302
    people = client.get(url("people", contact.pk)).content.decode()
    assert "Amelia Testperson" in people and "Ben Testperson" in people
    response = client.post(url("people", contact.pk), {"action": "continue"})
    assert response.url == url("concerns", contact.pk)

    assert client.get(url("concerns", contact.pk)).status_code == 200
    response = answer(
        client,
        "concerns",
        contact,
        {"concerns": [Concern.NEGLECT, Concern.DOMESTIC_ABUSE], "action": "continue"},
    )
    assert response.url == url("what_happened", contact.pk)
    assert client.get(url("what_happened", contact.pk)).status_code == 200
    response = answer(client, "what_happened", contact, WHAT_HAPPENED)
    assert response.url == url("consent", contact.pk)
    assert "Call 999 now" not in client.get(url("consent", contact.pk)).content.decode()
    response = answer(client, "consent", contact, CONSENT_NOT_GIVEN)
    assert response.url == url("check", contact.pk)

    before = views_of(contact)
    check = client.get(url("check", contact.pk))
    assert check.status_code == 200
    assert views_of(contact) == before + 1  # reading the draft is logged, once
    html = check.content.decode()
    for text in (
        "Amelia Testperson",
        "14 June 2017",
        "TE1 1AA",
        "943 476 5919",
        "Not known (about 35 years old)",
        "Domestic abuse",
        "Neglect",
        "Police attended a domestic incident",
        "risk of emotional harm",
        "Safeguarding children or individuals at risk",
        "There is a problem",
    ):
        assert (text in html) is (text != "There is a problem"), text
    assert f"{url('what_happened', contact.pk)}?from=check" in html

    response = client.post(url("check", contact.pk))
    assert response.status_code == 302
    assert response.url == url("sent", contact.pk)
    contact.refresh_from_db()
    assert contact.status == Contact.Status.SUBMITTED
    assert contact.reference
    assert contact.concerns == [Concern.DOMESTIC_ABUSE, Concern.NEGLECT]
    assert contact.crime_alleged is True and contact.immediate_danger is False
    assert contact.professional_opinion.startswith("I think")
    subjects = list(contact.subjects.all())
    assert [s.role for s in subjects].count(Subject.Role.CHILD_AT_RISK) == 2
    amelia, ben, carl = subjects
    assert amelia.date_of_birth == date(2017, 6, 14)
    assert amelia.postcode == "TE1 1AA"
    assert amelia.nhs_number == "9434765919"
    assert ben.date_of_birth == date(2020, 11, 3)
    assert carl.date_of_birth is None and carl.estimated_age == 35

    sent = client.get(url("sent", contact.pk)).content.decode()
    assert contact.reference in sent
    assert "The front door will decide what happens next by" in sent
    due = timezone.localtime(contact.decision_due_at)
    assert f"{due:%-d %B %Y} at {due:%H:%M}" in sent
    mine = client.get(url("mine")).content.decode()
    assert contact.reference in mine
    assert "Waiting for triage" in mine
    assert "You have no drafts" in mine


def test_the_check_page_lists_what_is_missing_and_will_not_send(signed_in, officer):
    client = signed_in(officer)
    contact = start(client)
    page = client.get(url("check", contact.pk)).content.decode()
    assert "Add at least one person the referral is about" in page
    assert f'href="{url("people", contact.pk)}?from=check"' in page
    response = client.post(url("check", contact.pk))
    assert response.status_code == 422
    assert "the referral has not been sent" in response.content.decode()
    contact.refresh_from_db()
    assert contact.status == Contact.Status.DRAFT and contact.reference is None


def test_change_links_return_to_the_check_page(signed_in, officer):
    client = signed_in(officer)
    contact = complete_draft(client)
    subject = contact.subjects.get()
    changed = {**WHAT_HAPPENED, "crime_alleged": "no"}
    response = answer(client, "what_happened", contact, changed, query="?from=check")
    assert response.url == url("check", contact.pk)
    response = answer(
        client,
        "person_edit",
        contact,
        person(given_names="Amy"),
        subject=subject,
        query="?from=check",
    )
    assert response.url == url("check", contact.pk)
    subject.refresh_from_db()
    assert subject.given_names == "Amy"
    assert Subject.objects.count() == 1


def test_a_person_can_be_removed(signed_in, officer):
    client = signed_in(officer)
    contact = complete_draft(client)
    subject = contact.subjects.get()
    assert client.get(url("person_remove", contact.pk, subject.pk)).status_code == 405
    response = client.post(
        url("person_remove", contact.pk, subject.pk), {"version": subject.version}
    )
    assert response.url == url("people", contact.pk)
    assert not contact.subjects.exists()
    response = client.post(url("people", contact.pk), {"action": "continue"})
    assert response.status_code == 422
    assert "Add at least one person the referral is about" in response.content.decode()


def test_immediate_danger_shows_the_emergency_guidance_and_sends_red(signed_in, officer):
    client = signed_in(officer)
    contact = complete_draft(client)
    response = answer(
        client, "what_happened", contact, {**WHAT_HAPPENED, "immediate_danger": "yes"}
    )
    assert response.url == url("consent", contact.pk)
    warning = (
        "Call 999 now if you have not already. Then send this referral: it will be marked red."
    )
    assert warning in client.get(url("consent", contact.pk)).content.decode()
    assert warning in client.get(url("check", contact.pk)).content.decode()
    client.post(url("check", contact.pk))
    contact.refresh_from_db()
    assert contact.rag == Rag.RED
    assert contact.is_red
    assert "marked red" in client.get(url("sent", contact.pk)).content.decode()


def test_a_hub_practitioner_records_a_phone_call_from_the_public(signed_in, hub_practitioner):
    client = signed_in(hub_practitioner)
    assert "Recording a phone call" in client.get(url("start")).content.decode()
    response = client.post(url("start"), {})
    assert response.status_code == 422
    assert "Select who the referral is from" in response.content.decode()
    response = client.post(url("start"), {"source": Contact.Source.PUBLIC})
    contact = Contact.objects.get(referrer=hub_practitioner)
    assert contact.source == Contact.Source.PUBLIC
    assert response.url == url("caller", contact.pk)
    response = answer(client, "caller", contact, {"caller_name": "", "action": "continue"})
    assert response.status_code == 422
    assert escape("Enter the caller's name, or 'anonymous'") in response.content.decode()
    response = answer(
        client,
        "caller",
        contact,
        {"caller_name": "anonymous", "caller_phone": "bad number!", "action": "continue"},
    )
    assert response.status_code == 422
    assert "Enter a telephone number" in response.content.decode()
    response = answer(
        client,
        "caller",
        contact,
        {"caller_name": "anonymous", "caller_relationship": "Neighbour", "action": "continue"},
    )
    assert response.url == url("people", contact.pk)
    assert client.get(url("people", contact.pk)).context["back_url"] == url("caller", contact.pk)
    page = client.get(url("check", contact.pk)).content.decode()
    assert "anonymous" in page and "Neighbour" in page


def test_a_practitioner_cannot_make_a_public_call_contact(signed_in, officer):
    """Mass assignment: source, referrer and status are not the referrer's to set."""
    client = signed_in(officer)
    client.post(url("start"), {"source": Contact.Source.PUBLIC})
    contact = Contact.objects.get(referrer=officer)
    assert contact.source == Contact.Source.PRACTITIONER
    assert client.get(url("caller", contact.pk)).url == url("people", contact.pk)
    answer(
        client,
        "concerns",
        contact,
        {
            "concerns": [Concern.NEGLECT],
            "status": Contact.Status.DECIDED,
            "rag": Rag.GREEN,
            "source": Contact.Source.PUBLIC,
            "reference": "FD-FAKE",
        },
    )
    contact.refresh_from_db()
    assert contact.concerns == [Concern.NEGLECT]
    assert contact.status == Contact.Status.DRAFT
    assert (contact.rag, contact.source, contact.reference) == ("", "practitioner", None)


# Two tabs on one draft --------------------------------------------------------------------------


def test_a_draft_open_in_two_tabs_the_second_save_gets_a_conflict(signed_in, officer):
    """Promise 18: both tabs showed "what happened" at the same version. The first tab saves;
    the second is refused with a 409, keeps nothing and shows what the first saved."""
    client = signed_in(officer)
    contact = complete_draft(client)
    shown = Contact.objects.get(pk=contact.pk).version
    first = {**WHAT_HAPPENED, "what_happened": "First tab: the facts as seen at 22:10."}
    second = {
        **WHAT_HAPPENED,
        "what_happened": "Second tab: an older account.",
        "professional_opinion": "Second tab's opinion",
        "crime_alleged": "no",
    }
    url_ = url("what_happened", contact.pk)
    assert client.post(url_, {**first, "version": shown}).status_code == 302
    response = client.post(url_, {**second, "version": shown})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else updated this referral" in page
    assert "Nothing you entered on this page has been saved" in page
    assert "First tab: the facts as seen at 22:10." in page  # the latest is shown
    # What the second tab typed is not in the form, but is shown apart, to copy: nothing lost.
    unsaved = page.partition('data-testid="unsaved-answers"')[2]
    assert "What you typed, which has not been saved" in unsaved
    assert "Second tab: an older account." in unsaved
    assert "Second tab&#x27;s opinion" in unsaved
    assert "Second tab" not in unsaved.split("</details>", 1)[1]  # not in the form below
    contact.refresh_from_db()
    assert contact.what_happened == "First tab: the facts as seen at 22:10."
    assert contact.professional_opinion == WHAT_HAPPENED["professional_opinion"]
    assert contact.crime_alleged is True
    assert f'name="version" value="{contact.version}"' in page  # saving again now works
    # The same from another page of the same draft: the consent page was shown before too.
    response = client.post(url("consent", contact.pk), {"consent": Consent.GIVEN, "version": shown})
    assert response.status_code == 409
    contact.refresh_from_db()
    assert contact.consent == Consent.NOT_GIVEN


def test_a_person_changed_in_two_tabs_the_second_save_gets_a_conflict(signed_in, officer):
    """Promise 18: both tabs showed Amelia's details at the same version; the second save is
    refused with a 409 and the page shows the first tab's change."""
    client = signed_in(officer)
    contact = complete_draft(client)
    subject = contact.subjects.get()
    target = url("person_edit", contact.pk, subject.pk)
    shown = {"version": subject.version}
    first = person(given_names="Amelia Rose", **shown)
    second = person(given_names="Amelia", family_name="Second-Tab", postcode="TE2 2BB", **shown)
    assert client.post(target, first).status_code == 302
    response = client.post(target, second)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else updated this referral" in page
    assert "Nothing you entered on this page has been saved" in page
    assert 'value="Amelia Rose"' in page and 'value="Second-Tab"' not in page
    assert "Second-Tab" in page.partition('data-testid="unsaved-answers"')[2]  # to copy
    subject.refresh_from_db()
    assert (subject.given_names, subject.family_name, subject.postcode) == (
        "Amelia Rose",
        "Testperson",
        "TE1 1AA",
    )


def test_a_person_changed_in_one_tab_and_removed_in_another_is_not_removed_unseen(
    signed_in, officer
):
    """Promise 18: the people page in the second tab was shown before the first tab changed
    Amelia's details; removing her from it is refused with a 409 and the page shows her now."""
    client = signed_in(officer)
    contact = complete_draft(client)
    subject = contact.subjects.get()
    shown = subject.version
    edited = answer(
        client, "person_edit", contact, person(given_names="Amelia Rose"), subject=subject
    )
    assert edited.status_code == 302
    response = client.post(url("person_remove", contact.pk, subject.pk), {"version": shown})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else updated this referral" in page and "Amelia Rose" in page
    assert contact.subjects.get().given_names == "Amelia Rose"
    no_version = client.post(url("person_remove", contact.pk, subject.pk))
    assert no_version.status_code == 409
    assert contact.subjects.exists()


def test_a_stale_remove_says_the_person_was_not_removed(signed_in, officer):
    """Remove is a button, not a form: the refusal says Amelia has not been removed, not that
    something they typed was not saved."""
    client = signed_in(officer)
    contact = complete_draft(client)
    subject = contact.subjects.get()
    shown = subject.version
    answer(client, "person_edit", contact, person(given_names="Amelia Rose"), subject=subject)
    response = client.post(url("person_remove", contact.pk, subject.pk), {"version": shown})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Amelia Rose Testperson has not been removed: check the list and try again" in page
    assert "Nothing you entered on this page has been saved" not in page
    assert contact.subjects.exists()


# Bad input ----------------------------------------------------------------------------------

tomorrow = timezone.localdate() + timedelta(days=1)
BAD_INPUTS = [
    (
        "person_add",
        person(dob_day=tomorrow.day, dob_month=tomorrow.month, dob_year=tomorrow.year),
        "Date of birth must be in the past",
    ),
    ("person_add", person(dob_day="30", dob_month="2", dob_year="2016"), "real date"),
    ("person_add", person(dob_day="29", dob_month="2", dob_year="2015"), "real date"),
    ("person_add", person(dob_day="x", dob_month="2", dob_year="2015"), "real date"),
    ("person_add", person(dob_day="١", dob_month="2", dob_year="2015"), "real date"),
    ("person_add", person(dob_day="", dob_month="2", dob_year="2015"), "must include a day"),
    ("person_add", person(dob_year="15"), "Year must include 4 numbers"),
    ("person_add", person(dob_year="1850"), "in or after 1900"),
    (
        "person_add",
        person(dob_day="", dob_month="", dob_year=""),
        "Enter a date of birth or an estimated age",
    ),
    (
        "person_add",
        person(dob_day="", dob_month="", dob_year="", estimated_age="seven"),
        "Estimated age must be a whole number",
    ),
    ("person_add", person(nhs_number="9434765918"), "Enter a valid NHS number"),
    ("person_add", person(nhs_number="94347659"), "Enter a valid NHS number"),
    ("person_add", person(postcode="not a postcode"), "Enter a real postcode"),
    ("person_add", person(given_names="  "), "Enter their given names"),
    ("person_add", person(given_names="A" * 201), "200 characters or fewer"),
    ("person_add", person(role="king"), "Select a valid choice"),
    ("person_add", person(role=""), "Select their role in this referral"),
    ("concerns", {"action": "continue"}, "Select at least one concern"),
    ("concerns", {"concerns": ["astrology"]}, "Select a valid choice"),
    ("what_happened", {**WHAT_HAPPENED, "what_happened": " "}, "Describe what happened"),
    (
        "what_happened",
        {**WHAT_HAPPENED, "immediate_danger": ""},
        "Select yes if anyone is in immediate danger",
    ),
    (
        "consent",
        {**CONSENT_NOT_GIVEN, "lawful_basis": ""},
        "Select the lawful basis for sharing without consent",
    ),
    (
        "consent",
        {**CONSENT_NOT_GIVEN, "consent": Consent.NOT_SOUGHT, "lawful_basis_detail": ""},
        "Explain why you are sharing without consent",
    ),
    ("consent", {"action": "continue"}, "Select whether consent was given"),
]


@pytest.mark.parametrize(("page", "data", "message"), BAD_INPUTS)
def test_bad_input_is_refused_and_changes_nothing(signed_in, officer, page, data, message):
    client = signed_in(officer)
    contact = complete_draft(client)
    before = snapshot(contact)
    response = answer(client, page, contact, data)
    assert response.status_code == 422
    html = response.content.decode()
    assert escape(message) in html
    assert "There is a problem" in html
    assert snapshot(contact) == before


def test_date_errors_link_to_the_day_field(signed_in, officer):
    client = signed_in(officer)
    contact = start(client)
    html = client.post(
        url("person_add", contact.pk), person(dob_day="30", dob_month="2")
    ).content.decode()
    assert '<a href="#id_dob_day">Date of birth must be a real date</a>' in html
    assert 'id="id_dob_day"' in html
    assert "govuk-input--error" in html


def test_29_february_in_a_leap_year_is_a_real_date(signed_in, officer):
    client = signed_in(officer)
    contact = start(client)
    response = client.post(
        url("person_add", contact.pk), person(dob_day="29", dob_month="02", dob_year="2016")
    )
    assert response.status_code == 302
    assert contact.subjects.get().date_of_birth == date(2016, 2, 29)


def test_a_hostile_string_in_every_free_text_field_comes_back_escaped(signed_in, hub_practitioner):
    client = signed_in(hub_practitioner)
    client.post(url("start"), {"source": Contact.Source.PUBLIC})
    contact = Contact.objects.get(referrer=hub_practitioner)
    free_text = {
        "caller": {"caller_name": HOSTILE, "caller_relationship": HOSTILE},
        "person_add": person(
            given_names=HOSTILE,
            family_name=HOSTILE,
            address=HOSTILE,
            school_or_gp=HOSTILE,
            other_identifiers=HOSTILE,
        ),
        "what_happened": {
            **WHAT_HAPPENED,
            "what_happened": HOSTILE,
            "professional_opinion": HOSTILE,
        },
        "consent": {**CONSENT_NOT_GIVEN, "lawful_basis_detail": HOSTILE},
    }
    for page, data in free_text.items():
        assert answer(client, page, contact, data).status_code == 302, page
    answer(client, "concerns", contact, {"concerns": [Concern.OTHER]})
    page = client.get(url("check", contact.pk)).content.decode()
    assert HOSTILE not in page
    assert page.count(escape(HOSTILE)) >= 10
    client.post(url("check", contact.pk))
    for name in ("mine_detail", "sent", "mine"):
        args = () if name == "mine" else (contact.pk,)
        assert HOSTILE not in client.get(url(name, *args)).content.decode()


ODD_NAMES = [
    ("O'Brien", "D'Arcy-Smythe"),
    ("Siân", "Llŷr"),
    ("Zoë", "Nguyễn"),
    ("Nguye\u0302\u0303n", ""),  # combining characters, and a single name
    ("محمد", "الفارسي"),
    ("\u200fمريم\u200f", "\u202bאברהם\u202c"),  # right-to-left marks and embeddings
    ("Sunny 🌞", "👨‍👩‍👧"),
    ("Mary-Kate", "Ó Súilleabháin"),
]


@pytest.mark.parametrize(("given_names", "family_name"), ODD_NAMES)
def test_odd_names_round_trip_exactly(signed_in, officer, given_names, family_name):
    client = signed_in(officer)
    contact = start(client)
    response = client.post(
        url("person_add", contact.pk), person(given_names=given_names, family_name=family_name)
    )
    assert response.status_code == 302
    subject = contact.subjects.get()
    assert (subject.given_names, subject.family_name) == (given_names, family_name)
    edit = client.get(url("person_edit", contact.pk, subject.pk)).content.decode()
    assert f'value="{escape(given_names)}"' in edit
    assert escape(given_names) in client.get(url("check", contact.pk)).content.decode()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(max_size=220))
def test_any_given_name_is_refused_cleanly_or_round_trips(signed_in, officer, name):
    client = signed_in(officer)
    contact = Contact.objects.filter(referrer=officer).first() or start(client)
    subject = contact.subjects.first()
    target = (
        url("person_edit", contact.pk, subject.pk) if subject else url("person_add", contact.pk)
    )
    versioned = {"version": subject.version} if subject else {}
    response = client.post(target, person(given_names=name, **versioned))
    assert response.status_code in (302, 422)
    if response.status_code == 302:
        subject = contact.subjects.get()
        assert subject.given_names == name.strip()
        page = client.get(url("check", contact.pk)).content.decode()
        assert escape(subject.given_names) in page


# Drafts ---------------------------------------------------------------------------------------


def test_save_and_come_back_later(signed_in, officer):
    client = signed_in(officer)
    contact = start(client)
    client.post(url("person_add", contact.pk), person())
    answer(client, "concerns", contact, {"concerns": [Concern.MISSING]})
    response = answer(
        client,
        "what_happened",
        contact,
        {"what_happened": "Half-written: she was last seen", "action": "save"},
    )
    assert response.status_code == 302
    assert response.url == url("mine")
    contact.refresh_from_db()
    assert contact.what_happened == "Half-written: she was last seen"
    assert contact.crime_alleged is None
    mine = client.get(url("mine")).content.decode()
    assert "Amelia Testperson" in mine
    resume = url("what_happened", contact.pk)
    assert f'href="{resume}"' in mine
    assert "Half-written" in client.get(resume).content.decode()
    # Saving skips required answers but not format checks.
    response = answer(client, "consent", contact, {"consent": "maybe", "action": "save"})
    assert response.status_code == 422
    answer(client, "what_happened", contact, WHAT_HAPPENED)
    answer(client, "consent", contact, {"consent": Consent.NOT_SOUGHT, "action": "save"})
    assert f'href="{url("consent", contact.pk)}"' in client.get(url("mine")).content.decode()
    answer(client, "consent", contact, {"consent": Consent.GIVEN, "action": "save"})
    assert f'href="{url("check", contact.pk)}"' in client.get(url("mine")).content.decode()
    # A draft's own page is its check page.
    assert client.get(url("mine_detail", contact.pk)).url == url("check", contact.pk)
    assert client.get(url("sent", contact.pk)).url == url("check", contact.pk)


def test_my_referrals_lists_only_my_own(signed_in, officer, social_worker):
    theirs = services.contact_start(by=social_worker)
    services.subject_save(
        contact=theirs, by=social_worker, data={"role": "victim", "given_names": "Hidden"}
    )
    client = signed_in(officer)
    complete_draft(client)
    html = client.get(url("mine")).content.decode()
    assert "Amelia Testperson" in html
    assert "Hidden" not in html


def test_only_the_hub_sees_contacts_it_did_not_refer(officer, social_worker, social_care):
    """Promise 2: ``contacts_visible_to`` feeds lists, counts and look-ups across the
    project; a practitioner outside the hub gets their own contacts and nobody else's."""
    from frontdoor.referrals.access import contacts_visible_to

    sent = services.contact_start(by=social_worker)
    services.subject_save(
        contact=sent, by=social_worker, data={"role": "victim", "given_names": "Hidden"}
    )
    sent.status = Contact.Status.SUBMITTED
    sent.save(update_fields=["status"])
    their_draft = services.contact_start(by=social_worker)
    mine = services.contact_start(by=officer)
    hub = PractitionerFactory(agency=social_care, role=Role.HUB_PRACTITIONER)
    colleague = PractitionerFactory(agency=social_care, role=Role.FRONTLINE)

    assert set(contacts_visible_to(officer)) == {mine}
    assert set(contacts_visible_to(social_worker)) == {sent, their_draft}
    assert not contacts_visible_to(colleague).exists()  # same agency, not the referrer
    assert set(contacts_visible_to(hub)) == {sent}  # sent contacts only, never drafts


def test_another_practitioner_gets_404_on_every_page_of_my_draft(signed_in, officer, social_worker):
    contact = complete_draft(signed_in(officer))
    subject = contact.subjects.get()
    before = snapshot(contact)
    client = signed_in(social_worker)
    pages = [url(name, contact.pk) for name in (*DRAFT_PAGES, "mine_detail", "sent")]
    pages += [url("person_edit", contact.pk, subject.pk)]
    for page in pages:
        assert client.get(page).status_code == 404, page
        assert client.post(page, person(action="save")).status_code == 404, page
    remove = url("person_remove", contact.pk, subject.pk)
    assert client.post(remove).status_code == 404
    assert snapshot(contact) == before
    assert "Amelia" not in client.get(url("mine")).content.decode()


def test_a_sent_referral_can_no_longer_be_edited(signed_in, officer):
    client = signed_in(officer)
    contact = complete_draft(client)
    subject = contact.subjects.get()
    client.post(url("check", contact.pk))
    before = snapshot(contact)
    pages = [url(name, contact.pk) for name in DRAFT_PAGES]
    pages += [url("person_edit", contact.pk, subject.pk)]
    for page in pages:
        assert client.get(page).status_code == 403, page
        assert client.post(page, person()).status_code == 403, page
    assert client.post(url("person_remove", contact.pk, subject.pk)).status_code == 403
    assert snapshot(contact) == before
    assert client.get(url("mine_detail", contact.pk)).status_code == 200


# The outcome, from the referrer's side --------------------------------------------------------


def test_the_referrer_sees_the_outcome_and_feedback_but_not_the_rationale(
    signed_in, officer, hub_practitioner
):
    client = signed_in(officer)
    contact = complete_draft(client)
    client.post(url("check", contact.pk))
    contact.refresh_from_db()
    page = client.get(url("mine_detail", contact.pk)).content.decode()
    assert "The front door has not decided yet" in page
    assert "Police attended a domestic incident" in page  # what they sent

    contact = services.contact_triage(
        contact=contact,
        by=hub_practitioner,
        expected_version=contact.version,
        rag=Rag.AMBER,
        rationale="Hub only: amber because of the history.",
    )
    services.contact_decide(
        contact=contact,
        by=hub_practitioner,
        expected_version=contact.version,
        outcome=Decision.Outcome.STRATEGY,
        rationale="Hub only: three previous call-outs and a disclosure at school.",
        feedback="A strategy discussion will be held. Social care will contact the family.",
    )
    before = views_of(contact)
    page = client.get(url("mine_detail", contact.pk)).content.decode()
    assert views_of(contact) == before + 1
    assert "Strategy discussion" in page
    assert "A strategy discussion will be held. Social care will contact the family." in page
    assert "three previous call-outs" not in page
    assert "amber because of the history" not in page
    mine = client.get(url("mine")).content.decode()
    assert "Strategy discussion" in mine
    assert "Decided" in mine
    assert "three previous call-outs" not in mine


def test_a_red_decision_is_not_shown_until_it_is_signed_off(
    signed_in, officer, hub_practitioner, hub_manager
):
    client = signed_in(officer)
    contact = complete_draft(client)
    answer(client, "what_happened", contact, {**WHAT_HAPPENED, "immediate_danger": "yes"})
    client.post(url("check", contact.pk))
    contact.refresh_from_db()
    services.contact_decide(
        contact=contact,
        by=hub_practitioner,
        expected_version=contact.version,
        outcome=Decision.Outcome.POLICE,
        rationale="Hub only rationale",
        feedback="The police are investigating.",
    )
    page = client.get(url("mine_detail", contact.pk)).content.decode()
    assert "The police are investigating." not in page
    assert "Decision waiting for sign-off" in page
    contact.refresh_from_db()
    services.contact_sign_off(contact=contact, by=hub_manager, expected_version=contact.version)
    page = client.get(url("mine_detail", contact.pk)).content.decode()
    assert "The police are investigating." in page
    assert "Hub only rationale" not in page


def test_the_hub_uses_its_own_pages_not_the_referrers_view(signed_in, officer, hub_manager):
    contact = complete_draft(signed_in(officer))
    services.contact_submit(contact=contact, by=officer)
    client = signed_in(hub_manager)
    assert client.get(url("mine_detail", contact.pk)).status_code == 403
    assert client.get(url("check", contact.pk)).status_code == 403


# In a real browser ------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_question_pages_work_in_a_browser_and_are_accessible(page, live_server):
    from frontdoor.core.testing.browser import axe_violations, describe
    from frontdoor.core.testing.factories import (
        TEST_PASSWORD,
        AgencyFactory,
        current_code,
        give_authenticator,
    )

    officer = PractitionerFactory(
        username="browser.officer", agency=AgencyFactory(name="Testshire Police")
    )
    device = give_authenticator(officer)
    page.goto(f"{live_server.url}{url('mine')}")
    page.get_by_label("Username").fill(officer.username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Code from your authenticator app").fill(current_code(device))
    page.get_by_role("button", name="Continue").click()

    def accessible(where):
        violations = axe_violations(page)
        assert not violations, f"{where}:\n{describe(violations)}"

    page.goto(f"{live_server.url}{url('mine')}")
    accessible("my referrals")
    page.get_by_role("link", name="Make a referral").click()
    accessible("start")
    page.get_by_role("button", name="Start now").click()
    accessible("people (none yet)")
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    accessible("people (error)")
    page.get_by_role("link", name="Add a person", exact=True).first.click()
    page.get_by_role("button", name="Add this person").click()
    assert page.get_by_role("link", name="Enter a date of birth or an estimated age").is_visible()
    accessible("person (errors)")
    page.get_by_label("Child at risk").check()
    page.get_by_label("Given names").fill("Siân")
    page.get_by_label("Family name (optional)").fill("O'Brien-Nguyễn")
    page.get_by_label("Day", exact=True).fill("29")
    page.get_by_label("Month", exact=True).fill("2")
    page.get_by_label("Year", exact=True).fill("2016")
    page.get_by_label("Female").check()
    page.get_by_label("NHS number (optional)").fill("943 476 5919")
    page.get_by_role("button", name="Add this person").click()
    accessible("people (one)")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Domestic abuse").check()
    accessible("concerns")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("What happened").fill("Shouting heard from the flat at 22:10.")
    page.get_by_role("group", name="Is a crime alleged?").get_by_label("Yes").check()
    page.get_by_role("group", name="Is anyone in immediate danger?").get_by_label("Yes").check()
    accessible("what happened")
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_text("Call 999 now if you have not already").is_visible()
    page.get_by_label("Not given").check()
    page.get_by_role("button", name="Continue").click()
    accessible("consent (errors)")
    page.get_by_label("Safeguarding children or individuals at risk").check()
    page.get_by_label("Why you are sharing without consent").fill("Risk to the children.")
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_role("heading", name="Check your answers").is_visible()
    assert page.get_by_text("O'Brien-Nguyễn").first.is_visible()
    accessible("check your answers")
    page.get_by_role("button", name="Send referral").click()
    assert page.get_by_role("heading", name="Referral sent").is_visible()
    accessible("sent")
    page.get_by_role("link", name="See the referral you sent").click()
    accessible("my referral")
    contact = Contact.objects.get(referrer=officer)
    assert contact.rag == Rag.RED
    assert contact.subjects.get().date_of_birth == date(2016, 2, 29)


def test_the_hub_recording_a_call_sees_who_may_already_be_known(signed_in, social_care, officer):
    from datetime import date

    from frontdoor.people.models import Person
    from frontdoor.referrals import services

    hub = PractitionerFactory(agency=social_care, role=Role.HUB_PRACTITIONER)
    Person.objects.create(
        given_names="Ruby", family_name="Achterberg", date_of_birth=date(2015, 5, 5)
    )
    for author in (hub, officer):
        contact = services.contact_start(by=author)
        services.subject_save(
            contact=contact,
            by=author,
            data={
                "role": "child_at_risk",
                "given_names": "Ruby",
                "family_name": "Achterberg",
                "date_of_birth": date(2015, 5, 5),
            },
        )
        page = (
            signed_in(author).get(reverse("referrals:people", args=[contact.pk])).content.decode()
        )
        if author is hub:
            assert "May already be known" in page
            assert "Likely match" in page and "Date of birth the same" in page
        else:  # referrers do not browse the person index
            assert "May already be known" not in page
