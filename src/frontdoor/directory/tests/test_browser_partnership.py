"""In a real browser: the partnership manager sees an overdue review on My work, opens the
partnership map and the body, and every page passes axe-core on a desktop and a phone."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from frontdoor.core.testing.browser import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SCREENSHOTS = Path(__file__).resolve().parents[4] / "test-results"


@pytest.fixture
def demo(transactional_db):
    from frontdoor.demo.generator import build_partnership
    from frontdoor.demo.partnership_bodies import build_partnership_bodies

    build_partnership(seed=2026, practitioners_per_agency=0, with_second_factor=False)
    return build_partnership_bodies(seed=2026)


def assert_accessible(page, where: str) -> None:
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        violations = axe_violations(page)
        assert not violations, f"{where} at {size['width']}px:\n{describe(violations)}"
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{where} scrolls sideways at {size['width']}px"
    page.set_viewport_size(DESKTOP)


def test_the_partnership_manager_finds_an_overdue_body_on_the_map(page, live_server, demo):
    from frontdoor.demo.generator import DEMO_PASSWORD

    page.goto(f"{live_server.url}/")
    page.get_by_label("Username").fill("police.partnership")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Partnership bodies due for review")).to_be_visible()
    expect(page.get_by_role("link", name="Pennine MARAC")).to_be_visible()
    page.get_by_role("link", name="Open the partnership map").click()
    expect(page.get_by_role("heading", name="The partnership map", level=1)).to_be_visible()
    expect(page.get_by_role("img", name="The partnership map")).to_be_visible()
    assert (
        page.get_by_role("row", name="Wyre Community Safety Partnership")
        .get_by_text("Lacks probation")
        .is_visible()
    )
    assert_accessible(page, "the partnership map")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "partnership-map.png"), full_page=True)
    page.locator("svg.fd-partnership-map").screenshot(
        path=str(SCREENSHOTS / "partnership-graph.png")
    )

    page.get_by_role("link", name="Pennine MARAC").click()
    expect(page.get_by_text("This body was due for review")).to_be_visible()
    assert_accessible(page, "a partnership body")
