"""``{% contact_disagreements contact %}``: the disagreements panel on a case's page."""

from django import template

from frontdoor.core.policy import may

from .. import access
from ..models import Disagreement
from ..safety import safety_owners

register = template.Library()


@register.inclusion_tag("disagreements/_contact_panel.html", takes_context=True)
def contact_disagreements(context, contact):
    user = context["request"].user
    on_contact = access.disagreement_states_on_contact(contact)
    # Most cases have no disagreement: then the panel needs no more queries (the visibility
    # query joins nine tables and costs more to plan than to run).
    found = list(access.disagreements_on_contact(user, contact)) if on_contact else []
    running = Disagreement.Status.OPEN in on_contact.values()
    return {
        "contact": contact,
        "disagreements": found,
        "safety": safety_owners(contact) if running else None,
        "can_raise": may(user, access.RAISE) and contact.status != "draft",
    }
