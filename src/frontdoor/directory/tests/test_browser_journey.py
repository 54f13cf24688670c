"""A member of the public, on a phone, finds an open domestic abuse service near a demo
postcode, sees how far away it is and where on a map, and reads how to get help (issue 8's
"done when"s), with axe-core checks on every page."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import expect

from frontdoor.core.testing.browser import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DEMO_POSTCODE = "PR1 2HE"  # a real Preston postcode, loaded with the demo


@pytest.fixture
def demo(transactional_db):
    from frontdoor.demo.directory_services import build_directory
    from frontdoor.demo.generator import build_partnership

    build_partnership(seed=2026, practitioners_per_agency=0, with_second_factor=False)
    return build_directory(seed=2026)


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# A Wednesday morning in London, when offices are open.
WEDNESDAY_MORNING = datetime(2026, 3, 18, 11, 0, tzinfo=ZoneInfo("Europe/London"))


def test_a_member_of_the_public_finds_open_domestic_abuse_help_on_a_phone(
    page, live_server, demo, tmp_path, settings
):
    settings.FRONTDOOR_MAP_TILES = ""  # no network in tests: the map works without tiles
    page.set_viewport_size(PHONE)
    with time_machine.travel(WEDNESDAY_MORNING, tick=True):
        page.goto(f"{live_server.url}/directory/")
        expect(page.get_by_role("heading", name="Find a service", level=1)).to_be_visible()
        assert not axe_violations(page), describe(axe_violations(page))
        assert fits_the_screen(page)

        page.get_by_label("Domestic abuse support").check()
        page.get_by_label("Where are you?").fill(DEMO_POSTCODE)
        page.get_by_label("Open now").check()
        page.get_by_role("button", name="Search").click()
        page.wait_for_load_state()
        expect(page.get_by_role("heading", level=2, name="found")).to_be_visible()
        expect(page.get_by_text(f"Nearest first, from {DEMO_POSTCODE}")).to_be_visible()
        distances = page.get_by_test_id("distance")
        expect(distances.first).to_contain_text("miles away")
        # The map shows where the nearest services are (Leaflet, without tiles in tests).
        expect(page.locator("#directory-map .leaflet-marker-icon").first).to_be_visible()
        expect(page.get_by_test_id("postcode-attribution")).to_be_visible()
        assert not axe_violations(page), describe(axe_violations(page))
        assert fits_the_screen(page)
        page.screenshot(path=str(tmp_path / "near-a-postcode-on-a-phone.png"), full_page=True)

        nearest = page.locator("ul.govuk-list > li").filter(has=distances).first
        first = nearest.locator("h3 a")
        name = first.inner_text()
        first.click()
        expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()
        expect(page.get_by_text("Open now", exact=True)).to_be_visible()
        how = page.get_by_role("heading", name="How to get help", level=2)
        how.scroll_into_view_if_needed()
        expect(how).to_be_visible()
        expect(page.locator('a[href^="tel:"]').first).to_be_visible()
        assert "Phone" in page.locator("#how-to-get-help + p").inner_text()
        assert not axe_violations(page), describe(axe_violations(page))
        assert fits_the_screen(page)
    page.screenshot(path=str(tmp_path / "domestic-abuse-service-on-a-phone.png"), full_page=True)
    assert (tmp_path / "domestic-abuse-service-on-a-phone.png").stat().st_size > 0
    assert (tmp_path / "near-a-postcode-on-a-phone.png").stat().st_size > 0


def test_errors_and_a_refuge_page_are_accessible(page, live_server, demo):
    from frontdoor.directory.models import Service

    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/directory/?age=old")
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert not axe_violations(page), describe(axe_violations(page))
    page.get_by_role("link", name="Enter the age as a whole number, like 15").click()
    assert page.evaluate("document.activeElement.id") == "id_age"

    refuge = Service.objects.filter(confidential_address=True).first()
    page.goto(f"{live_server.url}/directory/services/{refuge.pk}/")
    expect(page.get_by_test_id("confidential-address")).to_be_visible()
    assert not axe_violations(page), describe(axe_violations(page))
