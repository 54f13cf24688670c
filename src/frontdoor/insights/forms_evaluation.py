from __future__ import annotations

import re
from datetime import date

from django import forms

from frontdoor.core.forms import GovukForm

from .services_evaluation import WINDOWS

LINE = re.compile(
    r"^\s*P?([0-9]+)\s*[,;\t ]\s*([0-9]{4}-[0-9]{2}-[0-9]{2})\s*$", re.IGNORECASE | re.ASCII
)
MAX_PEOPLE = 5000
LARGEST_NUMBER = 2**63 - 1  # a person's number is a 64-bit database id
# The earliest intervention date: the comparison looks back a window of up to years before it,
# and the person index holds nothing older (a year-1 date overflowed the look-back: a 500).
EARLIEST = date(1900, 1, 1)


def parse_members(text: str) -> tuple[list[tuple[int, date]], list[str]]:
    """Lines of 'person number, intervention date' -> (members, problems with line numbers)."""
    members, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        found = LINE.match(line)
        if not found:
            problems.append(
                f"Line {number}: write the person's number, a comma and the date, like 1042, 2025-03-14"
            )
            continue
        try:
            on = date.fromisoformat(found.group(2))
        except ValueError:
            problems.append(f"Line {number}: {found.group(2)} is not a real date")
            continue
        if on < EARLIEST:
            problems.append(f"Line {number}: {found.group(2)} is too long ago: check the year")
            continue
        person = int(found.group(1))
        if person > LARGEST_NUMBER:
            problems.append(f"Line {number}: no person on the index has a number that long")
            continue
        members.append((person, on))
    return members, problems


class CohortForm(GovukForm):
    name = forms.CharField(
        label="Name of the cohort",
        max_length=200,
        help_text="For example: MARAC cases heard January to March 2025",
    )
    intervention = forms.CharField(
        label="What did these people receive?",
        max_length=300,
        help_text="For example: a multi-agency action plan agreed at MARAC",
    )
    window_days = forms.TypedChoiceField(
        label="Compare how long before and after?",
        choices=WINDOWS,
        coerce=int,
        initial=365,
        widget=forms.RadioSelect,
    )
    people = forms.CharField(
        label="People and the date each received it",
        help_text="One person a line: their number on the person index, a comma, and the date "
        "(YYYY-MM-DD), like 1042, 2025-03-14",
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": "Enter at least one person and date"},
    )

    def clean_people(self):
        members, problems = parse_members(self.cleaned_data["people"])
        if problems:
            raise forms.ValidationError(problems[:10])
        if not members:
            raise forms.ValidationError("Enter at least one person and date")
        if len(members) > MAX_PEOPLE:
            raise forms.ValidationError(f"A cohort can hold up to {MAX_PEOPLE} people")
        return members
