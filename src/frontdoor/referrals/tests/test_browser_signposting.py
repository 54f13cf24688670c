"""In a real browser: a hub practitioner decides on advice, searches the directory from the
decision form, ticks a service for the child's age and area, and the referrer is told how to
get help. axe-core checks the form, the search and the decided contact."""

from datetime import date

import pytest
from playwright.sync_api import expect

from frontdoor.core.testing.browser import axe_violations, describe, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def contact(transactional_db):
    from frontdoor.agencies.models import Practitioner
    from frontdoor.demo.directory_services import build_directory
    from frontdoor.demo.generator import build_partnership
    from frontdoor.referrals import services
    from frontdoor.referrals.models import Subject

    build_partnership(seed=2026, practitioners_per_agency=0)
    build_directory(seed=2026)
    referrer = Practitioner.objects.get(username="police.frontline")
    contact = services.contact_start(by=referrer)
    services.contact_update_draft(
        contact=contact,
        by=referrer,
        changes={
            "concerns": ["neglect"],
            "what_happened": "Came to school hungry on three days this week.",
            "crime_alleged": False,
            "immediate_danger": False,
            "consent": "given",
        },
    )
    services.subject_save(
        contact=contact,
        by=referrer,
        data={
            "role": Subject.Role.CHILD_AT_RISK,
            "given_names": "Ellie",
            "family_name": "Rowntree",
            "date_of_birth": date(2021, 3, 14),
            "postcode": "PR1 3XY",
        },
    )
    contact = services.contact_submit(contact=contact, by=referrer)
    hub = Practitioner.objects.get(username="csc.hub")
    return services.contact_triage(
        contact=contact, by=hub, expected_version=contact.version, rag="green", rationale="Low"
    )


def test_a_hub_practitioner_signposts_a_family_to_services_from_the_directory(
    page, live_server, contact, tmp_path
):
    from frontdoor.core.models import OutboxMessage

    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, live_server.url, "csc.hub")
    page.goto(f"{live_server.url}/contacts/{contact.pk}/")
    filters = page.get_by_test_id("signpost-filter")
    assert "For Ellie Rowntree, aged 5" in filters.inner_text()
    assert page.get_by_label("Who is the help for?").input_value() == str(contact.subjects.get().pk)
    assert "Preston" in filters.inner_text()
    assert not axe_violations(page), describe(axe_violations(page))

    page.get_by_label("Advice or signposting").check()
    page.get_by_label("Rationale").fill("Below the threshold; the family would use support.")
    page.get_by_label("Search the directory").fill("food")
    page.get_by_role("button", name="Search the directory").click()
    assert "Matching “food”" in page.get_by_test_id("signpost-filter").inner_text()
    assert page.get_by_label("Rationale").input_value().startswith("Below the threshold")
    assert not axe_violations(page), describe(axe_violations(page))

    first = page.locator("input[name='decision-services']").first
    chosen = page.locator(f"label[for='{first.get_attribute('id')}']").inner_text()
    first.check()
    page.get_by_label("What the referrer and answering agencies will be told").fill(
        "We have signposted the family to a food service near them."
    )
    page.screenshot(path=str(tmp_path / "signposting-form.png"), full_page=True)
    page.get_by_role("button", name="Record decision").click()

    expect(page.get_by_text("Decision recorded.")).to_be_visible()
    service_name = chosen.split(" (")[0]
    expect(page.get_by_test_id("signposted").get_by_role("link", name=service_name)).to_be_visible()
    assert not axe_violations(page), describe(axe_violations(page))
    page.screenshot(path=str(tmp_path / "signposted.png"), full_page=True)
    assert (tmp_path / "signposted.png").stat().st_size > 0
    message = OutboxMessage.objects.get(subject__startswith="Outcome of referral")
    assert service_name in message.body
    assert "Phone: " in message.body
