"""Who may read, write and look after manual articles.

The manual holds practice wisdom, not personal data: every signed-in practitioner may read
it, search it and say whether an article helped, and reading is not audited. Any casework or
manager role may write a new article or edit one (articles are co-authored across agencies).
Only an article's owner, or an administrator, hands it to a new owner, sets its review date
or reads the feedback left on it.
"""

from __future__ import annotations

from frontdoor.agencies.roles import CASEWORK_ROLES, Role
from frontdoor.core.access import load_or_404, require
from frontdoor.core.policy import may, rule

from .models import Article

READ = "manual.read"
WRITE = "manual.write"
GIVE_FEEDBACK = "manual.give_feedback"
LOOK_AFTER = "manual.look_after"

# Casework roles write from experience; managers write the partnership's expectations.
WRITER_ROLES = CASEWORK_ROLES | {Role.PARTNERSHIP_MANAGER}

__all__ = ["GIVE_FEEDBACK", "LOOK_AFTER", "READ", "WRITE", "WRITER_ROLES", "may"]


@rule(READ)
def _read(practitioner, article=None) -> bool:
    return True


@rule(GIVE_FEEDBACK)
def _give_feedback(practitioner, article=None) -> bool:
    return True


@rule(WRITE)
def _write(practitioner, article=None) -> bool:
    return practitioner.role in WRITER_ROLES


@rule(LOOK_AFTER)
def _look_after(practitioner, article=None) -> bool:
    if practitioner.role == Role.ADMINISTRATOR:
        return True
    if article is None:
        return Article.objects.filter(owner=practitioner).exists()
    return article.owner_id == practitioner.pk


def article_for_reading(practitioner, slug: str) -> Article:
    return load_or_404(Article.objects.for_lists().prefetch_related("agencies"), slug=slug)


def article_for_editing(practitioner, slug: str) -> Article:
    article = article_for_reading(practitioner, slug)
    require(practitioner, WRITE, article)
    return article


def article_for_looking_after(practitioner, slug: str) -> Article:
    article = article_for_reading(practitioner, slug)
    require(practitioner, LOOK_AFTER, article)
    return article
