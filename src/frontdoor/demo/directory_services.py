"""The demo service directory: 300+ fictional services across the demo partnership's districts.

Seeded and repeatable: the same seed gives the same organisations, services and identifiers.
Districts and their postcodes are real (Lancashire's twelve districts, from
``data.DISTRICTS``): each location sits on a real postcode of its district, at that postcode's
centre from the ONS Postcode Directory, which is loaded first if it is not yet (issue 8,
item 6). Every organisation, service, street, phone number and email address is invented (phone numbers from Ofcom's drama ranges, email under .example).
A few refuges have confidential addresses. Review dates are relative to the day the demo is
loaded, so that some services are always "possibly out of date".
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.directory import models as d
from frontdoor.directory.postcodes import load_postcodes, package_rows
from frontdoor.directory.services import confidential_locations_protect

from . import data

# The post town for each outward code, by district where a code spans two.
TOWNS = {
    "BB10": "Burnley", "BB11": "Burnley", "BB12": "Padiham", "PR6": "Chorley", "PR7": "Chorley",
    "FY8": "Lytham St Annes", "BB5": "Accrington", "BB6": "Great Harwood", "LA1": "Lancaster",
    "LA2": "Lancaster", "LA3": "Heysham", "LA4": "Morecambe", "LA5": "Carnforth",
    "LA6": "Carnforth", "BB8": "Colne", "BB9": "Nelson", "BB18": "Barnoldswick",
    "PR2": "Preston", "BB7": "Clitheroe", "BB4": "Rawtenstall", "OL12": "Whitworth",
    "OL13": "Bacup", "PR5": "Bamber Bridge", "PR25": "Leyland", "PR26": "Leyland",
    "L39": "Ormskirk", "L40": "Burscough", "WN8": "Skelmersdale", "FY5": "Thornton-Cleveleys",
    "FY6": "Poulton-le-Fylde", "FY7": "Fleetwood",
    ("Fylde", "PR4"): "Kirkham", ("Preston", "PR4"): "Preston", ("Preston", "PR1"): "Preston",
    ("South Ribble", "PR1"): "Penwortham", ("Preston", "PR3"): "Preston",
    ("Ribble Valley", "PR3"): "Longridge", ("Wyre", "PR3"): "Garstang",
}  # fmt: skip
STREETS = ("Street", "Road", "Lane", "Avenue", "Terrace", "Way")

WEEKDAYS = "MO,TU,WE,TH,FR"
EVERY_DAY = "MO,TU,WE,TH,FR,SA,SU"
MIDNIGHT = time(0, 0)
# Opening patterns: (freq, byday, opens, closes, interval, attending_type).
HOURS = {
    "office": [("WEEKLY", WEEKDAYS, time(9), time(17), 1, "")],
    "office_short_friday": [
        ("WEEKLY", "MO,TU,WE,TH", time(9), time(17), 1, ""),
        ("WEEKLY", "FR", time(9), time(16, 30), 1, ""),
    ],
    "extended": [
        ("WEEKLY", WEEKDAYS, time(8), time(20), 1, ""),
        ("WEEKLY", "SA", time(9), time(13), 1, ""),
    ],
    "always": [("WEEKLY", EVERY_DAY, MIDNIGHT, MIDNIGHT, 1, "By phone, day and night")],
    "drop_in": [("WEEKLY", "TU,TH", time(10), time(14), 1, "Drop in: no appointment needed")],
    "evening_group": [("WEEKLY", "WE", time(18), time(20), 1, "In person, in a group")],
    "monthly": [("MONTHLY", "1SA", time(10), time(12), 1, "In person, in a group")],
    "fortnightly": [("WEEKLY", "MO", time(13), time(15), 2, "In person, in a group")],
    "youth": [("WEEKLY", "MO,WE,FR", time(16), time(21), 1, "Drop in")],
    "food": [
        ("WEEKLY", "TU,FR", time(10), time(12, 30), 1, "Drop in"),
        ("WEEKLY", "SA", time(10), time(12), 1, "Drop in"),
    ],
    "weekend": [("WEEKLY", "SA,SU", time(10), time(16), 1, "")],
    "late": [("WEEKLY", WEEKDAYS, time(12), time(22), 1, ""), ("WEEKLY", "SA,SU", time(10), time(18), 1, "")],
}  # fmt: skip


@dataclass(frozen=True)
class Kind:
    """A kind of service, with the words its entries use. ``{town}`` becomes the town."""

    category: str
    per_district: int
    names: tuple[str, ...]
    organisations: tuple[str, ...]  # "{word}" becomes an invented place word
    description: str
    eligibility: str
    application: str
    hours: tuple[str, ...]
    audiences: tuple[str, ...]
    ages: tuple[int | None, int | None] = (None, None)
    fees: str = "Free."
    wait: str = ""
    costs: tuple[tuple[str, str, str], ...] = ()  # (option, amount, per)
    subterm: str = ""
    agency: str = ""  # the demo agency that runs it, where there is one


KINDS = (
    Kind("Domestic abuse support", 2,
         ("{town} Domestic Abuse Outreach", "{town} Moving On Group", "Safer Homes {town}"),
         ("{word} Women's Centre", "{word} Domestic Abuse Project"),
         "Confidential support for anyone experiencing domestic abuse: safety planning, help "
         "with housing, money and the courts, and support groups to rebuild confidence.",
         "Anyone aged 16 or over who is experiencing, or has experienced, domestic abuse from "
         "a partner, ex-partner or family member. Men, women and LGBT+ people are all welcome.",
         "Phone us or drop in. You can also ask a professional such as your GP, health visitor "
         "or social worker to refer you with your agreement. If you are in danger now, call 999.",
         ("office", "extended", "drop_in"), ("Victims and survivors", "Adults"), (16, None),
         wait="We aim to contact you within 2 working days; sooner if you are at high risk.",
         agency="Lanternlight Domestic Abuse Service"),
    Kind("Parenting", 3,
         ("{town} Parenting Course", "Dads Matter {town}", "{town} Baby and Toddler Group",
          "{town} Parent Support Service"),
         ("{word} Family Trust", "{word} Children's Centre", "{word} Families Together"),
         "Practical support for parents and carers: courses on managing behaviour, routines "
         "and sleep, and friendly groups where you can meet other families.",
         "Parents, step-parents, grandparents and carers of children aged 0 to 18 who live in "
         "the area.",
         "Book a place by phone or email, or ask your health visitor, school or family support "
         "worker to refer you.",
         ("office", "evening_group", "fortnightly", "drop_in"), ("Parents and carers",),
         wait="Courses start each term; groups are drop-in."),
    Kind("Mental health", 2,
         ("{town} Talking Therapies", "{town} Wellbeing Café", "{town} Mental Wellbeing Service"),
         ("{word} Mental Health Alliance", "{word} Wellbeing"),
         "Support for your mental health: talking therapies for anxiety, low mood and stress, "
         "peer support groups and a calm place to talk.",
         "Adults aged 18 or over registered with a GP in the area. For a mental health crisis, "
         "call NHS 111 and choose the mental health option.",
         "Refer yourself online or by phone, or ask your GP to refer you. We will call you to "
         "talk about what would help.",
         ("office_short_friday", "evening_group", "extended"), ("Adults",), (18, None),
         wait="Usually 4 to 6 weeks for a first appointment.", subterm="Talking therapies"),
    Kind("Housing advice", 2,
         ("{town} Housing Advice Centre", "{town} Tenancy Support", "Homeless Help {town}"),
         ("{word} Housing Trust", "{word} Shelter Project"),
         "Free, independent advice if you are homeless or might lose your home: rent arrears, "
         "eviction, repairs, and finding somewhere safe to stay.",
         "Anyone aged 16 or over who lives in the area or has a local connection.",
         "Phone or drop in. If you have nowhere to stay tonight, phone the council's housing "
         "options team the same day.",
         ("office", "drop_in"), ("Adults", "Young people"), (16, None),
         agency="Central Northshire Housing Options Service"),
    Kind("Substance misuse", 2,
         ("{town} Recovery Hub", "{town} Alcohol Support", "{town} Drug Support Service"),
         ("{word} Recovery Community", "{word} Addiction Support"),
         "Help to cut down or stop using alcohol or drugs: one-to-one key workers, recovery "
         "groups, needle exchange and support for families.",
         "Anyone aged 18 or over worried about their alcohol or drug use, and their families. "
         "Under 18s are seen by our young people's team.",
         "Phone or walk in: you do not need a referral. Professionals can refer with consent.",
         ("extended", "drop_in", "office"), ("Adults",), (18, None),
         wait="An assessment within 3 weeks.", subterm="Alcohol",
         agency="Fresh Tide Recovery Service"),
    Kind("Money and debt advice", 2,
         ("{town} Debt Advice", "{town} Money Matters", "{town} Benefits Advice"),
         ("{word} Advice Centre", "{word} Money Advice"),
         "Free, confidential advice about debt, benefits, budgeting and energy bills.",
         "Anyone who lives in the area.",
         "Phone for an appointment or drop in to a session.",
         ("office", "drop_in"), ("Adults",), (18, None),
         wait="Appointments are usually available within 2 weeks."),
    Kind("Food and essentials", 3,
         ("{town} Food Bank", "{town} Community Pantry", "{town} Community Fridge"),
         ("{word} Food Network", "{word} Community Kitchen"),
         "Emergency food parcels, toiletries and baby essentials, and a friendly welcome.",
         "Anyone in the area who is struggling to afford food.",
         "Food bank parcels need a voucher from a referral agency such as an advice centre, a "
         "school, children's centre or social worker. The pantry and fridge are open to all.",
         ("food",), ("Adults", "Parents and carers"),
         fees="Food bank parcels are free. Pantry membership costs £3.50 a week.",
         costs=(("Pantry membership", "3.50", "per week for about £15 of food"),)),
    Kind("Young people's activities", 3,
         ("{town} Youth Club", "{town} Detached Youth Work", "{town} Youth Sports Night"),
         ("{word} Youth Project", "{word} Young People's Trust"),
         "Safe, fun places for young people to meet friends, try new activities and talk to "
         "youth workers about anything worrying them.",
         "Young people aged 11 to 19, or up to 25 with a special educational need or "
         "disability.",
         "Just turn up. Parents and professionals can contact us to find out more.",
         ("youth",), ("Children and young people",), (11, 25),
         fees="£1 a session; free for anyone who cannot pay.",
         costs=(("Each session", "1", "per visit"),)),
    Kind("Young carers", 1,
         ("{town} Young Carers Group",),
         ("{word} Carers' Network",),
         "Support for children who look after a family member: breaks, activities, someone to "
         "talk to and help at school.",
         "Children and young people aged 8 to 18 who help look after someone at home.",
         "Anyone can refer with the family's agreement: parents, schools or the young person.",
         ("evening_group", "monthly"), ("Children and young people",), (8, 18),
         agency="Northshire Young Carers"),
    Kind("Sexual violence support", 1,
         ("{town} Sexual Violence Support", "{town} ISVA Service"),
         ("{word} Sexual Violence Support Centre",),
         "Confidential support after rape or sexual abuse, whenever it happened: independent "
         "sexual violence advisers (ISVAs), counselling and help through the courts.",
         "Anyone aged 13 or over affected by sexual violence, whether or not they have told "
         "the police.",
         "Phone or email us. You do not have to report to the police to get support.",
         ("office",), ("Victims and survivors",), (13, None),
         wait="An adviser will call you within 2 working days."),
    Kind("Bereavement", 1,
         ("{town} Bereavement Support", "{town} Child Bereavement Service"),
         ("{word} Hospice",),
         "Someone to talk to after a death, with one-to-one counselling and support groups.",
         "Adults and children who have been bereaved.",
         "Phone us to arrange a first conversation.",
         ("office", "monthly"), ("Adults", "Children and young people"),
         fees="Free, though donations are welcome."),
    Kind("Older people's support", 2,
         ("{town} Lunch Club", "{town} Befriending Service", "{town} Memory Café"),
         ("{word} Older People's Trust", "{word} Older People's Forum"),
         "Company, a hot meal and practical help for older people, and support for carers of "
         "people living with dementia.",
         "People aged 60 or over, and their carers.",
         "Phone us to book a place or to ask for a befriender.",
         ("drop_in", "monthly", "office"), ("Older people",), (60, None),
         fees="Lunch costs £4.50. Everything else is free.",
         costs=(("Lunch", "4.50", "per meal"),)),
    Kind("Employment and skills", 2,
         ("{town} Jobs Club", "{town} Adult Learning", "{town} Work Ready"),
         ("{word} Learning Trust", "{word} Employment Hub"),
         "Help to find work or training: CV writing, interview practice, basic maths and "
         "English, and computer skills.",
         "Adults aged 19 or over who are out of work or want a better job.",
         "Drop in to a session or phone to book.",
         ("drop_in", "office"), ("Adults",), (19, None)),
    Kind("Learning disability and autism", 1,
         ("{town} Autism Support Group", "{town} Learning Disability Hub"),
         ("{word} Inclusion Partnership",),
         "Peer support, social groups and advice for autistic people and people with a "
         "learning disability, and their families.",
         "Autistic people and people with a learning disability, of any age, and their "
         "families and carers.",
         "Phone or email to find out about groups; no diagnosis is needed.",
         ("evening_group", "weekend"), ("Adults", "Parents and carers")),
    Kind("Early years and family hubs", 2,
         ("{town} Family Hub", "{town} Stay and Play"),
         ("{word} Family Hub",),
         "Health visitor clinics, stay and play sessions, breastfeeding support and advice for "
         "families with children under 5.",
         "Families with children aged 0 to 5, and parents-to-be.",
         "Drop in to a session or phone the hub.",
         ("office", "drop_in"), ("Parents and carers",), (0, 5),
         agency="Harebell Family Centre"),
)  # fmt: skip

# County-wide services, one each: (name, kind, hours, description, ages).
COUNTY_SERVICES = (
    ("Northshire Domestic Abuse Helpline", 0, "always",
     "A free, confidential helpline for anyone affected by domestic abuse, open day and night. "
     "We listen, help you make a safety plan and can find you a place in a refuge.", (16, None)),
    ("Northshire Mental Health Crisis Line", 2, "always",
     "Someone to talk to when you are struggling to cope, any time of day or night.", (16, None)),
    ("Northshire Young People's Substance Service", 4, "office",
     "Help for young people under 18 who are worried about alcohol or drugs.", (10, 17)),
    ("Northshire Victims' Support Service", 9, "extended",
     "Free support for anyone affected by crime, whether or not it was reported.", (None, None)),
    ("Northshire Homelessness Night Line", 3, "late",
     "Phone the night line if you have nowhere safe to sleep tonight.", (16, None)),
)  # fmt: skip
COUNTY_APPLICATION = (
    "Phone us: you do not need a referral. Professionals can refer someone with their consent. "
    "If you are in danger now, call 999."
)

AUDIENCES = (
    "Adults", "Children and young people", "Young people", "Parents and carers",
    "Older people", "Victims and survivors",
)  # fmt: skip
LANGUAGES = (("Urdu", "ur"), ("Polish", "pl"), ("Punjabi", "pa"), ("Gujarati", "gu"), ("Bengali", "bn"))  # fmt: skip
REFUGE_DISTRICTS = ("Preston", "Burnley", "Lancaster", "West Lancashire")


@dataclass
class DemoDirectory:
    services: int
    organizations: int
    refuges: int


class _Maker:
    """Seeded identifiers and the rows to bulk-create, in dependency order."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.rows: dict[type, list] = {}
        self.phones = (f"{p}{n:03d}" for p in data.DRAMA_PHONE_PREFIXES[1:] for n in range(1000))

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def add(self, obj):
        obj.id = self.uuid()  # seeded, so that the same seed gives the same identifiers
        self.rows.setdefault(type(obj), []).append(obj)
        return obj

    def save(self) -> None:
        order = (
            d.Taxonomy, d.TaxonomyTerm, d.Organization, d.Service, d.Location, d.Address,
            d.Accessibility, d.ServiceAtLocation, d.Schedule, d.ServiceArea, d.Contact, d.Phone,
            d.Language, d.CostOption, d.Funding, d.Attribute,
        )  # fmt: skip
        for model in order:
            model.objects.bulk_create(self.rows.get(model, []), batch_size=500)


def build_directory(seed: int = 2026) -> DemoDirectory:
    """Create the demo directory. The partnership's agencies must be loaded first."""
    if d.Service.objects.exists():
        raise ValueError("the directory already holds services")
    agencies = {a.name: a for a in Agency.objects.prefetch_related("areas")}
    if not agencies:
        raise ValueError("load the demo partnership first: every service needs an owner")
    curator = Practitioner.objects.filter(username="csc.partnership").first()
    # Repeatable fictional data, not security.
    rng = random.Random(seed)  # nosec B311
    make = _Maker(rng)
    ensure_postcodes()
    today = timezone.localdate()
    with transaction.atomic():
        terms, audiences = _taxonomies(make)
        builder = _Builder(make, terms, audiences, agencies, curator, today)
        for district in data.DISTRICTS:
            for kind in KINDS:
                for _ in range(kind.per_district):
                    builder.local_service(district, kind)
            if district.name in REFUGE_DISTRICTS:
                builder.refuge(district)
        for name, kind_index, hours, description, ages in COUNTY_SERVICES:
            builder.county_service(name, KINDS[kind_index], hours, description, ages)
        make.save()
        confidential_locations_protect()
    return DemoDirectory(
        services=len(make.rows[d.Service]),
        organizations=len(make.rows[d.Organization]),
        refuges=builder.refuges,
    )


def _taxonomies(make: _Maker) -> tuple[dict[str, d.TaxonomyTerm], dict[str, d.TaxonomyTerm]]:
    categories = make.add(
        d.Taxonomy(
            name="Northshire service categories",
            description="What a service helps with: the demo partnership's own list.",
            version="1.0",
        )
    )
    who = make.add(
        d.Taxonomy(
            name="Northshire audiences",
            description="Who a service is for: the demo partnership's own list.",
            version="1.0",
        )
    )

    def term(name: str, taxonomy: d.Taxonomy, description: str, parent=None) -> d.TaxonomyTerm:
        return make.add(
            d.TaxonomyTerm(
                name=name,
                description=description,
                taxonomy_name=taxonomy.name,
                taxonomy_id=taxonomy.id,
                parent_id=parent.id if parent else None,
            )
        )

    terms = {
        k.category: term(k.category, categories, f"Services for {k.category.lower()}.")
        for k in KINDS
    }
    for parent, child in (
        ("Domestic abuse support", "Refuge accommodation"),
        ("Mental health", "Talking therapies"),
        ("Substance misuse", "Alcohol"),
        ("Substance misuse", "Drugs"),
    ):
        terms[child] = term(child, categories, f"{child}.", parent=terms[parent])
    audiences = {name: term(name, who, f"Services for {name.lower()}.") for name in AUDIENCES}
    return terms, audiences


class _Builder:
    def __init__(self, make, terms, audiences, agencies, curator, today: date):
        self.make, self.terms, self.audiences = make, terms, audiences
        self.agencies, self.curator, self.today = agencies, curator, today
        self.organisations: dict[str, d.Organization] = {}
        self.names: set[str] = set()
        self.refuges = 0
        self.hubs: dict[str, list[d.Location]] = {}
        self.coverage: dict[str, set[str]] = {}
        self.postcodes = _postcodes_by_district()
        for agency in agencies.values():
            self.coverage[agency.name] = {area.name for area in agency.areas.all()}

    # Organisations and owners ------------------------------------------------------------

    def organisation(self, name: str, description: str) -> d.Organization:
        if name not in self.organisations:
            domain = slugify(name)[:40]
            self.organisations[name] = self.make.add(
                d.Organization(
                    name=name,
                    description=description,
                    email=f"hello@{domain}.example",
                    website=f"https://{domain}.example/",
                )
            )
        return self.organisations[name]

    def owner(self, organisation: d.Organization) -> dict:
        """The demo agency that runs the service owns its entry; the partnership's directory
        curator owns the voluntary sector's."""
        agency = self.agencies.get(organisation.name)
        if agency is not None:
            return {"owner_agency": agency}
        if self.curator is not None:
            return {"owner_practitioner": self.curator}
        return {"owner_agency": next(iter(self.agencies.values()))}

    # Services ------------------------------------------------------------------------------

    def local_service(self, district, kind: Kind) -> d.Service:
        rng = self.make.rng
        outward = rng.choice(district.postcode_districts.split())
        town = TOWNS.get((district.name, outward)) or TOWNS.get(outward) or district.name
        name = self._name(kind, town, district, outward)
        if self._covers(kind.agency, district.name) and rng.random() < 0.5:
            org_name = kind.agency
        else:
            word = rng.choice(data.PLACE_FIRST)
            org_name = rng.choice(kind.organisations).format(word=word)
        organisation = self.organisation(
            org_name, f"A fictional organisation offering {kind.category.lower()} in Northshire."
        )
        service = self._service(name, kind, organisation, rng.choice(kind.hours))
        self._area(service, district)
        location = self._location(district, outward, town, shared=rng.random() < 0.3)
        self.make.add(d.ServiceAtLocation(service=service, location=location))
        return service

    def county_service(
        self, name: str, kind: Kind, hours: str, description: str, ages: tuple
    ) -> d.Service:
        organisation = self.organisation(
            kind.agency
            if all(self._covers(kind.agency, x.name) for x in data.DISTRICTS)
            else "Northshire Support Network",
            "A fictional organisation serving the whole of Northshire.",
        )
        service = self._service(name, kind, organisation, hours, description=description)
        service.status = d.Service.Status.ACTIVE
        service.last_reviewed = self.today - timedelta(days=14)
        service.application_process = COUNTY_APPLICATION
        service.minimum_age, service.maximum_age = (
            Decimal(age) if age is not None else None for age in ages
        )
        self.make.add(
            d.ServiceArea(
                service=service,
                name="Northshire (the whole county)",
                uri=f"http://statistics.data.gov.uk/id/statistical-geography/{data.COUNTY[1]}",
                service_area="Anyone who lives in Northshire",
            )
        )
        return service

    def refuge(self, district) -> d.Service:
        kind = KINDS[0]
        outward = district.postcode_districts.split()[0]
        town = TOWNS.get((district.name, outward)) or TOWNS.get(outward) or district.name
        organisation = self.organisation(
            kind.agency if kind.agency in self.agencies else "Northshire Refuges",
            "A fictional organisation running safe houses for people escaping abuse.",
        )
        service = self._service(
            self._unique(f"{district.name} Refuge"),
            kind,
            organisation,
            "always",
            description="Safe, self-contained accommodation for women and their children "
            "escaping domestic abuse, with support workers on site.",
            confidential=True,
        )
        service.eligibility_description = (
            "Women aged 16 or over, with or without children, who need to leave home because of "
            "domestic abuse. We take referrals from anywhere in the country."
        )
        service.application_process = (
            "Phone the Northshire Domestic Abuse Helpline, day or night, and ask for a refuge "
            "place. Police, social workers and other professionals can refer too. For your "
            "safety the address is only given once a place is agreed."
        )
        self._tag(service.id, self.terms["Refuge accommodation"], d.LinkType.CATEGORY)
        self._area(service, district)
        location = self._location(district, outward, town, shared=False)
        location.name = f"{district.name} refuge (confidential)"
        location.confidential = True
        self.make.add(d.ServiceAtLocation(service=service, location=location))
        self.refuges += 1
        return service

    def _covers(self, agency_name: str, district: str) -> bool:
        """Whether the demo agency of that name exists and works in the district."""
        return district in self.coverage.get(agency_name, set())

    def _name(self, kind: Kind, town: str, district, outward: str) -> str:
        """A name not yet used: another of the kind's names, or one naming the neighbourhood."""
        names = [template.format(town=town) for template in kind.names]
        self.make.rng.shuffle(names)
        for name in names:
            if name not in self.names:
                self.names.add(name)
                return name
        cluster = next(
            (c for c, codes in district.clusters if outward in codes.split()), district.name
        )
        return self._unique(f"{names[0]}, {cluster}")

    def _unique(self, name: str) -> str:
        candidate, n = name, 2
        while candidate in self.names:
            candidate, n = f"{name} ({n})", n + 1
        self.names.add(candidate)
        return candidate

    def _service(
        self,
        name: str,
        kind: Kind,
        organisation: d.Organization,
        hours: str,
        *,
        description: str = "",
        confidential: bool = False,
    ) -> d.Service:
        rng = self.make.rng
        stale = rng.random() < 0.08
        reviewed = self.today - timedelta(
            days=rng.randint(220, 540) if stale else rng.randint(3, 160)
        )
        slug = slugify(name)[:40]
        low, high = kind.ages
        service = self.make.add(
            d.Service(
                organization=organisation,
                name=name,
                description=description or kind.description,
                email=f"{slug}@{slugify(organisation.name)[:30]}.example",
                url=f"https://{slugify(organisation.name)[:30]}.example/{slug}",
                status=d.Service.Status.TEMPORARILY_CLOSED
                if rng.random() < 0.02 and not confidential
                else d.Service.Status.ACTIVE,
                minimum_age=Decimal(low) if low is not None else None,
                maximum_age=Decimal(high) if high is not None else None,
                last_reviewed=reviewed,
                last_modified=timezone.now()
                - timedelta(days=rng.randint(0, 200), minutes=rng.randint(0, 1440)),
                eligibility_description=kind.eligibility,
                application_process=kind.application,
                wait_time=kind.wait,
                fees_description=kind.fees,
                confidential_address=confidential,
                **self.owner(organisation),
            )
        )
        for freq, byday, opens, closes, interval, attending in HOURS[hours]:
            self.make.add(
                d.Schedule(
                    service=service,
                    freq=freq,
                    byday=byday,
                    opens_at=opens,
                    closes_at=closes,
                    interval=interval if interval > 1 else None,
                    dtstart=date(2026, 1, 5) if interval > 1 else None,
                    attending_type=attending,
                    description="Closed on bank holidays." if hours == "office" else "",
                )
            )
        contact = self.make.add(d.Contact(service=service, name="Enquiries and referrals"))
        self.make.add(d.Phone(contact=contact, number=next(self.make.phones), description="Phone"))
        self.make.add(d.Language(service=service, name="English", code="en"))
        if rng.random() < 0.3:
            language, code = rng.choice(LANGUAGES)
            self.make.add(d.Language(service=service, name=language, code=code))
        for option, amount, per in kind.costs:
            self.make.add(
                d.CostOption(
                    service=service, option=option, amount=Decimal(amount), amount_description=per
                )
            )
        self.make.add(
            d.Funding(
                service=service, source="Funded by Northshire's councils and charitable grants."
            )
        )
        self._tag(service.id, self.terms[kind.category], d.LinkType.CATEGORY)
        if kind.subterm and rng.random() < 0.5:
            self._tag(service.id, self.terms[kind.subterm], d.LinkType.CATEGORY)
        for audience in kind.audiences:
            self._tag(service.id, self.audiences[audience], d.LinkType.AUDIENCE)
        return service

    def _tag(self, link_id, term: d.TaxonomyTerm, link_type: str) -> None:
        self.make.add(
            d.Attribute(
                taxonomy_term_id=term.id,
                link_type=link_type,
                link_id=link_id,
                link_entity=d.LinkEntity.SERVICE,
            )
        )

    def _area(self, service: d.Service, district) -> None:
        self.make.add(
            d.ServiceArea(
                service=service,
                name=district.name,
                uri=f"http://statistics.data.gov.uk/id/statistical-geography/{district.ons_code}",
                service_area=f"People who live in {district.name}",
            )
        )

    def _location(self, district, outward: str, town: str, *, shared: bool) -> d.Location:
        hubs = self.hubs.setdefault(district.name, [])
        if shared and hubs:
            return self.make.rng.choice(hubs)
        rng = self.make.rng
        in_district = self.postcodes.get(district.ons_code, {})
        choices = in_district.get(outward) or [p for ps in in_district.values() for p in ps]
        if not choices:
            raise ValueError(f"no postcodes loaded for {district.name} ({district.ons_code})")
        postcode, latitude, longitude = rng.choice(choices)
        word = rng.choice(data.PLACE_FIRST)
        location = self.make.add(
            d.Location(
                location_type=d.Location.LocationType.PHYSICAL,
                name=f"{word} {'Community Centre' if shared else 'House'}",
                latitude=Decimal(str(round(latitude, 6))),
                longitude=Decimal(str(round(longitude, 6))),
            )
        )
        self.make.add(
            d.Address(
                location=location,
                address_1=f"{rng.randint(1, 220)} {rng.choice(data.PLACE_FIRST)} {rng.choice(STREETS)}",
                city=town,
                region="Northshire",
                state_province="Lancashire",
                postal_code=postcode,
                country="GB",
                address_type=d.Address.AddressType.PHYSICAL,
            )
        )
        self.make.add(
            d.Accessibility(
                location=location,
                description=rng.choice(
                    (
                        "Step-free access and an accessible toilet.",
                        "Hearing loop at reception. Ground-floor rooms.",
                        "Ramp at the side entrance; lift to the first floor.",
                    )
                ),
            )
        )
        if shared:
            hubs.append(location)
        return location


def ensure_postcodes() -> None:
    """Load the partnership's districts' postcodes from the packaged ONS Postcode Directory,
    unless some are loaded already (reading only the files for the areas' first letters)."""
    if d.Postcode.objects.exists():
        return
    codes = {district.ons_code for district in data.DISTRICTS}
    letters = {
        outward[0] for district in data.DISTRICTS for outward in district.postcode_districts.split()
    }
    load_postcodes(package_rows(letters), districts=codes)


def _postcodes_by_district() -> dict[str, dict[str, list[tuple[str, float, float]]]]:
    """district code -> outward code -> [(postcode, latitude, longitude)], in a fixed order."""
    found: dict[str, dict[str, list]] = {}
    rows = d.Postcode.objects.filter(
        district_code__in=[district.ons_code for district in data.DISTRICTS]
    ).order_by("postcode")
    for code, outward, postcode, latitude, longitude in rows.values_list(
        "district_code", "outward", "postcode", "latitude", "longitude"
    ):
        found.setdefault(code, {}).setdefault(outward, []).append((postcode, latitude, longitude))
    return found
