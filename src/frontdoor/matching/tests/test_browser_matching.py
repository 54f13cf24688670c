"""In a real browser: a hub practitioner sees who a referred child may already be, with why,
reviews a queued pair, accepts it (the two people merge) and then undoes the merge. Every
page passes axe-core on a desktop and at a phone's width without scrolling sideways."""

from datetime import date

import pytest
from playwright.sync_api import expect

from frontdoor.core.testing.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    from frontdoor.agencies.models import Practitioner
    from frontdoor.agencies.roles import Role
    from frontdoor.demo.generator import build_partnership
    from frontdoor.demo.matching import build_matching
    from frontdoor.matching.models import ReviewItem
    from frontdoor.matching.services import person_from_record
    from frontdoor.people.models import AgencyRecord, Person, RecordKind
    from frontdoor.referrals import services as referrals
    from frontdoor.referrals.models import Concern, Consent, Subject

    build_partnership(seed=2026, practitioners_per_agency=0)
    Person.objects.create(
        given_names="Maisie",
        family_name="O'Connor",
        date_of_birth=date(2017, 6, 1),
        sex="female",
        postcode="PR1 2AB",
    )
    build_matching(seed=2026)
    referrer = Practitioner.objects.filter(role=Role.FRONTLINE).order_by("username").first()
    contact = referrals.contact_start(by=referrer)
    referrals.contact_update_draft(
        contact=contact,
        by=referrer,
        changes={
            "concerns": [Concern.NEGLECT],
            "what_happened": "Maisie came to school hungry again.",
            "crime_alleged": False,
            "immediate_danger": False,
            "consent": Consent.GIVEN,
        },
    )
    referrals.subject_save(
        contact=contact,
        by=referrer,
        data={
            "role": Subject.Role.CHILD_AT_RISK,
            "given_names": "Maisie",
            "family_name": "O'Connor",
            "date_of_birth": date(2017, 6, 1),
            "postcode": "PR1 2AB",
        },
    )
    contact = referrals.contact_submit(contact=contact, by=referrer)
    # Two records of one girl that the model was unsure about, waiting for review.
    agencies = list(
        AgencyRecord.objects.values_list("agency", flat=True).distinct().order_by("agency")
    )
    kayleigh = []
    for agency, given, dob in ((agencies[0], "Kayleigh", 3), (agencies[1], "Kayley", 5)):
        record = AgencyRecord.objects.create(
            agency_id=agency,
            kind=RecordKind.OTHER,
            source_ref=f"BROWSER-{given}",
            given_names=given,
            family_name="Brennan",
            date_of_birth=date(2006, 5, dob),
            postcode="FY1 1AA",
        )
        record.person = person_from_record(record, by=None)
        record.save()
        kayleigh.append(record)
    item = ReviewItem.objects.create(
        record=kayleigh[1],
        other_record=kayleigh[0],
        other_person=kayleigh[0].person,
        match_weight=1.2,
        probability=0.7,
        explanation=[
            {"field": "surname", "label": "Family name", "level": "exact", "weight": 6.0},
            {"field": "first_name", "label": "First name", "level": "similar", "weight": 1.1},
        ],
    )
    return {"contact": contact, "item": item}


def test_a_hub_practitioner_matches_reviews_merges_and_undoes(page, live_server, demo):
    sign_in(page, live_server.url, "csc.hub")
    from django.urls import reverse

    page.goto(live_server.url + reverse("hub:contact", args=[demo["contact"].pk]))
    expect(page.get_by_text("Likely match", exact=False).first).to_be_visible()
    page.locator(".govuk-details__summary-text", has_text="Why").first.click()
    expect(page.get_by_text("Date of birth the same", exact=False).first).to_be_visible()
    assert_accessible(page, "contact page with candidates")

    page.get_by_role("link", name="Possible matches", exact=True).click()
    expect(page.get_by_role("heading", name="Possible matches to review")).to_be_visible()
    assert_accessible(page, "review queue")
    page.get_by_role("link", name=f"Review possible match {demo['item'].pk}").click()
    expect(page.get_by_role("heading", name="Is this the same person?")).to_be_visible()
    expect(page.get_by_text("Kayley Brennan").first).to_be_visible()
    assert_accessible(page, "a possible match")
    page.get_by_label("Yes, the same person: merge them").check()
    page.get_by_role("button", name="Save decision").click()

    expect(page.get_by_text("Merged: the records are now one person")).to_be_visible()
    expect(page.get_by_role("heading", name="Agency records (2)")).to_be_visible()
    assert_accessible(page, "person index page")
    page.get_by_label("I have checked: put the records back").first.check()
    page.get_by_role("button", name="Undo merge").first.click()
    expect(page.get_by_text("Undone: the records are back where they were.")).to_be_visible()
    expect(page.get_by_text("Undone by")).to_be_visible()
