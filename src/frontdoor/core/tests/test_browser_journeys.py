"""Sign in as every demo role in a real browser, open the home page, check accessibility."""

import re

import pytest
from playwright.sync_api import expect

from frontdoor.core.testing.browser import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    from frontdoor.demo.generator import build_partnership

    return build_partnership(seed=2026)


def sign_in(page, base_url, username, password):
    page.goto(f"{base_url}/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Continue").click()
    if "/sign-in/code/" in page.url:
        code = page.get_by_test_id("demo-code").inner_text().strip()
        page.get_by_label("Code from your authenticator app").fill(code)
        page.get_by_role("button", name="Continue").click()


def test_every_demo_role_signs_in_and_its_home_page_is_accessible(page, live_server, demo):
    from frontdoor.demo.generator import DEMO_PASSWORD

    roles_seen = set()
    for role_label, username, agency_name, _job in demo.logins:
        sign_in(page, live_server.url, username, DEMO_PASSWORD)
        assert page.get_by_role("heading", name="My work", level=1).is_visible(), username
        assert username and agency_name in page.content()
        violations = axe_violations(page)
        assert not violations, f"{username} home page:\n{describe(violations)}"
        roles_seen.add(role_label)
        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_text("You have signed out.")).to_be_visible()
    assert len(roles_seen) == 7


def test_profiles_sign_in_pages_and_errors_are_accessible(page, live_server, demo):
    from frontdoor.demo.generator import DEMO_PASSWORD

    page.goto(f"{live_server.url}/sign-in/")
    assert not axe_violations(page), describe(axe_violations(page))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert not axe_violations(page), describe(axe_violations(page))

    sign_in(page, live_server.url, "admin", DEMO_PASSWORD)
    for path in ["/agencies/", "/practitioners/", "/audit/", "/accessibility/", "/account/"]:
        page.goto(f"{live_server.url}{path}")
        violations = axe_violations(page)
        assert not violations, f"{path}:\n{describe(violations)}"
    page.goto(f"{live_server.url}/agencies/")
    page.get_by_role("link", name=re.compile("Constabulary|Police")).first.click()
    expect(page.get_by_role("heading", name="Our timescales")).to_be_visible()
    assert not axe_violations(page), describe(axe_violations(page))
