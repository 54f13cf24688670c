import pytest

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory, sign_in


@pytest.fixture
def police(db):
    return AgencyFactory(name="Testshire Police", sector="police")


@pytest.fixture
def social_care(db):
    return AgencyFactory(name="Testshire Children's Social Care", sector="childrens_social_care")


@pytest.fixture
def officer(police):
    """A frontline police officer."""
    return PractitionerFactory(
        username="officer",
        agency=police,
        role=Role.FRONTLINE,
        first_name="Pat",
        last_name="Officer",
    )


@pytest.fixture
def social_worker(social_care):
    return PractitionerFactory(
        username="socialworker",
        agency=social_care,
        role=Role.FRONTLINE,
        first_name="Sam",
        last_name="Worker",
    )


@pytest.fixture
def hub_manager(social_care):
    return PractitionerFactory(username="hubmanager", agency=social_care, role=Role.HUB_MANAGER)


@pytest.fixture
def administrator(social_care):
    return PractitionerFactory(
        username="administrator", agency=social_care, role=Role.ADMINISTRATOR
    )


@pytest.fixture
def signed_in(client):
    """Call with a practitioner to get the test client signed in as them (second factor passed)."""

    def _sign_in(practitioner, *, second_factor=True):
        sign_in(client, practitioner, second_factor=second_factor)
        return client

    return _sign_in


@pytest.fixture(scope="session")
def browser():
    from frontdoor.core.testing.browser import CHROMIUM, CHROMIUM_ARGS, require_browser

    require_browser()
    import os

    # Playwright's sync API runs an event loop in this thread; Django's ORM calls
    # from the test body are still synchronous and safe here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    # bypass_csp lets the test inject axe-core; the pages' own CSP is asserted elsewhere.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()
