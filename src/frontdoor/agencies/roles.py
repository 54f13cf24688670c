"""Practitioner roles. A practitioner holds exactly one role."""

from django.db import models


class Role(models.TextChoices):
    FRONTLINE = "frontline", "Frontline practitioner"
    HUB_PRACTITIONER = "hub_practitioner", "Hub practitioner"
    HUB_MANAGER = "hub_manager", "Hub manager"
    MEETING_CHAIR = "meeting_chair", "Meeting chair"
    PARTNERSHIP_MANAGER = "partnership_manager", "Partnership manager"
    ANALYST = "analyst", "Analyst"
    ADMINISTRATOR = "administrator", "Administrator"


# Roles whose work shows case or personal data. They must pass a second factor
# (SECURITY.md promise 11). Partnership managers see aggregate figures only.
ROLES_SEEING_CASE_DATA = frozenset(
    {
        Role.FRONTLINE,
        Role.HUB_PRACTITIONER,
        Role.HUB_MANAGER,
        Role.MEETING_CHAIR,
        Role.ANALYST,
        Role.ADMINISTRATOR,
    }
)

# Roles that may maintain their own agency's profile.
ROLES_MAINTAINING_PROFILE = frozenset({Role.HUB_MANAGER, Role.PARTNERSHIP_MANAGER})

# Hub (MASH) roles see every submitted contact: the hub is the partnership's front door.
HUB_ROLES = frozenset({Role.HUB_PRACTITIONER, Role.HUB_MANAGER})

# Roles that make referrals and answer information requests for their agency.
CASEWORK_ROLES = frozenset(
    {Role.FRONTLINE, Role.HUB_PRACTITIONER, Role.HUB_MANAGER, Role.MEETING_CHAIR}
)
