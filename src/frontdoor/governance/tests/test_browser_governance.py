"""In a real browser: the administrator opens a subject access request for Zara, marks the
neighbour who reported the incident as third-party information, and checks the bundle: Zara's
own record is there, her mother's name and the neighbour's words are not. Pages pass axe-core."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from frontdoor.core.testing.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    from frontdoor.agencies.models import Agency
    from frontdoor.demo.generator import build_partnership

    from .conftest import make_case

    partnership = build_partnership(seed=2026, practitioners_per_agency=0)
    people = {p.username: p for p in partnership.practitioners}
    police = Agency.objects.filter(sector="police").first()
    return make_case(
        referrer=people["police.frontline"], hub_manager=people["csc.manager"], police_agency=police
    )


def test_an_administrator_produces_a_bundle_with_a_redaction(page, live_server, demo):
    sign_in(page, live_server.url, "admin")
    page.goto(live_server.url + reverse("governance:sar_list"))
    page.get_by_role("link", name="Open a request").click()
    page.get_by_label("Name of the person the request is about").fill("Zara Quillfeather")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Zara Quillfeather, born 28 Feb 2018").click()
    page.get_by_role("button", name="Open the request").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page, "open request with errors")
    page.get_by_label("Who made the request").fill("Greta Quillfeather")
    page.get_by_label("A parent or carer on the child's behalf").check()
    page.get_by_role("button", name="Open the request").click()
    expect(page.get_by_text("Request opened.")).to_be_visible()
    expect(page.get_by_text("Due", exact=True)).to_be_visible()
    assert_accessible(page, "the request")

    page.get_by_role("link", name="Mark third parties' information").click()
    page.get_by_label("Which field holds information about someone else").select_option(
        label=f"Contact {demo.contact.reference}: What happened"
    )
    page.get_by_label("The passage to remove (optional)").fill("Neighbour Olwen Brackenridge")
    page.get_by_label("Why it is someone else's information").fill("The neighbour who reported it")
    page.get_by_role("button", name="Mark for redaction").click()
    expect(page.get_by_text("Marked as someone else's information")).to_be_visible()
    assert_accessible(page, "marking redactions")

    page.goto(
        live_server.url
        + reverse("governance:sar_bundle", args=[demo.person.access_requests.get().pk])
    )
    expect(
        page.get_by_role("heading", name="What Front Door holds about Zara Quillfeather")
    ).to_be_visible()
    expect(page.get_by_text("[redacted] called the police.")).to_be_visible()
    expect(page.get_by_text("I want it to be quiet at home")).to_be_visible()
    content = page.content()
    assert "Olwen" not in content
    assert "Marnie" not in content
    assert_accessible(page, "the bundle")
