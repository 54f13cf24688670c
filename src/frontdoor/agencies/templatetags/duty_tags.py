"""``{% who_to_contact_now agency owner %}`` and ``{% who_to_contact_for_contact contact %}``:
the "Who to contact now" panel for cases and actions."""

from django import template

from frontdoor.agencies import duty

register = template.Library()


@register.inclusion_tag("agencies/duty/_who_to_contact.html", takes_context=True)
def who_to_contact_now(context, agency, owner=None):
    """For any case or action with an owner agency and (optionally) a named owner, e.g.
    ``{% who_to_contact_now action.owner_agency action.owner %}``."""
    viewer = getattr(context.get("request"), "user", None)
    return {"advice": duty.who_to_contact(agency, owner, viewer=viewer), "handover_url": ""}


@register.inclusion_tag("agencies/duty/_who_to_contact.html", takes_context=True)
def who_to_contact_for_contact(context, contact):
    from django.urls import reverse

    from frontdoor.agencies.access_duty import HAND_OVER
    from frontdoor.core.policy import may

    viewer = getattr(context.get("request"), "user", None)
    handover_url = ""
    if viewer is not None and contact.status not in ("draft", "decided"):
        if may(viewer, HAND_OVER, contact):
            handover_url = reverse("agencies:duty_handover", args=[contact.pk])
    return {
        "advice": duty.who_to_contact_for_contact(contact, viewer=viewer),
        "handover_url": handover_url,
    }
