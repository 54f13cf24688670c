"""Front Door's data in the shape of the Standard Safeguarding Dataset (SSD).

Table and field names are data-to-insight's SSD (github.com/data-to-insight/ssd-data-model,
the ERD pages of its docs for the person, CIN and workforce domains). Codes follow the CIN
census where the SSD uses them. Dates are YYYY-MM-DD.
"""

from __future__ import annotations

import json

from . import codes
from .annex_a import NO_ALLOCATION, NO_MEETINGS
from .columns import CODE, DATE, FLAG, INTEGER, TEXT, Column, Table, not_held
from .records import ChildContact, Period

SSD_DATE = "%Y-%m-%d"
NOT_RECORDED = "Front Door does not record it"


def _t(name: str, title: str, *columns: Column) -> Table:
    return Table(name, title, tuple(columns), SSD_DATE)


PERSON = _t(
    "ssd_person",
    "Children in the exported contacts and referrals",
    Column("pers_person_id", TEXT, "P<number> or S<number>", "As Annex A's Child Unique ID."),
    Column("pers_sex", CODE, "1 male, 2 female, 0 not recorded", "The person's recorded sex."),
    not_held("pers_gender", TEXT, "empty", "Front Door records sex, not gender identity"),
    Column("pers_ethnicity", CODE, "WBRI … NOBT", "The person's recorded ethnicity (DfE code)."),
    Column("pers_dob", DATE, "YYYY-MM-DD or empty", "Date of birth when known."),
    not_held("pers_common_child_id", TEXT, "empty", "NHS numbers are in ssd_linked_identifiers"),
    Column("pers_legacy_id", TEXT, "as pers_person_id", "Front Door's own identifier, repeated."),
    not_held("pers_upn_unknown", CODE, "empty", NOT_RECORDED),
    not_held("pers_send_flag", FLAG, "empty", NOT_RECORDED),
    not_held("pers_expected_dob", DATE, "empty", NOT_RECORDED),
    not_held("pers_death_date", DATE, "empty", NOT_RECORDED),
    not_held("pers_is_mother", FLAG, "empty", NOT_RECORDED),
    not_held("pers_nationality", TEXT, "empty", NOT_RECORDED),
)

CONTACTS = _t(
    "ssd_contacts",
    "Contacts, one row per child per contact",
    Column(
        "cont_contact_id",
        TEXT,
        "<contact reference>/<person id>",
        "The contact's reference and the child's identifier.",
    ),
    Column("cont_person_id", TEXT, "pers_person_id", "The child."),
    Column("cont_contact_date", DATE, "YYYY-MM-DD", "As Annex A's Date of Contact."),
    Column("cont_contact_source_code", CODE, "1A … 10", "As CIN ReferralSource."),
    Column("cont_contact_source_desc", TEXT, "CIN description", "The code's census description."),
    Column(
        "cont_contact_outcome_json",
        TEXT,
        'JSON {"outcome": code, "outcome_desc": text} or empty',
        "The front door's final decision, empty while none is final.",
    ),
)

CIN_EPISODES = _t(
    "ssd_cin_episodes",
    "Referrals to children's social care",
    Column(
        "cine_referral_id",
        TEXT,
        "<contact reference>/<person id>",
        "One per child per referral.",
    ),
    Column("cine_person_id", TEXT, "pers_person_id", "The child."),
    Column("cine_referral_date", DATE, "YYYY-MM-DD", "As Annex A's Date of referral."),
    Column("cine_cin_primary_need_code", CODE, "N1 or empty", "As CIN PrimaryNeedCode."),
    Column("cine_referral_source_code", CODE, "1A … 10", "As CIN ReferralSource."),
    Column("cine_referral_source_desc", TEXT, "CIN description", "The code's census description."),
    Column(
        "cine_referral_outcome_json",
        TEXT,
        'JSON {"outcome": code, "outcome_desc": text} or empty',
        "The front door's final decision.",
    ),
    Column("cine_referral_nfa", FLAG, "Y or N", "As Annex A's Referral NFA?."),
    not_held("cine_close_reason", CODE, "empty", "episodes close in the case management system"),
    not_held("cine_close_date", DATE, "empty", "episodes close in the case management system"),
    not_held("cine_referral_team", TEXT, "empty", NO_ALLOCATION),
    not_held("cine_referral_worker_id", TEXT, "empty", NO_ALLOCATION),
)

S47_ENQUIRY = _t(
    "ssd_s47_enquiry",
    "Strategy discussions (s.47) decided at the front door",
    Column("s47e_s47_enquiry_id", TEXT, "<referral id>/s47", "One per strategy decision."),
    Column("s47e_referral_id", TEXT, "cine_referral_id", "The referral it came from."),
    Column("s47e_person_id", TEXT, "pers_person_id", "The child."),
    not_held("s47e_s47_start_date", DATE, "empty", NO_MEETINGS),
    not_held("s47e_s47_end_date", DATE, "empty", NO_MEETINGS),
    not_held("s47e_s47_nfa", FLAG, "empty", NO_MEETINGS),
    not_held("s47e_s47_outcome_json", TEXT, "empty", NO_MEETINGS),
    not_held("s47e_s47_completed_by_worker_id", TEXT, "empty", NO_MEETINGS),
    not_held("s47e_s47_completed_by_team", TEXT, "empty", NO_MEETINGS),
)

INVOLVEMENTS = _t(
    "ssd_involvements",
    "The hub practitioner who triaged each child's contact",
    Column("invo_involvements_id", TEXT, "<contact id>/<professional id>", "One per contact."),
    Column("invo_professional_id", TEXT, "prof_professional_id", "The assigned hub practitioner."),
    Column("invo_professional_role_id", TEXT, "Front door triage", "Always 'Front door triage'."),
    Column("invo_professional_team", TEXT, "team name or empty", "The practitioner's team."),
    Column("invo_involvement_start_date", DATE, "YYYY-MM-DD", "The day the contact was sent."),
    Column(
        "invo_involvement_end_date",
        DATE,
        "YYYY-MM-DD or empty",
        "The day the decision was final; empty while open.",
    ),
    not_held(
        "invo_worker_change_reason", TEXT, "empty", "Front Door keeps no reason for reassignment"
    ),
    Column("invo_person_id", TEXT, "pers_person_id", "The child."),
    Column("invo_referral_id", TEXT, "cine_referral_id or empty", "Empty when not a referral."),
)

PROFESSIONALS = _t(
    "ssd_professionals",
    "Hub practitioners named in ssd_involvements",
    Column("prof_professional_id", TEXT, "U<number>", "U + the practitioner's account number."),
    Column("prof_staff_id", TEXT, "username", "The practitioner's Front Door username."),
    Column("prof_professional_name", TEXT, "full name", "The practitioner's name."),
    not_held("prof_social_worker_registration_no", TEXT, "empty", "Front Door does not hold it"),
    Column("prof_professional_job_title", TEXT, "text", "The practitioner's job title."),
    not_held("prof_professional_caseload", INTEGER, "empty", "Front Door does not hold it"),
    Column("prof_professional_department", TEXT, "agency name", "The practitioner's agency."),
    not_held("prof_full_time_equivalency", TEXT, "empty", "Front Door does not hold it"),
    not_held("prof_agency_worker_flag", FLAG, "empty", "Front Door does not hold it"),
)

LINKED_IDENTIFIERS = _t(
    "ssd_linked_identifiers",
    "Other identifiers of the children",
    Column("link_table_id", TEXT, "<person id>/NHS", "One per identifier."),
    Column("link_person_id", TEXT, "pers_person_id", "The child."),
    Column("link_identifier_type", TEXT, "NHS Number", "Front Door holds NHS numbers only."),
    Column("link_identifier_value", TEXT, "10 digits", "The NHS number as recorded."),
    not_held("link_valid_from_date", DATE, "empty", NOT_RECORDED),
    not_held("link_valid_to_date", DATE, "empty", NOT_RECORDED),
)

TABLES = (
    PERSON,
    CONTACTS,
    CIN_EPISODES,
    S47_ENQUIRY,
    INVOLVEMENTS,
    PROFESSIONALS,
    LINKED_IDENTIFIERS,
)


def _outcome_json(row: ChildContact) -> str:
    if not row.outcome:
        return ""
    from frontdoor.referrals.models import Decision

    label = dict(Decision.Outcome.choices)[row.outcome]
    return json.dumps({"outcome": row.outcome, "outcome_desc": label})


def _row_id(row: ChildContact) -> str:
    return f"{row.contact.reference}/{row.child_id}"


def build(rows: list[ChildContact], period: Period) -> list[tuple[Table, list[list]]]:
    contacts = [row for row in rows if row.contact_date in period]
    referrals = [row for row in rows if row.referral_date in period]
    chosen = {id(row): row for row in [*contacts, *referrals]}.values()
    people: dict[str, ChildContact] = {}
    for row in chosen:
        people.setdefault(row.child_id, row)
    person_rows = [
        [
            row.child_id,
            codes.CIN_GENDER[row.sex],
            "",
            row.ethnicity,
            row.date_of_birth,
            "",
            row.child_id,
            "",
            "",
            "",
            "",
            "",
            "",
        ]
        for row in people.values()
    ]
    contact_rows = [
        [
            _row_id(row),
            row.child_id,
            row.contact_date,
            row.source_code,
            row.source_description,
            _outcome_json(row),
        ]
        for row in contacts
    ]
    episode_rows = [
        [
            _row_id(row),
            row.child_id,
            row.referral_date,
            row.primary_need,
            row.source_code,
            row.source_description,
            _outcome_json(row),
            "Y" if row.referral_nfa else "N",
            "",
            "",
            "",
            "",
        ]
        for row in referrals
    ]
    s47_rows = [
        [f"{_row_id(row)}/s47", _row_id(row), row.child_id, "", "", "", "", "", ""]
        for row in referrals
        if row.strategy_decided
    ]
    involvement_rows, professionals = [], {}
    for row in chosen:
        worker = row.contact.assigned_to
        if worker is None:
            continue
        professionals[worker.pk] = worker
        decided = row.decided_on
        involvement_rows.append(
            [
                f"{row.contact.reference}/U{worker.pk}/{row.child_id}",
                f"U{worker.pk}",
                "Front door triage",
                str(worker.team or ""),
                row.contact_date,
                decided,
                "",
                row.child_id,
                _row_id(row) if row.is_referral else "",
            ]
        )
    professional_rows = [
        [
            f"U{worker.pk}",
            worker.username,
            str(worker),
            "",
            worker.job_title,
            "",
            str(worker.agency or ""),
            "",
            "",
        ]
        for worker in professionals.values()
    ]
    identifier_rows = [
        [f"{row.child_id}/NHS", row.child_id, "NHS Number", nhs, "", ""]
        for row in people.values()
        if (nhs := _nhs_number(row))
    ]
    return [
        (PERSON, person_rows),
        (CONTACTS, contact_rows),
        (CIN_EPISODES, episode_rows),
        (S47_ENQUIRY, s47_rows),
        (INVOLVEMENTS, involvement_rows),
        (PROFESSIONALS, professional_rows),
        (LINKED_IDENTIFIERS, identifier_rows),
    ]


def _nhs_number(row: ChildContact) -> str:
    person = row.subject.person
    return (person.nhs_number if person and person.nhs_number else row.subject.nhs_number) or ""
