"""The Open Referral UK 3.0 JSON schemas, loaded for validation.

The schemata refer to each other by file name (``"$ref": "attribute.json"``), so each is
registered under its own file name and validation resolves the references locally: nothing
is fetched from the network. Formats the standard names (``uuid``, ``email``) are checked.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

STANDARD_DIR = Path(__file__).resolve().parent / "oruk_standard"
ORUK_VERSION = "3.0"
# Where the standard's own openapi.json says its schemas live (its ``$ref`` URLs).
ORUK_PROFILE_URL = "https://github.com/openreferral/uk-profile"


def schema_names(directory: Path = STANDARD_DIR / "schemata") -> list[str]:
    return sorted(path.stem for path in directory.glob("*.json"))


@cache
def registry(directory: Path = STANDARD_DIR / "schemata") -> Registry:
    resources = []
    for path in sorted(directory.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(contents, DRAFT202012)))
    return Registry().with_resources(resources)


@cache
def validator(name: str, directory: Path = STANDARD_DIR / "schemata") -> Draft202012Validator:
    """A validator for one of the standard's objects, such as ``service`` or ``taxonomy``."""
    schema = registry(directory).contents(f"{name}.json")
    return Draft202012Validator(
        schema, registry=registry(directory), format_checker=FormatChecker()
    )


@cache
def page_schema(openapi_path: Path = STANDARD_DIR / "openapi.json") -> dict:
    """The standard's pagination wrapper (``components.schemas.Page``)."""
    openapi = json.loads(openapi_path.read_text(encoding="utf-8"))
    return openapi["components"]["schemas"]["Page"]


def openapi_document(openapi_path: Path = STANDARD_DIR / "openapi.json") -> dict:
    return json.loads(openapi_path.read_text(encoding="utf-8"))
