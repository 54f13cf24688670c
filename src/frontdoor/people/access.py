from frontdoor.agencies.roles import HUB_ROLES
from frontdoor.core.policy import may, rule

from .models import Person

SEARCH_INDEX = "people.search_index"


@rule(SEARCH_INDEX)
def _search_index(practitioner, obj=None) -> bool:
    # Only the hub checks whether a subject is already known: referrers do not browse the index.
    return practitioner.role in HUB_ROLES


def person_for_linking(practitioner, pk) -> Person | None:
    """A person on the index the hub may link a subject to; None when there is no such person."""
    if not may(practitioner, SEARCH_INDEX):
        return None
    if not str(pk).isdigit():
        return None
    return Person.objects.filter(pk=int(pk)).first()
