"""Articles are Markdown rendered to sanitised HTML: stored XSS never runs (promise 14)."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from frontdoor.manual.rendering import markdown_to_text, render_markdown

from .helpers import make_article

PAYLOADS = [
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java&#09;script:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<div onmouseover="alert(1)">hover</div>',
    "<iframe src=https://evil.example></iframe>",
    "<object data=x></object><embed src=x>",
    "<form action=https://evil.example><button>Go</button></form>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "![x](x onerror=alert(1))",
    '![x](javascript:alert(1) "t")',
    '[x](https://ok.example "title" onmouseover="alert(1)")',
    "<!-- <script>alert(1)</script> -->",
    "```\n<script>alert(1)</script>\n```",
    "<base href=https://evil.example/>",
    "<meta http-equiv=refresh content='0;url=https://evil.example'>",
    "<<script>script>alert(1)<</script>/script>",
    "<a href='https://ok.example' target=_blank>ok</a>",
]

# Tags an article may never produce; our own pages' forms and buttons are checked apart.
BANNED_IN_ARTICLES = {"script", "img", "svg", "iframe", "object", "embed", "form", "math"}
BANNED_IN_ARTICLES |= {"style", "base", "meta", "button", "input", "link", "div"}
BANNED_ON_PAGES = {"img", "svg", "iframe", "object", "embed", "math", "style", "base"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_comment(self, data):
        self.tags.append(("!--", []))


def assert_harmless(html: str, banned=BANNED_IN_ARTICLES) -> None:
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in banned, f"<{tag}> in {html!r}"
        assert tag != "!--", f"comment in {html!r}"
        for name, value in attrs:
            assert not name.startswith("on"), f"{name} on <{tag}>"
            assert name != "style", f"style on <{tag}>"
            link = re.sub(r"\s", "", (value or "")).lower()
            if name in ("href", "src", "action", "formaction", "data"):
                assert not link.startswith(DANGEROUS_SCHEMES), f"{name}={value!r} on <{tag}>"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_render_harmless(payload):
    assert_harmless(render_markdown(payload))


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("<>\"'=/:;()[]!&# \n*`-_abcjavscriptonerloadhf1")),
        max_size=120,
    )
)
def test_any_mix_of_markup_characters_renders_harmless(text):
    assert_harmless(render_markdown(text))


def test_markdown_becomes_govuk_markup():
    html = render_markdown(
        "# Big\n\n## Section\n\nSome **bold** text and a [link](https://partner.example).\n\n"
        "- one\n- two\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"
    )
    assert '<h2 class="govuk-heading-m">Big</h2>' in html  # the page's h1 is the title
    assert '<h2 class="govuk-heading-m">Section</h2>' in html
    assert '<p class="govuk-body">Some <strong>bold</strong>' in html
    assert 'class="govuk-link"' in html and 'rel="noopener noreferrer"' in html
    assert '<ul class="govuk-list govuk-list--bullet">' in html
    assert '<table class="govuk-table">' in html
    assert '<th class="govuk-table__header" scope="col">A</th>' in html


def test_authors_cannot_borrow_govuk_classes_for_spoofing():
    html = render_markdown('<div class="govuk-notification-banner">Your password expired</div>')
    assert_harmless(html)
    assert "<div" not in html


def test_relative_and_mail_links_survive():
    html = render_markdown("[GP](/manual/articles/gp/) and [hub](mailto:hub@council.example)")
    assert 'href="/manual/articles/gp/"' in html
    assert 'href="mailto:hub@council.example"' in html


def test_plain_text_for_search_has_no_markup():
    assert markdown_to_text("## Heading\n\nPara *one*.\n\n- item") == "Heading Para one. item"


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS[:8])
def test_stored_payloads_are_harmless_on_every_page(signed_in, social_worker, payload):
    """Stored XSS through the real pages: article, old version, history, diff, search."""
    client = signed_in(social_worker)
    response = client.post(
        reverse("manual:article_create"),
        {"title": f"Payload {payload}", "body": f"Safe text.\n\n{payload}\n"},
    )
    assert response.status_code == 302
    slug = response.url.rstrip("/").rsplit("/", 1)[-1]
    client.post(
        reverse("manual:article_edit", args=[slug]),
        {
            "title": f"Payload {payload}",
            "body": f"Edited text.\n\n{payload}\n",
            "summary": payload,
            "version": 1,
        },
    )
    pages = [
        reverse("manual:article", args=[slug]),
        reverse("manual:version", args=[slug, 1]),
        reverse("manual:history", args=[slug]),
        reverse("manual:compare", args=[slug]),
        reverse("manual:index"),
        reverse("manual:search") + "?q=text",
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert_harmless(html, banned=BANNED_ON_PAGES)
        scripts = re.findall(r"<script[^>]*>", html)
        assert all(" src=" in tag for tag in scripts), scripts  # only our own script files


@pytest.mark.django_db
def test_titles_are_escaped(signed_in, social_worker):
    article = make_article(social_worker, title="<script>alert(1)</script>")
    html = signed_in(social_worker).get(reverse("manual:article", args=[article.slug]))
    assert "<script>alert(1)</script>" not in html.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html.content.decode()
