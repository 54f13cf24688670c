"""Forms for the DASH checklist, MARAC referral and each agency's research."""

from __future__ import annotations

from django import forms

from frontdoor.core.forms import GovukForm
from frontdoor.supervision.forms import DateParts

from .forms import MAX_TEXT, _DatedForm
from .models import Answer, DashAssessment, Meeting


def question_field(number: int) -> str:
    return f"q{number}"


class DashForm(_DatedForm):
    date_field = DateParts("completed_on", "Date completed")

    victim_name = forms.CharField(
        label="Victim's name",
        max_length=200,
        error_messages={"required": "Enter the victim's name"},
    )
    reference = forms.CharField(
        label="Front door reference (optional)",
        max_length=40,
        required=False,
        help_text="Links the checklist to a case sent to the front door that you may see.",
    )
    completed_as = forms.ChoiceField(
        label="Completed by",
        choices=DashAssessment.CompletedAs.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who completed the checklist"},
    )
    victim_comments = forms.CharField(
        label="The victim's own comments (optional)",
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="In their words: what is happening, and what they are afraid of.",
    )
    professional_judgement = forms.BooleanField(
        label="My professional judgement is that the risk is high",
        required=False,
        help_text="Even if fewer than 14 answers are yes.",
    )
    judgement_reason = forms.CharField(
        label="Why you judge the risk high (if you ticked the box)",
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    police_incidents = forms.IntegerField(
        label="Police-recorded incidents in the past 12 months (optional)",
        min_value=0,
        max_value=999,
        required=False,
        help_text="Entered by the police. Leave empty if not known.",
        error_messages={"invalid": "Enter the number of incidents as a whole number, like 3"},
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[question_field(question.number)] = forms.ChoiceField(
                label=f"{question.number}. {question.text}",
                help_text=question.help,
                choices=Answer.choices,
                widget=forms.RadioSelect,
                error_messages={"required": f"Answer question {question.number}"},
            )

    def question_fields(self):
        return [self[question_field(q.number)] for q in self.questions]

    def detail_fields(self):
        return [
            self[name] for name in ("victim_comments", "professional_judgement", "judgement_reason")
        ]

    def clean(self) -> dict:
        data = super().clean()
        if data.get("professional_judgement") and not (data.get("judgement_reason") or "").strip():
            self.add_error(
                "judgement_reason",
                "Explain why your professional judgement is that the risk is high",
            )
        return data

    def answers(self) -> dict[int, str]:
        return {q.number: self.cleaned_data[question_field(q.number)] for q in self.questions}


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting: Meeting) -> str:
        return f"{meeting}, {meeting.starts_at:%d %B %Y %H:%M}"


class ReferForm(GovukForm):
    meeting = MeetingChoiceField(
        label="MARAC meeting",
        queryset=Meeting.objects.none(),
        empty_label="Select the meeting",
        error_messages={"required": "Select the MARAC meeting"},
    )
    idva_name = forms.CharField(
        label="The victim's IDVA (optional)", max_length=200, required=False
    )
    idva_service = forms.CharField(label="IDVA service (optional)", max_length=200, required=False)
    victim_views = forms.CharField(
        label="The victim's views",
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the victim wants the meeting to know, and what they want to happen.",
    )
    children_involved = forms.BooleanField(
        label="Children are in the household",
        required=False,
        help_text="Cases with children are heard first.",
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings


class ResearchForm(GovukForm):
    facts = forms.CharField(
        label="Facts",
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What your agency's records show: dates, events, what was seen or said.",
        error_messages={"required": "Enter the facts your agency found"},
    )
    opinion = forms.CharField(
        label="Professional opinion (optional)",
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Your agency's view of the risk, kept apart from the facts.",
    )
    withheld = forms.CharField(
        label="Information withheld, and why (optional)",
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
