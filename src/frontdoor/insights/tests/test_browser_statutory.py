"""In a real browser: the council's analyst exports Annex A for an inspection. The pages pass
axe-core; the downloaded workbook has Ofsted's three lists."""

import io

import pytest
from playwright.sync_api import expect

from frontdoor.core.testing.browser import axe_violations, describe, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    from frontdoor.demo.front_door import build_front_door
    from frontdoor.demo.generator import build_partnership
    from frontdoor.demo.statutory import build_ethnicity

    partnership = build_partnership(seed=2026, practitioners_per_agency=0)
    build_front_door(seed=2026, contacts=12)
    build_ethnicity(seed=2026)
    return partnership


def next_code(device) -> str:
    import time

    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + device.step
    return f"{totp.token():0{device.digits}d}"


def assert_accessible(page, where):
    violations = axe_violations(page)
    assert not violations, f"{where}:\n{describe(violations)}"


def test_the_analyst_exports_annex_a_for_an_inspection(page, live_server, demo, tmp_path):
    from openpyxl import load_workbook

    from frontdoor.agencies.models import Practitioner

    sign_in(page, live_server.url, "csc.analyst")
    page.get_by_role("link", name="Statutory returns").first.click()
    assert_accessible(page, "statutory returns")
    page.get_by_role("link", name="what each column holds").click()
    expect(page.get_by_role("row", name="Child Unique ID").first).to_be_visible()
    assert_accessible(page, "column definitions")
    page.go_back()
    page.get_by_role("link", name="Ofsted Annex A: lists 1, 3 and 5").click()

    page.get_by_role("button", name="Export").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page, "export form with errors")

    page.get_by_label("Why are you exporting this data?").fill("Ofsted ILACS notification")
    device = Practitioner.objects.get(username="csc.analyst").totpdevice_set.get()
    # Sign-in used this 30-second window's code, and a code works once: take the next one.
    page.get_by_label("Code from your authenticator app").fill(next_code(device))
    page.screenshot(path=str(tmp_path / "annex-a-export.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export").click()
    book = load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))
    assert book.sheetnames == ["List 1", "List 3", "List 5"]
    assert book["List 1"]["A1"].value == "Child Unique ID"
    assert book["List 1"].max_row > 1  # the demo's recent contacts about children
