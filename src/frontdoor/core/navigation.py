"""The service navigation each role sees."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from .permissions import second_factor_missing
from .policy import may


@dataclass(frozen=True)
class NavItem:
    text: str
    href: str
    current: bool


# (label, URL name, permission or None for every signed-in practitioner)
_ITEMS = [
    ("My work", "home", None),
    ("Front door queue", "hub:queue", "referrals.view_queue"),
    ("Possible matches", "matching:queue", "matching.review"),
    ("My referrals", "referrals:mine", "referrals.make"),
    ("Information requests", "sharing:inbox", "sharing.view_inbox"),
    ("Operation Encompass", "sharing:encompass", "sharing.encompass_use"),
    ("Messages", "messages", None),
    ("Actions", "plans:my_actions", "plans.my_actions"),
    ("Agency profiles", "agencies:list", "agencies.view_profiles"),
    ("On duty now", "agencies:duty_now", None),
    ("Manual", "manual:index", None),
    ("Service directory", "directory:search", None),
    ("Dashboard", "insights:dashboard", "insights.view_dashboard"),
    ("Partnership map", "directory:partnership_map", "directory.view_partnership"),
    ("Supervision", "supervision:index", None),
    ("Meetings", "meetings:list", "meetings.view"),
    ("Disagreements", "disagreements:mine", None),
    ("Partnership health", "insights:health", "insights.view_survey_results"),
    ("Recurrence", "incidents:recurrence_cohort", "recurrence.build_cohort"),
    ("Harm concentration", "incidents:recurrence_concentration", "recurrence.see_concentration"),
    ("Practitioners", "agencies:practitioner_list", "agencies.administer"),
    ("Statutory returns", "insights:statutory_index", "insights.statutory_export"),
    ("Incident imports", "incidents:import_index", "incidents.import"),
    ("Harm weights", "incidents:harm_weights", "incidents.edit_weights"),
    ("Audit trail", "audit:list", "audit.view_trail"),
    ("My account", "agencies:my_account", None),
]


def navigation_for(request) -> list[NavItem]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or second_factor_missing(request):
        return []
    items = []
    for text, url_name, permission in _ITEMS:
        if permission and not may(user, permission):
            continue
        href = reverse(url_name)
        current = request.path == href if href == "/" else request.path.startswith(href)
        items.append(NavItem(text=text, href=href, current=current))
    return items
