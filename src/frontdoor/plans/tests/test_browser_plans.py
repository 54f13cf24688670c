"""In a real browser: a police officer opens "Actions" from the navigation, sees her overdue
action tagged first, is told an outcome is needed to finish it, records what happened and sees
it on the plan. Every page passes axe-core on a desktop and at a phone's width without
scrolling sideways."""

import os
from pathlib import Path

import pytest

from frontdoor.core.testing.browser import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def demo(transactional_db):
    from frontdoor.demo.front_door import build_front_door
    from frontdoor.demo.generator import build_partnership
    from frontdoor.demo.plans import build_plans

    build_partnership(seed=2026, practitioners_per_agency=0)
    build_front_door(seed=2026, contacts=12)
    build_plans(seed=2026)


def sign_in(page, base_url, username):
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


def test_an_owner_updates_their_overdue_action(page, live_server, demo, tmp_path):
    from frontdoor.plans.models import Action

    shots = Path(os.environ.get("FRONTDOOR_SCREENSHOTS", tmp_path))
    sign_in(page, live_server.url, "police.frontline")
    page.get_by_role("link", name="Actions", exact=True).click()
    assert page.get_by_role("heading", name="My actions", level=1).is_visible()
    first_row = page.get_by_role("row").nth(1)
    assert "Update the crime record with the plan reference" in first_row.inner_text()
    assert first_row.get_by_text("Overdue").is_visible()
    assert_accessible(page, "my actions")
    page.screenshot(path=str(shots / "plans-my-actions.png"), full_page=True)

    first_row.get_by_role("link", name="Update").click()
    assert page.get_by_role("heading", name="Update the action").is_visible()
    page.get_by_label("Done", exact=True).check()
    page.get_by_role("button", name="Save the update").click()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert page.get_by_role("link", name="an action that is finished needs an outcome").is_visible()
    assert_accessible(page, "the update form with an error")

    page.get_by_label("Outcome").fill("Crime record updated with the plan reference.")
    page.screenshot(path=str(shots / "plans-update-action.png"), full_page=True)
    page.get_by_role("button", name="Save the update").click()
    assert page.get_by_text("The action has been updated.").is_visible()
    assert page.get_by_role("heading", name="In their own words").is_visible()
    row = page.get_by_role("row").filter(has_text="Update the crime record")
    assert row.get_by_text("Done").is_visible()
    assert_accessible(page, "the plan")
    page.screenshot(path=str(shots / "plans-plan.png"), full_page=True)
    action = Action.objects.get(what="Update the crime record with the plan reference")
    assert action.status == Action.Status.DONE
