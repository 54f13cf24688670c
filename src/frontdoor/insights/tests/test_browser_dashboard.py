"""In a real browser: a partnership manager opens the dashboard, filters by district and
downloads the figures as XLSX (issue 9, item 3's "done when"), with axe-core checks."""

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from frontdoor.core.testing.browser import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo(transactional_db):
    from frontdoor.demo.front_door import build_front_door
    from frontdoor.demo.generator import build_partnership

    build_partnership(seed=2026, practitioners_per_agency=0, with_second_factor=False)
    build_front_door(seed=2026, contacts=20)


def test_a_partnership_manager_filters_by_district_and_downloads_xlsx(
    page, live_server, demo, tmp_path
):
    from frontdoor.audit.models import AuditEvent
    from frontdoor.demo.generator import DEMO_PASSWORD

    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/")
    page.get_by_label("Username").fill("csc.partnership")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Dashboard").first.click()
    expect(page.get_by_role("heading", name="Partnership dashboard", level=1)).to_be_visible()
    expect(
        page.get_by_text("Repeat incidents and harm for people with plans").first
    ).to_be_visible()
    assert not axe_violations(page), describe(axe_violations(page))

    page.get_by_label("District").select_option(label="Preston")
    page.get_by_role("button", name="Show figures").click()
    assert "district=" in page.url
    assert page.get_by_label("District").input_value() != ""
    table = page.get_by_role("table", name="Triage decisions made by their deadline, by RAG rating")
    expect(table).to_be_visible()
    assert not axe_violations(page), describe(axe_violations(page))
    page.screenshot(path=str(tmp_path / "dashboard-preston.png"), full_page=True)
    assert (tmp_path / "dashboard-preston.png").stat().st_size > 0
    page.set_viewport_size(PHONE)  # wide tables scroll inside their own region
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert not axe_violations(page), describe(axe_violations(page))
    page.set_viewport_size(DESKTOP)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download as a spreadsheet (XLSX)").click()
    saved = tmp_path / "dashboard.xlsx"
    download.value.save_as(saved)
    book = load_workbook(saved)
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if len(row) > 1}
    assert about["District"] == "Preston"
    assert AuditEvent.objects.filter(verb="export", object_type="insights.dashboard").count() == 1
