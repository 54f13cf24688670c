"""Static lists for the demo partnership: real geography, invented organisations and people.

The districts, their ONS codes and their postcode outward codes are real (Lancashire's twelve
district councils), so that postcode search behaves as it would in production. The clusters are
plausible groupings, not official boundaries. Every organisation and person is invented.
"""

from __future__ import annotations

from dataclasses import dataclass

PARTNERSHIP_NAME = "Northshire Safeguarding Partnership"

COUNTY = ("Lancashire", "E10000017")


@dataclass(frozen=True)
class District:
    name: str
    ons_code: str
    postcode_districts: str
    clusters: tuple[tuple[str, str], ...]  # (name, outward codes)


DISTRICTS: tuple[District, ...] = (
    District(
        "Burnley",
        "E07000117",
        "BB10 BB11 BB12",
        (
            ("Burnley North", "BB10"),
            ("Burnley South and Centre", "BB11"),
            ("Padiham and Burnley West", "BB12"),
        ),
    ),
    District(
        "Chorley",
        "E07000118",
        "PR6 PR7",
        (
            ("Chorley Town and West", "PR7"),
            ("Chorley East and Rural", "PR6"),
        ),
    ),
    District(
        "Fylde",
        "E07000119",
        "FY8 PR4",
        (
            ("Lytham St Annes", "FY8"),
            ("Kirkham and Rural Fylde", "PR4"),
        ),
    ),
    District(
        "Hyndburn",
        "E07000120",
        "BB5 BB6",
        (
            ("Accrington and Oswaldtwistle", "BB5"),
            ("Great Harwood", "BB6"),
        ),
    ),
    District(
        "Lancaster",
        "E07000121",
        "LA1 LA2 LA3 LA4 LA5 LA6",
        (
            ("Lancaster City", "LA1"),
            ("Morecambe and Heysham", "LA3 LA4"),
            ("Carnforth and Rural North", "LA2 LA5 LA6"),
        ),
    ),
    District(
        "Pendle",
        "E07000122",
        "BB8 BB9 BB18",
        (
            ("Nelson, Brierfield and Barrowford", "BB9"),
            ("Colne and Trawden", "BB8"),
            ("West Craven", "BB18"),
        ),
    ),
    District(
        "Preston",
        "E07000123",
        "PR1 PR2 PR3 PR4",
        (
            ("Preston City Centre", "PR1"),
            ("Preston North", "PR2 PR3 PR4"),
        ),
    ),
    District(
        "Ribble Valley",
        "E07000124",
        "BB7 PR3",
        (
            ("Clitheroe", "BB7"),
            ("Longridge and Ribble Valley South", "PR3"),
        ),
    ),
    District(
        "Rossendale",
        "E07000125",
        "BB4 OL12 OL13",
        (
            ("Rawtenstall and Haslingden", "BB4"),
            ("Bacup and Whitworth", "OL12 OL13"),
        ),
    ),
    District(
        "South Ribble",
        "E07000126",
        "PR1 PR5 PR25 PR26",
        (
            ("Leyland", "PR25 PR26"),
            ("Penwortham", "PR1"),
            ("Bamber Bridge and Walton-le-Dale", "PR5"),
        ),
    ),
    District(
        "West Lancashire",
        "E07000127",
        "L39 L40 WN8",
        (
            ("Ormskirk and Aughton", "L39"),
            ("Skelmersdale", "WN8"),
            ("Burscough and Rural West Lancashire", "L40"),
        ),
    ),
    District(
        "Wyre",
        "E07000128",
        "FY5 FY6 FY7 PR3",
        (
            ("Fleetwood", "FY7"),
            ("Thornton-Cleveleys and Poulton", "FY5 FY6"),
            ("Garstang and Rural Wyre", "PR3"),
        ),
    ),
)

ALL_DISTRICTS = "*"


@dataclass(frozen=True)
class AgencySpec:
    """One of the fixed agencies. ``kind`` picks its profile in ``profiles.KINDS``."""

    name: str
    short_name: str
    kind: str
    districts: tuple[str, ...]  # district names, or (ALL_DISTRICTS,) for county-wide
    domain: str  # email domain, always under the reserved .example top-level domain
    headline: str = ""  # username prefix for the memorable logins, if a headline agency


COUNTY_WIDE = (ALL_DISTRICTS,)
CENTRAL = ("Preston", "South Ribble", "Chorley")
PENNINE = ("Burnley", "Pendle", "Hyndburn", "Rossendale")

AGENCIES: tuple[AgencySpec, ...] = (
    AgencySpec(
        "Red Rose Constabulary",
        "Red Rose Police",
        "police",
        COUNTY_WIDE,
        "redrose-constabulary.example",
        headline="police",
    ),
    AgencySpec(
        "Northshire Children's Social Care",
        "Children's Social Care",
        "csc",
        COUNTY_WIDE,
        "children.northshire.example",
        headline="csc",
    ),
    AgencySpec(
        "Northshire Adult Social Care",
        "Adult Social Care",
        "asc",
        COUNTY_WIDE,
        "adults.northshire.example",
        headline="asc",
    ),
    AgencySpec(
        "Northshire Community Health NHS Trust",
        "Community Health",
        "community_health",
        COUNTY_WIDE,
        "northshire-community.nhs.example",
        headline="health",
    ),
    AgencySpec(
        "Ribbleside Teaching Hospitals NHS Foundation Trust",
        "Ribbleside Hospitals",
        "acute_health",
        CENTRAL + ("Fylde", "Wyre", "Ribble Valley"),
        "ribbleside-hospitals.nhs.example",
    ),
    AgencySpec(
        "NHS Northshire Integrated Care Board",
        "Northshire ICB",
        "icb",
        COUNTY_WIDE,
        "northshire-icb.nhs.example",
    ),
    AgencySpec(
        "Loomside Medical Practice", "Loomside", "gp", ("Preston",), "loomside-medical.nhs.example"
    ),
    AgencySpec(
        "Spindle Lane Surgery", "Spindle Lane", "gp", ("Burnley",), "spindle-lane.nhs.example"
    ),
    AgencySpec(
        "Curlew Fold Health Centre", "Curlew Fold", "gp", ("Lancaster",), "curlew-fold.nhs.example"
    ),
    AgencySpec(
        "Weftbridge High School",
        "Weftbridge High",
        "secondary_school",
        ("Preston",),
        "weftbridge-high.sch.example",
        headline="school",
    ),
    AgencySpec(
        "Calico Fold Primary School",
        "Calico Fold",
        "primary_school",
        ("Preston",),
        "calico-fold.sch.example",
    ),
    AgencySpec(
        "Thimble Brow Community Primary School",
        "Thimble Brow",
        "primary_school",
        ("Burnley",),
        "thimble-brow.sch.example",
    ),
    AgencySpec(
        "Bobbin Moss Academy",
        "Bobbin Moss",
        "secondary_school",
        ("Pendle",),
        "bobbin-moss.sch.example",
    ),
    AgencySpec(
        "Central Northshire Housing Options Service",
        "Housing Options",
        "council_housing",
        CENTRAL,
        "housing.central-northshire.example",
        headline="housing",
    ),
    AgencySpec(
        "Lanternfield Homes",
        "Lanternfield",
        "housing_association",
        PENNINE,
        "lanternfield-homes.example",
    ),
    AgencySpec(
        "Northshire Probation Delivery Unit",
        "Probation",
        "probation",
        COUNTY_WIDE,
        "northshire-probation.example",
        headline="probation",
    ),
    AgencySpec(
        "Northshire Youth Justice Service",
        "Youth Justice",
        "youth_justice",
        COUNTY_WIDE,
        "youthjustice.northshire.example",
    ),
    AgencySpec(
        "Northshire Fire and Rescue Service",
        "Fire and Rescue",
        "fire",
        COUNTY_WIDE,
        "northshire-fire.example",
    ),
    AgencySpec(
        "Lanternlight Domestic Abuse Service",
        "Lanternlight",
        "domestic_abuse",
        COUNTY_WIDE,
        "lanternlight.example",
    ),
    AgencySpec(
        "Fresh Tide Recovery Service",
        "Fresh Tide",
        "substance_misuse",
        COUNTY_WIDE,
        "freshtide-recovery.example",
    ),
    AgencySpec(
        "Harebell Family Centre", "Harebell", "family_support", CENTRAL, "harebell-family.example"
    ),
    AgencySpec(
        "Northshire Young Carers",
        "Young Carers",
        "young_carers",
        COUNTY_WIDE,
        "northshire-young-carers.example",
    ),
)


@dataclass(frozen=True)
class HeadlinePerson:
    """A memorable demo login: fixed username and person, whatever the seed."""

    username: str
    agency: str  # AgencySpec.headline
    role: str  # Role value
    first_name: str
    last_name: str
    job_title: str
    team: str


HEADLINE_PEOPLE: tuple[HeadlinePerson, ...] = (
    HeadlinePerson(
        "police.frontline",
        "police",
        "frontline",
        "Ryan",
        "Atherton",
        "Police Constable, Neighbourhood Policing Team",
        "Neighbourhood Policing Team – Preston",
    ),
    HeadlinePerson(
        "police.hub",
        "police",
        "hub_practitioner",
        "Amira",
        "Hussain",
        "Detective Constable, MASH",
        "Multi-Agency Safeguarding Hub",
    ),
    HeadlinePerson(
        "police.manager",
        "police",
        "hub_manager",
        "Gareth",
        "Pilling",
        "Detective Sergeant, MASH",
        "Multi-Agency Safeguarding Hub",
    ),
    HeadlinePerson(
        "police.chair",
        "police",
        "meeting_chair",
        "Joanna",
        "Kowalczyk",
        "Detective Inspector, Public Protection Unit",
        "Public Protection Unit",
    ),
    HeadlinePerson(
        "police.partnership",
        "police",
        "partnership_manager",
        "Marcus",
        "Campbell",
        "Chief Inspector, Safeguarding and Partnerships",
        "Public Protection Unit",
    ),
    HeadlinePerson(
        "police.analyst",
        "police",
        "analyst",
        "Priya",
        "Mistry",
        "Intelligence Analyst",
        "Public Protection Unit",
    ),
    HeadlinePerson(
        "csc.frontline",
        "csc",
        "frontline",
        "Chloe",
        "Brennan",
        "Social Worker, Locality Team",
        "Locality Social Work Team – Preston",
    ),
    HeadlinePerson(
        "csc.hub",
        "csc",
        "hub_practitioner",
        "Tomasz",
        "Nowicki",
        "Senior Social Worker, MASH",
        "Multi-Agency Safeguarding Hub",
    ),
    HeadlinePerson(
        "csc.manager",
        "csc",
        "hub_manager",
        "Yasmin",
        "Patel",
        "Team Manager, MASH",
        "Multi-Agency Safeguarding Hub",
    ),
    HeadlinePerson(
        "csc.chair",
        "csc",
        "meeting_chair",
        "Grace",
        "Okafor",
        "Child Protection Conference Chair",
        "Safeguarding and Quality Assurance Unit",
    ),
    HeadlinePerson(
        "csc.partnership",
        "csc",
        "partnership_manager",
        "Helen",
        "Duckworth",
        "Safeguarding Partnership Manager",
        "Safeguarding and Quality Assurance Unit",
    ),
    HeadlinePerson(
        "csc.analyst",
        "csc",
        "analyst",
        "Imran",
        "Akhtar",
        "Performance and Intelligence Analyst",
        "Safeguarding and Quality Assurance Unit",
    ),
    HeadlinePerson(
        "admin",
        "csc",
        "administrator",
        "Siân",
        "Hargreaves",
        "Front Door System Administrator, Partnership Business Unit",
        "Safeguarding and Quality Assurance Unit",
    ),
    HeadlinePerson(
        "asc.frontline",
        "asc",
        "frontline",
        "Delroy",
        "Francis",
        "Social Worker, Adult Community Team",
        "Adult Community Team – Lancaster",
    ),
    HeadlinePerson(
        "asc.hub",
        "asc",
        "hub_practitioner",
        "Katarzyna",
        "Wiśniewska",
        "Safeguarding Adults Practitioner, MASH",
        "Adult Safeguarding Team (MASH)",
    ),
    HeadlinePerson(
        "health.frontline",
        "health",
        "frontline",
        "Rebecca",
        "Holden",
        "Health Visitor",
        "Health Visiting – Burnley",
    ),
    HeadlinePerson(
        "health.hub",
        "health",
        "hub_practitioner",
        "Nasreen",
        "Begum",
        "Safeguarding Nurse Specialist, MASH",
        "Safeguarding Children and Adults Team",
    ),
    HeadlinePerson(
        "school.frontline",
        "school",
        "frontline",
        "Andrew",
        "Lomax",
        "Designated Safeguarding Lead",
        "Safeguarding and Pastoral Team",
    ),
    HeadlinePerson(
        "school.dsl",
        "school",
        "frontline",
        "Shauna",
        "Reid",
        "Deputy Designated Safeguarding Lead",
        "Safeguarding and Pastoral Team",
    ),
    HeadlinePerson(
        "housing.frontline",
        "housing",
        "frontline",
        "Kwame",
        "Mensah",
        "Housing Options Officer",
        "Housing Options and Homelessness",
    ),
    HeadlinePerson(
        "housing.hub",
        "housing",
        "hub_practitioner",
        "Claire",
        "Entwistle",
        "Housing Safeguarding Lead, MASH",
        "Housing Safeguarding (MASH)",
    ),
    HeadlinePerson(
        "probation.frontline",
        "probation",
        "frontline",
        "Liam",
        "Fairhurst",
        "Probation Officer",
        "Sentence Management – Preston",
    ),
    HeadlinePerson(
        "probation.hub",
        "probation",
        "hub_practitioner",
        "Bilal",
        "Chaudhry",
        "Senior Probation Officer, MASH",
        "Probation MASH Liaison",
    ),
)

# Name pools by heritage, so that a drawn name is plausible as a whole. Lancashire's workforce
# includes large British Pakistani, Indian and Bangladeshi communities, Polish and other Central
# European families, and Caribbean and African heritage. The weights roughly reflect that.
NAME_POOLS: tuple[tuple[int, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        50,
        (
            "Abigail",
            "Adam",
            "Alison",
            "Amy",
            "Beth",
            "Callum",
            "Carl",
            "Charlotte",
            "Craig",
            "Danielle",
            "Dean",
            "Eleanor",
            "Emma",
            "Frances",
            "Gemma",
            "Georgia",
            "Hannah",
            "Harry",
            "Jack",
            "Jade",
            "James",
            "Jennifer",
            "Jordan",
            "Karen",
            "Katie",
            "Kieran",
            "Laura",
            "Lee",
            "Lucy",
            "Mark",
            "Matthew",
            "Megan",
            "Natalie",
            "Nicola",
            "Oliver",
            "Paul",
            "Rachel",
            "Rhys",
            "Sam",
            "Sarah",
            "Sophie",
            "Stephen",
            "Stuart",
            "Tom",
            "Victoria",
            "Zoe",
        ),
        (
            "Ainsworth",
            "Aspinall",
            "Barnes",
            "Birtwistle",
            "Bolton",
            "Brindle",
            "Cottam",
            "Crabtree",
            "Dewhurst",
            "Eccles",
            "Fairclough",
            "Fielding",
            "Greenhalgh",
            "Haworth",
            "Heys",
            "Holt",
            "Ingham",
            "Kenyon",
            "Lord",
            "Marsden",
            "Nuttall",
            "Ormerod",
            "Parkinson",
            "Pickup",
            "Rawcliffe",
            "Riley",
            "Rushton",
            "Schofield",
            "Sharples",
            "Slater",
            "Sutcliffe",
            "Taylor",
            "Thistlethwaite",
            "Tomlinson",
            "Walsh",
            "Whittaker",
            "Wilkinson",
            "Worsley",
        ),
    ),
    (
        12,
        (
            "Aisha",
            "Amir",
            "Anisa",
            "Arif",
            "Asma",
            "Ayesha",
            "Faisal",
            "Farah",
            "Hamza",
            "Haris",
            "Iqra",
            "Javed",
            "Kamran",
            "Maryam",
            "Nadia",
            "Omar",
            "Rukhsana",
            "Saima",
            "Samina",
            "Shahid",
            "Tariq",
            "Usman",
            "Waqas",
            "Zainab",
        ),
        (
            "Ahmed",
            "Ali",
            "Anwar",
            "Bashir",
            "Butt",
            "Hanif",
            "Iqbal",
            "Javaid",
            "Khalid",
            "Mahmood",
            "Malik",
            "Mir",
            "Nawaz",
            "Qureshi",
            "Rashid",
            "Saleem",
            "Shah",
            "Zaman",
        ),
    ),
    (
        8,
        (
            "Anjali",
            "Deepa",
            "Dhruv",
            "Hetal",
            "Jayesh",
            "Kavita",
            "Kiran",
            "Meera",
            "Nikhil",
            "Pooja",
            "Rajesh",
            "Rohan",
            "Sanjay",
            "Sunita",
            "Vikram",
            "Yusuf",
        ),
        (
            "Bhatt",
            "Chauhan",
            "Desai",
            "Gohil",
            "Joshi",
            "Lad",
            "Makwana",
            "Mistry",
            "Parmar",
            "Patel",
            "Solanki",
            "Vaghela",
        ),
    ),
    (
        4,
        (
            "Abdul",
            "Fahmida",
            "Jahanara",
            "Mahfuz",
            "Nazmul",
            "Rahima",
            "Rubina",
            "Shahana",
        ),
        (
            "Ahmed",
            "Choudhury",
            "Hoque",
            "Islam",
            "Miah",
            "Rahman",
            "Uddin",
        ),
    ),
    (
        7,
        (
            "Agnieszka",
            "Bartosz",
            "Ewa",
            "Jakub",
            "Joanna",
            "Kamil",
            "Magdalena",
            "Marta",
            "Michał",
            "Monika",
            "Paweł",
            "Piotr",
            "Zofia",
            "Łukasz",
        ),
        (
            # Only surnames without masculine and feminine forms, since names are drawn apart.
            "Kaczmarek",
            "Kowalczyk",
            "Krawczyk",
            "Król",
            "Mazur",
            "Nowak",
            "Pawlak",
            "Wieczorek",
            "Wójcik",
            "Zając",
        ),
    ),
    (
        3,
        (
            "Andrei",
            "Elena",
            "Ioana",
            "Mihai",
            "Radu",
            "Simona",
        ),
        (
            "Constantin",
            "Dumitru",
            "Ionescu",
            "Moldovan",
            "Popa",
            "Stan",
        ),
    ),
    (
        6,
        (
            "Andre",
            "Chantelle",
            "Denise",
            "Desmond",
            "Jermaine",
            "Leon",
            "Marcia",
            "Nadine",
            "Shanice",
            "Tyrone",
            "Winston",
            "Yvonne",
        ),
        (
            "Bailey",
            "Bennett",
            "Clarke",
            "Grant",
            "Henry",
            "McKenzie",
            "Morgan",
            "Reid",
            "Richards",
            "Thompson",
        ),
    ),
    (
        5,
        (
            "Abena",
            "Adaeze",
            "Chidi",
            "Efua",
            "Femi",
            "Kofi",
            "Ngozi",
            "Nneka",
            "Olu",
            "Tunde",
        ),
        (
            "Adeyemi",
            "Asante",
            "Boateng",
            "Eze",
            "Mensah",
            "Nwosu",
            "Obi",
            "Okonkwo",
            "Owusu",
        ),
    ),
    (
        5,
        (
            "Aoife",
            "Ciara",
            "Declan",
            "Eoin",
            "Niamh",
            "Orla",
            "Padraig",
            "Siobhan",
        ),
        (
            "Brennan",
            "Doherty",
            "Flanagan",
            "Keane",
            "McCarthy",
            "O'Donnell",
            "O'Hara",
            "Quinn",
        ),
    ),
    (
        3,
        (
            "Cheng",
            "Jing",
            "Li",
            "Mei",
            "Wei",
            "Xin",
        ),
        (
            "Chan",
            "Huang",
            "Lau",
            "Wong",
            "Yeung",
            "Zhou",
        ),
    ),
    (
        2,
        (
            "Abdi",
            "Hodan",
            "Ifrah",
            "Mohamed",
            "Sahra",
        ),
        (
            "Farah",
            "Hassan",
            "Jama",
            "Nur",
            "Warsame",
        ),
    ),
)

# Generated organisation names: two invented words that read as a Lancashire place, so that a
# generated school or surgery is unlikely to share a real organisation's name.
PLACE_FIRST = (
    "Bobbin",
    "Calico",
    "Cinder",
    "Clogger",
    "Cobble",
    "Curlew",
    "Dyehouse",
    "Flax",
    "Fustian",
    "Gingham",
    "Harebell",
    "Kiln",
    "Lantern",
    "Linnet",
    "Loom",
    "Millrace",
    "Packhorse",
    "Peewit",
    "Shuttle",
    "Spindle",
    "Tallow",
    "Tenter",
    "Thimble",
    "Tinder",
    "Wagtail",
    "Warp",
    "Weft",
    "Whinberry",
)
# A lower-case ending joins the first word ("Loomside"); a capitalised one follows it
# ("Calico Fold").
PLACE_SECOND = (
    "Bank",
    "Brow",
    "Clough",
    "Croft",
    "Fold",
    "Garth",
    "Green",
    "Heys",
    "Lane",
    "Moss",
    "Nook",
    "Rise",
    "Row",
    "bridge",
    "gate",
    "holme",
    "side",
    "wood",
)

# Suffixes for the agencies that extra_agencies adds, by profile kind, with a weight.
EXTRA_KINDS: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    (
        "primary_school",
        40,
        (
            "Primary School",
            "Community Primary School",
            "Primary Academy",
            "Infant School",
            "Junior School",
            "Church of England Primary School",
        ),
    ),
    ("secondary_school", 12, ("High School", "Academy", "Community High School")),
    (
        "gp",
        30,
        ("Surgery", "Medical Practice", "Medical Centre", "Health Centre", "Family Practice"),
    ),
    (
        "family_support",
        12,
        ("Family Centre", "Youth Project", "Community Trust", "Children's Centre"),
    ),
    ("young_carers", 6, ("Young Carers", "Carers' Network")),
)

# Ofcom's ranges reserved for drama, which will never be allocated to a real line.
DRAMA_PHONE_PREFIXES = (
    "01632 960",
    "0161 496 0",
    "0113 496 0",
    "0114 496 0",
    "0115 496 0",
    "0116 496 0",
    "0117 496 0",
    "0118 496 0",
    "0121 496 0",
    "0131 496 0",
    "0141 496 0",
    "0151 496 0",
    "0191 498 0",
    "020 7946 0",
)
DRAMA_MOBILE_PREFIX = "07700 900"
# The shared out-of-hours line for children and adults, quoted in many profiles.
EMERGENCY_DUTY_PHONE = "01632 960999"
