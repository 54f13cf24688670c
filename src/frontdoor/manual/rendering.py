"""Articles are written in Markdown and rendered to sanitised HTML (SECURITY.md promise 14).

Two layers: Markdown's raw-HTML handling is switched off, so ``<script>`` written in an
article comes out as text; then nh3 (the Ammonia sanitiser) keeps only an allow-list of
tags, attributes, classes and URL schemes, so nothing can run script, handle events, load
``javascript:`` URLs or carry inline styles (which our CSP would block anyway).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET  # nosec B405 (builds trees, never parses input)

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# GOV.UK Design System classes for the elements Markdown makes.
_CLASSES = {
    "h2": "govuk-heading-m",
    "h3": "govuk-heading-s",
    "h4": "govuk-heading-s",
    "p": "govuk-body",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "a": "govuk-link",
    "table": "govuk-table",
    "thead": "govuk-table__head",
    "tbody": "govuk-table__body",
    "tr": "govuk-table__row",
    "th": "govuk-table__header",
    "td": "govuk-table__cell",
    "blockquote": "govuk-inset-text",
    "hr": "govuk-section-break govuk-section-break--m govuk-section-break--visible",
}
# The article's title is the page's h1: an author's "#" and "##" both become h2.
_HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}

ALLOWED_TAGS = {
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
ALLOWED_CLASSES = {tag: set(classes.split()) for tag, classes in _CLASSES.items()}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}


class _GovukTreeprocessor(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            element.tag = _HEADINGS.get(element.tag, element.tag)
            if element.tag in _CLASSES:
                element.set("class", _CLASSES[element.tag])
            if element.tag == "th":
                element.set("scope", "col")


class _SafeGovukExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        # Raw HTML in an article is shown as text, not passed through.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_GovukTreeprocessor(md), "govuk", 0)


def _markdown() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=["tables", "sane_lists", _SafeGovukExtension()], output_format="html"
    )


def sanitise_html(dirty: str) -> str:
    return nh3.clean(
        dirty,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render_markdown(source: str) -> SafeString:
    """Markdown → sanitised HTML, ready for a template."""
    # Sanitised by nh3 against an allow-list: safe to insert as HTML.
    return mark_safe(sanitise_html(_markdown().convert(source)))  # noqa: S308  # nosec B308 B703


_SPACE = re.compile(r"\s+")
_INLINE_TAG = re.compile(r"</?(?:a|strong|em|code)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")


def markdown_to_text(source: str) -> str:
    """The words of an article, without Markdown or HTML: for search and snippets."""
    rendered = str(render_markdown(source))
    # Keep block boundaries as spaces so words from two paragraphs do not run together.
    text = _TAG.sub(" ", _INLINE_TAG.sub("", rendered))
    return _SPACE.sub(" ", html.unescape(text)).strip()
