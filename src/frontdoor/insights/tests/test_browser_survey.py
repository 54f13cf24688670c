"""In a real browser: a social worker answers the open round from My work, and a partnership
manager sees the results with an agency of 4 withheld. Pages pass axe-core."""

import pytest
from playwright.sync_api import expect

from frontdoor.core.testing.browser import axe_violations, describe, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WITHHELD = "Fewer than 5 responses — withheld to protect anonymity"


@pytest.fixture
def demo(transactional_db):
    from frontdoor.demo.generator import build_partnership
    from frontdoor.demo.partnership_health import build_partnership_health

    partnership = build_partnership(seed=2026, practitioners_per_agency=1)
    build_partnership_health(seed=2026)
    return partnership


def assert_accessible(page, where):
    violations = axe_violations(page)
    assert not violations, f"{where}:\n{describe(violations)}"


def test_answering_and_a_group_of_four_withheld(page, live_server, demo, tmp_path):
    sign_in(page, live_server.url, "csc.frontline")
    page.get_by_role("link", name="Answer this round").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Partnership health survey"
    assert_accessible(page, "the survey form")
    # Sending it half-answered says what is missing.
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    for group in page.locator("main form fieldset").all():
        group.get_by_label("Agree", exact=True).or_(
            group.get_by_label("Helps a little", exact=True)
        ).check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Thank you: your answers are saved, anonymously.")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, live_server.url, "csc.partnership")
    page.goto(f"{live_server.url}/insights/health/results/?round=2")
    row = page.get_by_role("row", name="Central Northshire Housing Options Service")
    assert WITHHELD in row.inner_text()
    expect(page.get_by_role("table", name="Trust")).to_be_visible()
    assert_accessible(page, "the results page")
    page.screenshot(path=str(tmp_path / "partnership-health-results.png"), full_page=True)
    assert (tmp_path / "partnership-health-results.png").stat().st_size > 0
