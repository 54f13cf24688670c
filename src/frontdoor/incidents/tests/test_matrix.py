import pytest

from frontdoor.core.testing.matrix import assert_matrix, build_world

from .matrix_import import ENDPOINTS

pytestmark = pytest.mark.django_db


def test_the_incident_pages_permission_matrix_holds():
    assert assert_matrix(ENDPOINTS, build_world()) == len(ENDPOINTS) * 14
