"""The MARAC pages × every role × an involved and an uninvolved agency.

A DASH is completed by an IDVA at the involved agency, linked to the world's front-door
contact (so hub practitioners and managers anywhere may see it) and referred to a MARAC chaired
by the involved agency's meeting chair (the involved agency is invited). Casework roles at the
involved agency see the DASH and prepare research; the hub elsewhere sees the DASH but may not
refer it or research the case (403); other casework roles elsewhere get 404; roles without
casework 404 everywhere (refused before any lookup). Posts are empty: refused without changing anything.
"""

from datetime import timedelta

from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.matrix import REFUSED, Endpoint, World, roles_else

from .matrix import CASEWORK, sees

HUB = (Role.HUB_PRACTITIONER, Role.HUB_MANAGER)
VICTIM = "Tell-tale Marisol Quillfeather-DASH"


def _case(world: World):
    if "marac_case" not in world.objects:
        from frontdoor.core.testing.factories import PractitionerFactory
        from frontdoor.meetings import dash_2009, marac, services
        from frontdoor.meetings.models import Checklist, MeetingType, Question

        checklist = dash_2009.load(Checklist, Question)
        idva = PractitionerFactory(
            username="matrix.idva", agency=world.involved, role=Role.FRONTLINE
        )
        assessment = marac.dash_complete(
            by=idva,
            checklist=checklist,
            victim_name=VICTIM,
            completed_as="idva",
            completed_on=timezone.localdate(),
            answers={n: "yes" for n in range(1, 25)},
            contact=world.objects["contact"],
        )
        chair = world.personas[(Role.MEETING_CHAIR, True)]
        meeting = services.meeting_create(
            by=chair,
            type=MeetingType.MARAC,
            starts_at=timezone.now() + timedelta(days=3),
            chair=chair,
            title="Matrix MARAC",
            agencies=[world.involved],
        )
        case = marac.marac_refer(assessment=assessment, by=idva, meeting=meeting)
        world.objects.update(dash=assessment, marac_case=case)
    return world.objects["marac_case"]


def dash_kwargs(world: World) -> dict:
    return {"pk": _case(world).assessment.pk}


def case_kwargs(world: World) -> dict:
    return {"pk": _case(world).item.pk}


def _secret(world: World) -> str:
    return VICTIM


def involved_only(ok: int):
    """The involved agency's casework roles; the hub elsewhere sees the case but may not act
    (403); other casework roles elsewhere 404; non-casework refused (404)."""

    def expect(role: str, involved: bool) -> int:
        if role not in CASEWORK:
            return REFUSED
        if involved:
            return ok
        return 403 if role in HUB else 404

    return expect


ENDPOINTS = [
    Endpoint("meetings:dash_list", roles_else(CASEWORK)),
    Endpoint("meetings:dash_new", roles_else(CASEWORK)),
    Endpoint("meetings:dash_new", roles_else(CASEWORK, ok=422), method="post"),
    Endpoint("meetings:dash", sees(), dash_kwargs, secret=_secret),
    Endpoint("meetings:dash_refer", involved_only(422), dash_kwargs, method="post", secret=_secret),
    Endpoint("meetings:research", involved_only(200), case_kwargs, secret=_secret),
    Endpoint("meetings:research", involved_only(422), case_kwargs, method="post", secret=_secret),
]
