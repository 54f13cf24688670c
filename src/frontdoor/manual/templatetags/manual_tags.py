"""Template tags that let other apps' pages link to the manual without changing their views."""

from django import template

from frontdoor.manual.models import Article

register = template.Library()

AGENCY_ARTICLES_SHOWN = 20


@register.simple_tag
def articles_about(agency) -> list[Article]:
    """The manual articles about ``agency``, for its profile page."""
    if agency is None:
        return []
    return list(Article.objects.filter(agencies=agency).order_by("title")[:AGENCY_ARTICLES_SHOWN])
