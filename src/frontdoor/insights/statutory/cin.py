"""The children in need (CIN) census items the front door holds, one row per referral.

Item names are the CIN census XML elements (DfE children in need census guide; as read by
data-to-insight's CIN validator and SocialFinanceDigitalLabs/liia-tools). Dates are YYYY-MM-DD
as in the census file.
"""

from __future__ import annotations

from . import codes
from .annex_a import NO_MEETINGS
from .columns import CODE, DATE, FLAG, TEXT, Column, Table, not_held
from .records import ChildContact, Period

CIN_DATE = "%Y-%m-%d"

FIELDS = Table(
    "cin",
    "Children in need census: referral items",
    (
        Column("LAchildID", TEXT, "P<number> or S<number>", "As Annex A's Child Unique ID."),
        Column(
            "PersonBirthDate",
            DATE,
            "YYYY-MM-DD or empty",
            "The person's date of birth (the subject's when not linked).",
        ),
        Column(
            "GenderCurrent",
            CODE,
            "1 male, 2 female, 0 not recorded",
            "The person's recorded sex. Front Door does not record 9 (indeterminate).",
        ),
        Column(
            "Ethnicity",
            CODE,
            "WBRI … OOTH, REFU, NOBT",
            "The person's recorded ethnicity; NOBT when not recorded or not linked.",
        ),
        Column(
            "CINreferralDate",
            DATE,
            "YYYY-MM-DD",
            "As Annex A's Date of referral.",
        ),
        Column(
            "ReferralSource",
            CODE,
            ", ".join(codes.REFERRAL_SOURCES),
            "As Annex A's Referral Source, as the bare census code.",
        ),
        Column(
            "PrimaryNeedCode",
            CODE,
            "N1 or empty",
            "N1 (abuse or neglect) when a concern is domestic abuse, neglect, physical or sexual "
            "abuse, or sexual or criminal exploitation; otherwise empty, because the census "
            "records the need found at assessment, which the front door does not make.",
        ),
        Column(
            "ReferralNFA",
            FLAG,
            "1 (true) or 0 (false)",
            "1 when the final decision was no further action, advice or signposting, or early "
            "help; 0 otherwise.",
        ),
        not_held("S47ActualStartDate", DATE, "empty", NO_MEETINGS),
        not_held("InitialCPCtarget", DATE, "empty", NO_MEETINGS),
        not_held("DateOfInitialCPC", DATE, "empty", NO_MEETINGS),
        not_held("ICPCnotRequired", FLAG, "empty", NO_MEETINGS),
    ),
    CIN_DATE,
)


def build(rows: list[ChildContact], period: Period) -> list[list]:
    return [
        [
            row.child_id,
            row.date_of_birth,
            codes.CIN_GENDER[row.sex],
            row.ethnicity,
            row.referral_date,
            row.source_code,
            row.primary_need,
            "1" if row.referral_nfa else "0",
            "",
            "",
            "",
            "",
        ]
        for row in rows
        if row.referral_date in period
    ]
