"""Promise 4 (no mass assignment): post a form's real fields plus fields it does not have.

Each app's test names, per form that creates or changes a record, the fields a request must not
be able to set (agency, owner, who created it, status, version, the record it belongs to) and
the values the server must have set instead. The smuggled fields go bare and, when the form has
a prefix, with it too, so a form that later gained one of them would pick it up either way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any


@dataclass
class Smuggled:
    """One form's post: who posts it where, its real fields, the extras and what must hold."""

    client: Any
    url: str
    data: dict
    extras: dict
    record: Callable[[], Any]
    # Attribute (dotted for a related record's) -> the value the server must have set.
    expected: dict = field(default_factory=dict)
    prefix: str = ""
    # A successful post redirects; a download (a released bundle) answers 200.
    status: int = 302


def with_extras(extras: dict, prefix: str = "") -> dict:
    """The extra fields bare and, if the form has a prefix, prefixed as Django names them."""
    prefixes = ("", f"{prefix}-") if prefix else ("",)
    return {f"{p}{name}": value for name, value in extras.items() for p in prefixes}


def assert_extras_ignored(case: Smuggled) -> None:
    extras = with_extras(case.extras, case.prefix)
    assert not set(extras) & set(case.data), "an extra field is one the form has"
    response = case.client.post(case.url, {**case.data, **extras})
    assert response.status_code == case.status, response.content.decode()[:2000]
    record = case.record()
    got = {name: attrgetter(name)(record) for name in case.expected}
    assert got == case.expected, f"{got} != {case.expected}"
