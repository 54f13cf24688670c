"""In a real browser: the force's analyst imports the demo extract and sees its progress then
the summary, uploads the example file with mistakes and reads the error report, then imports
the extract again with no duplicates. Every page passes axe-core on a desktop and a phone."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from frontdoor.core.testing.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def demo(transactional_db, tmp_path, settings):
    from frontdoor.demo.generator import build_partnership
    from frontdoor.incidents.generator import generate, write_csv

    settings.FRONTDOOR_INCIDENT_IMPORT_DIR = str(tmp_path / "uploads")
    build_partnership(seed=2026, practitioners_per_agency=0)
    path = tmp_path / "red-rose-incidents.csv"
    rows = write_csv(generate(600, 200, seed=5, years=1), path)
    return path, rows


def test_an_analyst_imports_the_forces_incidents(page, live_server, demo):
    from frontdoor.incidents.models import ImportRun, Incident

    extract, rows = demo
    sign_in(page, live_server.url, "police.analyst")
    page.get_by_role("link", name="Incident imports").click()
    expect(page.get_by_role("heading", name="Import police incidents")).to_be_visible()
    assert_accessible(page, "import page")

    page.get_by_label("Police force").select_option(label="Red Rose Constabulary")
    page.get_by_label("Incident extract (CSV)").set_input_files(str(extract))
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_role("heading", name="Import complete")).to_be_visible()
    expect(page.locator('[data-count="incidents_created"]')).to_have_text("600")
    assert_accessible(page, "import summary")
    assert Incident.objects.count() == 600

    # While an import runs, its page shows a progress bar that polls for the next state.
    run = ImportRun.objects.get()
    ImportRun.objects.filter(pk=run.pk).update(
        status="running", phase="writing", processed_rows=rows, written_rows=rows // 2
    )
    page.reload()
    expect(page.get_by_text("Writing the incidents to the database: 75% done")).to_be_visible()
    expect(page.get_by_role("progressbar")).to_be_visible()
    assert_accessible(page, "import in progress")
    ImportRun.objects.filter(pk=run.pk).update(status="succeeded", phase="")
    # htmx polls every 2 s: the summary replaces the bar without a reload.
    expect(page.get_by_role("heading", name="Import complete")).to_be_visible(timeout=10_000)

    page.get_by_role("link", name="Import another file").click()
    page.get_by_label("Police force").select_option(label="Red Rose Constabulary")
    page.get_by_label("Incident extract (CSV)").set_input_files(
        str(EXAMPLES / "incidents-with-errors.csv")
    )
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_text("The file was not imported: 13 problems found")).to_be_visible()
    report = page.locator("#error-report")
    expect(report.get_by_role("row").filter(has_text="bystander")).to_contain_text("role")
    assert_accessible(page, "error report")
    assert Incident.objects.count() == 600

    page.get_by_role("link", name="Import another file").click()
    page.get_by_label("Police force").select_option(label="Red Rose Constabulary")
    page.get_by_label("Incident extract (CSV)").set_input_files(str(extract))
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_role("heading", name="Import complete")).to_be_visible()
    expect(page.locator('[data-count="incidents_created"]')).to_have_text("0")
    expect(page.locator('[data-count="incidents_unchanged"]')).to_have_text("600")
    assert Incident.objects.count() == 600

    page.get_by_role("link", name="Import another file").click()
    table = page.get_by_role("region", name="Past imports (table, scrolls sideways)")
    expect(table.get_by_role("row")).to_have_count(4)  # a header and three imports


def test_a_partnership_manager_changes_a_harm_weight(page, live_server, demo):
    sign_in(page, live_server.url, "police.partnership")
    page.get_by_role("link", name="Harm weights").click()
    expect(page.get_by_role("heading", name="Harm weights")).to_be_visible()
    assert_accessible(page, "harm weights")
    page.get_by_role("link", name="Change the weight for 8Q").click()
    page.get_by_label("Harm weight (days)").fill("-3")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("link", name="The weight must be 0 or more")).to_be_visible()
    assert_accessible(page, "harm weight form with errors")
    page.get_by_label("Harm weight (days)").fill("45")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The harm weight for 8Q has been saved.")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Stalking")).to_contain_text("45")
