"""What each kind of demo agency does, written as a real English agency would describe itself.

``{edt}`` in a profile is the shared Emergency Duty Team number and ``{phone}`` the agency's own.
The law cited is real; the organisations are not.
"""

from __future__ import annotations

from dataclasses import dataclass

# (activity, amount, unit, notes); unit is a Timescale.Unit value.
TimescaleSpec = tuple[str, int, str, str]

EDT = "the Emergency Duty Team (children and adults) on {edt}"
EMERGENCY = f"In an emergency call 999. For a child or adult at risk out of hours, {EDT}."


@dataclass(frozen=True)
class Kind:
    sector: str  # Agency.Sector value
    hub_team: str  # where hub practitioners sit
    frontline_team: str  # where frontline practitioners sit
    other_teams: tuple[str, ...]
    hub_title: str
    frontline_titles: tuple[str, ...]
    remit: str
    does_not_do: str
    powers: str
    thresholds: str
    working_hours: str
    out_of_hours_contact: str
    timescales: tuple[TimescaleSpec, ...]

    @property
    def teams(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.hub_team, self.frontline_team, *self.other_teams)))


HUB_REQUEST = (
    "Reply to a hub information request",
    1,
    "working_days",
    "Urgent requests the same day",
)
URGENT_HUB_REQUEST = (
    "Reply to an urgent hub information request",
    4,
    "hours",
    "Where a child or adult may be at immediate risk",
)

POLICE = Kind(
    sector="police",
    hub_team="Multi-Agency Safeguarding Hub",
    frontline_team="Neighbourhood Policing Team – Preston",
    other_teams=("Public Protection Unit",),
    hub_title="Detective Constable, MASH",
    frontline_titles=(
        "Police Constable, Response",
        "Police Constable, Neighbourhood Policing Team",
        "Police Community Support Officer",
        "Detective Constable, CID",
        "Sergeant, Response",
    ),
    remit=(
        "We keep people safe across the county: responding to emergencies, investigating crime "
        "and protecting children and adults at risk. Our officers in the Multi-Agency "
        "Safeguarding Hub research police systems for every contact the hub receives, join "
        "strategy discussions and decide with partners whether a criminal investigation is "
        "needed. The Public Protection Unit investigates child abuse, serious domestic abuse, "
        "rape and serious sexual offences, and manages registered sex offenders with probation "
        "under MAPPA."
    ),
    does_not_do=(
        "We do not carry out welfare checks where there is no risk to life or limb and no crime: "
        "ask the agency that knows the person. We do not carry out social care assessments or "
        "transport people who are not under arrest or detained. A call to 101 is not a "
        "safeguarding referral: send concerns through the front door."
    ),
    powers=(
        "- Police protection (Children Act 1989, s.46): remove a child to suitable accommodation, "
        "or prevent their removal from a safe place, for up to 72 hours where the child would "
        "otherwise be likely to suffer significant harm.\n"
        "- Entry to save life or limb, prevent serious damage to property or make an arrest "
        "(Police and Criminal Evidence Act 1984, s.17).\n"
        "- Arrest without warrant where necessary (PACE, s.24).\n"
        "- Removal to a place of safety of a person who appears to have a mental disorder and "
        "to need immediate care or control (Mental Health Act 1983, s.136).\n"
        "- Domestic Violence Protection Notices and Orders (Crime and Security Act 2010, "
        "ss.24–33).\n"
        "- Disclosures under the Domestic Violence Disclosure Scheme (Clare's Law) and the Child "
        "Sex Offender Disclosure Scheme (Sarah's Law)."
    ),
    thresholds=(
        "Call 999 if a crime is in progress, life is at risk or someone needs protecting now. "
        "Refer to the hub when you suspect a child or adult has been or may be harmed through a "
        "crime, or when police information could change a safeguarding decision. Officers risk "
        "assess every domestic abuse incident with the DASH checklist and share it with the hub "
        "where children live at or visit the address."
    ),
    working_hours=(
        "Response and neighbourhood policing: 24 hours a day, every day. Multi-Agency "
        "Safeguarding Hub: 08:00–20:00 every day, including bank holidays."
    ),
    out_of_hours_contact=(
        "Emergencies: 999. Non-emergency: 101. Outside hub hours the force control room passes "
        f"urgent safeguarding matters to the duty inspector, who contacts {EDT}."
    ),
    timescales=(
        ("Police checks for the hub (urgent)", 4, "hours", "Risk of immediate significant harm"),
        ("Police checks for the hub (routine)", 3, "working_days", ""),
        (
            "Police checks for fostering, adoption and other assessments",
            8,
            "weeks",
            "Non-urgent checks requested by social care",
        ),
        ("Join a strategy discussion", 1, "working_days", "The same day where a child is at risk"),
    ),
)

CSC = Kind(
    sector="childrens_social_care",
    hub_team="Multi-Agency Safeguarding Hub",
    frontline_team="Locality Social Work Team – Preston",
    other_teams=("Safeguarding and Quality Assurance Unit",),
    hub_title="Social Worker, MASH",
    frontline_titles=(
        "Social Worker",
        "Senior Social Worker",
        "Advanced Practitioner",
        "Social Worker (first year in practice)",
        "Family Support Worker",
    ),
    remit=(
        "We work with children in need and their families, and protect children who are "
        "suffering, or likely to suffer, significant harm. Our social workers in the hub decide "
        "what happens to every referral, lead strategy discussions with police and health, and "
        "carry out child and family assessments, section 47 enquiries and child protection "
        "plans. We care for children looked after by the council. The partnership's business "
        "unit, which hosts Front Door, is part of this directorate."
    ),
    does_not_do=(
        "We do not provide early help ourselves: families with needs below the statutory "
        "threshold are offered support by the early help teams and partners, with their consent. "
        "We do not investigate crimes, which is for the police, or assess adults' care needs. We "
        "cannot insist on a child in need assessment a family refuses, unless there is reasonable "
        "cause to suspect significant harm."
    ),
    powers=(
        "- Assess and provide services for children in need (Children Act 1989, s.17).\n"
        "- Make enquiries, including seeing the child, where there is reasonable cause to suspect "
        "a child is suffering, or likely to suffer, significant harm (s.47).\n"
        "- Accommodate a child with parental consent (s.20).\n"
        "- Apply to the family court for an emergency protection order (s.44), a child "
        "assessment order (s.43), or a care or supervision order (s.31). We cannot remove a "
        "child without a court order or police protection.\n"
        "- Notify the Child Safeguarding Practice Review Panel of serious incidents (Children Act "
        "2004, s.16C)."
    ),
    thresholds=(
        "Refer to the hub when you think a child needs social care services (level 3) or is at "
        "risk of significant harm (level 4) on the partnership's continuum of need. For levels 1 "
        "and 2, start an early help assessment with the family's consent. Tell the family about "
        "the referral unless that would put the child at greater risk. If a child is in "
        "immediate danger, call 999."
    ),
    working_hours="Monday to Thursday 08:45–17:00, Friday 08:45–16:30, except bank holidays.",
    out_of_hours_contact=(
        "Emergency Duty Team (children and adults): {edt}, 17:00–08:45 on weekdays and all day "
        "at weekends and on bank holidays. For immediate danger call 999."
    ),
    timescales=(
        ("Decision on a referral", 1, "working_days", "Working Together to Safeguard Children"),
        (
            "Initial assessment visit",
            10,
            "working_days",
            "Local standard; the same day where a child may be at risk of significant harm",
        ),
        (
            "Initial child protection conference",
            15,
            "working_days",
            "From the strategy discussion that started section 47 enquiries",
        ),
        ("Child and family assessment", 45, "working_days", "Statutory maximum from the referral"),
    ),
)

ASC = Kind(
    sector="adult_social_care",
    hub_team="Adult Safeguarding Team (MASH)",
    frontline_team="Adult Community Team – Lancaster",
    other_teams=(),
    hub_title="Safeguarding Adults Practitioner, MASH",
    frontline_titles=(
        "Social Worker, Adult Community Team",
        "Occupational Therapist",
        "Community Care Officer",
        "Approved Mental Health Professional",
    ),
    remit=(
        "We assess the care and support needs of adults and their carers, arrange support and "
        "lead adult safeguarding. Our practitioners in the hub decide whether a section 42 "
        "enquiry is needed, make enquiries or ask partners to, and agree protection plans with "
        "the adult, who stays at the centre of every decision (Making Safeguarding Personal)."
    ),
    does_not_do=(
        "We do not lead on concerns about adults without care and support needs: refer them to "
        "the police, housing or the relevant service. We do not override the decisions of an "
        "adult who has capacity to make them, even unwise ones, unless others are at risk or a "
        "crime has been committed. We do not provide emergency accommodation or healthcare."
    ),
    powers=(
        "- Make, or cause others to make, enquiries where an adult with care and support needs "
        "is experiencing or at risk of abuse or neglect and cannot protect themselves because of "
        "those needs (Care Act 2014, s.42).\n"
        "- Needs and carers' assessments (Care Act 2014, ss.9–10).\n"
        "- Best-interests decisions and applications to the Court of Protection for an adult who "
        "lacks capacity (Mental Capacity Act 2005).\n"
        "- Approved mental health professionals may apply for admission to hospital and for a "
        "warrant to enter premises (Mental Health Act 1983, ss.2, 3 and 135).\n"
        "- There is no general power to enter a home to see an adult: where access is refused "
        "we take legal advice or ask the police."
    ),
    thresholds=(
        "Refer when all three parts of the section 42 test seem to be met: the adult has care "
        "and support needs; they are experiencing, or at risk of, abuse or neglect; and because "
        "of those needs they cannot protect themselves. Ask the adult what they want to happen "
        "and tell them you are referring unless that would increase the risk."
    ),
    working_hours="Monday to Friday 08:30–17:00, except bank holidays.",
    out_of_hours_contact=(
        "Emergency Duty Team (children and adults): {edt}, 17:00–08:30 on weekdays and all day "
        "at weekends and on bank holidays. For immediate danger call 999."
    ),
    timescales=(
        ("Decision on whether a section 42 enquiry is needed", 2, "working_days", "Local standard"),
        (
            "Safeguarding adults enquiry completed",
            8,
            "weeks",
            "Local standard; longer enquiries are reviewed every four weeks",
        ),
        ("Care Act needs assessment started", 28, "days", "Local standard from the request"),
    ),
)

COMMUNITY_HEALTH = Kind(
    sector="health",
    hub_team="Safeguarding Children and Adults Team",
    frontline_team="Health Visiting – Burnley",
    other_teams=("School Nursing – Preston",),
    hub_title="Safeguarding Nurse Specialist, MASH",
    frontline_titles=(
        "Health Visitor",
        "School Nurse",
        "Community Staff Nurse",
        "District Nurse",
        "Community Paediatrician",
    ),
    remit=(
        "We provide community NHS services across the county: health visiting for every family "
        "with children under five, school nursing, community paediatrics (including child "
        "protection medicals), district nursing and sexual health clinics. Our safeguarding team "
        "advises our staff, answers hub information requests for health and joins strategy "
        "discussions."
    ),
    does_not_do=(
        "We do not provide emergency, hospital or mental health inpatient care. Health visitors "
        "and school nurses do not investigate allegations: they share what they know and refer. "
        "We do not hold GP records and cannot answer for a family's GP."
    ),
    powers=(
        "No powers to enter a home or remove a child. Our staff share information to safeguard "
        "children and adults as Working Together and the Caldicott principles allow, and must "
        "report known female genital mutilation in girls under 18 to the police (Female Genital "
        "Mutilation Act 2003, s.5B). Community paediatricians carry out child protection medical "
        "examinations with consent or a court order."
    ),
    thresholds=(
        "Ask the hub's health desk for health information about a child or adult being "
        "assessed. Refer to health visiting or school nursing at any level of need; families can "
        "refer themselves. Children's social care or the police request child protection "
        "medicals through the on-call community paediatrician."
    ),
    working_hours=(
        "Health visiting, school nursing and the safeguarding team: Monday to Friday "
        "08:30–17:00. Community paediatrician on call for child protection medicals: "
        "09:00–17:00 every day."
    ),
    out_of_hours_contact=(
        "Urgent health advice: NHS 111. Child protection medicals out of hours: the on-call "
        f"paediatrician through the acute hospital switchboard. {EMERGENCY}"
    ),
    timescales=(
        URGENT_HUB_REQUEST,
        (
            "Child protection medical for a recent injury",
            24,
            "hours",
            "Local standard; the same day wherever possible",
        ),
        ("New birth visit by a health visitor", 14, "days", "Healthy Child Programme: 10–14 days"),
    ),
)

ACUTE_HEALTH = Kind(
    sector="health",
    hub_team="Hospital Safeguarding Team",
    frontline_team="Emergency Department",
    other_teams=("Maternity Safeguarding",),
    hub_title="Hospital Safeguarding Practitioner",
    frontline_titles=(
        "Staff Nurse, Emergency Department",
        "Paediatric Liaison Nurse",
        "Specialist Safeguarding Midwife",
        "Consultant Paediatrician",
        "Emergency Medicine Registrar",
    ),
    remit=(
        "Our hospitals provide emergency, maternity, paediatric and adult inpatient care. The "
        "hospital safeguarding team supports staff in the emergency department, maternity and "
        "the wards, shares children's attendances with health visitors and school nurses "
        "through the paediatric liaison service, and joins strategy discussions for patients in "
        "our care."
    ),
    does_not_do=(
        "We cannot keep a child or adult in hospital against their or their parents' wishes: if "
        "a child at risk is about to be taken away, call the police. We do not provide community "
        "follow-up, which is for community health services and GPs."
    ),
    powers=(
        "No safeguarding powers of detention. A doctor may hold an inpatient for up to 72 hours "
        "for a Mental Health Act assessment (Mental Health Act 1983, s.5(2)). Staff must report "
        "known FGM in girls under 18 to the police, and treat patients who lack capacity in "
        "their best interests (Mental Capacity Act 2005)."
    ),
    thresholds=(
        "Raise a concern with the hospital safeguarding team for any patient you believe is at "
        "risk; the team decides with you whether to refer to the hub. Share pre-birth concerns "
        "with the safeguarding midwives by 20 weeks of pregnancy, so that a plan is in place "
        "before the baby is born."
    ),
    working_hours=(
        "Emergency department and wards: 24 hours a day. Hospital safeguarding team: Monday to "
        "Friday 08:00–18:00."
    ),
    out_of_hours_contact=(
        "Ask the switchboard ({phone}) for the on-call paediatric registrar or the site "
        f"manager. {EMERGENCY}"
    ),
    timescales=(
        (
            "Notice of a child's attendance to the health visitor or school nurse",
            2,
            "working_days",
            "Paediatric liaison service",
        ),
        ("Safeguarding team review of an emergency department concern", 1, "working_days", ""),
        URGENT_HUB_REQUEST,
    ),
)

ICB = Kind(
    sector="health",
    hub_team="Designated Safeguarding Professionals",
    frontline_team="Designated Safeguarding Professionals",
    other_teams=(),
    hub_title="Designated Nurse, Safeguarding Children",
    frontline_titles=(
        "Named GP for Safeguarding",
        "Designated Nurse, Looked-after Children",
        "Safeguarding Adults Lead",
    ),
    remit=(
        "We plan and pay for NHS services across the county and are one of the three statutory "
        "safeguarding partners, with the council and the police. Our designated doctors and "
        "nurses advise the partnership and GP practices, lead health's part in rapid reviews and "
        "child safeguarding practice reviews, and check that NHS providers meet their "
        "safeguarding duties."
    ),
    does_not_do=(
        "We do not see patients or provide clinical care. We cannot answer hub information "
        "requests about a provider's records: ask the trust or GP practice that holds them."
    ),
    powers=(
        "A statutory safeguarding partner (Children Act 2004, s.16E), sharing with the council "
        "and the police the duty to make and publish local safeguarding arrangements. A member "
        "of the safeguarding adults board (Care Act 2014, s.43). Contractual levers over NHS "
        "providers' safeguarding standards. No powers over individual patients."
    ),
    thresholds=(
        "Ask the designated professionals for advice on complex health safeguarding matters, "
        "serious incidents involving NHS care, and cases that may meet the criteria for a rapid "
        "review."
    ),
    working_hours="Monday to Friday 09:00–17:00.",
    out_of_hours_contact=f"No out-of-hours safeguarding service. {EMERGENCY}",
    timescales=(
        (
            "Rapid review after a serious incident notification",
            15,
            "working_days",
            "Working Together to Safeguard Children",
        ),
        (
            "Local child safeguarding practice review published",
            26,
            "weeks",
            "Six months from the decision to carry out a review",
        ),
    ),
)

GP = Kind(
    sector="gp",
    hub_team="Practice Safeguarding",
    frontline_team="Clinical Team",
    other_teams=(),
    hub_title="Practice Safeguarding Lead",
    frontline_titles=(
        "GP Partner",
        "Salaried GP",
        "Practice Nurse",
        "Advanced Nurse Practitioner",
        "Practice Manager",
    ),
    remit=(
        "A general practice for registered patients. Our practice safeguarding lead keeps the "
        "safeguarding register, makes sure concerns are coded in the record, answers hub "
        "information requests and writes reports for child protection conferences."
    ),
    does_not_do=(
        "We do not see people who are not registered with us, except in an emergency. We do not "
        "make home visits to check on a family's welfare or carry out child protection "
        "medicals. When we cannot attend a meeting we send a written report."
    ),
    powers=(
        "No powers of entry or removal. GPs share information to protect patients as GMC "
        "guidance and the Caldicott principles allow, and must report known FGM in girls under "
        "18 to the police (Female Genital Mutilation Act 2003, s.5B)."
    ),
    thresholds=(
        "Ask the practice safeguarding lead for information about a registered patient through "
        "a hub information request. Tell us about safeguarding decisions for our patients so "
        "that we can flag their records."
    ),
    working_hours="Monday to Friday 08:00–18:30. Closed at weekends and on bank holidays.",
    out_of_hours_contact=f"Patients should call NHS 111 when the practice is closed. {EMERGENCY}",
    timescales=(
        HUB_REQUEST,
        (
            "Written report for a child protection conference",
            2,
            "working_days",
            "Due two working days before the conference",
        ),
    ),
)

SCHOOL_COMMON = dict(
    does_not_do=(
        "We do not investigate allegations or question a child in detail about them: we listen, "
        "record and refer. We cannot share information about children who are not on our roll. "
        "In the school holidays the safeguarding inbox is checked weekly, not daily."
    ),
    powers=(
        "Duties rather than powers: the duty to safeguard and promote pupils' welfare (Education "
        "Act 2002, s.175) and teachers' duty to report known FGM in girls under 18 to the "
        "police. Staff may search pupils for prohibited items (Education Act 1996, s.550ZA) and "
        "use reasonable force to prevent harm (Education and Inspections Act 2006, s.93). "
        "Attendance concerns go to the council, which may issue penalty notices or prosecute."
    ),
    thresholds=(
        "Tell the designated safeguarding lead about any concern for a pupil, however small. "
        "The DSL refers to the hub where a child may be in need or at risk of significant harm, "
        "and offers early help for lower-level needs. We follow Keeping Children Safe in "
        "Education."
    ),
    working_hours="Term time, Monday to Friday 08:30–16:30.",
    out_of_hours_contact=f"Outside school hours and in the holidays, contact the hub. {EMERGENCY}",
    timescales=(
        (
            "Transfer of the child protection file to a new school",
            5,
            "working_days",
            "Keeping Children Safe in Education; school days",
        ),
        ("Reply to a hub information request", 1, "working_days", "In term time"),
        (
            "Written report for a child protection conference",
            2,
            "working_days",
            "Due two working days before the conference",
        ),
    ),
    hub_team="Safeguarding and Pastoral Team",
    hub_title="Deputy Designated Safeguarding Lead",
    other_teams=(),
)

PRIMARY_SCHOOL = Kind(
    sector="education",
    frontline_team="Safeguarding and Pastoral Team",
    frontline_titles=(
        "Class Teacher",
        "Learning Mentor",
        "Teaching Assistant",
        "Family Support Worker",
        "Headteacher",
    ),
    remit=(
        "A primary school for children aged 4 to 11. Our designated safeguarding lead and "
        "deputies record concerns, make referrals, share information with the hub and attend "
        "child protection conferences and core groups for our pupils."
    ),
    **SCHOOL_COMMON,
)

SECONDARY_SCHOOL = Kind(
    sector="education",
    frontline_team="Safeguarding and Pastoral Team",
    frontline_titles=(
        "Head of Year",
        "Pastoral Support Worker",
        "Class Teacher",
        "Attendance Officer",
        "Special Educational Needs Coordinator",
    ),
    remit=(
        "A secondary school for pupils aged 11 to 16. Our designated safeguarding lead, deputies "
        "and heads of year record concerns, make referrals, share information with the hub and "
        "attend child protection conferences, core groups and exploitation meetings for our "
        "pupils."
    ),
    **SCHOOL_COMMON,
)

STATUTORY_KINDS: dict[str, Kind] = {
    "police": POLICE,
    "csc": CSC,
    "asc": ASC,
    "community_health": COMMUNITY_HEALTH,
    "acute_health": ACUTE_HEALTH,
    "icb": ICB,
    "gp": GP,
    "primary_school": PRIMARY_SCHOOL,
    "secondary_school": SECONDARY_SCHOOL,
}
