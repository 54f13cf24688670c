"""The first round's questions, worded from the research (docs/decisions/0017).

The five things that hold partnerships together come from Crawford and L'Hoiry's Leeds study
("Boundary crossing", shared/research/leeds-*): shared commitment and purpose; relations of
trust; exchange of information and resources; mutual respect for differences; conflict
management. The facilitators and inhibitors come from L'Hoiry and French's study of seven
North East police forces' collaborations (north-east-inter-force-collaboration-slides).
Later rounds copy the questions of the round before, so a partnership may adjust them.
"""

from __future__ import annotations

from dataclasses import dataclass

AGREEMENT = "agreement"
HELP_HINDER = "help_hinder"

DIMENSION = "dimension"
FACILITATOR = "facilitator"
INHIBITOR = "inhibitor"


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    kind: str  # DIMENSION, FACILITATOR or INHIBITOR


MEASURES: tuple[Measure, ...] = (
    Measure("commitment", "Shared commitment and purpose", DIMENSION),
    Measure("trust", "Trust", DIMENSION),
    Measure("exchange", "Exchange of information and resources", DIMENSION),
    Measure("respect", "Respect for each other's differences", DIMENSION),
    Measure("conflict", "Handling conflict", DIMENSION),
    Measure("leadership", "Brave and visionary leadership", FACILITATOR),
    Measure("time", "Time, pace and patience", FACILITATOR),
    Measure("co_production", "Co-production with staff", FACILITATOR),
    Measure("champions", "Champions and brokers", FACILITATOR),
    Measure("culture", "Organisational cultures", INHIBITOR),
    Measure("parochialism", "Parochialism and protectionism", INHIBITOR),
    Measure("politics", "Politics and risk-aversion", INHIBITOR),
    Measure("governance", "Governance", INHIBITOR),
    Measure("practicalities", "Practicalities and logistics", INHIBITOR),
)
MEASURE_BY_KEY = {measure.key: measure for measure in MEASURES}

SCALE_LABELS = {
    AGREEMENT: (
        "Strongly disagree",
        "Disagree",
        "Neither agree nor disagree",
        "Agree",
        "Strongly agree",
    ),
    HELP_HINDER: (
        "Hinders a lot",
        "Hinders a little",
        "Neither helps nor hinders",
        "Helps a little",
        "Helps a lot",
    ),
}

HELP_HINDER_STEM = "How much does this help or hinder partnership working here?"

# (measure, scale, text), in the order asked.
FIRST_ROUND: tuple[tuple[str, str, str], ...] = (
    (
        "commitment",
        AGREEMENT,
        "The agencies I work with share a clear purpose in keeping children and adults safe.",
    ),
    (
        "commitment",
        AGREEMENT,
        "When we work on a case together, we agree on how to reach that purpose, "
        "not only on where we want to get to.",
    ),
    (
        "commitment",
        AGREEMENT,
        "Partner agencies stay committed to joint work even when their own budgets "
        "and workloads are under pressure.",
    ),
    (
        "trust",
        AGREEMENT,
        "I trust practitioners in partner agencies to do what they say they will.",
    ),
    (
        "trust",
        AGREEMENT,
        "I know the people I work with in other agencies well enough to pick up the phone to them.",
    ),
    (
        "trust",
        AGREEMENT,
        "Changes of staff in partner agencies do not set back the working relationships we have built.",
    ),
    (
        "exchange",
        AGREEMENT,
        "Partner agencies share the information I need to keep someone safe, when I need it.",
    ),
    (
        "exchange",
        AGREEMENT,
        "I feel confident sharing sensitive information with partner agencies.",
    ),
    (
        "exchange",
        AGREEMENT,
        "Information and resources flow both ways: my agency gets back as much as it gives.",
    ),
    (
        "respect",
        AGREEMENT,
        "I understand what partner agencies can and cannot do — their powers, resources and limits.",
    ),
    (
        "respect",
        AGREEMENT,
        "Partner agencies respect my professional judgement, even when their priorities differ.",
    ),
    (
        "respect",
        AGREEMENT,
        "Differences between agencies' ways of working are discussed openly, without blame.",
    ),
    (
        "conflict",
        AGREEMENT,
        "When agencies disagree, we can have a frank and open professional conversation about it.",
    ),
    (
        "conflict",
        AGREEMENT,
        "I know how to escalate a disagreement with another agency, and I would be comfortable doing so.",
    ),
    (
        "conflict",
        AGREEMENT,
        "When a disagreement is resolved, we learn from it, so the same problem does not come back.",
    ),
    (
        "leadership",
        HELP_HINDER,
        "Leadership: senior leaders backing joint working at every stage, "
        "and saying so from the top.",
    ),
    (
        "time",
        HELP_HINDER,
        "Time, pace and patience: being given time for joint working to bear fruit, "
        "rather than being expected to show results at once.",
    ),
    (
        "co_production",
        HELP_HINDER,
        "Co-production: staff being involved in designing how we work together — "
        "spoken with, not spoken to.",
    ),
    (
        "champions",
        HELP_HINDER,
        "Champions: people who believe in working together and broker it between agencies.",
    ),
    (
        "culture",
        HELP_HINDER,
        "Culture: each agency's own culture — \u201cwe don't do it that way here\u201d.",
    ),
    (
        "parochialism",
        HELP_HINDER,
        "Parochialism: agencies protecting their own patch, identity or resources.",
    ),
    (
        "politics",
        HELP_HINDER,
        "Politics: political pressures, short-term cycles and aversion to risk.",
    ),
    (
        "governance",
        HELP_HINDER,
        "Governance: how clear it is who joint work is accountable to, and how decisions are made.",
    ),
    (
        "practicalities",
        HELP_HINDER,
        "Practicalities: IT that does not connect, different working hours and terms, geography.",
    ),
)
