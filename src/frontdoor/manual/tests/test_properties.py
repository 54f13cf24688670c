"""The manual's forms take any text and any review date: refused with a form error and nothing
changed, or saved exactly and shown back (the article's Markdown sanitised), never a server
error; the search box answers any text with a page that echoes it, escaped (SECURITY.md
promise 17).

Each example posts one form through its real page as a practitioner who writes for the manual,
with one field replaced by generated text (``core.testing.properties``): writing an article (its
title and Markdown), editing it (title, Markdown and the summary of the change), "was this
helpful?" (the comment, which the article's owner reads on the article's page) and, as the
owner, the review date.

What "exactly" means here is the manual's own rule, kept in one place below: a title's runs of
white space become one space; an article's Windows line breaks become ``\\n`` and its other
control characters spaces (``search.strip_control_characters``, so that search and Markdown see
the same text); a feedback comment loses control characters the same way. Anything else typed
is stored as typed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from hypothesis import event, example, given
from hypothesis import strategies as st

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import PractitionerFactory, sign_in
from frontdoor.core.testing.properties import (
    FEW,
    ODD,
    ODD_SENTENCE,
    DateInput,
    TextForm,
    any_date,
    any_text,
    assert_refused_or_round_trips,
)
from frontdoor.manual.forms import MAX_BODY
from frontdoor.manual.models import Article, ArticleVersion, Feedback
from frontdoor.manual.rendering import render_markdown
from frontdoor.manual.search import strip_control_characters

from .helpers import make_article

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<style>body{}</style>",
    '<p style="color:red" onclick="alert(1)">',
    "<iframe src=//example.org>",
    "## Heading\n\n",
    "- item\n",
    "**bold** _em_ `code`\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "> quote\n",
    '[link](https://example.org "t")',
    "<!-- comment -->",
    "&amp; &lt;",
]


class _Unsafe(HTMLParser):
    """The tags and attributes on an article's part of the page that could run or load
    anything: none may be left after sanitising (markup shown as text is fine)."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "img", "iframe", "style", "object", "embed"}:
            self.found.append(tag)
        for name, value in attrs:
            href = re.sub(r"\s", "", value or "").lower()
            if name.startswith("on") or name == "style" or href.startswith("javascript:"):
                self.found.append(f"{tag} {name}={value}")


def _unsafe(html: str) -> list[str]:
    parser = _Unsafe()
    parser.feed(html)
    return parser.found


def any_markdown():
    return st.one_of(
        any_text(MAX_BODY),
        st.lists(st.one_of(st.sampled_from(HOSTILE), st.sampled_from(ODD)), max_size=30).map(
            "".join
        ),
    )


def _title(text: str) -> str:
    return " ".join(text.split())


def _body(text: str) -> str:
    return strip_control_characters(text.replace("\r\n", "\n"))


def _comment(text: str) -> str:
    return strip_control_characters(text.strip()).strip()


@pytest.fixture
def world(db):
    writer = PractitionerFactory(username="wren.writer", role=Role.FRONTLINE)
    reader = PractitionerFactory(username="rhys.reader", role=Role.HUB_PRACTITIONER)
    article = make_article(writer)
    writing, reading = Client(), Client()
    sign_in(writing, writer)
    sign_in(reading, reader)
    return {"article": article, "writer": writing, "reader": reading, "edits": itertools.count()}


@dataclass(frozen=True)
class ManualField:
    url: Callable[[dict], str]
    poster: str
    answers: Callable[[dict], dict]
    read: Callable[[dict], str | None]  # the value saved, if any
    page: Callable[[dict], str]  # shown to the writer, who owns the article
    expect: Callable[[str], str]  # what is saved for what was typed
    markdown: bool = False  # shown rendered and sanitised, not as text


def _newest(model, attribute):
    def read(world):
        found = model.objects.order_by("-pk").first()
        return getattr(found, attribute) if found else None

    return read


def _article(world):
    world["article"].refresh_from_db()
    return world["article"]


def _edit_answers(world) -> dict:
    article = _article(world)
    return {
        "title": f"Getting information from a GP ({next(world['edits'])})",
        "body": article.body + "\nOne more line.",
        "summary": "Added a line",
        "version": article.version,
    }


def _new_article_page(world):
    return reverse("manual:article", args=[Article.objects.order_by("-pk").first().slug])


def _article_page(world):
    return reverse("manual:article", args=[_article(world).slug])


WRITE = dict(
    url=lambda w: reverse("manual:article_create"),
    poster="writer",
    answers=lambda w: {"title": "Working with schools", "body": "Ask the DSL.\n"},
    page=_new_article_page,
)
EDIT = dict(
    url=lambda w: reverse("manual:article_edit", args=[_article(w).slug]),
    poster="writer",
    answers=_edit_answers,
    page=_article_page,
)
FIELDS = {
    ("write an article", "title"): ManualField(
        **WRITE, read=_newest(Article, "title"), expect=_title
    ),
    ("write an article", "body"): ManualField(
        **WRITE, read=_newest(Article, "body"), expect=_body, markdown=True
    ),
    ("edit an article", "title"): ManualField(
        **EDIT, read=lambda w: _article(w).title, expect=_title
    ),
    ("edit an article", "body"): ManualField(
        **EDIT, read=lambda w: _article(w).body, expect=_body, markdown=True
    ),
    ("edit an article", "summary"): ManualField(
        **{**EDIT, "page": lambda w: reverse("manual:history", args=[_article(w).slug])},
        read=_newest(ArticleVersion, "summary"),
        expect=str.strip,
    ),
    ("say whether it helped", "comment"): ManualField(
        url=lambda w: reverse("manual:feedback", args=[_article(w).slug]),
        poster="reader",
        answers=lambda w: {"helpful": "no", "comment": "Which form?"},
        read=_newest(Feedback, "comment"),
        page=_article_page,
        expect=_comment,
    ),
}
LIMITS = {"title": 200, "body": MAX_BODY, "summary": 300, "comment": 2000}


def _everything():
    return (
        list(Article.objects.values_list("pk", "title", "body", "version")),
        list(ArticleVersion.objects.values_list("pk", "summary")),
        list(Feedback.objects.values_list("pk", "comment")),
    )


@FEW
@given(
    case=st.sampled_from(sorted(FIELDS)).flatmap(
        lambda key: st.tuples(
            st.just(key), any_markdown() if FIELDS[key].markdown else any_text(LIMITS[key[1]])
        )
    )
)
@example(case=(("write an article", "title"), ODD_SENTENCE))
@example(case=(("write an article", "body"), ODD_SENTENCE + "".join(HOSTILE)))
@example(case=(("edit an article", "body"), "<script>alert(1)</script>\r\n\r\n## Done\r"))
@example(case=(("edit an article", "title"), "t" * 201))
@example(case=(("edit an article", "summary"), ODD_SENTENCE))
@example(case=(("say whether it helped", "comment"), ODD_SENTENCE))
def test_any_article_title_markdown_summary_or_comment_is_refused_cleanly_or_round_trips(
    world, case
):
    (form, name), value = case
    field = FIELDS[(form, name)]
    data = field.answers(world)
    data[name] = value
    before = _everything()
    client = world[field.poster]
    response = client.post(field.url(world), data)
    assert response.status_code < 500, response.status_code
    if response.status_code != 302:
        event("refused")
        assert 400 <= response.status_code < 500, response.status_code
        assert "There is a problem" in response.content.decode()
        assert _everything() == before, "a refused form changed the manual"
        return
    event("saved")
    saved = field.read(world)
    assert saved == field.expect(value), f"{name}: {saved!r} != {field.expect(value)!r}"
    page = world["writer"].get(field.page(world))
    assert page.status_code == 200
    shown = page.content.decode()
    if field.markdown:
        html = str(render_markdown(saved))
        assert html in shown, "the article is not shown as its sanitised Markdown"
        article_part = shown.split("<h1", 1)[1].split("govuk-grid-column-one-third", 1)[0]
        assert not _unsafe(article_part), _unsafe(article_part)
    elif saved:
        from django.template.defaultfilters import linebreaksbr

        raw = "<" in saved and len(saved.strip()) > 8 and saved in shown
        assert not raw, f"{name} {saved!r} is shown as raw markup"
        assert escape(saved) in shown or linebreaksbr(saved, autoescape=True) in shown, (
            f"{name} {saved!r} is not shown exactly"
        )


# The owner's review date, through the shared runner --------------------------------------

LOOK_AFTER = TextForm(
    url=lambda w: reverse("manual:look_after", args=[_article(w).slug]),
    poster="writer",
    answers=lambda w: {"owner": _article(w).owner_id},
    record=_article,
    page=lambda w, article: reverse("manual:article", args=[article.slug]),
    dates=(DateInput("review", "review_by"),),
)


def _near() -> st.SearchStrategy:
    """Dates around the allowed window (tomorrow to 3 years ahead), as typed."""
    today = timezone.localdate()
    return st.dates(today - timedelta(days=30), today + timedelta(days=4 * 366)).map(
        lambda d: (str(d.day), str(d.month), str(d.year))
    )


@FEW
@given(parts=st.one_of(any_date(), _near()))
@example(parts=("29", "2", "2028"))
@example(parts=("29", "2", "2027"))
@example(parts=("31", "4", "2027"))
@example(parts=("1", "1", "10000"))
def test_any_review_date_is_refused_cleanly_or_saved_exactly(world, parts):
    assert_refused_or_round_trips(LOOK_AFTER, world, typed=(LOOK_AFTER.dates[0], parts))


# The search box -------------------------------------------------------------------------


@FEW
@given(text=any_text(200))
@example(text=ODD_SENTENCE)
@example(text='"GP" OR NEAR( * ^ - \x00')
def test_searching_the_manual_with_any_text_answers_with_a_page_that_echoes_it(world, text):
    response = world["reader"].get(reverse("manual:search"), {"q": text})
    assert response.status_code == 200, response.status_code
    if text.strip():
        assert f"“{escape(text[:200])}”" in response.content.decode(), (
            f"{text!r} is not echoed escaped"
        )
