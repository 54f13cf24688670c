"""In a real browser: a social worker finds the right article from the referral form, and an
owner reads feedback, edits the article and sees what changed. Every page passes axe-core on a
desktop and at a phone's width."""

import re

import pytest
from playwright.sync_api import expect

from frontdoor.core.testing.browser import DESKTOP, PHONE, axe_violations, describe, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    from frontdoor.demo.generator import build_partnership
    from frontdoor.demo.manual_articles import build_manual

    partnership = build_partnership(seed=2026, practitioners_per_agency=0)
    build_manual(seed=2026)
    return partnership


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def assert_accessible(page, where: str) -> None:
    """No serious or critical axe violations, on a desktop and on a phone."""
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


def test_a_social_worker_finds_the_right_article_from_the_referral_form(page, live_server, demo):
    sign_in(page, live_server.url, "csc.frontline")
    page.goto(f"{live_server.url}/referrals/new/")
    assert_accessible(page, "referral start")
    page.get_by_role("link", name="How to make a referral the hub can act on").click()
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "How to make a referral the hub can act on"
    expect(page.get_by_role("heading", name="Say what happened, as facts")).to_be_visible()
    assert_accessible(page, "the how-to article")

    # Back on the referral form, a different question: search the manual from there.
    page.go_back()
    page.get_by_role("link", name="How to make a referral the hub can act on").click()
    page.get_by_label("Search the joint working manual").fill("police protection at night")
    page.get_by_role("button", name="Search").click()
    assert "/manual/search/" in page.url
    assert_accessible(page, "search results")
    first = page.locator("main h3 a").first
    assert first.inner_text() == "What the police can and cannot do at 2am"
    assert page.locator("main mark").count() > 0
    first.click()
    expect(page.get_by_text("Possibly out of date").first).to_be_visible()
    assert_accessible(page, "an out-of-date article")

    # Tell the owner it could be better.
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page, "feedback error")
    page.get_by_label("No", exact=True).check()
    page.get_by_label("How could it be better? (optional)").fill(
        "Please say who to ring when the duty inspector is busy."
    )
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_text("Your feedback has been sent to the article's owner")).to_be_visible()
    assert not page.get_by_text("Please say who to ring").count()  # only the owner reads it
    sign_out(page)


def test_an_owner_reads_feedback_edits_and_sees_what_changed(page, live_server, demo):
    from frontdoor.agencies.models import Practitioner
    from frontdoor.manual import services
    from frontdoor.manual.models import Article

    article = Article.objects.get(slug="what-the-police-can-do-at-2am")
    services.feedback_give(
        article=article,
        by=Practitioner.objects.get(username="csc.frontline"),
        helpful=False,
        comment="Please say who to ring when the duty inspector is busy.",
    )
    sign_in(page, live_server.url, article.owner.username)
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Manual", exact=True).click()
    assert_accessible(page, "manual home")
    page.get_by_label("Search the joint working manual").fill("2am")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="What the police can and cannot do at 2am").click()
    expect(page.get_by_role("heading", name="Feedback on this article")).to_be_visible()
    expect(
        page.get_by_text("Please say who to ring when the duty inspector is busy.")
    ).to_be_visible()
    assert_accessible(page, "owner's article page")

    page.get_by_role("link", name="Edit this article").click()
    assert_accessible(page, "edit form")
    body = page.get_by_label("Article", exact=True)
    body.fill(
        body.input_value()
        + "\nIf the duty inspector is busy, ask the control room for the on-call sergeant.\n"
    )
    page.get_by_label("Summary of your change").fill("Who to ring when the inspector is busy")
    page.get_by_role("button", name="Save a new version").click()
    expect(page.get_by_text("Version 3 has been saved.")).to_be_visible()
    page.get_by_role("link", name="See every version and what changed").click()
    expect(page.get_by_text("Who to ring when the inspector is busy")).to_be_visible()
    assert_accessible(page, "history")
    page.get_by_role("link", name="Compare with version 2").click()
    assert page.get_by_role(
        "heading", name="What changed between version 2 and version 3"
    ).is_visible()
    added = page.locator("main ins").filter(has_text=re.compile("on-call sergeant"))
    assert added.count() == 1
    assert_accessible(page, "difference")
    page.get_by_role("link", name="What the police can and cannot do at 2am").first.click()
    page.get_by_role("link", name="Change the owner or review date").click()
    assert_accessible(page, "owner and review date")
    page.get_by_label("Year").fill("1999")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The review date must be in the future").first).to_be_visible()
    assert_accessible(page, "owner and review date error")
