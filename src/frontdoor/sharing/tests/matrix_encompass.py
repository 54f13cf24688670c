"""Operation Encompass in the permission matrix.

world.uninvolved is a police agency: its frontline and hub personas record notifications and
see the one their agency sent (to a school outside the world, whose DSL is not a persona).
Every other persona - the children's social care agency, and the police's chairs, analysts,
partnership managers and administrators - gets 403 on the lists and forms and 404 on the
notification (its child's name never shows). The police who see it may not acknowledge it
(403). The school's side (DSLs, another school) is tested in test_encompass.py. School holidays
are kept by administrators and partnership managers.
"""

from datetime import date, datetime, timedelta

from django.utils import timezone

from frontdoor.agencies.roles import Role
from frontdoor.core.testing.factories import AgencyFactory, PractitionerFactory
from frontdoor.core.testing.matrix import Endpoint, roles_else
from frontdoor.sharing.access_encompass import HOLIDAY_KEEPERS, POLICE_ROLES

CHILD = "Tell-tale: Ottoline Encompass-Matrix"


def police_only(ok: int = 200, otherwise: int = 403):
    return lambda role, involved: ok if (not involved and role in POLICE_ROLES) else otherwise


def _notification(world):
    if "encompass" not in world.objects:
        from frontdoor.sharing.encompass import notification_record

        school = AgencyFactory(name="Matrix Primary School", sector="education")
        PractitionerFactory(
            username="matrix.dsl",
            agency=school,
            role=Role.FRONTLINE,
            job_title="Designated Safeguarding Lead",
        )
        now = timezone.localtime()
        world.objects["encompass"] = notification_record(
            by=world.personas[(Role.FRONTLINE, False)],
            data={
                "police_reference": "MX-0001",
                "occurred_at": datetime.combine(
                    now.date() - timedelta(days=1), now.time(), now.tzinfo
                ),
                "location": "The family home",
                "circumstances": "A verbal argument; the child was upstairs.",
                "school": school,
                "child_given_names": "Tell-tale: Ottoline",
                "child_family_name": "Encompass-Matrix",
                "child_date_of_birth": date(now.year - 9, 1, 15),
                "child_present": True,
                "child_lives_in_household": True,
                "voice_of_child": "",
            },
        )
    return {"pk": world.objects["encompass"].pk}


def _holiday(world):
    if "school_holiday" not in world.objects:
        from frontdoor.sharing.models import SchoolHoliday

        world.objects["school_holiday"] = SchoolHoliday.objects.create(
            name="Matrix half term", first_day=date(2026, 2, 16), last_day=date(2026, 2, 20)
        )
    return {"pk": world.objects["school_holiday"].pk}


def child(world):
    return CHILD


ENDPOINTS = [
    Endpoint("sharing:encompass", police_only()),
    Endpoint("sharing:encompass_new", police_only()),
    Endpoint("sharing:encompass_new", police_only(ok=422), method="post", data=lambda world: {}),
    Endpoint(
        "sharing:encompass_detail", police_only(otherwise=404), kwargs=_notification, secret=child
    ),
    Endpoint(
        "sharing:encompass_acknowledge",
        police_only(ok=403, otherwise=404),
        kwargs=_notification,
        method="post",
        data=lambda world: {},
        secret=child,
    ),
    # School holidays: configuration kept by administrators and partnership managers. The
    # first keeper removes the holiday; removing it again is the same redirect.
    Endpoint("sharing:encompass_holidays", roles_else(HOLIDAY_KEEPERS)),
    Endpoint(
        "sharing:encompass_holidays",
        roles_else(HOLIDAY_KEEPERS, ok=422),
        method="post",
        data=lambda world: {},
    ),
    Endpoint(
        "sharing:encompass_holiday_remove",
        roles_else(HOLIDAY_KEEPERS, ok=302),
        kwargs=_holiday,
        method="post",
    ),
]
