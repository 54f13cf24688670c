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
    return PractitionerFactory(username="officer", agency=police, role=Role.FRONTLINE,
                               first_name="Pat", last_name="Officer")


@pytest.fixture
def social_worker(social_care):
    return PractitionerFactory(username="socialworker", agency=social_care, role=Role.FRONTLINE,
                               first_name="Sam", last_name="Worker")


@pytest.fixture
def hub_manager(social_care):
    return PractitionerFactory(username="hubmanager", agency=social_care, role=Role.HUB_MANAGER)


@pytest.fixture
def administrator(social_care):
    return PractitionerFactory(username="administrator", agency=social_care, role=Role.ADMINISTRATOR)


@pytest.fixture
def signed_in(client):
    """Call with a practitioner to get the test client signed in as them (second factor passed)."""

    def _sign_in(practitioner, *, second_factor=True):
        sign_in(client, practitioner, second_factor=second_factor)
        return client

    return _sign_in
