"""In a real browser: a police officer sends an Operation Encompass notification (after a
clear error first), and the school's DSL finds it on My work, reads it and acknowledges it.
Every page passes axe-core on a desktop and at a phone's width without scrolling sideways."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
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

    return build_partnership(seed=2026, practitioners_per_agency=0)


def test_police_notify_a_school_and_its_dsl_acknowledges(browser, live_server, demo, tmp_path):
    from django.utils import timezone

    shots = Path(os.environ.get("FRONTDOOR_SCREENSHOTS", tmp_path))
    yesterday = timezone.localdate() - timedelta(days=1)

    police = browser.new_context(bypass_csp=True).new_page()
    sign_in(police, live_server.url, "police.frontline")
    police.get_by_role("link", name="Operation Encompass", exact=True).click()
    expect(police.get_by_role("heading", name="Operation Encompass notifications")).to_be_visible()
    assert_accessible(police, "the police list")
    police.get_by_role("link", name="Send a notification to a school").click()
    police.get_by_label("Police reference").fill("RR-DA-BROWSER-1")
    police.get_by_label("Date of the incident").fill(f"{yesterday:%d/%m/%Y}")
    police.get_by_label("Time of the incident").fill("23:10")
    police.get_by_label("Where it happened").fill("The family home")
    police.get_by_label("Child's given names").fill("Poppy")
    police.get_by_label("Child's family name").fill("Wrenfield")
    police.get_by_label("Child's date of birth").fill(f"1/1/{yesterday.year - 2}")
    police.get_by_label("Child's school").select_option(label="Weftbridge High School")
    police.get_by_label("The child was present at the incident").check()
    police.get_by_label("Circumstances").fill("Shouting and a broken door; Poppy was unhurt.")
    police.get_by_role("button", name="Send to the school").click()
    expect(police.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert police.get_by_role(
        "link", name="This child was 2 on the day of the incident"
    ).is_visible()
    assert_accessible(police, "the form with an error")

    police.get_by_label("Child's date of birth").fill(f"1/1/{yesterday.year - 9}")
    police.get_by_label("What the child said (optional)").fill("She said she hid upstairs.")
    police.set_viewport_size(PHONE)
    police.screenshot(path=str(shots / "encompass-form-phone.png"), full_page=True)
    police.set_viewport_size(DESKTOP)
    police.get_by_role("button", name="Send to the school").click()
    expect(police.get_by_text("Notification sent to Weftbridge High School")).to_be_visible()
    expect(police.get_by_role("heading", name="Poppy Wrenfield")).to_be_visible()
    assert_accessible(police, "the sent notification")
    police.context.close()

    school = browser.new_context(bypass_csp=True).new_page()
    sign_in(school, live_server.url, "school.dsl")
    assert school.get_by_role(
        "heading", name="Operation Encompass notifications to acknowledge"
    ).is_visible()
    school.get_by_role("link", name="Poppy Wrenfield").first.click()
    expect(school.get_by_text("She said she hid upstairs.")).to_be_visible()
    assert_accessible(school, "the notification at the school")
    school.get_by_role("button", name="Acknowledge receipt").click()
    expect(school.get_by_text("You have acknowledged the notification")).to_be_visible()
    expect(school.get_by_text("by Shauna Reid")).to_be_visible()
    assert_accessible(school, "the acknowledged notification")
    school.screenshot(path=str(shots / "encompass-acknowledged.png"), full_page=True)
    school.context.close()
