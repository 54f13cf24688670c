"""Ofsted's Annex A (ILACS) lists 1, 3 and 5, from what the front door holds.

Headers are exactly those of Ofsted's Annex A template (as transcribed in
SocialFinanceDigitalLabs/liia-tools, liiatools/spec/annex_a/la-agg.yml); the allowed values
are the template's drop-down values. Dates are DD/MM/YYYY.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from . import codes
from .columns import CODE, DATE, FLAG, INTEGER, TEXT, Column, Table, not_held
from .records import ChildContact, Period

ANNEX_A_DATE = "%d/%m/%Y"
NO_MEETINGS = (
    "Front Door records the decision to hold a strategy discussion, not the enquiry or the "
    "conference; these come from the council's case management system until the meetings "
    "module records them"
)
NO_ALLOCATION = (
    "the front door's triage worker is not the child's allocated social worker; allocation "
    "happens in the council's case management system"
)
NO_DISABILITY = "Front Door does not record disability"

COMMON = (
    Column(
        "Child Unique ID",
        TEXT,
        "P followed by a number, or S followed by a number",
        "P + the person index number when the child is linked to a known person (stable across "
        "contacts); S + the subject number when not yet linked (one contact only).",
    ),
    Column(
        "Gender",
        CODE,
        ", ".join(codes.ANNEX_A_GENDER.values()),
        "The person's recorded sex (the subject's when not linked): male a), female b), "
        "not known c). Front Door does not record 'd) Neither'.",
    ),
    Column(
        "Ethnicity",
        CODE,
        "a) WBRI … r) OOTH, s) REFU, s) NOBT",
        "The person's recorded ethnicity (DfE code); s) NOBT when not recorded or the child is "
        "not linked to a known person.",
    ),
    Column(
        "Date of Birth",
        DATE,
        "DD/MM/YYYY or empty",
        "The person's date of birth (the subject's when not linked); empty when not known.",
    ),
    Column(
        "Age of Child (Years)",
        INTEGER,
        "0 to 17 or empty",
        "Whole years on the date of contact; the referrer's estimate when there is no date of "
        "birth; empty when unknown or unborn.",
    ),
)

LIST_1 = Table(
    "List 1",
    "Contacts",
    (
        *COMMON,
        Column(
            "Date of Contact",
            DATE,
            "DD/MM/YYYY",
            "The day the contact was sent to the front door (UK time). One row per child per "
            "contact.",
        ),
        Column(
            "Contact Source",
            CODE,
            "a) 1A: Individual … u) 10: Unknown",
            "From the referrer's agency sector (police q) 6, school e) 2A, GP g) 3A, …); public "
            "callers by their stated relationship (family a) 1A, acquaintance b) 1B, self c) 1C, "
            "other d) 1D; no name given: t) 9: Anonymous).",
        ),
    ),
    ANNEX_A_DATE,
)

LIST_3 = Table(
    "List 3",
    "Referrals",
    (
        *COMMON,
        Column(
            "Date of referral",
            DATE,
            "DD/MM/YYYY",
            "The day children's social care accepted the contact as a referral (or the day a "
            "child in need assessment or strategy discussion was decided, if no acceptance "
            "was recorded).",
        ),
        Column(
            "Referral Source",
            CODE,
            "a) 1A: Individual … u) 10: Unknown",
            "As Contact Source.",
        ),
        Column(
            "Referral NFA?",
            FLAG,
            "a) Yes, b) No",
            "a) Yes when the front door's final decision was no further action, advice or "
            "signposting, or early help; b) No otherwise, including while no decision is final.",
        ),
        Column(
            "Number of Referrals in Last 12 Months",
            INTEGER,
            "0 or more",
            "Referrals Front Door holds for the same Child Unique ID in the 12 months before "
            "this referral's date (not counting this one).",
        ),
        not_held("Allocated Team", TEXT, "empty", NO_ALLOCATION),
        not_held("Allocated Worker", TEXT, "empty", NO_ALLOCATION),
    ),
    ANNEX_A_DATE,
)

LIST_5 = Table(
    "List 5",
    "Section 47 enquiries and ICPCs",
    (
        *COMMON,
        not_held("Does the Child have a Disability", CODE, "empty", NO_DISABILITY),
        not_held(
            "Strategy discussion initiating Section 47 Enquiry Start Date",
            DATE,
            "empty",
            NO_MEETINGS,
        ),
        not_held(
            "Was an Initial Child Protection Conference deemed unnecessary?",
            FLAG,
            "empty",
            NO_MEETINGS,
        ),
        not_held("Date of Initial Child Protection Conference", DATE, "empty", NO_MEETINGS),
        not_held(
            "Did the Initial Child Protection Conference Result in a Child Protection Plan",
            FLAG,
            "empty",
            NO_MEETINGS,
        ),
        not_held(
            "Number of Section 47 Enquiries in the last 12 months", INTEGER, "empty", NO_MEETINGS
        ),
        not_held("Number of ICPCs in the last 12 months", INTEGER, "empty", NO_MEETINGS),
        not_held("Allocated Team", TEXT, "empty", NO_ALLOCATION),
        not_held("Allocated Worker", TEXT, "empty", NO_ALLOCATION),
    ),
    ANNEX_A_DATE,
)

TABLES = (LIST_1, LIST_3, LIST_5)


def _common(row: ChildContact) -> list:
    return [
        row.child_id,
        codes.ANNEX_A_GENDER[row.sex],
        codes.ANNEX_A_ETHNICITY[row.ethnicity],
        row.date_of_birth,
        row.age,
    ]


def list_1(rows: list[ChildContact], period: Period) -> list[list]:
    return [
        [*_common(row), row.contact_date, row.annex_a_source]
        for row in rows
        if row.contact_date in period
    ]


def earlier_referrals(rows: list[ChildContact]) -> dict[tuple[str, int], int]:
    """For each (child, contact): that child's referrals in the 12 months before it."""
    by_child: dict[str, list[ChildContact]] = defaultdict(list)
    for row in rows:
        if row.is_referral:
            by_child[row.child_id].append(row)
    counts = {}
    for child_id, referrals in by_child.items():
        for row in referrals:
            since = row.referral_date - timedelta(days=365)
            counts[(child_id, row.contact.pk)] = sum(
                1
                for other in referrals
                if other is not row
                and since <= other.referral_date <= row.referral_date
                and (other.referral_date, other.contact.pk) < (row.referral_date, row.contact.pk)
            )
    return counts


def list_3(rows: list[ChildContact], period: Period) -> list[list]:
    earlier = earlier_referrals(rows)
    return [
        [
            *_common(row),
            row.referral_date,
            row.annex_a_source,
            "a) Yes" if row.referral_nfa else "b) No",
            earlier[(row.child_id, row.contact.pk)],
            "",
            "",
        ]
        for row in rows
        if row.referral_date in period
    ]


def list_5(rows: list[ChildContact], period: Period) -> list[list]:
    """Children for whom the front door decided a strategy discussion (s.47) in the period."""
    return [
        [*_common(row), "", "", "", "", "", "", "", "", ""]
        for row in rows
        if row.strategy_decided and row.decided_on in period
    ]


def build(rows: list[ChildContact], period: Period) -> list[tuple[Table, list[list]]]:
    return [
        (LIST_1, list_1(rows, period)),
        (LIST_3, list_3(rows, period)),
        (LIST_5, list_5(rows, period)),
    ]
