"""The plans panel on the hub's contact page, loaded through ``plans.access``."""

from django import template

from frontdoor.plans import access

register = template.Library()


@register.simple_tag(takes_context=True)
def plans_for_contact(context, contact) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"can_start": False, "plans": []}
    return {
        "can_start": access.may(user, access.START_PLAN, contact),
        "plans": list(access.plans_visible_to(user).filter(contact=contact)),
    }
