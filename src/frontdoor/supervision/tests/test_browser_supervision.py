"""In a real browser: a social worker records a supervision session from the navigation, gets
a clear error first, links a case she referred, and reads the record back. Every page passes
axe-core on a desktop and at a phone's width without scrolling sideways."""

import os
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
    from frontdoor.demo.supervision import build_supervision
    from frontdoor.referrals.models import Contact

    from .conftest import make_contact

    partnership = build_partnership(seed=2026, practitioners_per_agency=0)
    build_supervision(seed=2026)
    chloe = next(p for p in partnership.practitioners if p.username == "csc.frontline")
    contact = make_contact(chloe)
    return Contact.objects.get(pk=contact.pk)


def test_a_social_worker_records_a_supervision_session(page, live_server, demo, tmp_path):
    from django.utils import timezone

    sign_in(page, live_server.url, "csc.frontline")
    page.get_by_role("link", name="Supervision", exact=True).click()
    expect(page.get_by_role("heading", name="My supervision")).to_be_visible()
    expect(page.get_by_text("Supervised by Tomasz Nowicki")).to_be_visible()
    assert_accessible(page, "my supervision")

    page.get_by_role("link", name="Record a session with Tomasz Nowicki").first.click()
    page.get_by_role("button", name="Record the session").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_role("link", name="Enter your reflections on the session")).to_be_visible()
    assert_accessible(page, "session form with errors")

    today = timezone.localdate()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Reflections").fill(
        "We talked about the referral for the hungry child and what I would do differently."
    )
    page.get_by_label("4 – Good").check()
    page.get_by_label("Cases discussed (optional)").fill(demo.reference)
    page.set_viewport_size(PHONE)
    shots = Path(os.environ.get("FRONTDOOR_SCREENSHOTS", tmp_path))
    page.screenshot(path=str(shots / "supervision-session-form-phone.png"), full_page=True)
    page.set_viewport_size(DESKTOP)
    page.get_by_role("button", name="Record the session").click()

    expect(page.get_by_text("The session has been recorded.")).to_be_visible()
    expect(
        page.get_by_role("heading", name=f"Session on {today.day} {today:%B %Y}")
    ).to_be_visible()
    expect(page.get_by_role("link", name=demo.reference)).to_be_visible()
    expect(page.get_by_text("4 – Good")).to_be_visible()
    assert_accessible(page, "the recorded session")
    page.screenshot(path=str(shots / "supervision-session-recorded.png"), full_page=True)
