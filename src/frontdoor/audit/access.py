from frontdoor.agencies.roles import Role
from frontdoor.core.policy import rule

VIEW_TRAIL = "audit.view_trail"
EXPORT_TRAIL = "audit.export_trail"


@rule(VIEW_TRAIL)
def _view_trail(practitioner, obj=None) -> bool:
    return practitioner.role == Role.ADMINISTRATOR


@rule(EXPORT_TRAIL)
def _export_trail(practitioner, obj=None) -> bool:
    return practitioner.role == Role.ADMINISTRATOR


def events_visible_to(practitioner):
    """The audit events the practitioner may read: all of them for administrators, none otherwise."""
    from .models import AuditEvent

    if practitioner.is_active and practitioner.role == Role.ADMINISTRATOR:
        return AuditEvent.objects.all()
    return AuditEvent.objects.none()
