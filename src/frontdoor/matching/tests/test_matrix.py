"""The matching pages' own rows of the permission matrix (the full matrix runs in core)."""

import pytest

from frontdoor.core.testing.matrix import assert_matrix, build_world

from .matrix import ENDPOINTS

pytestmark = pytest.mark.django_db


def test_only_the_hub_reviews_and_only_the_hub_and_administrators_open_the_index():
    assert assert_matrix(ENDPOINTS, build_world()) == len(ENDPOINTS) * 14
