"""The review queue, a possible match and a person's index page, through HTTP.

The match must not leak another agency's record: a hub practitioner from the police sees
index-level facts of a social care record, never its reference or address; a practitioner of
social care sees both; roles without the index get no names at all: 403 on the queue, and on
a pair's or a person's page the 404 of one that does not exist.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.core.testing.smuggling import Smuggled, assert_extras_ignored
from frontdoor.matching import facade
from frontdoor.matching.models import MergeEvent, ReviewItem
from frontdoor.people.models import AgencyRecord, RecordKind

pytestmark = pytest.mark.django_db

SC_REF = "SC-SECRET-4471"
SC_ADDRESS = "Flat 3, 17 Hidden Row, Preston"
POLICE_REF = "NOM-SECRET-9902"
POLICE_ADDRESS = "22 Quiet Close, Chorley"


@pytest.fixture
def pair(social_care, police):
    """A social care record and a police record of the same child, waiting for review."""
    mine = AgencyRecord.objects.create(
        agency=social_care,
        kind=RecordKind.SOCIAL_CARE_CLIENT,
        source_ref=SC_REF,
        given_names="Kayleigh",
        family_name="Brennan",
        date_of_birth=date(2006, 5, 3),
        address=SC_ADDRESS,
        postcode="FY1 1AA",
    )
    theirs = AgencyRecord.objects.create(
        agency=police,
        kind=RecordKind.POLICE_NOMINAL,
        source_ref=POLICE_REF,
        given_names="Kayley",
        family_name="Brennan",
        date_of_birth=date(2006, 3, 5),
        address=POLICE_ADDRESS,
        postcode="FY1 1AA",
    )
    from frontdoor.matching.services import person_from_record

    for record in (mine, theirs):
        record.person = person_from_record(record, by=None)
        record.save()
    item = ReviewItem.objects.create(
        record=theirs,
        other_record=mine,
        other_person=mine.person,
        match_weight=1.5,
        probability=0.74,
        explanation=[
            {"field": "surname", "label": "Family name", "level": "exact", "weight": 6.1},
            {
                "field": "date_of_birth",
                "label": "Date of birth",
                "level": "transposed",
                "weight": 2.3,
            },
            {"field": "first_name", "label": "First name", "level": "similar", "weight": -0.4},
        ],
    )
    return item


def test_the_queue_lists_pending_pairs_oldest_first_with_counts(signed_in, hub, pair):
    later = ReviewItem.objects.create(
        record=pair.other_record, other_person=pair.record.person, match_weight=0, probability=0.6
    )
    page = signed_in(hub).get(reverse("matching:queue")).content.decode()
    assert page.index(f"possible match {pair.pk}") < page.index(f"possible match {later.pk}")
    assert "Waiting for review" in page and "74%" in page
    assert AuditEvent.objects.filter(
        actor=hub, verb=Verb.VIEW, object_type="matching.reviewitem"
    ).exists()


def test_a_police_hub_practitioner_never_sees_social_care_reference_or_address(
    signed_in, police_hub, pair
):
    page = signed_in(police_hub).get(reverse("matching:review", args=[pair.pk])).content.decode()
    assert "Kayleigh" in page and "Brennan" in page  # index-level facts
    assert "Date of birth" in page and "+2.3" in page  # the explanation with its weights
    assert SC_REF not in page
    assert SC_ADDRESS not in page
    assert POLICE_REF in page and POLICE_ADDRESS in page  # their own agency's record
    assert (
        AuditEvent.objects.filter(
            actor=police_hub,
            verb=Verb.VIEW,
            object_type="matching.reviewitem",
            object_id=str(pair.pk),
        ).count()
        == 1
    )


def test_social_care_sees_its_own_record_but_not_the_polices(signed_in, hub, pair):
    page = signed_in(hub).get(reverse("matching:review", args=[pair.pk])).content.decode()
    assert SC_REF in page and SC_ADDRESS in page
    assert POLICE_REF not in page and POLICE_ADDRESS not in page


def test_the_person_page_shows_provenance_but_not_another_agencys_details(
    signed_in, police_hub, pair
):
    person = pair.other_record.person
    page = signed_in(police_hub).get(reverse("matching:person", args=[person.pk])).content.decode()
    assert "Testshire Children&#x27;s Social Care" in page or "Social Care" in page
    assert SC_REF not in page and SC_ADDRESS not in page
    assert (
        AuditEvent.objects.filter(
            actor=police_hub, verb=Verb.VIEW, object_type="people.person", object_id=str(person.pk)
        ).count()
        == 1
    )


@pytest.mark.parametrize(
    "role", [Role.FRONTLINE, Role.MEETING_CHAIR, Role.ANALYST, Role.PARTNERSHIP_MANAGER]
)
def test_roles_without_the_index_get_403_and_no_names(role, signed_in, police, pair):
    someone = PractitionerFactory(agency=police, role=role)
    client = signed_in(someone)
    person = pair.record.person
    for url, status in (
        (reverse("matching:queue"), 403),
        (reverse("matching:review", args=[pair.pk]), 404),
        (reverse("matching:person", args=[person.pk]), 404),
    ):
        response = client.get(url)
        assert response.status_code == status, url
        body = response.content.decode()
        assert "Brennan" not in body and POLICE_REF not in body


def test_an_administrator_opens_the_index_page_but_not_the_queue(signed_in, administrator, pair):
    client = signed_in(administrator)
    assert client.get(reverse("matching:queue")).status_code == 403
    response = client.get(reverse("matching:person", args=[pair.record.person.pk]))
    assert response.status_code == 200
    # The administrator works at social care: the police record's details stay hidden.
    assert POLICE_REF not in response.content.decode()


def test_a_missing_review_item_or_person_is_404(signed_in, hub):
    client = signed_in(hub)
    assert client.get(reverse("matching:review", args=[99999])).status_code == 404
    assert client.get(reverse("matching:person", args=[99999])).status_code == 404


def test_accept_merges_and_undo_puts_it_back_through_the_pages(signed_in, hub, pair):
    client = signed_in(hub)
    folded = pair.record.person
    kept = pair.other_record.person
    response = client.post(
        reverse("matching:decide", args=[pair.pk]), {"decision": "accept", "reason": ""}
    )
    assert response.status_code == 302
    assert response.url == reverse("matching:person", args=[kept.pk])
    pair.refresh_from_db()
    assert pair.status == ReviewItem.Status.ACCEPTED
    assert AgencyRecord.objects.get(pk=pair.record_id).person == kept
    event = MergeEvent.objects.get()
    page = client.get(reverse("matching:person", args=[kept.pk])).content.decode()
    assert "Undo" in page and "Merged" in page
    refused = client.post(reverse("matching:undo", args=[event.pk]), {})
    assert refused.status_code == 422
    assert AgencyRecord.objects.get(pk=pair.record_id).person == kept
    response = client.post(reverse("matching:undo", args=[event.pk]), {"confirm": "on"})
    assert response.status_code == 302
    assert AgencyRecord.objects.get(pk=pair.record_id).person == folded
    again = client.post(reverse("matching:undo", args=[event.pk]), {"confirm": "on"})
    assert again.status_code == 409


def test_reject_needs_a_reason_and_then_keeps_them_apart(signed_in, hub, pair):
    client = signed_in(hub)
    response = client.post(reverse("matching:decide", args=[pair.pk]), {"decision": "reject"})
    assert response.status_code == 422
    assert "Say why these are different people" in response.content.decode()
    pair.refresh_from_db()
    assert pair.status == ReviewItem.Status.PENDING
    response = client.post(
        reverse("matching:decide", args=[pair.pk]),
        {"decision": "reject", "reason": "Twins: the GP holds both"},
    )
    assert response.status_code == 302
    pair.refresh_from_db()
    assert (pair.status, pair.decided_by, pair.reason) == (
        ReviewItem.Status.REJECTED,
        hub,
        "Twins: the GP holds both",
    )
    late = client.post(
        reverse("matching:decide", args=[pair.pk]), {"decision": "accept", "reason": ""}
    )
    assert late.status_code == 409


def test_the_contact_page_shows_candidates_with_probability_and_explanation(
    signed_in, hub, officer, index
):
    from frontdoor.referrals.tests.test_hub import make_contact

    contact = make_contact(
        officer, given_names="Maisie", family_name="O'Connor", date_of_birth=date(2017, 6, 1)
    )
    page = signed_in(hub).get(reverse("hub:contact", args=[contact.pk])).content.decode()
    assert "Likely match" in page
    assert "Date of birth the same (+" in page
    # The referrer never sees the index.
    mine = signed_in(officer).get(reverse("referrals:mine_detail", args=[contact.pk]))
    assert "Likely match" not in mine.content.decode()


def test_each_possible_match_shown_to_the_hub_is_recorded_as_a_read_of_that_person(
    signed_in, hub, officer, index
):
    """Promise 6: a candidate is someone else's record; showing it is a read, logged once per
    page view with the contact it was shown for, and never for the referrer, who sees none."""
    from frontdoor.referrals import services as referrals
    from frontdoor.referrals.tests.test_hub import make_contact

    contact = make_contact(
        officer, given_names="Maisie", family_name="O'Connor", date_of_birth=date(2017, 6, 1)
    )
    shown_for = {"object_type": "people.person", "details__contact": contact.pk}
    signed_in(hub).get(reverse("hub:contact", args=[contact.pk]))
    rows = AuditEvent.objects.filter(verb=Verb.VIEW, **shown_for)
    assert index["maisie"].pk in {int(row.object_id) for row in rows}
    assert len({row.object_id for row in rows}) == rows.count()  # one row per person shown
    for row in rows:
        assert (row.actor, row.occurred_at is not None) == (hub, True)
        assert row.reason == "Shown as a possible match for someone named in a contact"
        assert row.details["subject"] == contact.subjects.get().pk
    signed_in(officer).get(reverse("referrals:mine_detail", args=[contact.pk]))
    assert not AuditEvent.objects.filter(actor=officer, **shown_for).exists()

    # The hub recording a call sees the same possible matches, recorded the same way.
    call = referrals.contact_start(by=hub)
    referrals.subject_save(
        contact=call,
        by=hub,
        data={
            "role": "child_at_risk",
            "given_names": "Maisie",
            "family_name": "O'Connor",
            "date_of_birth": date(2017, 6, 1),
        },
    )
    page = signed_in(hub).get(reverse("referrals:people", args=[call.pk])).content.decode()
    assert "Likely match" in page
    assert (
        AuditEvent.objects.filter(
            actor=hub,
            object_type="people.person",
            object_id=str(index["maisie"].pk),
            details__contact=call.pk,
        ).count()
        == 1
    )


def test_candidates_for_a_frontline_referrer_are_empty_even_when_asked(officer, index):
    assert (
        facade.candidates(
            officer, given_names="Maisie", family_name="O'Connor", date_of_birth=date(2017, 6, 1)
        )
        == []
    )


@pytest.mark.parametrize("form", ["accept", "reject", "undo"])
def test_review_forms_ignore_fields_they_do_not_have(form, signed_in, hub, social_care, pair):
    """Promise 4: a possible match's status, sides, score and who decided it; a merge's
    people, kind, records, author and who undid it come from the page and the services,
    never from extra posted fields (a decoy person named as `person` and `to_person` too)."""
    from frontdoor.matching import services
    from frontdoor.people.models import Person

    other = PractitionerFactory(username="other", agency=social_care, role=Role.HUB_MANAGER)
    decoy = Person.objects.create(given_names="Decoy", family_name="Person")
    folded, kept = pair.record.person, pair.other_record.person
    long_ago = "2001-01-01T00:00"
    item_extras = {
        "status": ReviewItem.Status.REJECTED if form == "accept" else "accepted",
        "decided_by": other.pk,
        "decided_at": long_ago,
        "created_at": long_ago,
        "record": pair.other_record_id,
        "other_record": pair.record_id,
        "other_person": decoy.pk,
        "probability": "0.01",
        "match_weight": "-9",
        "person": decoy.pk,
        "agency": social_care.pk,
        "created_by": other.pk,
        "from_person": decoy.pk,
        "to_person": decoy.pk,
        "kind": "split",
    }
    item_expected = {
        "record": pair.record,
        "other_record": pair.other_record,
        "other_person": kept,
        "probability": 0.74,
        "match_weight": 1.5,
        "decided_by": hub,
    }
    if form == "undo":
        event = services.review_accept(item=pair, by=hub, reason="Same child")
        case = Smuggled(
            client=signed_in(other),
            url=reverse("matching:undo", args=[event.pk]),
            data={"confirm": "on"},
            extras={**item_extras, "undone_by": hub.pk, "undone_at": long_ago, "reason": "x"},
            record=lambda: MergeEvent.objects.get(pk=event.pk),
            expected={
                "kind": event.kind,
                "from_person": event.from_person,
                "to_person": event.to_person,
                "record_ids": event.record_ids,
                "review_item": pair,
                "reason": "Same child",
                "created_by": hub,
                "undone_by": other,
                "review_item.record.person": folded,
            },
        )
    else:
        case = Smuggled(
            client=signed_in(hub),
            url=reverse("matching:decide", args=[pair.pk]),
            data={"decision": form, "reason": "Twins: the GP holds both"},
            extras=item_extras,
            record=lambda: ReviewItem.objects.get(pk=pair.pk),
            expected={
                **item_expected,
                "status": "accepted" if form == "accept" else "rejected",
                "record.person": kept if form == "accept" else folded,
            },
        )
    assert_extras_ignored(case)
