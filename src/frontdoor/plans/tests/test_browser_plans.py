"""In a real browser: a police officer opens "Actions" from the navigation, sees her overdue
action tagged first, is told an outcome is needed to finish it, records what happened and sees
it on the plan. Every page passes axe-core on a desktop and at a phone's width without
scrolling sideways."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from frontdoor.core.testing.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    from frontdoor.demo.front_door import build_front_door
    from frontdoor.demo.generator import build_partnership
    from frontdoor.demo.plans import build_plans

    build_partnership(seed=2026, practitioners_per_agency=0)
    build_front_door(seed=2026, contacts=12)
    build_plans(seed=2026)


def test_an_owner_updates_their_overdue_action(page, live_server, demo, tmp_path):
    from frontdoor.plans.models import Action

    shots = Path(os.environ.get("FRONTDOOR_SCREENSHOTS", tmp_path))
    sign_in(page, live_server.url, "police.frontline")
    page.get_by_role("link", name="Actions", exact=True).click()
    expect(page.get_by_role("heading", name="My actions", level=1)).to_be_visible()
    first_row = page.get_by_role("row").nth(1)
    assert "Update the crime record with the plan reference" in first_row.inner_text()
    expect(first_row.get_by_text("Overdue")).to_be_visible()
    assert_accessible(page, "my actions")
    page.screenshot(path=str(shots / "plans-my-actions.png"), full_page=True)

    first_row.get_by_role("link", name="Update").click()
    expect(page.get_by_role("heading", name="Update the action")).to_be_visible()
    page.get_by_label("Done", exact=True).check()
    page.get_by_role("button", name="Save the update").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(
        page.get_by_role("link", name="an action that is finished needs an outcome")
    ).to_be_visible()
    assert_accessible(page, "the update form with an error")

    page.get_by_label("Outcome").fill("Crime record updated with the plan reference.")
    page.screenshot(path=str(shots / "plans-update-action.png"), full_page=True)
    page.get_by_role("button", name="Save the update").click()
    expect(page.get_by_text("The action has been updated.")).to_be_visible()
    expect(page.get_by_role("heading", name="In their own words")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Update the crime record")
    expect(row.get_by_text("Done")).to_be_visible()
    assert_accessible(page, "the plan")
    page.screenshot(path=str(shots / "plans-plan.png"), full_page=True)
    action = Action.objects.get(what="Update the crime record with the plan reference")
    assert action.status == Action.Status.DONE
