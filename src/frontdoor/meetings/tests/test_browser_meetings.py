"""In a real browser: a chair creates today's daily risk meeting, finds its agenda filled
from the morning's amber and red contacts where a crime is alleged (red first), records a
decision and an action for the school, records who took part and issues the minutes. Every
page passes axe-core on a desktop and at a phone's width without scrolling sideways."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from frontdoor.core.testing.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def morning(transactional_db):
    """The demo partnership, and three contacts sent to the front door this morning."""
    import time_machine
    from django.utils import timezone

    from frontdoor.agencies.models import Practitioner
    from frontdoor.demo.generator import build_partnership
    from frontdoor.referrals import services as referrals
    from frontdoor.referrals.models import Concern, Consent, Subject

    build_partnership(seed=2026, practitioners_per_agency=0)
    officer = Practitioner.objects.get(username="police.frontline")
    hub = Practitioner.objects.get(username="police.hub")
    made = {}
    now = timezone.now()
    for name, rag, crime, minutes_ago in (
        ("amber", "amber", True, 150),
        ("red", "red", True, 90),
        ("green", "green", True, 60),
        ("no_crime", "red", False, 45),
    ):
        with time_machine.travel(now - timedelta(minutes=minutes_ago), tick=False):
            contact = referrals.contact_start(by=officer)
            referrals.contact_update_draft(
                contact=contact,
                by=officer,
                changes={
                    "concerns": [Concern.DOMESTIC_ABUSE],
                    "what_happened": "Police attended shouting at the home; the mother was hurt.",
                    "crime_alleged": crime,
                    "immediate_danger": False,
                    "consent": Consent.NOT_SOUGHT,
                    "lawful_basis": "safeguarding",
                    "lawful_basis_detail": "Asking could raise the risk.",
                },
            )
            referrals.subject_save(
                contact=contact,
                by=officer,
                data={
                    "role": Subject.Role.CHILD_AT_RISK,
                    "given_names": "Ava",
                    "family_name": "Marsh",
                    "date_of_birth": now.date().replace(year=now.year - 9),
                },
            )
            contact = referrals.contact_submit(contact=contact, by=officer)
            made[name] = referrals.contact_triage(
                contact=contact,
                by=hub,
                expected_version=contact.version,
                rag=rag,
                rationale="Rated this morning.",
            )
    return made


def test_a_chair_runs_todays_daily_risk_meeting(page, live_server, morning, tmp_path):
    from django.utils import timezone

    from frontdoor.meetings.models import Meeting
    from frontdoor.plans.models import Action

    shots = Path(os.environ.get("FRONTDOOR_SCREENSHOTS", tmp_path))
    sign_in(page, live_server.url, "police.chair")
    page.get_by_role("link", name="Meetings", exact=True).click()
    expect(page.get_by_role("heading", name="Meetings", exact=True)).to_be_visible()
    assert_accessible(page, "the meetings list")

    page.get_by_role("button", name="Create today's daily risk meeting").click()
    expect(page.get_by_text("with 2 cases on its agenda")).to_be_visible()
    agenda = page.get_by_role("table", name="Cases on the agenda, in the order they are heard")
    rows = agenda.get_by_role("row").all_inner_texts()
    red, amber = morning["red"].reference, morning["amber"].reference
    assert red in rows[1] and amber in rows[2], rows  # red first, then by time
    text = agenda.inner_text()
    assert morning["green"].reference not in text and morning["no_crime"].reference not in text
    assert_accessible(page, "the daily risk meeting")
    page.screenshot(path=str(shots / "meetings-daily-agenda.png"), full_page=True)

    page.get_by_role("link", name=red).click()
    page.get_by_label("Decisions").fill(
        "High risk. Joint police and social care visit today; the school to support Ava."
    )
    page.get_by_label("This case has been heard").check()
    page.get_by_role("button", name="Save the decisions").click()
    expect(page.get_by_text("The decisions have been saved.")).to_be_visible()
    page.get_by_role("link", name="Add an action").click()
    page.get_by_role("button", name="Record the action").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page, "the action form with errors")
    due = timezone.localdate() + timedelta(days=7)
    page.get_by_label("What is to be done").fill(
        "Check in with Ava at the start of each school day for two weeks"
    )
    page.get_by_label("Direct engagement with the person").check()
    page.get_by_label("Agency responsible").select_option(label="Weftbridge High School")
    page.get_by_label("Practitioner responsible (optional)").select_option(
        label="Shauna Reid (Weftbridge High School)"
    )
    page.get_by_label("Day").fill(str(due.day))
    page.get_by_label("Month").fill(str(due.month))
    page.get_by_label("Year").fill(str(due.year))
    page.get_by_role("button", name="Record the action").click()
    expect(
        page.get_by_text("The action for Weftbridge High School has been recorded.")
    ).to_be_visible()
    expect(page.get_by_text("Check in with Ava at the start of each school day")).to_be_visible()
    assert_accessible(page, "the case with its decision and action")
    page.screenshot(path=str(shots / "meetings-case-recorded.png"), full_page=True)

    # The school's safeguarding lead owns the action, on the case's plan.
    action = Action.objects.get(owner__username="school.dsl")
    assert action.owner_agency.name == "Weftbridge High School"
    assert action.plan.contact_id == morning["red"].pk

    page.get_by_role("link", name=Meeting.objects.get().title).first.click()
    page.get_by_role("link", name="Record who took part, or invite another agency").click()
    page.get_by_label("Red Rose Constabulary took part").check()
    page.get_by_role("button", name="Save the attendance").click()
    page.get_by_role("button", name="Issue the minutes").click()
    expect(
        page.get_by_text("The minutes have been issued to the agencies invited.")
    ).to_be_visible()
    page.get_by_role("link", name="Read the minutes").click()
    expect(page.get_by_role("link", name="Print or save as PDF")).to_be_visible()
    expect(page.get_by_text("Check in with Ava at the start of each school day")).to_be_visible()
    assert_accessible(page, "the minutes")
    page.screenshot(path=str(shots / "meetings-minutes.png"), full_page=True)
    page.emulate_media(media="print")
    page.screenshot(path=str(shots / "meetings-minutes-print.png"), full_page=True)
    expect(page.get_by_role("link", name="Print or save as PDF")).not_to_be_visible()
    assert Meeting.objects.get().status == Meeting.Status.MINUTES_ISSUED
