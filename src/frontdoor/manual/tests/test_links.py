"""The manual is linked from where it helps: the referral form and agency profiles."""

import pytest
from django.urls import reverse

from frontdoor.core.navigation import navigation_for
from frontdoor.core.testing.factories import AgencyFactory

from .helpers import make_article

pytestmark = pytest.mark.django_db


def test_the_referral_form_links_its_how_to_article(signed_in, social_worker):
    article = make_article(
        social_worker,
        title="How to make a referral the hub can act on",
        slug="how-to-make-a-referral",
        body="Say who, what happened and what you think.\n",
    )
    client = signed_in(social_worker)
    page = client.get(reverse("referrals:start")).content.decode()
    link = reverse("manual:article", args=["how-to-make-a-referral"])
    assert f'href="{link}">How to make a referral the hub can act on</a>' in page
    assert "Say who, what happened" in client.get(link).content.decode()
    assert article.slug == "how-to-make-a-referral"


def test_a_missing_article_offers_a_search_not_a_dead_end(signed_in, social_worker):
    response = signed_in(social_worker).get(
        reverse("manual:article", args=["how-to-make-a-referral"])
    )
    assert response.status_code == 404
    page = response.content.decode()
    assert "Article not found" in page
    assert 'value="how to make a referral"' in page


def test_an_agency_profile_lists_the_articles_about_it(signed_in, officer, police, social_care):
    about_police = make_article(officer, title="What the police can do at 2am", agencies=[police])
    make_article(officer, title="Section 47 enquiries", agencies=[social_care])
    page = signed_in(officer).get(reverse("agencies:detail", args=[police.pk])).content.decode()
    assert "Manual articles about this agency" in page
    assert reverse("manual:article", args=[about_police.slug]) in page
    assert "Section 47 enquiries" not in page


def test_an_agency_with_no_articles_says_so(signed_in, officer):
    agency = AgencyFactory(name="Quiet Agency")
    page = signed_in(officer).get(reverse("agencies:detail", args=[agency.pk])).content.decode()
    assert "No articles in the joint working manual are about this agency yet" in page


def test_an_article_links_to_the_profiles_of_the_agencies_it_concerns(signed_in, officer, police):
    article = make_article(officer, agencies=[police])
    page = signed_in(officer).get(reverse("manual:article", args=[article.slug])).content.decode()
    assert f'href="{reverse("agencies:detail", args=[police.pk])}"' in page


def test_every_signed_in_practitioner_has_the_manual_in_the_navigation(rf, officer):
    request = rf.get("/")
    request.user = officer
    request.user.is_verified = lambda: True
    assert "Manual" in [item.text for item in navigation_for(request)]


def test_an_owner_sees_their_out_of_date_articles_on_my_work(signed_in, social_worker):
    from datetime import date

    from django.urls import reverse

    from .helpers import make_article

    make_article(social_worker, title="Working with interpreters", review_by=date(2020, 1, 1))
    page = signed_in(social_worker).get(reverse("home")).content.decode()
    assert "Manual articles you own" in page
    assert "Working with interpreters" in page
