"""Playwright driving Debian's Chromium, and axe-core accessibility checks.

Never downloads a browser. Under CI (CI=true) a missing Chromium fails the run;
elsewhere the browser tests are skipped with the reason printed by pytest -ra.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("FRONTDOOR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE_SCRIPT = Path(__file__).resolve().parents[4] / "node_modules" / "axe-core" / "axe.min.js"


def missing_reason() -> str | None:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium`"
    if not AXE_SCRIPT.exists():
        return f"axe-core not found at {AXE_SCRIPT}: run `npm ci`"
    return None


def require_browser() -> None:
    reason = missing_reason()
    if reason is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run under CI: {reason}")
    pytest.skip(f"browser tests skipped: {reason}")


def axe_violations(page, *, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core on the page; return the violations of the given impacts."""
    page.add_script_tag(content=AXE_SCRIPT.read_text())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v.get("impact") in impacts]


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    )


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def sign_in(page, base_url: str, username: str) -> None:
    """Sign a demo practitioner in, reading the second-factor code demo mode shows."""
    from frontdoor.demo.generator import DEMO_PASSWORD

    page.goto(f"{base_url}/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Continue").click()
    if "/sign-in/code/" in page.url:
        code = page.get_by_test_id("demo-code").inner_text().strip()
        page.get_by_label("Code from your authenticator app").fill(code)
        page.get_by_role("button", name="Continue").click()


def assert_accessible(page, where: str) -> None:
    """No serious or critical axe-core violation on a desktop or a phone, and no sideways
    scrolling on the phone; the page is left at desktop size."""
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        violations = axe_violations(page)
        assert not violations, f"{where} at {size['width']}px:\n{describe(violations)}"
        if size is PHONE:
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{where} scrolls sideways at {size['width']}px"
    page.set_viewport_size(DESKTOP)
