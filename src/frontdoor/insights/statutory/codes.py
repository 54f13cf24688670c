"""Code lists the statutory returns use, with their sources (docs/statutory-exports.md).

- CIN census codes (referral source 1A..10, primary need N0..N9, ethnicity, GenderCurrent):
  the DfE children in need census guide, as transcribed in SocialFinanceDigitalLabs/liia-tools
  (liiatools/cin_census_pipeline/spec/CIN_schema_2016.yml) and data-to-insight's CIN validator.
- Annex A spellings ("a) Male", "a) WBRI", "q) 6: Police"): the drop-down values of Ofsted's
  Annex A template, as transcribed in liia-tools (liiatools/annex_a_pipeline/spec/Annex_A_schema.yml).
"""

from __future__ import annotations

from frontdoor.people.models import Ethnicity, Sex

# Sex as Front Door records it -> Annex A "Gender" and CIN "GenderCurrent".
ANNEX_A_GENDER = {
    Sex.MALE: "a) Male",
    Sex.FEMALE: "b) Female",
    Sex.UNKNOWN: "c) Not stated/recorded",
}
CIN_GENDER = {Sex.MALE: "1", Sex.FEMALE: "2", Sex.UNKNOWN: "0"}

# The Annex A template prefixes each ethnicity code with a letter (REFU and NOBT share "s)").
_ETHNICITY_LETTERS = "abcdefghijklmnopqrss"
ANNEX_A_ETHNICITY = {
    code: f"{letter}) {code}"
    for letter, code in zip(_ETHNICITY_LETTERS, Ethnicity.values, strict=True)
}

# CIN census referral source: code -> (description, Annex A drop-down value).
REFERRAL_SOURCES: dict[str, tuple[str, str]] = {
    "1A": ("INDIVIDUAL - family member, relative or carer", "a) 1A: Individual"),
    "1B": (
        "INDIVIDUAL - acquaintance (including neighbours and child minders)",
        "b) 1B: Individual",
    ),
    "1C": ("INDIVIDUAL - self", "c) 1C: Individual"),
    "1D": ("INDIVIDUAL - other (including strangers)", "d) 1D: Individual"),
    "2A": ("SCHOOLS", "e) 2A: Schools"),
    "2B": ("EDUCATION SERVICES", "f) 2B: Education services"),
    "3A": ("HEALTH SERVICES - general practitioner (GP)", "g) 3A: Health services"),
    "3B": ("HEALTH SERVICES - health visitor", "h) 3B: Health services"),
    "3C": ("HEALTH SERVICES - school nurse", "i) 3C: Health services"),
    "3D": ("HEALTH SERVICES - other primary health services", "j) 3D: Health services"),
    "3E": ("HEALTH SERVICES - A&E (accident and emergency department)", "k) 3E: Health services"),
    "3F": ("HEALTH SERVICES - other (for example hospice)", "l) 3F: Health services"),
    "4": ("HOUSING - local authority housing or housing association", "m) 4: Housing"),
    "5A": (
        "LA SERVICES - social care for example adults social care services",
        "n) 5A: LA services",
    ),
    "5B": (
        "LA SERVICES - other internal (department other than social care in local authorities, "
        "for example, youth offending (excluding housing))",
        "o) 5B: LA services",
    ),
    "5C": (
        "LA SERVICES - external, for example, from another local authority's adults social care "
        "services",
        "p) 5C: LA services",
    ),
    "5D": ("LA SERVICES - early help", "p1) 5D: LA services"),
    "6": ("POLICE", "q) 6: Police"),
    "7": (
        "OTHER LEGAL AGENCY - including courts, probation, immigration, CAFCASS (Children and "
        "Family Court Advisory and Support Service) or prison",
        "r) 7: Other legal agency",
    ),
    "8": (
        "OTHER - including children's centres, independent agency providers or voluntary "
        "organisations",
        "s) 8: Other",
    ),
    "9": ("ANONYMOUS", "t) 9: Anonymous"),
    "10": ("UNKNOWN", "u) 10: Unknown"),
}

# The referrer's agency sector -> CIN referral source (Agency.Sector values).
SECTOR_SOURCE = {
    "police": "6",
    "childrens_social_care": "5A",
    "adult_social_care": "5A",
    "health": "3F",
    "gp": "3A",
    "education": "2A",
    "housing": "4",
    "probation": "7",
    "youth_justice": "5B",
    "fire": "8",
    "domestic_abuse": "8",
    "substance_misuse": "8",
    "voluntary": "8",
}

# Words in a public caller's stated relationship -> individual source codes, checked in order.
CALLER_SOURCE = (
    ("1C", ("myself", "self", "the child", "young person themself")),
    (
        "1A",
        (
            "mother",
            "father",
            "mum",
            "dad",
            "parent",
            "grand",
            "aunt",
            "uncle",
            "sister",
            "brother",
            "sibling",
            "cousin",
            "carer",
            "relative",
            "step",
            "family",
        ),
    ),
    ("1B", ("neighbour", "friend", "childminder", "child minder", "acquaintance")),
)

PRIMARY_NEED = {
    "N0": "Not stated",
    "N1": "Abuse or neglect",
    "N2": "Child's disability",
    "N3": "Parental disability or illness",
    "N4": "Family in acute stress",
    "N5": "Family dysfunction",
    "N6": "Socially unacceptable behaviour",
    "N7": "Low income",
    "N8": "Absent parenting",
    "N9": "Cases other than children in need",
}

# Concern categories (referrals.models.Concern) that are abuse or neglect of the child.
# Other categories have no one-to-one need code: the assessment decides, so we leave it empty.
ABUSE_OR_NEGLECT = frozenset(
    {"domestic_abuse", "neglect", "physical_abuse", "sexual_abuse", "cse", "cce"}
)
