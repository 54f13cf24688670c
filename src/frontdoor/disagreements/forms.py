"""Forms for raising, escalating and closing a disagreement (GOV.UK markup via core.forms)."""

from __future__ import annotations

from django import forms

from frontdoor.agencies.models import Agency
from frontdoor.core.forms import GovukForm

from .models import Disagreement, Theme
from .themes import ensure_default_themes

RAISE_REQUIRED = {
    "other_agency": "Select the agency you disagree with",
    "disputed": "Enter what is disputed",
    "issue": "Enter the issue",
    "wanted": "Enter what you want to happen instead",
    "theme": "Select a theme",
}


class RaiseForm(GovukForm):
    other_agency = forms.ModelChoiceField(
        label="Which agency do you disagree with?",
        queryset=Agency.objects.none(),
        empty_label="Choose an agency",
    )
    about_decision = forms.BooleanField(
        label="It is about the front door's decision on this contact", required=False
    )
    disputed = forms.CharField(
        label="What is disputed",
        max_length=300,
        help_text="The decision or action you disagree with, for example “No further action” "
        "or “the plan action to visit weekly”.",
    )
    issue = forms.CharField(
        label="The issue",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What worries you about it, for the child. Facts first, then your opinion.",
    )
    wanted = forms.CharField(
        label="What you want to happen instead", widget=forms.Textarea(attrs={"rows": 3})
    )
    theme = forms.ModelChoiceField(
        label="Theme",
        queryset=Theme.objects.none(),
        widget=forms.RadioSelect,
        help_text="So the partnership can see which themes keep coming back.",
    )

    def __init__(self, *args, practitioner, has_decision: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other_agency"].queryset = Agency.objects.filter(is_active=True).exclude(
            pk=practitioner.agency_id
        )
        ensure_default_themes()
        self.fields["theme"].queryset = Theme.objects.filter(is_active=True)
        if not has_decision:
            del self.fields["about_decision"]
        for name, message in RAISE_REQUIRED.items():
            self.fields[name].error_messages["required"] = message


class EscalateForm(GovukForm):
    reason = forms.CharField(
        label="Why escalate it to the next level?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What was tried at this level and why it did not resolve the disagreement.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ResolveForm(GovukForm):
    outcome = forms.ChoiceField(
        label="Outcome", choices=Disagreement.Outcome.choices, widget=forms.RadioSelect
    )
    resolution = forms.CharField(
        label="The resolution",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What was agreed, who does what next, and anything the partnership should learn.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, may_withdraw: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_withdraw:
            self.fields["outcome"].choices = [
                c for c in Disagreement.Outcome.choices if c[0] != Disagreement.Outcome.WITHDRAWN
            ]
