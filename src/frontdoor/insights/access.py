"""Who may see the partnership's figures, surveys, evaluations and statutory exports."""

from __future__ import annotations

# Statutory returns (issue 9 item 5) ---------------------------------------------------------
from frontdoor.agencies.roles import Role
from frontdoor.core.policy import rule

STATUTORY_EXPORT = "insights.statutory_export"
# Analysts produce the returns (DESIGN.md); administrators stand in for them. Hub managers
# see contacts one at a time and do not need the whole front door's data in one file.
STATUTORY_EXPORT_ROLES = frozenset({Role.ANALYST, Role.ADMINISTRATOR})


@rule(STATUTORY_EXPORT)
def _statutory_export(practitioner, obj=None) -> bool:
    return practitioner.role in STATUTORY_EXPORT_ROLES


def statutory_subjects(practitioner):
    """Subjects of every sent contact for those who may export returns; none for anyone else."""
    from frontdoor.referrals.models import Subject

    if not practitioner.is_active or practitioner.role not in STATUTORY_EXPORT_ROLES:
        return Subject.objects.none()
    return Subject.objects.filter(contact__submitted_at__isnull=False)
