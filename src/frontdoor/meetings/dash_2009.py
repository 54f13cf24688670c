"""The SafeLives Dash risk checklist (2009; formerly the CAADA-DASH risk identification
checklist): its 24 questions, as short paraphrases of the published form (the wording is
SafeLives' and the published form should be used in practice; see docs/decisions/0027).

"(the abuser)" stands where the form names the person causing harm. Data, not code: the
migration loads it as the checklist ``safelives-dash-2009``; a partnership using its police
force's own DASH form loads that as another checklist.
"""

SLUG = "safelives-dash-2009"
NAME = "SafeLives Dash risk checklist"
SOURCE = "SafeLives (formerly CAADA) and ACPO, 2009: 24 questions"

QUESTIONS: tuple[tuple[str, str], ...] = (
    (
        "Has the current incident resulted in injury?",
        "Say what the injury is, and whether it is the first.",
    ),
    ("Are you very frightened?", "Record the victim's own words."),
    (
        "What are you afraid of? Is it further injury or violence?",
        "Record what they think the abuser might do, and to whom.",
    ),
    (
        "Do you feel isolated from family or friends? Does the abuser try to stop you seeing them, your GP or others?",
        "",
    ),
    ("Are you feeling depressed or having suicidal thoughts?", ""),
    ("Have you separated or tried to separate from the abuser within the past year?", ""),
    ("Is there conflict over contact with the children?", ""),
    (
        "Does the abuser constantly text, call, contact, follow, stalk or harass you?",
        "Consider whether it is deliberate, to intimidate.",
    ),
    ("Are you pregnant, or have you had a baby in the last 18 months?", ""),
    ("Is the abuse happening more often?", ""),
    ("Is the abuse getting worse?", ""),
    ("Does the abuser try to control everything you do, or are they excessively jealous?", ""),
    ("Has the abuser ever used weapons or objects to hurt you?", ""),
    ("Has the abuser ever threatened to kill you or someone else, and you believed them?", ""),
    ("Has the abuser ever tried to strangle, choke, suffocate or drown you?", ""),
    (
        "Does the abuser do or say things of a sexual nature that make you feel bad or that physically hurt you or someone else?",
        "",
    ),
    ("Is there any other person who has threatened you or whom you are afraid of?", ""),
    (
        "Do you know whether the abuser has hurt anyone else?",
        "Children, siblings, older relatives, a previous partner, others.",
    ),
    ("Has the abuser ever mistreated an animal or the family pet?", ""),
    (
        "Are there any financial issues?",
        "For example, are you dependent on the abuser for money, or have they recently lost their job?",
    ),
    (
        "Has the abuser had problems in the past year with drugs, alcohol or mental health that affect daily life?",
        "",
    ),
    ("Has the abuser ever threatened or attempted suicide?", ""),
    (
        "Has the abuser ever broken bail, an injunction or a formal agreement about when they can see you or the children?",
        "",
    ),
    (
        "Do you know whether the abuser has ever been in trouble with the police or has a criminal history?",
        "",
    ),
)


def load(checklist_model, question_model):
    """Create or bring up to date the checklist and its questions (idempotent)."""
    checklist, _ = checklist_model.objects.update_or_create(
        slug=SLUG, defaults={"name": NAME, "source": SOURCE, "is_active": True}
    )
    for number, (text, help_text) in enumerate(QUESTIONS, start=1):
        question_model.objects.update_or_create(
            checklist=checklist, number=number, defaults={"text": text, "help": help_text}
        )
    return checklist
