import pytest


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """Each test starts with no API requests counted against the test client's address."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def owner(db):
    from frontdoor.core.testing.factories import AgencyFactory

    return AgencyFactory(name="Testshire Directory Team", sector="voluntary")


@pytest.fixture
def directory(owner):
    from frontdoor.directory.testing import build_directory

    return build_directory(owner)
