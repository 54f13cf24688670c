"""Promise 17 (odd names and dates never cause a server error and round-trip exactly), form by
form, through the real pages.

An app lists its forms as :class:`TextForm` rows: where the form is, who posts it, a sensible
answer to every field, the free-text fields with their length limits and the record attribute
each is saved to, the date fields, and the page that shows what was saved. Its property test
draws a row, a field and a value (:func:`any_text` or :func:`any_date`) and runs
:func:`assert_refused_or_round_trips`: the answer is a 4xx form error with nothing changed, or a
redirect after which the saved value is exactly what was typed (less the white space Django's
forms strip) and the page shows exactly that, escaped. Never a 5xx.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import models
from django.template.defaultfilters import linebreaksbr
from django.utils import timezone
from django.utils.html import escape
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st

World = dict[str, Any]

ODD = [
    "\u200f",  # right-to-left mark
    "\u200e",  # left-to-right mark
    "\u202b",  # right-to-left embedding
    "\u202e",  # right-to-left override
    "\u202c",  # pop directional formatting
    "\u200d",  # zero-width joiner
    "\u0301",  # combining acute accent
    "\ufeff",  # byte order mark
    "\u2028",  # line separator
    "\x00",
    "\x0b",
    "\x1f",
    "\r\n",
    "\r",
    "\n",
    "\t",
    " ",
    "'",
    '"',
    "<",
    "&",
    "محمد",
    "אברהם",
    "Nguye\u0302\u0303n",
    "🌞",
    "👨‍👩‍👧",
]
# Always tried as well as the generated text: markup, quotes, Windows and bare line breaks, a
# blank line, right-to-left marks and embeddings, combining characters and a joined emoji.
ODD_SENTENCE = (
    " A <b>&amp;</b> \"quoted\" 'apostrophe' O'Brien-D\u00fcbe\r\nline two\n\nnew para"
    " \u200f\u0645\u0631\u064a\u0645\u200f \u202b\u05d0\u05d1\u05e8\u05d4\u05dd\u202c"
    " Nguye\u0302\u0303n \U0001f468\u200d\U0001f469\u200d\U0001f467\t "
)
FEW = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def any_text(limit: int):
    """Any text, odd pieces run together, or a string at or just past ``limit``."""
    return st.one_of(
        st.text(max_size=300),
        st.lists(st.one_of(st.sampled_from(ODD), st.characters()), max_size=40).map("".join),
        st.builds(
            lambda head, char, size: (head + char * size)[: size + 2],
            st.text(max_size=3),
            st.sampled_from(["a", "é", "🌞", "\u200f", "\x00"]),
            st.integers(min_value=max(limit - 2, 0), max_value=limit + 2),
        ),
    )


def _part():
    return st.one_of(
        st.integers(min_value=-1, max_value=10**12).map(str),
        st.sampled_from(["", " ", "0", "00", "١٢", "2\x00", "３", "1e3", "½", "\u200f7", "07 "]),
        st.text(max_size=6),
    )


def any_date():
    """(day, month, year) as typed: real dates (29 February, the far past and future),
    impossible ones (31 April, 29 February 2027, month 13, year 0 or 10000), and junk."""
    real = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(
        lambda d: (str(d.day), str(d.month), str(d.year))
    )
    named = st.sampled_from(
        [
            ("29", "2", "2028"),
            ("29", "2", "2027"),
            ("31", "4", "2026"),
            ("0", "1", "2026"),
            ("1", "13", "2026"),
            ("1", "1", "0"),
            ("1", "1", "0001"),
            ("31", "12", "9999"),
            ("1", "1", "10000"),
            ("-1", "1", "2026"),
            ("99999999999999999999", "1", "2026"),
        ]
    )
    return st.one_of(real, named, st.tuples(_part(), _part(), _part()))


def typed_date(parts: tuple[str, str, str]) -> date | None:
    """The date three boxes mean, if they mean one."""
    try:
        day, month, year = (int(p.strip()) for p in parts)
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


@dataclass(frozen=True)
class DateInput:
    """A date field: three GOV.UK boxes (``name_day`` …) or one ``YYYY-MM-DD`` box."""

    name: str
    attribute: str
    parts: bool = True
    # How to read the saved date from the record, if not its ``attribute`` as it is.
    read: Callable[[models.Model], date] | None = None
    # The first and last dates the form must save when typed plainly (29 February 2028 in a
    # form asking for a date in the next ten years, say), if the test holds it to that.
    accepts: Callable[[World], tuple[date, date]] | None = None
    # Where the form says the date must be today or in the past: the message a later one gets.
    future: str = ""

    def saved(self, record: models.Model):
        return self.read(record) if self.read else getattr(record, self.attribute)

    def post(self, parts: tuple[str, str, str]) -> dict[str, str]:
        if self.parts:
            names = (f"{self.name}_day", f"{self.name}_month", f"{self.name}_year")
            return dict(zip(names, parts, strict=True))
        day, month, year = parts
        return {self.name: f"{year}-{month}-{day}"}


@dataclass(frozen=True)
class TextForm:
    """One form: where it is, who posts it, and what it saves where."""

    url: Callable[[World], str]
    poster: str  # the world's key of a signed-in client
    answers: Callable[[World], dict]  # a sensible answer to every field
    record: Callable[[World], models.Model | None]  # the record saved (the newest, for a create)
    page: Callable[[World, models.Model], str]  # the page that shows what was saved
    # Posted name -> (length limit, the record's attribute it is saved to).
    texts: dict[str, tuple[int, str]] = field(default_factory=dict)
    dates: tuple[DateInput, ...] = ()
    # Attributes the page shows only after a filter of its own (not compared on the page).
    not_shown: frozenset[str] = frozenset()
    # Posted name -> what the form keeps of the typed text, where that is not the text less
    # the white space around it (a field that keeps white space but turns CR LF into LF).
    keeps: dict[str, Callable[[str], str]] = field(default_factory=dict)


def _state(form: TextForm, world: World) -> tuple:
    record = form.record(world)
    if record is None:
        return (None,)
    record.refresh_from_db()
    attributes = [a for _, a in form.texts.values()] + [d.attribute for d in form.dates]
    return (record.pk, *(getattr(record, a) for a in attributes))


def _shown(value: str, page: str) -> bool:
    """Shown escaped (or with ``<br>`` line breaks), and nowhere as raw markup: a title shown
    escaped in ``<title>`` but unescaped in its heading is not shown exactly."""
    raw = "<" in value and len(value.strip()) > 8 and value in page
    return not raw and (escape(value) in page or linebreaksbr(value, autoescape=True) in page)


def _plainly(parts: tuple[str, str, str]) -> date | None:
    """The date, if the boxes hold it as a person types it: 29 2 2028, no padding or signs."""
    meant = typed_date(parts)
    if meant is None or meant.year < 1000:
        return None
    return meant if parts == (str(meant.day), str(meant.month), str(meant.year)) else None


def _assert_date_rules(world: World, date_input: DateInput, parts, response) -> None:
    """A date after today refused with the form's message where it must be past; a plainly
    typed date inside the range the form asks for saved."""
    meant = typed_date(parts)
    if date_input.future and meant is not None and meant > timezone.localdate():
        assert response.status_code != 302, f"{meant} is in the future but was saved"
        assert escape(date_input.future) in response.content.decode(), "no clear message"
    plain = _plainly(parts)
    if date_input.accepts is not None and plain is not None:
        first, last = date_input.accepts(world)
        if first <= plain <= last:
            assert response.status_code == 302, f"{plain} was refused ({response.status_code})"


def assert_refused_or_round_trips(
    form: TextForm, world: World, *, text: tuple[str, str] | None = None, typed=None
) -> None:
    """Post ``form`` with one text field (``(name, value)``) or, with ``typed``, one date
    input ``(DateInput, (day, month, year))`` replaced: refused cleanly or saved exactly."""
    client = world[form.poster]
    data = form.answers(world)
    if text is not None:
        data[text[0]] = text[1]
    if typed is not None:
        date_input, parts = typed
        data.update(date_input.post(parts))
    before = _state(form, world)
    response = client.post(form.url(world), data)
    assert response.status_code < 500, response.status_code
    if typed is not None:
        _assert_date_rules(world, *typed, response)
    if response.status_code != 302:
        event("refused")
        assert 400 <= response.status_code < 500, response.status_code
        assert "There is a problem" in response.content.decode()
        assert _state(form, world) == before, "a refused form changed the record"
        return
    event("saved")
    record = form.record(world)
    assert record is not None
    record.refresh_from_db()
    page = client.get(form.page(world, record))
    assert page.status_code == 200
    shown = page.content.decode()
    if text is not None:
        attribute = form.texts[text[0]][1]
        saved = getattr(record, attribute)
        kept = form.keeps.get(text[0], str.strip)(text[1])
        assert saved == kept, f"{attribute}: {saved!r} != {kept!r}"
        if saved and attribute not in form.not_shown:
            assert _shown(saved, shown), f"{attribute} {saved!r} is not shown exactly"
    if typed is not None:
        date_input, parts = typed
        assert date_input.saved(record) == typed_date(parts)


def any_case(forms: dict[str, TextForm]):
    """One example for an app's table of forms: ``((form name, field), text, None)`` with a
    text field's name and :func:`any_text` for it, or ``((form name, DateInput), None, parts)``
    with :func:`any_date`. ``@example`` rows are written in the same shape."""
    texts = [(name, f) for name, form in forms.items() for f in form.texts]
    dates = [(name, d) for name, form in forms.items() for d in form.dates]
    choices = []
    if texts:
        choices.append(
            st.sampled_from(texts).flatmap(
                lambda nf: st.tuples(st.just(nf), any_text(forms[nf[0]].texts[nf[1]][0]), st.none())
            )
        )
    if dates:
        choices.append(
            st.sampled_from(dates).flatmap(lambda nd: st.tuples(st.just(nd), st.none(), any_date()))
        )
    return st.one_of(*choices)


def check_case(forms: dict[str, TextForm], world: World, case) -> None:
    """Run one :func:`any_case` example through :func:`assert_refused_or_round_trips`."""
    (name, what), text, parts = case
    if text is not None:
        assert_refused_or_round_trips(forms[name], world, text=(what, text))
    else:
        assert_refused_or_round_trips(forms[name], world, typed=(what, parts))
