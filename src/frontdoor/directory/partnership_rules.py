"""Which members the law requires of each statutory body, held as data, and the check.

A requirement is met by a current membership (dates honoured) of an agency in one of the
listed sectors. The agencies app records sectors, not legal identities, so "the local
authority" is met by the council's children's or adult social care or housing service, and
"the integrated care board" by an NHS body: the check is a prompt for the partnership
manager, not a legal opinion.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontdoor.agencies.models import Agency

from .models.partnership import Body, BodyType, current_membership

S = Agency.Sector


@dataclass(frozen=True)
class Requirement:
    label: str
    sectors: frozenset[str]


@dataclass(frozen=True)
class Statute:
    act: str
    requires: tuple[Requirement, ...]


COUNCIL = Requirement(
    "the local authority",
    frozenset({S.CHILDRENS_SOCIAL_CARE, S.ADULT_SOCIAL_CARE, S.HOUSING}),
)
POLICE = Requirement("the police", frozenset({S.POLICE}))
ICB = Requirement("the integrated care board", frozenset({S.HEALTH}))

STATUTES: dict[str, Statute] = {
    BodyType.COMMUNITY_SAFETY: Statute(
        "Crime and Disorder Act 1998, sections 5 and 6 (as amended)",
        (
            COUNCIL,
            POLICE,
            Requirement("fire and rescue", frozenset({S.FIRE})),
            Requirement("probation", frozenset({S.PROBATION})),
            ICB,
        ),
    ),
    BodyType.SAFEGUARDING_CHILDREN: Statute(
        "Children Act 2004, section 16E (as amended by the Children and Social Work Act 2017)",
        (
            Requirement("the local authority", frozenset({S.CHILDRENS_SOCIAL_CARE})),
            ICB,
            POLICE,
        ),
    ),
    BodyType.SAFEGUARDING_ADULTS: Statute(
        "Care Act 2014, section 43 and schedule 2",
        (
            Requirement("the local authority", frozenset({S.ADULT_SOCIAL_CARE})),
            ICB,
            POLICE,
        ),
    ),
    BodyType.HEALTH_AND_WELLBEING: Statute(
        "Health and Social Care Act 2012, section 194",
        (
            Requirement("the director of adult social services", frozenset({S.ADULT_SOCIAL_CARE})),
            Requirement(
                "the director of children's services", frozenset({S.CHILDRENS_SOCIAL_CARE})
            ),
            ICB,
        ),
    ),
}

INFORMAL = "Not statutory: set up by local agreement"


def statutory_basis(body: Body) -> str:
    statute = STATUTES.get(body.classification)
    return statute.act if statute else INFORMAL


def missing_members(body: Body, sectors: set[str] | None = None) -> list[str]:
    """The required members a statutory body has no current membership for (labels)."""
    statute = STATUTES.get(body.classification)
    if statute is None:
        return []
    if sectors is None:
        sectors = set(
            body.memberships.filter(current_membership()).values_list("agency__sector", flat=True)
        )
    return [r.label for r in statute.requires if not (r.sectors & sectors)]


def missing_by_body(bodies) -> dict[int, list[str]]:
    """``missing_members`` for many bodies in one query."""
    from .models.partnership import Membership

    ids = [b.pk for b in bodies]
    sectors: dict[int, set[str]] = {pk: set() for pk in ids}
    for body_id, sector in Membership.objects.filter(
        current_membership(), body_id__in=ids
    ).values_list("body_id", "agency__sector"):
        sectors[body_id].add(sector)
    return {b.pk: missing_members(b, sectors[b.pk]) for b in bodies}
