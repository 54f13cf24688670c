"""Validating against the published standard: the reference copy beside the project.

Tests read the schemas from ``../shared/standards/oruk-3.0/`` (from the project root), not
from the app's own copy, so that a change to the app's copy cannot make them pass. Where the
folder is absent (a user's own machine) these tests skip and say why; under CI they fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings
from jsonschema import Draft202012Validator

from frontdoor.directory import schema

STANDARD = Path(settings.BASE_DIR).parent / "shared" / "standards" / "oruk-3.0"


def standard_dir() -> Path:
    if not (STANDARD / "schemata" / "service.json").exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"the Open Referral UK standard is missing at {STANDARD}")
        pytest.skip(f"the Open Referral UK standard is not at {STANDARD}")
    return STANDARD


def problems(name: str, instance) -> list[str]:
    """Every way ``instance`` breaks the standard's schema ``name`` (and our extensions')."""
    validator = schema.validator(name, standard_dir() / "schemata")
    found = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(instance)
    ]
    if name == "service":
        # Our extension on contacts: phones are the standard's phone objects.
        phone = schema.validator("phone", standard_dir() / "schemata")
        for contact in instance.get("contacts", []):
            for number in contact.get("phones", []):
                found += [f"phones: {e.message}" for e in phone.iter_errors(number)]
    return found


def assert_valid(name: str, instance) -> None:
    found = problems(name, instance)
    assert not found, f"not a valid ORUK {name}:\n" + "\n".join(found[:20])


def assert_page(body: dict, item_schema: str) -> None:
    """The standard's pagination wrapper (components.schemas.Page) around valid items."""
    page = schema.page_schema(standard_dir() / "openapi.json")
    errors = list(Draft202012Validator(page).iter_errors(body))
    assert not errors, [e.message for e in errors]
    for key in page["properties"]:
        assert key in body, f"the page has no {key}"
    for item in body["contents"]:
        assert_valid(item_schema, item)


def assert_no_nulls(value, path: str = "") -> None:
    """Optional fields are omitted, never null or empty text."""
    if isinstance(value, dict):
        for key, item in value.items():
            assert item is not None, f"{path}/{key} is null"
            assert item != "", f"{path}/{key} is an empty string"
            assert_no_nulls(item, f"{path}/{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            assert_no_nulls(item, f"{path}/{i}")
