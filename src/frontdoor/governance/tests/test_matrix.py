"""The governance endpoints as every role, from an involved and an uninvolved agency."""

import pytest

from frontdoor.core.testing.matrix import assert_matrix, build_world

from .matrix import ENDPOINTS

pytestmark = pytest.mark.django_db


def test_the_governance_matrix_holds():
    assert assert_matrix(ENDPOINTS, build_world()) == len(ENDPOINTS) * 14
