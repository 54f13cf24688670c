""" "Was this helpful?": stored, sent to the owner through the outbox, seen by the owner only."""

from unittest import mock

import pytest
from django.db import IntegrityError
from django.urls import reverse

from frontdoor.audit.models import AuditEvent, Verb
from frontdoor.core.models import OutboxMessage
from frontdoor.manual import services
from frontdoor.manual.models import Feedback

from .helpers import make_article

pytestmark = pytest.mark.django_db


def test_feedback_reaches_the_owner_and_only_the_owner_reads_it(
    signed_in, social_worker, officer, hub_manager
):
    article = make_article(social_worker)
    url = reverse("manual:feedback", args=[article.slug])
    response = signed_in(officer).post(
        url, {"helpful": "no", "comment": "Say which email address to use."}
    )
    assert response.status_code == 302
    assert response.url == reverse("manual:article", args=[article.slug])
    feedback = Feedback.objects.get()
    assert (feedback.helpful, feedback.given_by, feedback.version_number) == (False, officer, 1)
    message = OutboxMessage.objects.get()
    assert message.recipient == social_worker
    assert message.dedupe_key == f"manual:feedback:{feedback.pk}"
    assert "not helpful" in message.subject
    assert "Say which email address to use." in message.body
    assert message.link.endswith("#feedback")
    assert AuditEvent.objects.filter(verb=Verb.CREATE, object_type="manual.feedback").count() == 1

    owner_page = signed_in(social_worker).get(response.url).content.decode()
    assert "Feedback on this article" in owner_page
    assert "Say which email address to use." in owner_page
    assert "0 found it helpful; 1 did not." in owner_page
    other_page = signed_in(hub_manager).get(response.url).content.decode()
    assert "Say which email address to use." not in other_page
    assert "Feedback on this article" not in other_page


def test_an_administrator_reads_feedback_too(signed_in, social_worker, officer, administrator):
    article = make_article(social_worker)
    services.feedback_give(article=article, by=officer, helpful=True, comment="Clear.")
    page = signed_in(administrator).get(reverse("manual:article", args=[article.slug]))
    assert "Clear." in page.content.decode()


def test_feedback_without_an_answer_is_refused(signed_in, social_worker, officer):
    article = make_article(social_worker)
    response = signed_in(officer).post(
        reverse("manual:feedback", args=[article.slug]), {"comment": "Hmm"}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "Select yes if this article was helpful" in page
    assert 'href="#id_helpful"' in page
    assert not Feedback.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_feedback_cannot_be_read_with_a_get(signed_in, social_worker, officer):
    article = make_article(social_worker)
    response = signed_in(officer).get(reverse("manual:feedback", args=[article.slug]))
    assert response.status_code == 405


def test_feedback_comments_are_escaped_for_the_owner(signed_in, social_worker, officer):
    article = make_article(social_worker)
    services.feedback_give(
        article=article, by=officer, helpful=False, comment="<img src=x onerror=alert(1)>"
    )
    page = signed_in(social_worker).get(reverse("manual:article", args=[article.slug]))
    html = page.content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_the_message_and_the_feedback_are_one_transaction(social_worker, officer):
    """Promise 20: if the message cannot be written, the feedback is not kept either."""
    article = make_article(social_worker)
    with (
        mock.patch("frontdoor.manual.services.outbox_write", side_effect=IntegrityError("boom")),
        pytest.raises(IntegrityError),
    ):
        services.feedback_give(article=article, by=officer, helpful=True, comment="Good")
    assert not Feedback.objects.exists()


def test_each_piece_of_feedback_is_its_own_message(social_worker, officer):
    article = make_article(social_worker)
    services.feedback_give(article=article, by=officer, helpful=True)
    services.feedback_give(article=article, by=officer, helpful=True)
    assert OutboxMessage.objects.filter(recipient=social_worker).count() == 2


def test_owners_are_not_sent_their_own_feedback(social_worker):
    article = make_article(social_worker)
    services.feedback_give(article=article, by=social_worker, helpful=True)
    assert Feedback.objects.count() == 1
    assert not OutboxMessage.objects.exists()
