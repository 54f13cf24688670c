"""Every meetings URL × every role × an involved and an uninvolved agency.

The meeting is chaired by the involved agency's meeting chair and the involved agency is
invited; a case on its agenda came through the front door, so hub practitioners and managers
(who see every contact sent to the hub) see it too. Everyone else gets 404 on the meeting,
and roles without casework 404 everywhere too. Posts are empty: they must be refused without
changing anything (422 for the chair, 403/404 for everyone else).
"""

from datetime import timedelta

from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.matrix import REFUSED, Endpoint, World, roles_else

CASEWORK = (Role.FRONTLINE, Role.HUB_PRACTITIONER, Role.HUB_MANAGER, Role.MEETING_CHAIR)
CHAIRS = (Role.MEETING_CHAIR, Role.HUB_MANAGER)
SECRET = "Tell-tale: the Quillfeather meeting decision"  # noqa: S105 (not a password)


def _meeting(world: World):
    if "meeting" not in world.objects:
        from frontdoor.meetings import services
        from frontdoor.meetings.models import MeetingType

        chair = world.personas[(Role.MEETING_CHAIR, True)]
        meeting = services.meeting_create(
            by=chair,
            type=MeetingType.STRATEGY,
            starts_at=timezone.now() + timedelta(hours=2),
            chair=chair,
            title="Matrix strategy discussion",
            agencies=[world.involved],
        )
        item = services.item_add(meeting=meeting, by=chair, contact=world.objects["contact"])
        item.decisions = SECRET
        item.save(update_fields=["decisions"])
        world.objects.update(meeting=meeting, meeting_item=item)
    return world.objects["meeting"]


def meeting_kwargs(world: World) -> dict:
    return {"pk": _meeting(world).pk}


def item_kwargs(world: World) -> dict:
    _meeting(world)
    return {"pk": world.objects["meeting_item"].pk}


def sees(ok: int = 200, *, chair_only: bool = False, chair_status: int | None = None):
    """Casework roles at the invited agency, and the hub anywhere, see the meeting; the
    uninvolved agency's other casework roles get 404, as do non-casework roles."""

    def expect(role: str, involved: bool) -> int:
        if role not in CASEWORK:
            return REFUSED
        visible = involved or role in (Role.HUB_PRACTITIONER, Role.HUB_MANAGER)
        if not visible:
            return 404
        if chair_only:
            is_chair = role == Role.MEETING_CHAIR and involved
            return (chair_status or ok) if is_chair else 403
        return ok

    return expect


def _secret(world: World) -> str:
    return SECRET


ENDPOINTS = [
    Endpoint("meetings:list", roles_else(CASEWORK)),
    Endpoint("meetings:create", roles_else(CHAIRS)),
    Endpoint("meetings:create", roles_else(CHAIRS, ok=422), method="post"),
    Endpoint("meetings:daily_create", roles_else(CHAIRS, ok=302), method="post"),
    Endpoint("meetings:detail", sees(), meeting_kwargs, secret=_secret),
    Endpoint("meetings:minutes", sees(), meeting_kwargs, secret=_secret),
    Endpoint("meetings:item", sees(), item_kwargs, secret=_secret),
    Endpoint("meetings:item", sees(chair_only=True, chair_status=422), item_kwargs, method="post"),
    Endpoint("meetings:attendance", sees(chair_only=True), meeting_kwargs, secret=_secret),
    Endpoint(
        "meetings:attendance",
        sees(chair_only=True, chair_status=422),
        meeting_kwargs,
        method="post",
    ),
    Endpoint(
        "meetings:item_add", sees(chair_only=True, chair_status=422), meeting_kwargs, method="post"
    ),
    Endpoint(
        "meetings:mark_held", sees(chair_only=True, chair_status=422), meeting_kwargs, method="post"
    ),
    Endpoint(
        "meetings:issue_minutes",
        sees(chair_only=True, chair_status=422),
        meeting_kwargs,
        method="post",
    ),
    Endpoint(
        "meetings:item_information",
        sees(chair_only=True, chair_status=422),
        item_kwargs,
        method="post",
    ),
    Endpoint("meetings:item_action", sees(chair_only=True), item_kwargs, secret=_secret),
    Endpoint(
        "meetings:item_action",
        sees(chair_only=True, chair_status=422),
        item_kwargs,
        method="post",
    ),
]
