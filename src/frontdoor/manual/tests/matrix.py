"""The joint working manual in the permission matrix.

Every signed-in practitioner reads, searches and gives feedback; casework and manager roles
write and edit; only the article's owner (not one of the personas) or an administrator sets
its owner and review date. The POSTs send no data: whoever may act gets 422, nothing changes.
"""

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import PractitionerFactory
from frontdoor.core.testing.matrix import Endpoint, everyone, roles_else
from frontdoor.manual import services
from frontdoor.manual.access import WRITER_ROLES

ADMIN = [Role.ADMINISTRATOR]
SECRET_FEEDBACK = "Tell-tale: only the owner reads this comment"


def _manual(world):
    """An article owned by someone who is not a persona, with two versions and feedback."""
    if "manual_article" not in world.objects:
        owner = PractitionerFactory(
            username="manual.owner", agency=world.involved, role=Role.HUB_MANAGER
        )
        topic = services.topic_create(by=None, name="Matrix topic")
        article = services.article_create(
            by=owner,
            title="Matrix article",
            body="## About\n\nWhat the matrix checks.\n",
            slug="matrix-article",
            topics=[topic],
            agencies=[world.involved],
        )
        services.article_edit(
            article=article,
            by=owner,
            base_version=1,
            title="Matrix article",
            body="## About\n\nWhat the matrix checks, for every role.\n",
            summary="Second version",
        )
        reader = PractitionerFactory(username="manual.reader", agency=world.uninvolved)
        services.feedback_give(article=article, by=reader, helpful=False, comment=SECRET_FEEDBACK)
        world.objects.update(manual_article=article, manual_topic=topic)
    return world.objects["manual_article"]


def article(world):
    return {"slug": _manual(world).slug}


def version_one(world):
    return {"slug": _manual(world).slug, "number": 1}


def topic(world):
    _manual(world)
    return {"slug": world.objects["manual_topic"].slug}


def feedback_comment(world):
    return SECRET_FEEDBACK


def nothing(world):
    return {}


ENDPOINTS = [
    Endpoint("manual:index", everyone()),
    Endpoint("manual:search", everyone(), data=lambda world: {"q": "matrix"}),
    Endpoint("manual:out_of_date", everyone()),
    Endpoint("manual:topic", everyone(), kwargs=topic),
    Endpoint("manual:article", everyone(), kwargs=article),
    Endpoint("manual:history", everyone(), kwargs=article),
    Endpoint("manual:version", everyone(), kwargs=version_one),
    Endpoint("manual:compare", everyone(), kwargs=article),
    Endpoint("manual:article_create", roles_else(WRITER_ROLES)),
    Endpoint(
        "manual:article_create", roles_else(WRITER_ROLES, ok=422), method="post", data=nothing
    ),
    Endpoint("manual:article_edit", roles_else(WRITER_ROLES), kwargs=article),
    Endpoint(
        "manual:article_edit",
        roles_else(WRITER_ROLES, ok=422),
        kwargs=article,
        method="post",
        data=nothing,
    ),
    Endpoint("manual:feedback", everyone(422), kwargs=article, method="post", data=nothing),
    Endpoint("manual:look_after", roles_else(ADMIN), kwargs=article, secret=feedback_comment),
    Endpoint(
        "manual:look_after",
        roles_else(ADMIN, ok=422),
        kwargs=article,
        method="post",
        data=nothing,
        secret=feedback_comment,
    ),
]
