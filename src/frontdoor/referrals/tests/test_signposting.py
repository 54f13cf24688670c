"""Signposting from the front door to the service directory (issue 8, item 5; ADR 0016)."""

import re
import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client, override_settings
from django.urls import reverse

from frontdoor.agencies.models import Area
from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.models import OutboxMessage
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory, sign_in
from frontdoor.directory.models import Service, ServiceArea
from frontdoor.directory.testing import (
    REFUGE_POSTCODE,
    REFUGE_STREET,
    build_directory,
    tag,
)
from frontdoor.referrals import services
from frontdoor.referrals.models import Contact, SignpostedService, Subject

from .test_hub import make_contact, triage_post

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
TODAY = datetime(2026, 11, 25, 10, 0, tzinfo=LONDON)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def hub(social_care):
    return PractitionerFactory(username="hub", agency=social_care, role=Role.HUB_PRACTITIONER)


@pytest.fixture
def districts(db):
    preston = Area.objects.create(
        name="Preston", kind=Area.Kind.DISTRICT, ons_code="E07000123", postcode_districts="PR1 PR2"
    )
    burnley = Area.objects.create(
        name="Burnley", kind=Area.Kind.DISTRICT, ons_code="E07000117", postcode_districts="BB10"
    )
    return preston, burnley


@pytest.fixture
def directory(db, districts):
    """The test directory (a Northshire-wide helpline for 16+, a parenting group at a Preston
    address, a refuge, a stale service anywhere, a defunct club) and three more."""
    owner = AgencyFactory(name="Testshire Directory Team", sector="voluntary")
    found = build_directory(owner)
    common = {"owner_agency": owner, "last_reviewed": date(2026, 11, 1)}
    carers = Service.objects.create(
        name="Burnley Young Carers", minimum_age=8, maximum_age=18, **common
    )
    ServiceArea.objects.create(service=carers, name="Burnley")
    teen = Service.objects.create(
        name="Preston Teen Talk", minimum_age=11, maximum_age=17, **common
    )
    ServiceArea.objects.create(
        service=teen,
        name="Central Lancashire",
        uri="http://statistics.data.gov.uk/id/statistical-geography/E07000123",
    )
    nine = Service.objects.create(name="Nine and Over Club", minimum_age=9, **common)
    ServiceArea.objects.create(service=nine, name="Preston")
    Service.objects.create(name="Shut Youth Club", status=Service.Status.INACTIVE, **common)
    found.carers, found.teen, found.nine = carers, teen, nine
    return found


def as_user(practitioner) -> Client:
    client = Client()
    sign_in(client, practitioner)
    return client


def triaged(officer, hub, **subject):
    contact = make_contact(officer, **subject)
    as_user(hub).post(reverse("hub:triage", args=[contact.pk]), triage_post(contact))
    contact.refresh_from_db()
    return contact


def advice(contact, services=(), other="", **extra):
    return {
        "decision-outcome": "advice",
        "decision-rationale": "Needs support with parenting, no statutory threshold met.",
        "decision-feedback_to_referrer": "We have signposted the family to local support.",
        "decision-signpost_to": other,
        "decision-services": [str(s.pk) for s in services],
        "decision-version": contact.version,
        **extra,
    }


def names_in(page: str, services) -> set[str]:
    return {s.name for s in services if s.name in page}


# Deciding with services ------------------------------------------------------------------


def test_advice_with_directory_services_is_kept_shown_and_told_to_the_referrer(
    hub, officer, directory
):
    contact = triaged(officer, hub)
    client = as_user(hub)
    response = client.post(
        reverse("hub:decide", args=[contact.pk]),
        advice(contact, [directory.group, directory.helpline], other="Mill Street food bank"),
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.status == Contact.Status.DECIDED
    kept = list(contact.decision.signposted.all())
    assert [k.service_name for k in kept] == [
        "Evening Parenting Group",
        "Harbourlight Domestic Abuse Helpline",
    ]
    helpline = kept[1]
    assert helpline.phone == "01632 960123"
    assert helpline.email == "help@trust.example"
    assert helpline.how_to_get_help == "Phone the helpline at any time, day or night."
    assert helpline.organisation_name == "Quillfeather Community Trust"

    message = OutboxMessage.objects.get(recipient=officer)
    assert "Services we have signposted to:" in message.body
    assert "Evening Parenting Group (Quillfeather Community Trust)" in message.body
    assert "Phone: 01632 960123" in message.body
    assert "How to get help: Phone the helpline at any time, day or night." in message.body
    assert "Also: Mill Street food bank" in message.body

    hub_page = client.get(reverse("hub:contact", args=[contact.pk])).content.decode()
    assert "Signposted to Evening Parenting Group, Harbourlight Domestic Abuse Helpline" in (
        hub_page
    )  # the timeline
    assert reverse("directory:service", args=[directory.group.pk]) in hub_page
    referrer_page = (
        as_user(officer).get(reverse("referrals:mine_detail", args=[contact.pk])).content.decode()
    )
    assert "Services signposted to" in referrer_page
    assert "01632 960123" in referrer_page
    assert "Mill Street food bank" in referrer_page


def test_what_was_signposted_survives_later_changes_to_the_directory(hub, officer, directory):
    contact = triaged(officer, hub)
    as_user(hub).post(reverse("hub:decide", args=[contact.pk]), advice(contact, [directory.group]))
    Service.objects.filter(pk=directory.group.pk).update(name="Renamed Group")
    page = as_user(hub).get(reverse("hub:contact", args=[contact.pk])).content.decode()
    assert "Evening Parenting Group" in page
    assert "Renamed Group" not in page
    directory.group.delete()
    kept = SignpostedService.objects.get()
    assert (kept.service, kept.service_name) == (None, "Evening Parenting Group")


def test_free_text_alone_is_enough_for_a_service_not_in_the_directory(hub, officer, directory):
    contact = triaged(officer, hub)
    response = as_user(hub).post(
        reverse("hub:decide", args=[contact.pk]), advice(contact, other="Church toddler group")
    )
    assert response.status_code == 302
    assert "Also: Church toddler group" in OutboxMessage.objects.get(recipient=officer).body


# Refusals ----------------------------------------------------------------------------------


def assert_refused(response, contact, message):
    assert response.status_code == 422
    assert message in response.content.decode()
    contact.refresh_from_db()
    assert contact.status == Contact.Status.TRIAGED
    assert not SignpostedService.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_advice_with_no_service_and_no_free_text_is_refused(hub, officer, directory):
    contact = triaged(officer, hub)
    response = as_user(hub).post(reverse("hub:decide", args=[contact.pk]), advice(contact))
    assert_refused(
        response,
        contact,
        "Choose at least one service from the directory, or name the service you signposted to",
    )
    with pytest.raises(Exception, match="Choose at least one service"):
        services.contact_decide(
            contact=contact,
            by=hub,
            expected_version=contact.version,
            outcome="advice",
            rationale="r",
            feedback="f",
        )


@pytest.mark.parametrize(
    ("which", "message"),
    [
        ("defunct", "Closed Forever Club is defunct: choose another service"),
        ("inactive", "Shut Youth Club is inactive: choose another service"),
        ("missing", "A service you chose is no longer in the directory: search again"),
        ("garbage", "A service you chose is not in the directory: search again"),
    ],
)
def test_a_service_that_is_not_running_or_not_there_is_refused_clearly(
    hub, officer, directory, which, message
):
    contact = triaged(officer, hub)
    pk = {
        "defunct": directory.defunct.pk,
        "inactive": Service.objects.get(name="Shut Youth Club").pk,
        "missing": uuid.uuid4(),
        "garbage": "not-a-service",
    }[which]
    data = advice(contact, [directory.group])
    data["decision-services"].append(str(pk))
    response = as_user(hub).post(reverse("hub:decide", args=[contact.pk]), data)
    assert_refused(response, contact, message)


def test_directory_services_are_refused_for_other_outcomes(hub, officer, directory):
    contact = triaged(officer, hub)
    data = advice(contact, [directory.group], **{"decision-outcome": "early_help"})
    response = as_user(hub).post(reverse("hub:decide", args=[contact.pk]), data)
    assert_refused(response, contact, "can be chosen only for advice or signposting")


@override_settings(FRONTDOOR_SIGNPOST_CONFIDENTIAL_ROLES=("hub_manager",))
def test_a_refuge_is_offered_to_and_accepted_from_allowed_roles_only(
    hub, hub_manager, officer, directory
):
    contact = triaged(officer, hub)
    search = {"decision-action": "search", "decision-signpost_q": "refuge"}
    search["decision-signpost_all_areas"] = "on"
    offered = as_user(hub).post(reverse("hub:decide", args=[contact.pk]), search)
    assert "Quietwater Refuge" not in offered.content.decode()
    response = as_user(hub).post(
        reverse("hub:decide", args=[contact.pk]), advice(contact, [directory.refuge])
    )
    assert_refused(response, contact, "Quietwater Refuge is a refuge with a confidential address")

    manager = as_user(hub_manager)
    offered = manager.post(reverse("hub:decide", args=[contact.pk]), search)
    assert "Quietwater Refuge" in offered.content.decode()
    response = manager.post(
        reverse("hub:decide", args=[contact.pk]), advice(contact, [directory.refuge])
    )
    assert response.status_code == 302
    body = OutboxMessage.objects.get(recipient=officer).body
    assert "Quietwater Refuge" in body
    assert "Phone: 01632 960456" in body
    for secret in (REFUGE_STREET, REFUGE_POSTCODE, "Quietwater House"):
        assert secret not in body
        page = (
            as_user(officer)
            .get(reverse("referrals:mine_detail", args=[contact.pk]))
            .content.decode()
        )
        assert secret not in page


# The picker ---------------------------------------------------------------------------------


def test_the_picker_starts_with_services_for_the_childs_age_and_area(hub, officer, directory):
    contact = triaged(officer, hub)  # Maisie, born 1 June 2017, PR1 2AB: 9, in Preston
    page = as_user(hub).get(reverse("hub:contact", args=[contact.pk])).content.decode()
    offered = names_in(page, Service.objects.all())
    assert {"Evening Parenting Group", "Nine and Over Club", "Dusty Lane Advice Shop"} <= offered
    assert "Preston Teen Talk" not in offered  # 11 to 17
    assert "Harbourlight Domestic Abuse Helpline" not in offered  # 16 and over
    assert "Burnley Young Carers" not in offered  # Burnley only
    assert "Closed Forever Club" not in offered
    assert "aged 9 on the day of the contact" in page
    assert "living in Preston" in page


def test_searching_all_areas_keeps_what_was_typed_and_ticked(hub, officer, directory):
    contact = triaged(officer, hub)
    data = advice(
        contact,
        [directory.group],
        **{
            "decision-action": "search",
            "decision-signpost_q": "carers",
            "decision-signpost_all_areas": "on",
        },
    )
    response = as_user(hub).post(reverse("hub:decide", args=[contact.pk]), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Burnley Young Carers" in page
    assert "Needs support with parenting" in page  # the rationale, as typed
    ticked = re.search(rf'value="{directory.group.pk}"[^>]*>', page).group(0)
    assert "checked" in ticked
    contact.refresh_from_db()
    assert contact.status == Contact.Status.TRIAGED  # a search decides nothing
    read = AuditEvent.objects.filter(verb=Verb.VIEW).latest("id")
    assert (read.actor, read.object_id) == (hub, str(contact.pk))
    assert "Searched the directory" in read.reason


def test_the_age_is_taken_on_the_day_of_the_contact(hub, officer, directory):
    with time_machine.travel(datetime(2026, 5, 30, 10, 0, tzinfo=LONDON), tick=False):
        contact = triaged(officer, hub)  # the day before her ninth birthday
    page = as_user(hub).get(reverse("hub:contact", args=[contact.pk])).content.decode()
    assert "aged 8 on the day of the contact" in page
    assert "Nine and Over Club" not in page


# Who can help with this ---------------------------------------------------------------------


def sections(page: str) -> dict[str, str]:
    """The page's part for each person, by their name."""
    parts = re.split(r'<section class="govuk-!-margin-bottom-8"', page)[1:]
    found = {}
    for part in parts:
        heading = re.search(r'<h2 class="govuk-heading-m" id="need-\d+">([^<–]+)', part)
        found[heading.group(1).strip()] = part
    return found


def household(officer):
    contact = services.contact_start(by=officer)
    services.contact_update_draft(
        contact=contact,
        by=officer,
        changes={
            "concerns": ["neglect"],
            "what_happened": "Hungry at school.",
            "crime_alleged": False,
            "immediate_danger": False,
            "consent": "given",
        },
    )
    for data in (
        {
            "role": Subject.Role.CHILD_AT_RISK,
            "given_names": "Maisie",
            "family_name": "Dube",
            "date_of_birth": date(2017, 6, 1),
            "postcode": "PR1 2AB",
        },
        {
            "role": Subject.Role.PARENT_OR_CARER,
            "given_names": "Grace",
            "family_name": "Dube",
            "estimated_age": 34,
        },
    ):
        services.subject_save(contact=contact, by=officer, data=data)
    return services.contact_submit(contact=contact, by=officer)


def test_who_can_help_lists_services_for_each_persons_age_and_area(hub, officer, directory):
    contact = household(officer)
    url = reverse("referrals:who_can_help", args=[contact.pk])
    page = as_user(hub).get(url).content.decode()
    people = sections(page)
    child, parent = people["Maisie Dube"], people["Grace Dube"]
    assert "Aged 9 on the day of the contact" in child
    assert "Living in Preston" in parent  # the household's postcode
    assert "Aged 34 (estimated)" in parent
    every = Service.objects.all()
    assert names_in(child, every) == {
        "Evening Parenting Group",
        "Nine and Over Club",
        "Dusty Lane Advice Shop",
        "Quietwater Refuge",  # no age limits given; its address is never shown
    }
    assert REFUGE_STREET not in page and REFUGE_POSTCODE not in page
    assert names_in(parent, every) == {
        "Evening Parenting Group",
        "Nine and Over Club",
        "Dusty Lane Advice Shop",
        "Harbourlight Domestic Abuse Helpline",
        "Quietwater Refuge",
    }
    assert reverse("directory:service", args=[directory.group.pk]) in child

    wider = sections(
        as_user(hub).get(url, {"q": "young carers", "all_areas": "on"}).content.decode()
    )
    assert names_in(wider["Maisie Dube"], every) == {"Burnley Young Carers"}
    assert names_in(wider["Grace Dube"], every) == set()  # 8 to 18 only

    tag(directory.teen, directory.parenting)
    by_type = sections(
        as_user(hub).get(url, {"category": str(directory.parenting.pk)}).content.decode()
    )
    assert names_in(by_type["Maisie Dube"], every) == {"Evening Parenting Group"}


def test_who_can_help_refuses_a_bad_filter_clearly(hub, officer, directory):
    contact = household(officer)
    response = as_user(hub).get(
        reverse("referrals:who_can_help", args=[contact.pk]), {"category": "nonsense"}
    )
    assert response.status_code == 422
    assert "Select a type of help from the list" in response.content.decode()


def test_reading_who_can_help_is_recorded_as_a_view_of_the_contact(hub, officer, directory):
    contact = household(officer)
    before = AuditEvent.objects.filter(verb=Verb.VIEW).count()
    as_user(hub).get(reverse("referrals:who_can_help", args=[contact.pk]))
    assert AuditEvent.objects.filter(verb=Verb.VIEW).count() == before + 1
    event = AuditEvent.objects.filter(verb=Verb.VIEW).latest("id")
    assert (event.actor, event.object_type, event.object_id) == (
        hub,
        "referrals.contact",
        str(contact.pk),
    )
    assert "services" in event.reason


def test_the_referrer_may_use_who_can_help_and_their_colleague_may_not(officer, police, directory):
    contact = household(officer)
    url = reverse("referrals:who_can_help", args=[contact.pk])
    mine = as_user(officer).get(url)
    assert mine.status_code == 200
    assert reverse("referrals:mine_detail", args=[contact.pk]) in mine.content.decode()
    colleague = PractitionerFactory(agency=police, role=Role.FRONTLINE)
    refused = as_user(colleague).get(url)
    assert refused.status_code == 404
    assert "Dube" not in refused.content.decode()


def test_outward_codes_and_districts():
    from frontdoor.directory.matching_services import outward_code

    assert outward_code("pr1 2ab") == "PR1"
    assert outward_code("L394AB") == "L39"
    assert outward_code("BB10") == "BB10"
    assert outward_code("") == ""
    assert outward_code("not a postcode") == ""


def test_the_picker_searches_for_another_person_in_the_contact(hub, officer, directory):
    contact = household(officer)
    services.contact_triage(
        contact=contact, by=hub, expected_version=contact.version, rag="green", rationale="r"
    )
    client = as_user(hub)
    first = client.get(reverse("hub:contact", args=[contact.pk])).content.decode()
    maisie, grace = contact.subjects.all()
    assert f'<option value="{maisie.pk}" selected>' in first
    assert "Harbourlight Domestic Abuse Helpline" not in first
    again = client.post(
        reverse("hub:decide", args=[contact.pk]),
        {"decision-action": "search", "decision-signpost_for": str(grace.pk)},
    ).content.decode()
    assert f'<option value="{grace.pk}" selected>' in again
    assert "For Grace Dube, aged 34 (estimated)" in again
    assert "Harbourlight Domestic Abuse Helpline" in again
