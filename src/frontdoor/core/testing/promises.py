"""What each app's tests use to prove two promises page by page (SECURITY.md 6 and 14).

Promise 6, every view of personal data is logged: an app lists its pages that show personal
data as :class:`Read` entries and runs :func:`assert_read_recorded` on each, which opens the
page and checks the audit rows it wrote.

Promise 14, free text cannot run script: an app stores :func:`hostile` text in each free-text
field through its own services or forms and runs :func:`assert_shown_as_text` on every page
that shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db import models
from django.utils.html import escape

from frontdoor.audit.models import AuditEvent, Verb

World = dict[str, Any]


@dataclass(frozen=True)
class Read:
    """A page that shows personal data, and the record whose read it must log."""

    url: Callable[[World], str]
    reader: str  # the key in the world of the practitioner who opens the page
    record: Callable[[World], models.Model | tuple[str, str]]  # a model, or (type, id)
    shows: Callable[[World], str]  # personal data the page shows, to be sure it is the page
    headers: dict[str, str] = field(default_factory=dict)


def _type_and_id(record: models.Model | tuple[str, str]) -> tuple[str, str]:
    if isinstance(record, tuple):
        return record
    return record._meta.label_lower, str(record.pk)


def assert_read_recorded(client, read: Read, world: World) -> list[AuditEvent]:
    """Open the page as its reader: it shows the personal data, and writes exactly one
    complete ``view`` row on the record (who, when in UTC, what, why, where from); any other
    row it writes is also a complete ``view`` row by the same reader."""
    reader = world[read.reader]
    url = read.url(world)
    last = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    response = client.get(url, headers=read.headers)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    shown = read.shows(world)
    assert shown in response.content.decode(), f"{url} does not show {shown!r}"
    written = list(AuditEvent.objects.filter(pk__gt=last).order_by("pk"))
    assert written, f"opening {url} wrote no audit row"
    for event in written:
        assert event.verb == Verb.VIEW, f"{url}: {event.verb} row"
        assert (event.actor_id, event.actor_username) == (reader.pk, reader.username)
        assert event.actor_role == reader.role
        assert event.reason.strip(), f"{url}: a row without a reason"
        assert event.occurred_at.utcoffset() == timedelta(0)
        assert event.object_type and event.object_repr
        assert event.request_path == url.split("?")[0]
    object_type, object_id = _type_and_id(read.record(world))
    on_record = [e for e in written if (e.object_type, e.object_id) == (object_type, object_id)]
    assert len(on_record) == 1, (
        f"{url}: expected one view row on {object_type} {object_id}, got "
        f"{[(e.object_type, e.object_id) for e in written]}"
    )
    return written


def hostile(label: str) -> str:
    """Stored-XSS text naming the field it was typed into: a script element, and a broken-out
    attribute with an event handler."""
    return f"<script>alert('{label}')</script>\"><img src=x onerror=alert('{label}')>"


def assert_shown_as_text(page: str, *texts: str, where: str = "") -> None:
    """Each text is on the page escaped (shown, as text) and never as markup."""
    for text in texts:
        assert escape(text) in page, f"{where}: {text!r} is not shown"
        assert text not in page, f"{where}: {text!r} is markup"
    assert "<script>alert(" not in page, f"{where}: a script element got through"
    assert "<img src=x" not in page, f"{where}: an image with a handler got through"
