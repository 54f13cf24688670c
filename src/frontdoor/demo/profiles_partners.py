"""Profiles of the demo's housing, justice, fire and voluntary-sector agencies."""

from __future__ import annotations

from .profiles import EDT, EMERGENCY, HUB_REQUEST, Kind

COUNCIL_HOUSING = Kind(
    sector="housing",
    hub_team="Housing Safeguarding (MASH)",
    frontline_team="Housing Options and Homelessness",
    other_teams=(),
    hub_title="Housing Safeguarding Lead, MASH",
    frontline_titles=(
        "Housing Options Officer",
        "Homelessness Prevention Officer",
        "Temporary Accommodation Officer",
        "Domestic Abuse Housing Adviser",
    ),
    remit=(
        "We advise anyone who is homeless or at risk of homelessness in the districts we cover, "
        "carry out homelessness assessments and personalised housing plans, arrange temporary "
        "accommodation and run the housing register."
    ),
    does_not_do=(
        "We do not own or repair homes: the councils' housing stock was transferred to housing "
        "associations. We cannot promise a particular area or property, or accommodate people "
        "who are not eligible because of their immigration status, though we advise them and "
        "refer to social care where children or adults with care needs are involved."
    ),
    powers=(
        "- Homelessness duties (Housing Act 1996, Part 7, as amended by the Homelessness "
        "Reduction Act 2017): assessment, prevention and relief, interim accommodation where we "
        "have reason to believe someone may be homeless, eligible and in priority need, and the "
        "main housing duty.\n"
        "- People made homeless by domestic abuse have priority need (Domestic Abuse Act 2021, "
        "s.78).\n"
        "- Public authorities must refer people they think may be homeless to us, with consent "
        "(Housing Act 1996, s.213B).\n"
        "- Anti-social behaviour powers, with the police, such as community protection notices "
        "and closure orders (Anti-social Behaviour, Crime and Policing Act 2014)."
    ),
    thresholds=(
        "Refer anyone homeless or threatened with homelessness within 56 days, with their "
        "consent, under the duty to refer. Phone us the same day about anyone with nowhere safe "
        "to stay tonight, especially after domestic abuse."
    ),
    working_hours="Monday to Friday 09:00–17:00.",
    out_of_hours_contact=(
        "Emergency homelessness officer: {phone}, diverted out of hours. For a child or adult "
        f"at risk, {EDT}. In an emergency call 999."
    ),
    timescales=(
        (
            "Offer of interim accommodation for someone homeless tonight",
            24,
            "hours",
            "The same day wherever possible",
        ),
        ("Prevention duty", 56, "days", "Housing Act 1996, s.195"),
        ("Relief duty", 56, "days", "Housing Act 1996, s.189B"),
    ),
)

HOUSING_ASSOCIATION = Kind(
    sector="housing",
    hub_team="Tenancy Sustainment",
    frontline_team="Neighbourhood Housing Team",
    other_teams=(),
    hub_title="Tenancy Safeguarding Lead",
    frontline_titles=(
        "Neighbourhood Housing Officer",
        "Tenancy Sustainment Officer",
        "Anti-social Behaviour Officer",
        "Income Officer",
    ),
    remit=(
        "A not-for-profit housing association with about 9,000 homes. Neighbourhood officers "
        "manage tenancies and anti-social behaviour; the tenancy sustainment team supports "
        "tenants at risk of losing their home, including people experiencing domestic abuse."
    ),
    does_not_do=(
        "We do not make homelessness decisions or arrange emergency accommodation: that is the "
        "council's housing options service. We cannot move a tenant at once; a management move "
        "depends on a suitable home becoming free."
    ),
    powers=(
        "- Injunctions to prevent anti-social behaviour (Anti-social Behaviour, Crime and "
        "Policing Act 2014, Part 1).\n"
        "- Possession proceedings for breach of tenancy, including the absolute ground for "
        "serious anti-social behaviour.\n"
        "- A landlord's right of access for repairs and safety checks under the tenancy, with "
        "notice except in an emergency.\n"
        "- No power to remove anyone from a home without a court order."
    ),
    thresholds=(
        "Tell us about any safeguarding concern for a tenant or their household, including "
        "hoarding, self-neglect, cuckooing, domestic abuse, or damage to a home that suggests "
        "risk. Use the hub for children and adults at risk; the neighbourhood officer for "
        "tenancy matters."
    ),
    working_hours="Monday to Friday 08:30–17:00.",
    out_of_hours_contact=f"Emergency repairs: {{phone}}, 24 hours. {EMERGENCY}",
    timescales=(
        ("Response to a report of hate crime or domestic abuse", 1, "working_days", ""),
        ("Home visit after a safeguarding concern", 5, "working_days", ""),
        ("Decision on a management move for a tenant at risk", 10, "working_days", ""),
    ),
)

PROBATION = Kind(
    sector="probation",
    hub_team="Probation MASH Liaison",
    frontline_team="Sentence Management – Preston",
    other_teams=("Public Protection and MAPPA",),
    hub_title="Senior Probation Officer, MASH",
    frontline_titles=(
        "Probation Officer",
        "Probation Services Officer",
        "Senior Probation Officer",
        "Victim Liaison Officer",
    ),
    remit=(
        "We supervise adults on community sentences and on licence after prison, write "
        "pre-sentence reports for the courts, and manage people who pose a risk of serious harm "
        "with the police and prisons under MAPPA. Our hub liaison officer checks whether people "
        "in hub enquiries are known to us and shares what we know."
    ),
    does_not_do=(
        "We do not supervise people whose sentence has ended, people on bail, or children under "
        "18 (the youth justice service does). We cannot impose conditions outside a court order "
        "or licence."
    ),
    powers=(
        "- Supervision of community orders, suspended sentence orders and licences (Criminal "
        "Justice Act 2003; Offender Management Act 2007).\n"
        "- Recall to prison of a person on licence who breaches their conditions or whose risk "
        "has increased.\n"
        "- Breach proceedings in court for community orders.\n"
        "- Additional licence conditions, such as exclusion zones and no-contact conditions.\n"
        "- Multi-agency public protection arrangements with the police and prisons (Criminal "
        "Justice Act 2003, ss.325–327)."
    ),
    thresholds=(
        "Tell us when a person under our supervision has contact with a child or adult at risk, "
        "starts a new relationship or changes address. Ask the hub to check whether someone is "
        "known to probation before a strategy discussion."
    ),
    working_hours=(
        "Monday to Friday 09:00–17:00; reporting until 19:00 on Tuesdays and Thursdays."
    ),
    out_of_hours_contact=(
        "Approved premises are staffed 24 hours a day and reach the duty manager for urgent "
        f"recalls on {{phone}}. {EMERGENCY}"
    ),
    timescales=(
        (
            "First appointment after release on licence",
            1,
            "working_days",
            "The day of release, or the next working day",
        ),
        ("Sentence plan completed", 15, "working_days", "From the start of the order or licence"),
        HUB_REQUEST,
    ),
)

YOUTH_JUSTICE = Kind(
    sector="youth_justice",
    hub_team="Prevention and Diversion Team",
    frontline_team="Youth Justice Team",
    other_teams=(),
    hub_title="Senior Practitioner, Prevention and Diversion",
    frontline_titles=(
        "Youth Justice Officer",
        "Youth Justice Police Officer",
        "Speech and Language Therapist",
        "Education Worker",
        "Reparation Coordinator",
    ),
    remit=(
        "A multi-agency team of youth justice workers, police, health, education and speech "
        "and language staff working with children aged 10 to 17 in the justice system: "
        "out-of-court disposals, referral orders, youth rehabilitation orders and custody. Our "
        "prevention team works with children at risk of offending, exploitation and serious "
        "violence."
    ),
    does_not_do=(
        "We do not work with children under 10 or with adults. We do not replace children's "
        "social care when a child is at risk of significant harm: we refer to the hub like any "
        "partner."
    ),
    powers=(
        "- Supervision of children's court orders and licences (Crime and Disorder Act 1998, "
        "s.39; Sentencing Act 2020).\n"
        "- Breach proceedings for youth rehabilitation orders.\n"
        "- Joint decisions with the police on out-of-court disposals.\n"
        "- No power to detain or remove a child."
    ),
    thresholds=(
        "Children aged 10 to 17 on a court order, or referred by the police for an out-of-court "
        "disposal. Refer any child at risk of offending, criminal exploitation or serious "
        "violence to the prevention team, with the family's consent."
    ),
    working_hours="Monday to Friday 09:00–17:00, with evening sessions for groups and reparation.",
    out_of_hours_contact=(
        "A duty officer covers the Saturday and bank holiday youth court through the police "
        f"custody suites. {EMERGENCY}"
    ),
    timescales=(
        ("First contact after a referral order", 5, "working_days", ""),
        ("Initial referral order panel meeting", 20, "working_days", "From the court order"),
        ("Assessment after a court order", 15, "working_days", ""),
    ),
)

FIRE = Kind(
    sector="fire",
    hub_team="Prevention and Safeguarding",
    frontline_team="Community Fire Safety",
    other_teams=(),
    hub_title="Safeguarding Lead, Prevention",
    frontline_titles=(
        "Firefighter",
        "Crew Manager",
        "Home Safety Adviser",
        "Fire Safety Inspector",
    ),
    remit=(
        "We respond to fires, road traffic collisions and other emergencies, and prevent fires "
        "through Safe and Well visits: free home checks that fit smoke alarms and look at "
        "health, mobility, smoking, hoarding and other risks, with referrals to partners where "
        "someone is at risk."
    ),
    does_not_do=(
        "We do not provide ongoing support or care, and we do not enter homes by force except "
        "in an emergency. We do not check or service private gas or electrical appliances."
    ),
    powers=(
        "- Entry to premises in an emergency, by force if necessary (Fire and Rescue Services "
        "Act 2004, s.44).\n"
        "- Inspection and enforcement of fire safety in non-domestic premises and the common "
        "parts of blocks of flats (Regulatory Reform (Fire Safety) Order 2005).\n"
        "- No power to enter a private home for a Safe and Well visit without the occupier's "
        "agreement."
    ),
    thresholds=(
        "Refer anyone at higher risk of fire for a Safe and Well visit: people who smoke and "
        "have limited mobility, who hoard, who use oxygen or airflow mattresses, who have "
        "dementia and live alone, or who have been threatened with arson."
    ),
    working_hours=(
        "Emergency response: 24 hours a day. Prevention and safeguarding team: Monday to Friday "
        "09:00–17:00."
    ),
    out_of_hours_contact=(
        "Emergencies: 999. Out of hours, report an arson threat to the police on 999, who alert "
        "our control room."
    ),
    timescales=(
        (
            "Safe and Well visit after a high-risk referral",
            24,
            "hours",
            "Including threats of arson",
        ),
        ("Standard Safe and Well visit", 28, "days", ""),
    ),
)

DOMESTIC_ABUSE = Kind(
    sector="domestic_abuse",
    hub_team="IDVA Service",
    frontline_team="Outreach and Refuge",
    other_teams=("Children and Young People's Service",),
    hub_title="Senior IDVA, MASH",
    frontline_titles=(
        "Independent Domestic Violence Adviser",
        "Outreach Worker",
        "Refuge Support Worker",
        "Children's Domestic Abuse Worker",
    ),
    remit=(
        "An independent charity supporting people of any gender who are experiencing domestic "
        "abuse: independent domestic violence advisers (IDVAs) for people at high risk, "
        "outreach, refuge accommodation, support for children who have lived with abuse, and "
        "programmes for people who want to change their behaviour. Our IDVAs represent victims "
        "at the multi-agency risk assessment conference (MARAC)."
    ),
    does_not_do=(
        "We do not investigate crimes or work with a victim and the person harming them "
        "together. We never share a refuge's address."
    ),
    powers=(
        "No statutory powers. We share information with the victim's consent, or without it "
        "where there is a serious risk to life or to children, as the MARAC information-sharing "
        "protocol allows."
    ),
    thresholds=(
        "Complete the DASH risk checklist with the victim. Refer to the MARAC and our IDVAs when "
        "the score is 14 or more, when professional judgement says the risk is high, or after "
        "three or more police call-outs in twelve months. Refer medium and standard risk to "
        "outreach."
    ),
    working_hours="Monday to Friday 09:00–17:00. Refuges are staffed 24 hours a day.",
    out_of_hours_contact=(
        f"The national domestic abuse helpline is open 24 hours a day. {EMERGENCY}"
    ),
    timescales=(
        ("IDVA first contact after a high-risk referral", 1, "working_days", ""),
        ("Outreach first contact (medium risk)", 5, "working_days", ""),
        ("Case heard at the MARAC", 10, "working_days", "The MARAC meets every two weeks"),
    ),
)

SUBSTANCE_MISUSE = Kind(
    sector="substance_misuse",
    hub_team="Safeguarding and Family Team",
    frontline_team="Adult Recovery Team",
    other_teams=("Young People's Service",),
    hub_title="Safeguarding Lead, Drug and Alcohol Service",
    frontline_titles=(
        "Recovery Coordinator",
        "Harm Reduction Worker",
        "Non-medical Prescriber",
        "Young People's Substance Misuse Worker",
    ),
    remit=(
        "A free, confidential drug and alcohol service for adults and young people: "
        "assessment, harm reduction, needle and syringe programmes, naloxone, opioid "
        "substitution treatment, community detoxification and referral to residential "
        "rehabilitation. Our young people's service also supports children affected by a "
        "parent's drug or alcohol use."
    ),
    does_not_do=(
        "We do not provide crisis mental health care or drug testing for the family courts. We "
        "cannot treat anyone who does not agree to it, unless a court has imposed a treatment "
        "requirement."
    ),
    powers=(
        "No powers of detention. We deliver drug rehabilitation and alcohol treatment "
        "requirements imposed by the courts and report attendance to probation. We share "
        "information to protect children and adults at risk, seeking consent where it is safe."
    ),
    thresholds=(
        "Anyone can refer themselves. Professionals may refer adults and young people using "
        "drugs or alcohol harmfully, with their consent. Tell us when someone in treatment has "
        "children living with them or visiting."
    ),
    working_hours="Monday to Friday 09:00–17:00; late clinic until 19:00 on Wednesdays.",
    out_of_hours_contact=f"No out-of-hours service. Urgent medical help: NHS 111. {EMERGENCY}",
    timescales=(
        ("Triage after a referral", 5, "working_days", ""),
        ("Start of structured treatment", 3, "weeks", "National waiting-time expectation"),
    ),
)

FAMILY_SUPPORT = Kind(
    sector="voluntary",
    hub_team="Safeguarding",
    frontline_team="Family Support",
    other_teams=(),
    hub_title="Designated Safeguarding Officer",
    frontline_titles=(
        "Family Support Worker",
        "Youth Worker",
        "Parenting Practitioner",
        "Volunteer Coordinator",
    ),
    remit=(
        "A community charity offering early help to families: family support workers, "
        "parenting groups, youth sessions and a welcoming base for partner services. We act as "
        "lead professional for early help assessments and teams around the family."
    ),
    does_not_do=(
        "We do not offer statutory social work or therapy, or work with families without their "
        "consent. We cannot give financial help beyond food bank vouchers and referrals."
    ),
    powers=(
        "No statutory powers. Our designated safeguarding officer refers to the hub when a "
        "child may be in need or at risk of significant harm."
    ),
    thresholds=(
        "Families with emerging needs (levels 1 and 2 of the continuum of need) who agree to "
        "support. Families can refer themselves."
    ),
    working_hours="Monday to Friday 09:00–17:00, with youth sessions on two evenings a week.",
    out_of_hours_contact=f"No out-of-hours service. {EMERGENCY}",
    timescales=(
        ("First contact after a referral", 5, "working_days", ""),
        ("Early help assessment completed", 6, "weeks", "Local standard"),
    ),
)

YOUNG_CARERS = Kind(
    sector="voluntary",
    hub_team="Safeguarding",
    frontline_team="Young Carers Support",
    other_teams=(),
    hub_title="Designated Safeguarding Officer",
    frontline_titles=("Young Carers Worker", "Schools Liaison Worker", "Group Worker"),
    remit=(
        "A charity supporting children and young people aged 8 to 18 who care for someone in "
        "their family: young carers' needs assessments on the council's behalf, one-to-one "
        "support, groups and breaks, and awareness work in schools."
    ),
    does_not_do=(
        "We do not provide care to the person being cared for, or statutory social work. Young "
        "adult carers over 18 are supported by the adult carers' service."
    ),
    powers=(
        "No statutory powers. Young carers' needs assessments are a council duty (Children Act "
        "1989, s.17ZA) that we carry out on the council's behalf."
    ),
    thresholds=(
        "Any child who provides, or intends to provide, care for a relative, with the family's "
        "consent. Refer to the hub instead if the caring role puts the child at risk of "
        "significant harm."
    ),
    working_hours="Monday to Friday 09:00–17:00; groups after school and in the holidays.",
    out_of_hours_contact=f"No out-of-hours service. {EMERGENCY}",
    timescales=(
        ("First contact after a referral", 10, "working_days", ""),
        ("Young carer's needs assessment", 6, "weeks", "Local standard"),
    ),
)

PARTNER_KINDS: dict[str, Kind] = {
    "council_housing": COUNCIL_HOUSING,
    "housing_association": HOUSING_ASSOCIATION,
    "probation": PROBATION,
    "youth_justice": YOUTH_JUSTICE,
    "fire": FIRE,
    "domestic_abuse": DOMESTIC_ABUSE,
    "substance_misuse": SUBSTANCE_MISUSE,
    "family_support": FAMILY_SUPPORT,
    "young_carers": YOUNG_CARERS,
}
