"""Issue 5's first done-when, end to end in a real browser: the daily risk meeting's agenda fills
itself from the morning's amber and red contacts with an alleged crime; the chair records a
decision and actions for the police, children's social care and the school; each owner sees
their action under "Actions"; an overdue action escalates to the owner's managers and shows to
the chair; the action-mix report shows the right shares."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from frontdoor.core.testing.browser import assert_accessible, sign_in

from .test_browser_meetings import morning  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# (owner's username, what, type label) — two of the three engage the family directly.
ACTIONS = (
    ("police.frontline", "Visit the family with social care today", "Safety measure"),
    ("csc.frontline", "Talk with Ava and her mother about what they want", "Direct engagement"),
    ("school.dsl", "Check in with Ava at the start of each school day", "Direct engagement"),
)


def _record_action(page, username, what, kind, due):
    from frontdoor.agencies.models import Practitioner

    owner = Practitioner.objects.select_related("agency").get(username=username)
    page.get_by_role("link", name="Add an action").click()
    page.get_by_label("What is to be done").fill(what)
    page.get_by_label(kind).check()
    page.get_by_label("Agency responsible").select_option(label=owner.agency.name)
    page.get_by_label("Practitioner responsible (optional)").select_option(
        label=f"{owner.get_full_name()} ({owner.agency.name})"
    )
    page.get_by_label("Day").fill(str(due.day))
    page.get_by_label("Month").fill(str(due.month))
    page.get_by_label("Year").fill(str(due.year))
    page.get_by_role("button", name="Record the action").click()
    expect(
        page.get_by_text(f"The action for {owner.agency.name} has been recorded.")
    ).to_be_visible()


def test_from_the_daily_risk_meeting_to_each_owners_actions_escalation_and_the_mix(
    page,
    live_server,
    morning,  # noqa: F811  (the fixture imported above)
    tmp_path,
):
    from django.core.management import call_command
    from django.utils import timezone

    from frontdoor.core.models import OutboxMessage
    from frontdoor.plans.models import Action

    shots = Path(os.environ.get("FRONTDOOR_SCREENSHOTS", tmp_path))
    sign_in(page, live_server.url, "police.chair")
    page.get_by_role("link", name="Meetings", exact=True).click()
    page.get_by_role("button", name="Create today's daily risk meeting").click()
    agenda = page.get_by_role("table", name="Cases on the agenda, in the order they are heard")
    rows = agenda.get_by_role("row").all_inner_texts()
    red, amber = morning["red"].reference, morning["amber"].reference
    assert len(rows) == 3 and red in rows[1] and amber in rows[2], rows

    page.get_by_role("link", name=red).click()
    page.get_by_label("Decisions").fill(
        "High risk: a joint visit today; the school to support Ava."
    )
    page.get_by_label("This case has been heard").check()
    page.get_by_role("button", name="Save the decisions").click()
    due = timezone.localdate() + timedelta(days=7)
    for username, what, kind in ACTIONS:
        _record_action(page, username, what, kind, due)
    for _, what, _ in ACTIONS:
        expect(page.get_by_text(what)).to_be_visible()
    page.screenshot(path=str(shots / "working-together-case.png"), full_page=True)

    # Each owner sees their own action, and not the others'.
    for username, what, _ in ACTIONS:
        owner_page = page.context.browser.new_context().new_page()
        sign_in(owner_page, live_server.url, username)
        owner_page.get_by_role("link", name="Actions", exact=True).click()
        expect(owner_page.get_by_role("heading", name="My actions", level=1)).to_be_visible()
        assert owner_page.get_by_text(what).is_visible(), username
        for other_user, other, _ in ACTIONS:
            if other_user != username:
                assert owner_page.get_by_text(other).count() == 0, (username, other)
        owner_page.context.close()

    # A week and a day later social care's action is overdue: it escalates once.
    social_care = Action.objects.get(owner__username="csc.frontline")
    Action.objects.filter(pk=social_care.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    call_command("escalate_overdue_actions")
    call_command("escalate_overdue_actions")
    social_care.refresh_from_db()
    assert social_care.escalated_at is not None
    managers = OutboxMessage.objects.filter(
        recipient__agency=social_care.owner_agency, recipient__role="hub_manager"
    )
    assert managers.count() == managers.values("recipient").distinct().count() >= 1
    page.goto(f"{live_server.url}/plans/overdue/")
    expect(page.get_by_text("Talk with Ava and her mother about what they want")).to_be_visible()
    assert_accessible(page, "the chair's overdue actions")

    # The mix: 2 of the 3 actions engage the family directly.
    page.goto(f"{live_server.url}/plans/action-mix/")
    expect(page.get_by_text("66.7% direct")).to_be_visible()
    by_meeting = page.get_by_role("table", name="By meeting (actions agreed at a meeting)")
    assert "Daily risk meeting" in by_meeting.inner_text()
    assert "66.7%" in by_meeting.get_by_role("row").nth(1).inner_text()
    assert_accessible(page, "the action mix")
    page.screenshot(path=str(shots / "working-together-mix.png"), full_page=True)
