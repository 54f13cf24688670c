"""Demo ethnicity on the person index, so that the statutory returns show recorded codes.

Fictional and seeded: about a third of people stay "information not yet obtained", as they
would in a real index where partners have not yet recorded it.
"""

from __future__ import annotations

import random

from frontdoor.people.models import Ethnicity, Person

# Rough weights, for a varied demo only; not statistics about any place.
_WEIGHTS = {
    Ethnicity.WBRI: 40,
    Ethnicity.WOTH: 5,
    Ethnicity.WIRT: 1,
    Ethnicity.MWBC: 3,
    Ethnicity.MWAS: 2,
    Ethnicity.AIND: 6,
    Ethnicity.APKN: 7,
    Ethnicity.ABAN: 2,
    Ethnicity.BAFR: 3,
    Ethnicity.BCRB: 1,
    Ethnicity.CHNE: 1,
    Ethnicity.REFU: 1,
    Ethnicity.NOBT: 35,
}


def build_ethnicity(*, seed: int = 2026) -> int:
    """Record an ethnicity on each person still 'not yet obtained'; returns how many changed."""
    rng = random.Random(f"{seed}-ethnicity")  # nosec B311
    codes, weights = list(_WEIGHTS), list(_WEIGHTS.values())
    changed = 0
    for person in Person.objects.filter(ethnicity=Ethnicity.NOBT).order_by("pk"):
        code = rng.choices(codes, weights)[0]
        if code != Ethnicity.NOBT:
            person.ethnicity = code
            person.save(update_fields=["ethnicity"])
            changed += 1
    return changed
