"""``{% contact_disagreements contact %}``: the disagreements panel on a case's page."""

from django import template

from frontdoor.core.policy import may

from .. import access
from ..safety import safety_owners

register = template.Library()


@register.inclusion_tag("disagreements/_contact_panel.html", takes_context=True)
def contact_disagreements(context, contact):
    user = context["request"].user
    found = list(access.disagreements_on_contact(user, contact))
    running = any(d.is_open for d in found) or contact_has_open_disagreement(contact)
    return {
        "contact": contact,
        "disagreements": found,
        "safety": safety_owners(contact) if running else None,
        "can_raise": may(user, access.RAISE) and contact.status != "draft",
    }


def contact_has_open_disagreement(contact) -> bool:
    return access.open_disagreement_exists(contact)
