"""The demo partnership map: Northshire's boards, partnerships, sub-groups and panels.

Seeded and repeatable. The bodies are the kinds every English safeguarding partnership has
(their statutory bases are real); their names, members and representatives are the demo's
invented agencies and practitioners. Review dates are relative to the day the demo is loaded,
so some bodies are always overdue for review. One community safety partnership (Wyre) has
lost its probation member, whose membership ended last year, so the statutory-member flag
shows; Pennine's MARAC, an adults board sub-group, an early help panel and Wyre's partnership
are overdue for review.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from frontdoor.agencies.models import Agency, Area, Practitioner
from frontdoor.agencies.roles import Role
from frontdoor.directory.models.partnership import (
    Body,
    BodyReview,
    BodyType,
    Level,
    MeetingFrequency,
    Membership,
    Post,
)

from . import data

SEC = Agency.Sector
# Who usually sits on a strategic board for each kind of agency, where no one is named.
SENIOR_ROLE = {
    SEC.POLICE: "Detective Chief Superintendent, Public Protection",
    SEC.CHILDRENS_SOCIAL_CARE: "Director of Children's Services",
    SEC.ADULT_SOCIAL_CARE: "Director of Adult Social Services",
    SEC.HEALTH: "Director of Nursing and Safeguarding",
    SEC.PROBATION: "Head of the Probation Delivery Unit",
    SEC.FIRE: "Area Manager, Prevention and Protection",
    SEC.YOUTH_JUSTICE: "Head of Youth Justice",
    SEC.EDUCATION: "Headteacher",
    SEC.HOUSING: "Head of Housing Options",
    SEC.DOMESTIC_ABUSE: "Service Manager",
    SEC.SUBSTANCE_MISUSE: "Service Manager",
    SEC.VOLUNTARY: "Chief Executive",
    SEC.GP: "Named GP for Safeguarding",
}
PREFERRED_ROLES = (
    Role.PARTNERSHIP_MANAGER,
    Role.HUB_MANAGER,
    Role.MEETING_CHAIR,
    Role.HUB_PRACTITIONER,
    Role.FRONTLINE,
)
MARACS = (
    ("Central Northshire MARAC", "Preston", data.CENTRAL, False),
    ("Pennine MARAC", "Burnley", data.PENNINE, True),
    ("Lancaster and Wyre MARAC", "Lancaster", ("Lancaster", "Wyre"), False),
    ("Fylde and West MARAC", "Fylde", ("Fylde", "West Lancashire", "Ribble Valley"), False),
)
WITHOUT_PROBATION = "Wyre"  # its probation member left last year: the flag shows
OVERDUE_CSPS = {"Wyre"}


@dataclass
class DemoMap:
    bodies: list[Body] = field(default_factory=list)
    memberships: int = 0


class _Builder:
    def __init__(self, rng: random.Random, today: date):
        self.rng = rng
        self.today = today
        self.result = DemoMap()
        self.agencies = {a.name: a for a in Agency.objects.all()}
        self.people: dict[int, list[Practitioner]] = {}
        for person in Practitioner.objects.filter(agency__isnull=False, is_active=True).order_by(
            "username"
        ):
            self.people.setdefault(person.agency_id, []).append(person)
        self.areas = {a.name: a for a in Area.objects.all()}

    def agency(self, name: str) -> Agency:
        return self.agencies[name]

    def representative(self, agency: Agency, prefer: tuple[str, ...] = PREFERRED_ROLES):
        people = self.people.get(agency.pk, [])
        for role in prefer:
            for person in people:
                if person.role == role:
                    return person
        return people[0] if people else None

    def review_date(self, *, overdue: bool) -> date:
        if overdue:
            return self.today - timedelta(days=self.rng.randint(20, 120))
        return self.today + timedelta(days=self.rng.randint(60, 540))

    def body(
        self,
        name: str,
        classification: str,
        level: str,
        *,
        area: str = data.COUNTY[0],
        parent: Body | None = None,
        accountable_to: Body | None = None,
        frequency: str = MeetingFrequency.QUARTERLY,
        purpose: str = "",
        overdue: bool = False,
        members: list[tuple[Agency, str]] = (),
        chair: Agency | None = None,
        chair_prefers: tuple[str, ...] = PREFERRED_ROLES,
    ) -> Body:
        founded = self.today - timedelta(days=self.rng.randint(400, 3000))
        body = Body.objects.create(
            name=name,
            classification=classification,
            level=level,
            area=self.areas.get(area),
            parent=parent,
            accountable_to=accountable_to or parent,
            purpose=purpose,
            terms_of_reference=_terms(name, purpose, frequency),
            meeting_frequency=frequency,
            founding_date=founded,
            review_due=self.review_date(overdue=overdue),
        )
        chair_post = Post.objects.create(
            body=body, label="Chair", role=Post.Role.CHAIR, start_date=founded
        )
        since = founded + timedelta(days=self.rng.randint(0, 300))
        if chair is not None:
            person = self.representative(chair, chair_prefers)
            Membership.objects.create(
                body=body,
                agency=chair,
                person=person,
                post=chair_post,
                role=_seat(chair, person, ""),
                start_date=since,
            )
            self.result.memberships += 1
        for agency, role in members:
            if agency == chair:
                continue
            person = self.representative(agency)
            Membership.objects.create(
                body=body,
                agency=agency,
                person=person,
                role=_seat(agency, person, role),
                start_date=since + timedelta(days=self.rng.randint(0, 200)),
            )
            self.result.memberships += 1
        self.result.bodies.append(body)
        return body


def _seat(agency: Agency, person: Practitioner | None, role: str) -> str:
    """The representative's role: as given, else their job title, else the usual senior post."""
    if role:
        return role
    if person is not None and person.job_title:
        return person.job_title
    return SENIOR_ROLE.get(agency.sector, "")


def _terms(name: str, purpose: str, frequency: str) -> str:
    return (
        f"1. Purpose. {purpose or 'As agreed by its members.'}\n"
        f"2. Membership. Each member agency names a representative able to commit it, and a deputy.\n"
        f"3. Meetings. {MeetingFrequency(frequency).label}; quorate when a third of members attend, "
        "including each statutory member.\n"
        "4. Decisions. By consensus; disagreements go to the body it is accountable to.\n"
        f"5. Review. {name} reviews these terms at least every two years."
    )


def build_partnership_bodies(*, seed: int = 2026) -> DemoMap:
    """Create the demo map over an already loaded demo partnership (agencies and people)."""
    rng = random.Random(seed)  # nosec B311: repeatable fictional data, not security
    today = timezone.localdate()
    with transaction.atomic():
        b = _Builder(rng, today)
        police = b.agency("Red Rose Constabulary")
        csc = b.agency("Northshire Children's Social Care")
        asc = b.agency("Northshire Adult Social Care")
        community = b.agency("Northshire Community Health NHS Trust")
        hospitals = b.agency("Ribbleside Teaching Hospitals NHS Foundation Trust")
        icb = b.agency("NHS Northshire Integrated Care Board")
        probation = b.agency("Northshire Probation Delivery Unit")
        youth = b.agency("Northshire Youth Justice Service")
        fire = b.agency("Northshire Fire and Rescue Service")
        da = b.agency("Lanternlight Domestic Abuse Service")
        drugs = b.agency("Fresh Tide Recovery Service")
        school = b.agency("Weftbridge High School")
        housing_central = b.agency("Central Northshire Housing Options Service")
        housing_pennine = b.agency("Lanternfield Homes")
        F, D, N = Level.FORCE_WIDE, Level.DISTRICT, Level.NEIGHBOURHOOD

        scp = b.body(
            "Northshire Safeguarding Children Partnership",
            BodyType.SAFEGUARDING_CHILDREN,
            F,
            purpose="The three safeguarding partners' arrangements to safeguard and promote the "
            "welfare of children in Northshire, with relevant agencies.",
            members=[
                (csc, ""),
                (icb, ""),
                (police, ""),
                (school, ""),
                (youth, ""),
                (probation, ""),
            ],
            chair=csc,
        )
        for name, purpose, overdue in (
            (
                "Quality Assurance and Performance",
                "Audits practice and reads the partnership's figures.",
                False,
            ),
            (
                "Child Safeguarding Practice Review",
                "Decides on and commissions rapid and local reviews.",
                False,
            ),
            (
                "Learning and Development",
                "Turns review findings into training and briefings.",
                False,
            ),
            (
                "Child Exploitation",
                "Joins up work on criminal and sexual exploitation and missing children.",
                False,
            ),
            ("Early Help", "Oversees early help and the neighbourhood early help panels.", False),
        ):
            b.body(
                f"Safeguarding Children Partnership: {name} Sub-group",
                BodyType.SUB_GROUP,
                F,
                parent=scp,
                purpose=purpose,
                overdue=overdue,
                frequency=MeetingFrequency.BIMONTHLY,
                members=[(csc, ""), (police, ""), (community, ""), (school, "")],
                chair=rng.choice([csc, police, community]),
            )
        sab = b.body(
            "Northshire Safeguarding Adults Board",
            BodyType.SAFEGUARDING_ADULTS,
            F,
            purpose="Assures itself that local safeguarding arrangements and partners act to help and "
            "protect adults with care and support needs.",
            members=[
                (asc, ""),
                (icb, ""),
                (police, ""),
                (fire, ""),
                (hospitals, ""),
                (probation, ""),
                (drugs, ""),
            ],
            chair=asc,
        )
        for name, purpose, overdue in (
            (
                "Safeguarding Adults Review",
                "Decides on and commissions safeguarding adults reviews.",
                False,
            ),
            ("Quality and Performance", "Audits practice and reads the board's figures.", False),
            (
                "Prevention and Engagement",
                "Works with communities to prevent abuse and neglect.",
                True,
            ),
        ):
            b.body(
                f"Safeguarding Adults Board: {name} Sub-group",
                BodyType.SUB_GROUP,
                F,
                parent=sab,
                purpose=purpose,
                overdue=overdue,
                frequency=MeetingFrequency.BIMONTHLY,
                members=[(asc, ""), (police, ""), (hospitals, ""), (community, "")],
                chair=rng.choice([asc, hospitals]),
            )
        b.body(
            "Northshire Health and Wellbeing Board",
            BodyType.HEALTH_AND_WELLBEING,
            F,
            purpose="Plans how to improve health and wellbeing and reduce inequalities in Northshire.",
            members=[(asc, ""), (csc, ""), (icb, ""), (community, ""), (hospitals, "")],
            chair=icb,
        )
        strategic = b.body(
            "Northshire Community Safety Strategic Board",
            BodyType.OTHER,
            F,
            purpose="Brings the twelve district community safety partnerships together across the force area.",
            members=[(police, ""), (fire, ""), (probation, ""), (asc, ""), (icb, "")],
            chair=police,
        )
        b.body(
            "Northshire Multi-Agency Safeguarding Hub Operational Group",
            BodyType.HUB,
            F,
            accountable_to=scp,
            frequency=MeetingFrequency.MONTHLY,
            purpose="Runs the front door: its staffing, timeliness, information sharing and escalations.",
            members=[
                (police, "MASH manager"),
                (csc, "MASH team manager"),
                (community, "MASH health lead"),
                (asc, ""),
            ],
            chair=police,
            chair_prefers=(Role.HUB_MANAGER,),
        )
        b.body(
            "Northshire Practitioner Panel",
            BodyType.PANEL,
            F,
            accountable_to=scp,
            frequency=MeetingFrequency.QUARTERLY,
            purpose="Frontline practitioners from every agency test the partnership's plans and say what gets in the way.",
            members=[
                (csc, "Social worker"),
                (police, "Police constable"),
                (school, "Designated safeguarding lead"),
                (community, "Health visitor"),
            ],
            chair=csc,
            chair_prefers=(Role.FRONTLINE,),
        )
        csps = {}
        for district in data.DISTRICTS:
            members = [
                (asc, "Council lead for community safety"),
                (police, "District inspector"),
                (fire, "Station manager"),
                (icb, "Place-based partnership lead"),
            ]
            if district.name in data.CENTRAL:
                members.append((housing_central, ""))
            if district.name in data.PENNINE:
                members.append((housing_pennine, ""))
            csp = b.body(
                f"{district.name} Community Safety Partnership",
                BodyType.COMMUNITY_SAFETY,
                D,
                area=district.name,
                accountable_to=strategic,
                purpose=f"Works together to reduce crime, disorder, reoffending and substance misuse in {district.name}.",
                overdue=district.name in OVERDUE_CSPS,
                members=members,
                chair=police,
                chair_prefers=(Role.MEETING_CHAIR, Role.HUB_MANAGER),
            )
            probation_rep = b.representative(probation)
            if district.name == WITHOUT_PROBATION:
                Membership.objects.create(
                    body=csp,
                    agency=probation,
                    person=probation_rep,
                    role="Probation lead",
                    start_date=today - timedelta(days=900),
                    end_date=today - timedelta(days=rng.randint(200, 330)),
                )
            else:
                Membership.objects.create(
                    body=csp,
                    agency=probation,
                    person=probation_rep,
                    role="Probation lead",
                    start_date=today - timedelta(days=rng.randint(300, 900)),
                )
            b.result.memberships += 1
            csps[district.name] = csp
        for name, held_in, districts, overdue in MARACS:
            b.body(
                name,
                BodyType.MARAC,
                D,
                area=held_in,
                accountable_to=csps[held_in],
                frequency=MeetingFrequency.FORTNIGHTLY,
                purpose=f"Shares information and plans safety for victims of domestic abuse at high risk in {', '.join(districts)}.",
                overdue=overdue,
                members=[
                    (da, "Independent domestic violence adviser"),
                    (csc, ""),
                    (asc, ""),
                    (probation, ""),
                    (community, ""),
                    (housing_pennine if held_in == "Burnley" else housing_central, ""),
                ],
                chair=police,
                chair_prefers=(Role.MEETING_CHAIR,),
            )
        early_help = next(x for x in b.result.bodies if "Early Help" in x.name)
        for area, overdue in (
            ("Burnley North", True),
            ("Preston City Centre", False),
            ("Lancaster City", False),
        ):
            b.body(
                f"{area} Early Help Panel",
                BodyType.PANEL,
                N,
                area=area,
                accountable_to=early_help,
                frequency=MeetingFrequency.MONTHLY,
                purpose="Practitioners agree a lead professional and an offer of early help for families.",
                overdue=overdue,
                members=[
                    (csc, "Early help coordinator"),
                    (school, "Designated safeguarding lead"),
                    (community, "Health visitor"),
                ],
                chair=csc,
                chair_prefers=(Role.FRONTLINE,),
            )
        BodyReview.objects.create(
            body=scp,
            outcome=BodyReview.Outcome.CHANGE,
            notes="Added the youth justice service and probation as relevant agencies.",
            next_review=scp.review_due,
            reviewed_by=b.representative(police, (Role.PARTNERSHIP_MANAGER,)),
            reviewed_at=timezone.now() - timedelta(days=200),
        )
    return b.result
