from frontdoor.agencies.roles import HUB_ROLES
from frontdoor.core.policy import rule

SEARCH_INDEX = "people.search_index"


@rule(SEARCH_INDEX)
def _search_index(practitioner, obj=None) -> bool:
    # Only the hub checks whether a subject is already known: referrers do not browse the index.
    return practitioner.role in HUB_ROLES
