"""Writing, editing, versions, differences, conflicts, owners and review dates, over HTTP."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.models import OutboxMessage
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.manual.models import Article, ArticleVersion, Topic
from frontdoor.manual.work import manual_panels

from .helpers import edit_article, make_article

pytestmark = pytest.mark.django_db


def article_post(**overrides):
    data = {
        "title": "What happens at a strategy discussion",
        "body": "## Who comes\n\nSocial care, police and health.\n",
    }
    data.update(overrides)
    return data


def edit_post(article, **overrides):
    data = {
        "title": article.title,
        "body": article.body + "\nThe hub records every decision.\n",
        "summary": "Added how decisions are recorded",
        "version": article.version,
    }
    data.update(overrides)
    return data


# Writing ------------------------------------------------------------------------------------


def test_a_social_worker_writes_an_article_and_owns_it(signed_in, social_worker, police):
    topic = Topic.objects.create(name="Child protection process", slug="child-protection")
    response = signed_in(social_worker).post(
        reverse("manual:article_create"),
        article_post(topics=[topic.pk], agencies=[police.pk]),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert response.url == reverse("manual:article", args=[article.slug])
    assert article.slug == "what-happens-at-a-strategy-discussion"
    assert (article.owner, article.version) == (social_worker, 1)
    assert list(article.topics.all()) == [topic]
    assert list(article.agencies.all()) == [police]
    assert article.review_by == timezone.localdate() + timedelta(days=365)
    version = ArticleVersion.objects.get()
    assert (version.number, version.author, version.summary) == (1, social_worker, "First version")
    assert AuditEvent.objects.filter(verb=Verb.CREATE, object_id=str(article.pk)).count() == 1
    page = signed_in(social_worker).get(response.url).content.decode()
    assert '<h2 class="govuk-heading-m">Who comes</h2>' in page
    assert "Sam Worker" in page


def test_two_articles_with_one_title_get_different_slugs(social_worker):
    first = make_article(social_worker, title="Interpreters")
    second = make_article(social_worker, title="Interpreters")
    assert (first.slug, second.slug) == ("interpreters", "interpreters-2")


def test_writing_cannot_set_the_owner_review_date_slug_or_version(
    signed_in, social_worker, hub_manager
):
    """Promise 4: the form carries only title, body, topics and agencies."""
    signed_in(social_worker).post(
        reverse("manual:article_create"),
        article_post(
            owner=hub_manager.pk, review_by="2001-01-01", slug="chosen", version="7", body_text="x"
        ),
    )
    article = Article.objects.get()
    assert article.owner == social_worker
    assert article.review_by > timezone.localdate()
    assert (article.slug, article.version) == ("what-happens-at-a-strategy-discussion", 1)


def test_missing_title_and_body_are_refused_with_govuk_messages(signed_in, social_worker):
    response = signed_in(social_worker).post(
        reverse("manual:article_create"), {"title": " ", "body": "   "}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Enter the title" in page
    assert "Enter the article" in page
    assert not Article.objects.exists()


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ADMINISTRATOR])
def test_roles_without_casework_cannot_write(signed_in, social_care, role):
    practitioner = PractitionerFactory(agency=social_care, role=role)
    client = signed_in(practitioner)
    assert client.get(reverse("manual:article_create")).status_code == 403
    assert client.post(reverse("manual:article_create"), article_post()).status_code == 403
    assert not Article.objects.exists()


def test_partnership_managers_write_too(signed_in, social_care):
    manager = PractitionerFactory(agency=social_care, role=Role.PARTNERSHIP_MANAGER)
    response = signed_in(manager).post(reverse("manual:article_create"), article_post())
    assert response.status_code == 302


# Editing and versions ---------------------------------------------------------------------


def test_an_officer_edits_a_social_workers_article_as_a_new_version(
    signed_in, social_worker, officer
):
    article = make_article(social_worker)
    response = signed_in(officer).post(
        reverse("manual:article_edit", args=[article.slug]), edit_post(article)
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.version == 2
    assert article.owner == social_worker  # editing does not change the owner
    assert "The hub records every decision." in article.body
    assert list(article.versions.values_list("number", "author__username", "summary")) == [
        (2, "officer", "Added how decisions are recorded"),
        (1, "socialworker", "First version"),
    ]
    page = signed_in(officer).get(reverse("manual:article", args=[article.slug])).content.decode()
    assert "Sam Worker" in page and "Pat Officer" in page  # co-authored across agencies
    assert AuditEvent.objects.filter(verb=Verb.CHANGE, object_id=str(article.pk)).count() == 1


def test_a_stale_edit_is_a_conflict_and_saves_nothing(signed_in, social_worker, officer):
    article = make_article(social_worker)
    first = edit_post(article, summary="First editor", body="First editor's text\n")
    second = edit_post(article, summary="Second editor", body="Second editor's text\n")
    url = reverse("manual:article_edit", args=[article.slug])
    assert signed_in(social_worker).post(url, first).status_code == 302
    response = signed_in(officer).post(url, second)  # still names version 1
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else saved a new version of this article" in page
    assert "Second editor&#x27;s text" in page  # their text is kept for them to copy
    assert f"{reverse('manual:compare', args=[article.slug])}?from=1&amp;to=2" in page
    article.refresh_from_db()
    assert article.version == 2
    assert article.body == "First editor's text\n"
    assert article.versions.count() == 2


def test_an_edit_that_changes_nothing_is_refused(signed_in, social_worker):
    article = make_article(social_worker)
    response = signed_in(social_worker).post(
        reverse("manual:article_edit", args=[article.slug]),
        edit_post(article, body=article.body),
    )
    assert response.status_code == 422
    assert "You have not changed anything" in response.content.decode()
    assert article.versions.count() == 1


def test_an_edit_needs_a_summary_of_the_change(signed_in, social_worker):
    article = make_article(social_worker)
    response = signed_in(social_worker).post(
        reverse("manual:article_edit", args=[article.slug]), edit_post(article, summary="")
    )
    assert response.status_code == 422
    assert "Enter a summary of your change" in response.content.decode()
    article.refresh_from_db()
    assert article.version == 1


def test_history_lists_every_version_and_old_versions_can_be_read(
    signed_in, social_worker, officer
):
    article = make_article(social_worker, body="The first words.\n")
    edit_article(article, officer, body="The second words.\n", summary="Reworded")
    client = signed_in(officer)
    history = client.get(reverse("manual:history", args=[article.slug])).content.decode()
    assert "Reworded" in history and "First version" in history
    old = client.get(reverse("manual:version", args=[article.slug, 1])).content.decode()
    assert "The first words." in old
    assert "This is version 1, not the latest" in old
    assert client.get(reverse("manual:version", args=[article.slug, 9])).status_code == 404


def test_the_difference_between_two_versions_is_readable_and_escaped(
    signed_in, social_worker, officer
):
    body = "## Who comes\n\nSocial care, police and health.\n\nKeep it short.\n"
    article = make_article(social_worker, body=body)
    edit_article(
        article,
        officer,
        title="Strategy discussions",
        body="## Who comes\n\nSocial care, police, health and the school.\n\n<script>alert(1)</script>\n",
        summary="Added schools",
    )
    page = (
        signed_in(officer)
        .get(reverse("manual:compare", args=[article.slug]), {"from": 1, "to": 2})
        .content.decode()
    )
    assert "What changed between version 1 and version 2" in page
    removed = '<del><span class="govuk-visually-hidden">[removed] </span>{}</del>'
    added = '<ins><span class="govuk-visually-hidden">[added] </span>{}</ins>'
    assert removed.format("health.") in page
    assert added.format("the school.") in page
    assert "Keep it short." in page  # removed line
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page
    assert "The title changed from" in page


def test_compare_defaults_to_the_latest_change_and_copes_with_odd_numbers(signed_in, social_worker):
    article = make_article(social_worker, body="One.\n")
    edit_article(article, social_worker, body="Two.\n")
    client = signed_in(social_worker)
    url = reverse("manual:compare", args=[article.slug])
    assert "between version 1 and version 2" in client.get(url).content.decode()
    swapped = client.get(url, {"from": 2, "to": 1}).content.decode()
    assert "between version 1 and version 2" in swapped
    assert client.get(url, {"from": "x", "to": "'; drop"}).status_code == 200
    assert client.get(url, {"from": 1, "to": 40}).status_code == 404


# Owner and review date ----------------------------------------------------------------------


def look_after_post(owner, review_by):
    return {
        "owner": owner.pk,
        "review_day": review_by.day,
        "review_month": review_by.month,
        "review_year": review_by.year,
    }


def test_the_owner_hands_the_article_on_and_the_new_owner_is_told(
    signed_in, social_worker, hub_manager
):
    article = make_article(social_worker)
    review_by = timezone.localdate() + timedelta(days=200)
    response = signed_in(social_worker).post(
        reverse("manual:look_after", args=[article.slug]), look_after_post(hub_manager, review_by)
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.owner, article.review_by) == (hub_manager, review_by)
    assert article.last_reviewed_at is not None
    message = OutboxMessage.objects.get(recipient=hub_manager)
    assert article.title in message.subject
    assert message.link == reverse("manual:article", args=[article.slug])


def test_an_administrator_may_change_the_owner_but_an_editor_may_not(
    signed_in, social_worker, officer, administrator
):
    article = make_article(social_worker)
    url = reverse("manual:look_after", args=[article.slug])
    review_by = timezone.localdate() + timedelta(days=30)
    # Refused at the door with the 404 of an article that does not exist.
    assert signed_in(officer).get(url).status_code == 404
    assert signed_in(officer).post(url, look_after_post(officer, review_by)).status_code == 404
    article.refresh_from_db()
    assert article.owner == social_worker
    admin = signed_in(administrator)
    assert admin.get(url).status_code == 200
    assert admin.post(url, look_after_post(officer, review_by)).status_code == 302
    article.refresh_from_db()
    assert article.owner == officer


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "", "", "Enter the review date"),
        ("31", "2", "2030", "must be a real date"),
        ("1", "", "2030", "must include a month"),
        ("1", "1", "30", "must be a real date"),
        ("1", "1", "2001", "must be in the future"),
        ("1", "1", "2999", "must be within 3 years"),
    ],
)
def test_bad_review_dates_are_refused(signed_in, social_worker, day, month, year, message):
    article = make_article(social_worker)
    before = article.review_by
    response = signed_in(social_worker).post(
        reverse("manual:look_after", args=[article.slug]),
        {"owner": social_worker.pk, "review_day": day, "review_month": month, "review_year": year},
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    article.refresh_from_db()
    assert article.review_by == before


def test_the_owner_must_be_someone_who_may_write(signed_in, social_worker, social_care):
    analyst = PractitionerFactory(agency=social_care, role=Role.ANALYST)
    article = make_article(social_worker)
    response = signed_in(social_worker).post(
        reverse("manual:look_after", args=[article.slug]),
        look_after_post(analyst, timezone.localdate() + timedelta(days=30)),
    )
    assert response.status_code == 422
    assert "Select the owner" in response.content.decode()


# Possibly out of date ----------------------------------------------------------------------


def test_an_article_past_its_review_date_is_flagged_everywhere(
    signed_in, officer, social_worker, police
):
    topic = Topic.objects.create(name="Police powers", slug="police-powers")
    yesterday = timezone.localdate() - timedelta(days=1)
    stale = make_article(
        social_worker,
        title="Police protection at night",
        body="Police protection lasts up to 72 hours.\n",
        review_by=yesterday,
        agencies=[police],
        topics=[topic],
    )
    fresh = make_article(officer, title="Police checks", body="Police checks take time.\n")
    assert stale.is_possibly_out_of_date() and not fresh.is_possibly_out_of_date()
    client = signed_in(officer)
    flag = "Possibly out of date"
    article_page = client.get(reverse("manual:article", args=[stale.slug])).content.decode()
    assert flag in article_page
    assert f"due for review on {yesterday:%-d %B %Y}" in article_page
    assert flag not in client.get(reverse("manual:article", args=[fresh.slug])).content.decode()
    for url, params in [
        (reverse("manual:index"), {}),
        (reverse("manual:topic", args=[topic.slug]), {}),
        (reverse("manual:search"), {"q": "police"}),
        (reverse("manual:out_of_date"), {}),
        (reverse("agencies:detail", args=[police.pk]), {}),
    ]:
        assert flag in client.get(url, params).content.decode(), url
    out_of_date = client.get(reverse("manual:out_of_date")).content.decode()
    assert "Police protection at night" in out_of_date
    assert "Police checks" not in out_of_date


def test_my_work_panel_shows_the_owner_what_needs_review(social_worker, officer):
    assert manual_panels(officer) == []
    make_article(social_worker, title="Due", review_by=timezone.localdate() - timedelta(days=3))
    make_article(social_worker, title="Fine")
    [panel] = manual_panels(social_worker)
    assert panel.title == "Manual articles you own"
    assert "You own 2 manual articles; 1 due for review" in panel.summary
    assert [(text, tag) for text, _, tag in panel.items] == [("Due", "Review due")]
    assert panel.link == reverse("manual:out_of_date")


def test_long_unchanged_stretches_are_left_out_of_a_difference():
    from frontdoor.manual.diff import compare

    before = "\n\n".join(f"Paragraph {n}." for n in range(1, 21))
    after = before.replace("Paragraph 10.", "Paragraph ten.")
    difference = compare("T", before, "T", after)
    kinds = [line.kind for line in difference.lines]
    assert kinds == ["gap", "same", "same", "changed", "same", "same", "gap"]
    assert (difference.added, difference.removed) == (1, 1)
    assert compare("T", before, "T", before).identical
