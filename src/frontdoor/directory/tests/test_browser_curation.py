"""In a real browser: a member of the public on a phone reports a wrong phone number, and the
partnership's directory curator accepts it from the queue; the service page shows the new
number and the change history keeps the old one. axe-core checks every page."""

import pytest
from playwright.sync_api import expect

from frontdoor.core.testing.browser import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
NEW_NUMBER = "01632 960 271"


@pytest.fixture
def demo(transactional_db):
    from frontdoor.demo.directory_services import build_directory
    from frontdoor.demo.generator import build_partnership

    build_partnership(seed=2026, practitioners_per_agency=0, with_second_factor=False)
    build_directory(seed=2026)


def accessible(page, where: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"{where}:\n{describe(violations)}"


def test_a_public_suggestion_is_accepted_by_the_curator(page, live_server, demo, tmp_path):
    from frontdoor.demo.generator import DEMO_PASSWORD
    from frontdoor.directory.models import Phone, Service, ServiceChange

    service = (
        Service.objects.public()
        .filter(owner_practitioner__username="csc.partnership", confidential_address=False)
        .order_by("name")
        .first()
    )
    base = live_server.url

    # A member of the public, on a phone, without signing in.
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/directory/services/{service.pk}/")
    page.get_by_role("link", name="Suggest a change or report this service has closed").click()
    expect(page.get_by_role("heading", level=1, name="Suggest a change")).to_be_visible()
    accessible(page, "the suggestion form")
    page.get_by_role("button", name="Send the suggestion").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    accessible(page, "the suggestion form with errors")
    page.get_by_label("Some details are wrong").check()
    page.get_by_label("Phone", exact=True).check()
    page.get_by_label("New phone").fill(NEW_NUMBER)  # revealed by ticking "Phone"
    page.get_by_label("Anything else we should know (optional)").fill("The old number is dead.")
    page.get_by_label("Your email address (optional)").fill("sam.resident@example.org")
    page.screenshot(path=str(tmp_path / "suggest-a-change-on-a-phone.png"), full_page=True)
    page.get_by_role("button", name="Send the suggestion").click()
    expect(page.get_by_role("heading", name="Suggestion sent")).to_be_visible()
    accessible(page, "the confirmation")

    # The partnership's directory curator accepts it from the queue.
    page.set_viewport_size(DESKTOP)
    page.goto(f"{base}/")
    page.get_by_label("Username").fill("csc.partnership")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.goto(f"{base}/directory/curation/")
    accessible(page, "the curators' queue")
    page.get_by_role("link", name=service.name).first.click()
    comparison = page.get_by_test_id("comparison")
    assert NEW_NUMBER in comparison.inner_text()
    # A partnership manager has no second factor, so is not shown the suggester's email.
    assert "sam.resident@example.org" not in page.content()
    expect(page.get_by_text("gave an email address to be told the outcome")).to_be_visible()
    accessible(page, "the suggestion")
    page.screenshot(path=str(tmp_path / "curator-compares-a-suggestion.png"), full_page=True)
    page.get_by_role("button", name="Accept and change the service").click()
    expect(page.get_by_text(f"Accepted: {service.name} has been updated.")).to_be_visible()
    assert Phone.objects.filter(contact__service=service, number=NEW_NUMBER).exists()
    page.goto(f"{base}/directory/services/{service.pk}/history/")
    expect(page.get_by_text("Accepted a suggestion").first).to_be_visible()
    assert NEW_NUMBER in page.get_by_test_id("change").first.inner_text()
    accessible(page, "the change history")
    assert ServiceChange.objects.filter(service=service, kind="suggestion").count() == 1

    page.goto(f"{base}/directory/services/{service.pk}/")
    expect(page.get_by_role("heading", name="Practice notes (practitioners only)")).to_be_visible()
    accessible(page, "the service page for a practitioner")
    page.screenshot(path=str(tmp_path / "service-page-for-a-curator.png"), full_page=True)
    assert (tmp_path / "curator-compares-a-suggestion.png").stat().st_size > 0
