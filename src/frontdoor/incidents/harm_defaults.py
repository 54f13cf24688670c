"""The harm weights a partnership starts with (docs/incidents.md says why these).

Offences are weighted by the method of the Cambridge Crime Harm Index (Sherman, Neyroud and
Neyroud, *Policing* 10(3), 2016): the number of days of imprisonment at the starting point of
the Sentencing Council guideline for a first offender, with non-custodial starting points
turned into days. The numbers below are Front Door's indicative defaults compiled by that
method for the offences a safeguarding partnership sees most; they are not a copy of the CCHI
spreadsheet, which the Cambridge Centre for Evidence-Based Policing publishes and updates (the
February 2026 update at https://cambridge-ebp.co.uk/chi). A partnership should check them
against the current CCHI and change any it disagrees with: every change is audited.

Non-crime incidents carry no sentence, so they get a small configurable weight (half a day to a
day): enough that a person in many welfare concerns rises in a harm-ranked list, never enough
to outweigh a single serious crime.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from .models import HarmWeight

CCHI_SOURCE = (
    "Cambridge Crime Harm Index method (Sherman, Neyroud & Neyroud 2016): days of "
    "imprisonment at the sentencing starting point; Front Door indicative default"
)
CCHI_DATE = date(2016, 9, 1)
NON_CRIME_SOURCE = "Front Door default for a non-crime incident (no sentence applies)"
FALLBACK_CODE = "unlisted_offence"

# (Home Office offence code, description, days)
OFFENCES: tuple[tuple[str, str, str], ...] = (
    ("1", "Murder", "5475"),
    ("4/1", "Manslaughter", "2920"),
    ("2", "Attempted murder", "3650"),
    ("3B", "Threats to kill", "180"),
    ("5D", "Assault with intent to cause serious harm", "1095"),
    ("5E", "Endangering life", "730"),
    ("8N", "Assault with injury", "10"),
    ("8P", "Racially or religiously aggravated assault with injury", "30"),
    ("105A", "Assault without injury", "2"),
    ("105B", "Racially or religiously aggravated assault without injury", "5"),
    ("8L", "Harassment", "5"),
    ("8Q", "Stalking", "30"),
    ("8R", "Malicious communications", "2"),
    ("8U", "Controlling or coercive behaviour", "365"),
    ("8V", "Non-fatal strangulation or suffocation", "365"),
    ("9A", "Public fear, alarm or distress", "1"),
    ("10D", "Possession of article with blade or point", "180"),
    ("11A", "Cruelty to children/young persons", "180"),
    ("13", "Child abduction", "365"),
    ("19C", "Rape of a female aged 16 and over", "1825"),
    ("19E", "Rape of a female child under 13", "3650"),
    ("19D", "Rape of a female child under 16", "2920"),
    ("19G", "Rape of a male aged 16 and over", "1825"),
    ("20A", "Sexual assault on a female aged 13 and over", "365"),
    ("20B", "Sexual assault on a female child under 13", "730"),
    ("17A", "Sexual assault on a male aged 13 and over", "365"),
    ("22B", "Sexual activity involving a child under 16", "365"),
    ("88A", "Sexual grooming", "730"),
    ("34B", "Robbery of personal property", "1460"),
    ("28E", "Burglary - residential - dwelling", "365"),
    ("39", "Theft from the person", "28"),
    ("46", "Shoplifting", "1"),
    ("49", "Other theft", "2"),
    ("56A", "Arson endangering life", "1460"),
    ("58A", "Criminal damage to a dwelling", "2"),
    ("92A", "Trafficking in controlled drugs", "730"),
    ("106", "Modern slavery", "1460"),
)

NON_CRIME: tuple[tuple[str, str, str], ...] = (
    ("domestic_non_crime", "Domestic incident (non-crime)", "1"),
    ("concern_for_welfare", "Concern for welfare", "0.5"),
    ("missing_person", "Missing person", "1"),
    ("asb", "Anti-social behaviour", "0.5"),
    ("mental_health", "Mental health incident", "0.5"),
    ("child_concern", "Child concern (non-crime)", "1"),
    ("other_non_crime", "Other non-crime incident", "0.5"),
)


def default_rows() -> list[HarmWeight]:
    rows = [
        HarmWeight(
            code=code,
            kind=HarmWeight.Kind.OFFENCE,
            description=description,
            weight=Decimal(days),
            default_weight=Decimal(days),
            source=CCHI_SOURCE,
            source_date=CCHI_DATE,
        )
        for code, description, days in OFFENCES
    ]
    rows += [
        HarmWeight(
            code=code,
            kind=HarmWeight.Kind.NON_CRIME,
            description=description,
            weight=Decimal(days),
            default_weight=Decimal(days),
            source=NON_CRIME_SOURCE,
        )
        for code, description, days in NON_CRIME
    ]
    rows.append(
        HarmWeight(
            code=FALLBACK_CODE,
            kind=HarmWeight.Kind.FALLBACK,
            description="Any offence code not in this table",
            weight=Decimal("1"),
            default_weight=Decimal("1"),
            source="Front Door default: an unlisted offence counts as a minor one until added",
        )
    )
    return rows


def ensure_default_weights() -> int:
    """Add any default weight whose code is missing; never change an existing one."""
    with transaction.atomic():
        have = set(HarmWeight.objects.values_list("code", flat=True))
        missing = [row for row in default_rows() if row.code not in have]
        HarmWeight.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)
