"""The hub's forms take any text: refused with a form error, or saved and shown back exactly,
never a server error (SECURITY.md promise 17).

Each property posts generated text (any unicode, control characters, right-to-left marks and
embeddings, zero-width joiners, combining marks, NUL, strings at and just past each field's
length limit) through the real page, as a hub practitioner would. A 302 means it was saved:
the stored value must be exactly what was typed, less the surrounding white space Django's
forms strip, and the page that shows it must show exactly that (escaped; line breaks as
``<br>`` where the page keeps them). A 422 must carry "There is a problem" and change nothing.
"""

import pytest
from django.template.defaultfilters import linebreaksbr
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import (
    AgencyFactory,
    PractitionerFactory,
    draft_contact,
    sign_in,
)
from frontdoor.core.testing.properties import FEW, ODD_SENTENCE, any_text
from frontdoor.referrals import services
from frontdoor.referrals.models import Contact, Decision
from frontdoor.sharing.models import Category, InformationRequest, Window

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub(social_care):
    return PractitionerFactory(username="hub.props", agency=social_care, role=Role.HUB_PRACTITIONER)


@pytest.fixture
def hub_client(hub):
    client = Client()
    sign_in(client, hub)
    return client


def sent_contact(referrer, *, hub=None) -> Contact:
    """A sent amber contact about one child; triaged by ``hub`` if given."""
    contact = draft_contact(referrer)
    contact = services.contact_submit(contact=contact, by=referrer)
    if hub is not None:
        contact = services.contact_triage(
            contact=contact,
            by=hub,
            expected_version=contact.version,
            rag="amber",
            rationale="Young child.",
        )
    return contact


def refused_cleanly(response) -> bool:
    event("refused")
    assert response.status_code == 422, response.status_code
    assert "There is a problem" in response.content.decode()
    return True


@settings(FEW, max_examples=20)
@given(rationale=any_text(5000))
@example(rationale=ODD_SENTENCE)
def test_any_triage_rationale_is_refused_cleanly_or_round_trips(hub_client, officer, rationale):
    contact = Contact.objects.filter(referrer=officer).first() or sent_contact(officer)
    before = contact.rag_rationale
    response = hub_client.post(
        reverse("hub:triage", args=[contact.pk]),
        {"triage-rag": "amber", "triage-rationale": rationale, "triage-version": contact.version},
    )
    contact.refresh_from_db()
    if response.status_code != 302:
        assert refused_cleanly(response) and contact.rag_rationale == before
        return
    event("saved")
    assert contact.rag_rationale == rationale.strip()
    page = hub_client.get(reverse("hub:contact", args=[contact.pk])).content.decode()
    assert escape(contact.rag_rationale) in page


DECISION_TEXT = {"rationale": 10000, "feedback_to_referrer": 5000, "signpost_to": 300}
VALID_DECISION = {
    "rationale": "Neglect concerns met the threshold for advice only.",
    "feedback_to_referrer": "Thank you: the family has been given details of local support.",
    "signpost_to": "Testshire Family Hub",
}


@settings(FEW, max_examples=20)
@given(
    field_and_text=st.sampled_from(sorted(DECISION_TEXT)).flatmap(
        lambda field: st.tuples(st.just(field), any_text(DECISION_TEXT[field]))
    )
)
@example(field_and_text=("rationale", ODD_SENTENCE))
@example(field_and_text=("feedback_to_referrer", ODD_SENTENCE))
@example(field_and_text=("signpost_to", ODD_SENTENCE))
def test_any_decision_text_is_refused_cleanly_or_round_trips(
    hub_client, hub, officer, field_and_text
):
    """Each of the decision's free-text fields in turn, the others answered sensibly."""
    field, text = field_and_text
    contact = sent_contact(officer, hub=hub)
    answers = {**VALID_DECISION, field: text}
    response = hub_client.post(
        reverse("hub:decide", args=[contact.pk]),
        {
            "decision-outcome": Decision.Outcome.ADVICE,
            **{f"decision-{name}": value for name, value in answers.items()},
            "decision-version": contact.version,
        },
    )
    if response.status_code != 302:
        assert refused_cleanly(response) and not Decision.objects.filter(contact=contact).exists()
        return
    event("saved")
    decision = Decision.objects.get(contact=contact)
    saved = {name: getattr(decision, name) for name in DECISION_TEXT}
    assert saved == {name: value.strip() for name, value in answers.items()}
    page = hub_client.get(reverse("hub:contact", args=[contact.pk])).content.decode()
    assert linebreaksbr(decision.rationale) in page
    assert linebreaksbr(decision.feedback_to_referrer) in page
    assert escape(decision.signpost_to) in page
    referrer = Client()
    sign_in(referrer, officer)
    told = referrer.get(reverse("referrals:mine_detail", args=[contact.pk])).content.decode()
    assert escape(decision.signpost_to) in told


@FEW
@given(search=any_text(200))
@example(search=ODD_SENTENCE + "\x00")
def test_searching_the_directory_from_the_decision_with_any_text_never_fails(
    hub_client, hub, officer, search
):
    """The search box inside the decision form: any words give a page, never a 500, and the
    decision form keeps what was being written (nothing is decided by a search)."""
    contact = Contact.objects.filter(referrer=officer).first() or sent_contact(officer, hub=hub)
    response = hub_client.post(
        reverse("hub:decide", args=[contact.pk]),
        {
            "decision-action": "search",
            "decision-signpost_q": search,
            "decision-rationale": "Written before searching",
            "decision-version": contact.version,
        },
    )
    assert response.status_code == 200
    assert "Written before searching" in response.content.decode()
    assert not Decision.objects.filter(contact=contact).exists()


@FEW
@given(
    name=any_text(200),
    relationship=any_text(200),
    phone=st.one_of(any_text(40), st.from_regex(r"\+?[0-9 ()\-]{6,30}", fullmatch=True)),
)
@example(name=ODD_SENTENCE, relationship=ODD_SENTENCE, phone="+44 (0)1632 960-001")
def test_any_caller_details_recorded_by_the_hub_are_refused_cleanly_or_round_trip(
    hub_client, hub, name, relationship, phone
):
    """Recording a phone call from the public is the hub's form: the caller's details."""
    contact = Contact.objects.filter(referrer=hub).first() or services.contact_start(
        by=hub, source=Contact.Source.PUBLIC
    )
    contact.refresh_from_db()
    before = (contact.caller_name, contact.caller_relationship, contact.caller_phone)
    response = hub_client.post(
        reverse("referrals:caller", args=[contact.pk]),
        {
            "caller_name": name,
            "caller_relationship": relationship,
            "caller_phone": phone,
            "version": contact.version,
            "action": "continue",
        },
    )
    contact.refresh_from_db()
    saved = (contact.caller_name, contact.caller_relationship, contact.caller_phone)
    if response.status_code != 302:
        assert refused_cleanly(response) and saved == before
        return
    event("saved")
    assert saved == (name.strip(), relationship.strip(), phone.strip())
    page = hub_client.get(reverse("referrals:check", args=[contact.pk])).content.decode()
    for value in saved:
        assert escape(value) in page


@FEW
@given(purpose=any_text(5000))
@example(purpose=ODD_SENTENCE)
def test_any_purpose_for_asking_an_agency_is_refused_cleanly_or_round_trips(
    hub_client, hub, officer, purpose
):
    """Asking agencies for information: the purpose is free text the agencies read."""
    contact = Contact.objects.filter(referrer=officer).first() or sent_contact(officer, hub=hub)
    health = AgencyFactory(sector="health")
    response = hub_client.post(
        reverse("sharing:ask", args=[contact.pk]),
        {
            "agencies": [health.pk],
            "subjects": [s.pk for s in contact.subjects.all()],
            "window": Window.MONTHS_12,
            "categories": [Category.HEALTH_ATTENDANCES],
            "purpose": purpose,
            "lawful_basis": "safeguarding",
        },
    )
    asked = InformationRequest.objects.filter(contact=contact, to_agency=health)
    if response.status_code != 302:
        assert refused_cleanly(response) and not asked.exists()
        return
    event("saved")
    info_request = asked.get()
    assert info_request.purpose == purpose.strip()
    page = hub_client.get(reverse("sharing:detail", args=[info_request.pk])).content.decode()
    assert linebreaksbr(info_request.purpose) in page
