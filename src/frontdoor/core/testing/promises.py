"""What each app's tests use to prove two promises page by page (SECURITY.md 6 and 14).

Promise 6, every view of personal data is logged: an app lists its pages that show personal
data as :class:`Read` entries and runs :func:`assert_read_recorded` on each, which opens the
page and checks the audit rows it wrote; and the changes refused on those pages, which show
them again, as :class:`Refusal` entries for :func:`assert_refusal_recorded`.

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
    url = read.url(world)
    last = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    response = client.get(url, headers=read.headers)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return _assert_one_read(response, read, world, url, last)


@dataclass(frozen=True)
class Refusal:
    """A change refused on a POST (422 or 409) that shows its page, with personal data,
    again: ``read`` names the page's reader, record and data; ``posted`` what is sent."""

    read: Read
    posted: Callable[[World], dict]
    status: int = 422
    url: Callable[[World], str] | None = None  # where the form posts, if not the page


def assert_refusal_recorded(client, refusal: Refusal, world: World) -> list[AuditEvent]:
    """Post the refused change: the page is shown again with the personal data and writes
    exactly one complete ``view`` row on the record, whose reason says it was shown again."""
    from frontdoor.audit.services import SHOWN_AGAIN

    read = refusal.read
    url = (refusal.url or read.url)(world)
    last = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    response = client.post(url, refusal.posted(world), headers=read.headers)
    assert response.status_code == refusal.status, f"{url}: {response.status_code}"
    written = _assert_one_read(response, read, world, url, last)
    assert all(SHOWN_AGAIN in event.reason for event in written), [e.reason for e in written]
    return written


def _assert_one_read(response, read: Read, world: World, url: str, last: int):
    reader = world[read.reader]
    shown = read.shows(world)
    assert shown in response.content.decode(), f"{url} does not show {shown!r}"
    written = list(AuditEvent.objects.filter(pk__gt=last).order_by("pk"))
    assert written, f"{url} wrote no audit row"
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


def split_unsaved(page: str) -> tuple[str, str]:
    """Promise 18 without losing work: a refused edit's page keeps nothing of what was typed in
    its form but shows it apart, to copy. Returns (the page without that box, the box)."""
    before, marker, rest = page.partition('data-testid="unsaved-answers"')
    if not marker:
        return page, ""
    box, _, after = rest.partition("</details>")
    return before + after, box
