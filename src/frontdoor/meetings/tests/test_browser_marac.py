"""In a real browser: a police officer completes a DASH risk checklist with 14 "yes" answers,
sees that it meets the MARAC referral criteria and refers the victim to next week's MARAC with
her IDVA and her views; the case shows on the MARAC's agenda. Every page passes axe-core."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .test_browser_meetings import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def next_marac(transactional_db):
    from django.utils import timezone

    from frontdoor.agencies.models import Practitioner
    from frontdoor.demo.generator import build_partnership
    from frontdoor.meetings import dash_2009, services
    from frontdoor.meetings.models import Checklist, MeetingType, Question

    build_partnership(seed=2026, practitioners_per_agency=0)
    dash_2009.load(Checklist, Question)  # a transactional test starts with empty tables
    chair = Practitioner.objects.get(username="police.chair")
    return services.meeting_create(
        by=chair,
        type=MeetingType.MARAC,
        starts_at=timezone.now() + timedelta(days=7),
        chair=chair,
        title="Northshire MARAC (Preston)",
    )


def test_an_officer_completes_a_dash_and_refers_to_marac(page, live_server, next_marac, tmp_path):
    from frontdoor.meetings.models import MaracCase

    shots = Path(os.environ.get("FRONTDOOR_SCREENSHOTS", tmp_path))
    sign_in(page, live_server.url, "police.frontline")
    page.goto(f"{live_server.url}/meetings/")
    page.get_by_role("link", name="DASH risk checklists and MARAC referrals").click()
    page.get_by_role("link", name="Complete a DASH risk checklist").click()
    page.get_by_role("button", name="Record the checklist").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_text("Answer question 24").first).to_be_visible()
    assert_accessible(page, "the DASH form with errors")

    page.get_by_label("Victim's name").fill("Marisol Brightwater")
    page.get_by_label("Police officer").check()
    for number in range(1, 25):
        answer = "yes" if number <= 14 else "no"
        page.locator(f"input[name=q{number}][value={answer}]").check()
    page.get_by_label("The victim's own comments (optional)").fill("He said he would find me.")
    page.get_by_label("Police-recorded incidents in the past 12 months (optional)").fill("1")
    page.get_by_role("button", name="Record the checklist").click()
    expect(page.get_by_text("The DASH risk checklist has been recorded.")).to_be_visible()
    expect(page.get_by_text("Meets the criteria for MARAC")).to_be_visible()
    expect(page.get_by_text("14 \u201cyes\u201d answers (14 or more qualify)")).to_be_visible()
    assert_accessible(page, "the DASH with its referral criteria")
    page.screenshot(path=str(shots / "marac-dash.png"), full_page=True)

    page.get_by_label("MARAC meeting").select_option(index=1)
    page.get_by_label("The victim's IDVA (optional)").fill("Robin Hale")
    page.get_by_label("IDVA service (optional)").fill("Northshire IDVA Service")
    page.get_by_label("The victim's views").fill("She wants to stay in her home.")
    page.get_by_role("button", name="Refer to MARAC").click()
    expect(page.get_by_text("Marisol Brightwater has been referred to")).to_be_visible()
    expect(page.get_by_text("Robin Hale, Northshire IDVA Service")).to_be_visible()
    expect(page.get_by_text("She wants to stay in her home.")).to_be_visible()
    assert_accessible(page, "the MARAC case")
    page.screenshot(path=str(shots / "marac-case.png"), full_page=True)
    case = MaracCase.objects.get()
    assert case.item.meeting == next_marac and not case.is_repeat
