"""The learning themes a partnership starts with (the migration seeds the same list).

A flushed database (``demo_load --reset``, or the test runner between browser tests) loses the
rows the migration seeded; ``ensure_default_themes`` puts them back when there are none at all,
and never touches a partnership's own list once it has one.
"""

from __future__ import annotations

from .models import Theme

DEFAULT_THEMES = [
    ("Threshold or eligibility", "Whether the case meets a service's threshold or criteria."),
    ("Information sharing", "What was or was not shared, with whom and when."),
    ("Decision-making", "The decision reached, or how it was reached."),
    ("Timeliness", "How long a response, assessment or action took."),
    ("Roles and responsibilities", "Which agency or practitioner should act."),
    ("Risk assessment", "How serious the risk to the child or adult was judged to be."),
    ("Communication", "How agencies kept each other and the family informed."),
    ("Resources", "Capacity, funding or availability of a service."),
]


def ensure_default_themes() -> None:
    if Theme.objects.exists():
        return
    for position, (name, description) in enumerate(DEFAULT_THEMES):
        Theme.objects.get_or_create(
            name=name, defaults={"description": description, "position": position}
        )
