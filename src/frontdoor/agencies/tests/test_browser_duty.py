"""In a real browser: a hub manager opens the cover page for a colleague on leave and hands
one of their open contacts to a colleague on shift. axe-core checks the cover page, the
handover form and the contact page that follows."""

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from frontdoor.core.testing.browser import axe_violations, describe, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def on_leave_with_a_contact(transactional_db):
    from django.utils import timezone

    from frontdoor.agencies import duty
    from frontdoor.agencies.models import Practitioner
    from frontdoor.agencies.roles import Role
    from frontdoor.core.testing.factories import PractitionerFactory
    from frontdoor.demo.generator import build_partnership
    from frontdoor.referrals import services
    from frontdoor.referrals.models import Subject

    build_partnership(seed=2026, practitioners_per_agency=0)
    referrer = Practitioner.objects.get(username="police.frontline")
    contact = services.contact_start(by=referrer)
    services.contact_update_draft(
        contact=contact,
        by=referrer,
        changes={
            "concerns": ["neglect"],
            "what_happened": "Two young children found alone at home at night.",
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
            "given_names": "Ruby",
            "family_name": "Ashworth",
            "date_of_birth": date(2020, 5, 2),
        },
    )
    contact = services.contact_submit(contact=contact, by=referrer)
    owner = Practitioner.objects.get(username="csc.hub")
    contact = services.contact_triage(
        contact=contact, by=owner, expected_version=contact.version, rag="amber", rationale="Risk"
    )
    manager = Practitioner.objects.get(username="csc.manager")
    now = timezone.now()
    duty.absence_record(
        practitioner=owner,
        by=manager,
        starts_at=now - timedelta(hours=2),
        ends_at=now + timedelta(days=5),
        reason="leave",
    )
    cover = PractitionerFactory(
        username="csc.cover",
        agency=owner.agency,
        role=Role.HUB_PRACTITIONER,
        first_name="Ada",
        last_name="Cover",
    )
    # On shift now, whatever the hour the test runs at.
    duty.shift_add(
        agency=owner.agency,
        by=manager,
        practitioner=cover,
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=8),
    )
    return contact, owner, cover


def test_a_hub_manager_hands_an_absent_colleagues_case_over_from_the_cover_page(
    page, live_server, on_leave_with_a_contact, tmp_path
):
    from frontdoor.core.models import OutboxMessage
    from frontdoor.referrals.models import TimelineEntry

    contact, owner, cover = on_leave_with_a_contact
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, live_server.url, "csc.manager")
    page.get_by_role("link", name="On duty now").first.click()
    page.get_by_role("link", name="Arrange cover for colleagues who are away").click()
    page.get_by_role("link", name=f"Arrange cover for {owner}").click()
    assert f"{owner} is on leave until" in page.content()
    assert not axe_violations(page), describe(axe_violations(page))
    page.screenshot(path=str(tmp_path / "cover.png"), full_page=True)

    page.get_by_role("link", name=f"Hand over {contact.reference}").click()
    page.get_by_role("button", name="Hand over").click()
    assert "Choose who takes the contact over" in page.content()
    page.get_by_label("Ada Cover").check()
    page.get_by_label("Handover note").fill("Strategy discussion needed today; school called.")
    assert not axe_violations(page), describe(axe_violations(page))
    page.screenshot(path=str(tmp_path / "handover.png"), full_page=True)
    page.get_by_role("button", name="Hand over").click()

    expect(
        page.get_by_text(f"Contact {contact.reference} handed over to Ada Cover.")
    ).to_be_visible()
    assert f"{owner} owns no open contacts" in page.content()
    assert not axe_violations(page), describe(axe_violations(page))
    page.goto(f"{live_server.url}/contacts/{contact.pk}/")
    panel = page.get_by_test_id("who-to-contact")
    assert "Ada Cover" in panel.inner_text()
    assert not axe_violations(page), describe(axe_violations(page))
    page.screenshot(path=str(tmp_path / "contact.png"), full_page=True)
    assert (tmp_path / "contact.png").stat().st_size > 0
    assert TimelineEntry.objects.filter(
        contact=contact, summary=f"Handed over from {owner} to Ada Cover"
    ).exists()
    assert OutboxMessage.objects.filter(recipient=cover, subject__contains=contact.reference)
