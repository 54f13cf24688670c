"""Identity matching in the permission matrix.

Hub practitioners and hub managers (at any agency: the hub is partnership-wide) work the
review queue; they and administrators open a person's index page and undo a merge. Everyone
else gets 403 and never sees a name from the index. The POSTs send no data: whoever may act
gets 422 and nothing changes. What another agency's record reveals on the pages that do
open is tested in test_pages.py.
"""

from datetime import date

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import AgencyFactory
from frontdoor.core.testing.matrix import Endpoint, roles_else
from frontdoor.people.models import AgencyRecord, Person, RecordKind

HUB = [Role.HUB_PRACTITIONER, Role.HUB_MANAGER]
INDEX = [*HUB, Role.ADMINISTRATOR]
SECRET_NAME = "Quillfeather-Matrixson"


def _matching(world):
    if "matching_item" not in world.objects:
        from frontdoor.matching import services
        from frontdoor.matching.models import ReviewItem

        health = AgencyFactory(name="Matrix Health Trust", sector="health")
        kept = Person.objects.create(
            given_names="Zara", family_name=SECRET_NAME, date_of_birth=date(2018, 2, 28)
        )
        folded = Person.objects.create(
            given_names="Zarah", family_name=SECRET_NAME, date_of_birth=date(2018, 2, 28)
        )
        mine = AgencyRecord.objects.create(
            person=kept,
            agency=world.involved,
            kind=RecordKind.SOCIAL_CARE_CLIENT,
            source_ref="SC-MATRIX-1",
            given_names="Zara",
            family_name=SECRET_NAME,
            date_of_birth=date(2018, 2, 28),
        )
        theirs = AgencyRecord.objects.create(
            person=folded,
            agency=health,
            kind=RecordKind.HEALTH_PATIENT,
            source_ref="NHS-MATRIX-2",
            given_names="Zarah",
            family_name=SECRET_NAME,
            date_of_birth=date(2018, 2, 28),
        )
        item = ReviewItem.objects.create(
            record=theirs,
            other_record=mine,
            other_person=kept,
            match_weight=2.0,
            probability=0.8,
            explanation=[
                {"field": "surname", "label": "Family name", "level": "exact", "weight": 4.0}
            ],
        )
        event = services.merge(
            from_person=folded,
            to_person=kept,
            by=world.personas[(Role.HUB_MANAGER, True)],
            reason="Matrix: the same child",
        )
        world.objects.update(matching_item=item, matching_person=kept, matching_event=event)
    return world.objects


def item(world):
    return {"pk": _matching(world)["matching_item"].pk}


def person(world):
    return {"pk": _matching(world)["matching_person"].pk}


def event(world):
    return {"pk": _matching(world)["matching_event"].pk}


def secret(world):
    _matching(world)
    return SECRET_NAME


ENDPOINTS = [
    Endpoint("matching:queue", roles_else(HUB), secret=secret),
    Endpoint("matching:review", roles_else(HUB), kwargs=item, secret=secret),
    Endpoint(
        "matching:decide",
        roles_else(HUB, ok=422),
        kwargs=item,
        method="post",
        data=lambda world: {},
        secret=secret,
    ),
    Endpoint("matching:person", roles_else(INDEX), kwargs=person, secret=secret),
    Endpoint(
        "matching:undo",
        roles_else(INDEX, ok=422),
        kwargs=event,
        method="post",
        data=lambda world: {},
        secret=secret,
    ),
]
