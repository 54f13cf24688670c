"""The demo manual: 30+ realistic articles from many agencies, through the real services."""

import pytest
from django.urls import reverse

from frontdoor.demo.generator import build_partnership
from frontdoor.demo.manual_articles import ARTICLES, ManualAlreadyLoaded, _People, build_manual
from frontdoor.manual.models import Article, ArticleVersion, Feedback
from frontdoor.manual.rendering import render_markdown
from frontdoor.manual.search import search_articles

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_manual():
    build_partnership(seed=2026, practitioners_per_agency=0, with_second_factor=False)
    return build_manual(seed=2026)


def test_the_demo_manual_is_large_varied_and_repeatable(demo_manual):
    assert len(demo_manual) == len(ARTICLES) >= 30
    assert Article.objects.values("owner__agency").distinct().count() >= 10
    assert Article.objects.due_for_review().count() >= 5
    assert Article.objects.count() - Article.objects.due_for_review().count() >= 20
    assert ArticleVersion.objects.filter(number__gt=1).count() >= 5
    co_authored = [
        a for a in Article.objects.all() if a.versions.values("author").distinct().count() > 1
    ]
    assert len(co_authored) >= 5
    assert Feedback.objects.count() >= 10
    assert all(a.agencies.exists() for a in Article.objects.all())
    assert all(a.topics.exists() for a in Article.objects.all())
    with pytest.raises(ManualAlreadyLoaded):
        build_manual(seed=2026)


def test_every_owner_and_author_is_the_demo_practitioner_named(demo_manual):
    people = _People()
    for spec in ARTICLES:
        owner = people.resolve(spec.owner, strict=True)
        assert Article.objects.get(slug=spec.slug).owner == owner
        for revision in spec.revisions:
            people.resolve(revision.author, strict=True)


def test_the_articles_concern_agencies_of_the_right_sector(demo_manual):
    marac = Article.objects.get(slug="referring-to-marac")
    sectors = set(marac.agencies.values_list("sector", flat=True))
    assert {"domestic_abuse", "police", "housing"} <= sectors
    assert "fire" not in sectors
    gp = Article.objects.get(slug="getting-information-from-a-gp")
    assert gp.owner.agency.sector == "gp"
    assert gp.is_possibly_out_of_date()


def test_every_demo_article_renders_as_govuk_markup(demo_manual):
    for article in Article.objects.all():
        html = render_markdown(article.body)
        assert '<p class="govuk-body">' in html, article.slug
        assert "<h1" not in html and "&lt;" not in html, article.slug


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("how to make a referral", "how-to-make-a-referral"),
        ("police protection at 2am", "what-the-police-can-do-at-2am"),
        ("GP information", "getting-information-from-a-gp"),
        ("MARAC", "referring-to-marac"),
        ("county lines", "child-criminal-exploitation"),
        ("Clare's Law", "clares-law"),
        ("LADO allegation teacher", "allegations-against-staff-lado"),
        ("interpreter", "working-with-interpreters"),
        ("strategy discussion", "what-happens-at-a-strategy-discussion"),
        ("emergency duty team", "out-of-hours-emergency-duty-team"),
    ],
)
def test_practitioners_find_the_right_article(demo_manual, query, slug):
    assert slug in [hit.article.slug for hit in search_articles(query)][:3]


def test_demo_pages_render(demo_manual, signed_in):
    from frontdoor.agencies.models import Practitioner

    client = signed_in(Practitioner.objects.get(username="csc.frontline"))
    for article in Article.objects.all():
        response = client.get(reverse("manual:article", args=[article.slug]))
        assert response.status_code == 200, article.slug
    assert client.get(reverse("manual:index")).status_code == 200
