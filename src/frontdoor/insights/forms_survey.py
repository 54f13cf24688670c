"""Forms for the partnership health survey."""

from __future__ import annotations

from datetime import date

from django import forms

from frontdoor.core.forms import GovukForm

from .services_survey import COMMENT_LIMIT
from .survey_questions import AGREEMENT, DIMENSION, HELP_HINDER_STEM, MEASURE_BY_KEY, SCALE_LABELS

FACTORS = "factors"


class AnswerForm(GovukForm):
    """One radio question per statement, 1 to 5, and an optional comment."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            labels = SCALE_LABELS[question.scale]
            field = forms.TypedChoiceField(
                label=question.text,
                choices=[(str(point), labels[point - 1]) for point in range(1, 6)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": "Select how far you agree with this statement"
                    if question.scale == AGREEMENT
                    else "Select how much this helps or hinders partnership working",
                    "invalid_choice": "Select one of the five answers",
                },
            )
            self.fields[f"q{question.pk}"] = field
        self.fields["comment"] = forms.CharField(
            label="Anything else you want to say about partnership working here (optional)",
            help_text="Comments are shown to partnership managers without your agency or role, "
            "and only when at least 5 people have answered. Do not name anyone, yourself "
            "included, and do not write about a case.",
            required=False,
            max_length=COMMENT_LIMIT,
            widget=forms.Textarea(attrs={"rows": 4}),
        )
        # GovukFormMixin set the describedby before the comment field existed.
        self.fields["comment"].widget.attrs.update(
            {"class": "govuk-textarea", "aria-describedby": "id_comment-hint"}
        )

    def sections(self):
        """(heading, hint, bound fields): one section per dimension, then helps and hinders."""
        grouped: dict[str, list] = {}
        for question in self.questions:
            measure = MEASURE_BY_KEY.get(question.measure)
            key = question.measure if measure and measure.kind == DIMENSION else FACTORS
            grouped.setdefault(key, []).append(self[f"q{question.pk}"])
        sections = []
        for key, fields in grouped.items():
            if key == FACTORS:
                sections.append(("What helps and what hinders", HELP_HINDER_STEM, fields))
            else:
                sections.append((MEASURE_BY_KEY[key].label, "How far do you agree?", fields))
        return sections

    def values(self) -> dict[int, int]:
        return {q.pk: self.cleaned_data[f"q{q.pk}"] for q in self.questions}


# Rounds run in this century: a round closing on the last day a date can hold left no next
# round to offer (the page to start one was a server error), and no round is held in year 1.
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)


class RoundForm(GovukForm):
    opens_on = forms.DateField(
        label="Opens on",
        help_text="For example, 2027-03-01",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter the opening date as a real date"},
    )
    closes_on = forms.DateField(
        label="Closes on",
        help_text="The last day practitioners can answer. For example, 2027-03-21",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter the closing date as a real date"},
    )

    def _in_range(self, name: str, what: str):
        value = self.cleaned_data[name]
        if not FIRST_DAY <= value <= LAST_DAY:
            raise forms.ValidationError(f"The {what} date must be between 2000 and 2099")
        return value

    def clean_opens_on(self):
        return self._in_range("opens_on", "opening")

    def clean_closes_on(self):
        return self._in_range("closes_on", "closing")
