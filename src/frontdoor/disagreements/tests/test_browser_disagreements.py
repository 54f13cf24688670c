"""In a real browser: a school's safeguarding lead disagrees with the front door's decision on
her referral, is told clearly what is missing first, raises it at level 1, sees who owns the
child's safety meanwhile, and escalates it to managers. Every page passes axe-core on a desktop
and at a phone's width without scrolling sideways."""

import os
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from frontdoor.core.testing.browser import (
    DESKTOP,
    PHONE,
    assert_accessible,
    sign_in,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    from frontdoor.demo.generator import build_partnership

    from .conftest import make_contact

    partnership = build_partnership(seed=2026, practitioners_per_agency=0)
    people = {p.username: p for p in partnership.practitioners}
    contact = make_contact(people["school.dsl"], decide_by=people["csc.hub"])
    return contact, people["csc.hub"].agency


def test_a_school_raises_a_disagreement_and_escalates_it(page, live_server, demo, tmp_path):
    contact, social_care = demo
    shots = Path(os.environ.get("FRONTDOOR_SCREENSHOTS", tmp_path))
    sign_in(page, live_server.url, "school.dsl")
    page.goto(live_server.url + reverse("referrals:mine_detail", args=[contact.pk]))
    page.get_by_role(
        "link", name="Raise a disagreement with another agency about this case"
    ).click()
    expect(page.get_by_role("heading", name="Raise a professional disagreement")).to_be_visible()
    page.get_by_role("button", name="Raise the disagreement").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_role("link", name="Enter the issue")).to_be_visible()
    assert_accessible(page, "raise form with errors")

    page.get_by_label("Which agency do you disagree with?").select_option(label=social_care.name)
    page.get_by_label("What is disputed").fill("The decision to take no further action")
    page.get_by_label("The issue").fill(
        "Zara is still left alone at night; nobody checked the parents' new arrangements."
    )
    page.get_by_label("What you want to happen instead").fill("A child and family assessment.")
    page.get_by_label("Threshold or eligibility").check()
    page.get_by_role("button", name="Raise the disagreement").click()

    expect(page.get_by_text("Your disagreement has been raised at level 1.")).to_be_visible()
    expect(page.get_by_text("Level 1: practitioner to practitioner").first).to_be_visible()
    expect(page.get_by_role("heading", name="Who owns this child's safety now")).to_be_visible()
    expect(page.get_by_text("No one owns this case's plan — name an owner")).to_be_visible()
    assert_accessible(page, "the disagreement")

    page.get_by_role("link", name="Escalate to level 2").click()
    page.get_by_label("Why escalate it to the next level?").fill(
        "We spoke twice; the hub will not reconsider without a manager."
    )
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(shots / "disagreement-escalate-phone.png"), full_page=True)
    page.set_viewport_size(DESKTOP)
    assert_accessible(page, "the escalation form")
    page.get_by_role("button", name="Escalate").click()
    expect(
        page.get_by_text("The disagreement has been escalated to the next level.")
    ).to_be_visible()
    expect(page.get_by_text("Level 2: managers").first).to_be_visible()
    assert_accessible(page, "the escalated disagreement")
    page.screenshot(path=str(shots / "disagreement-level-2.png"), full_page=True)
