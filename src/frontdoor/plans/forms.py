"""Forms for plans and actions. They parse and validate; the services decide and write."""

from __future__ import annotations

from django import forms

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.core.forms import GovukForm

from .models import Action

MAX_TEXT = 10_000


def _date_widget():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PractitionerField(forms.ModelChoiceField):
    def label_from_instance(self, practitioner: Practitioner) -> str:
        agency = f", {practitioner.agency}" if practitioner.agency_id else ""
        return f"{practitioner}{agency}"


class PlanForm(GovukForm):
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="For example, the family's surname and what the plan is for.",
        error_messages={"required": "Enter a title for the plan"},
    )
    own_words = forms.CharField(
        label="In their own words (optional)",
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What the person says is happening and what they want, as they said it. "
        "Keep professionals' views for the next box.",
    )
    needs = forms.CharField(
        label="Needs, as professionals see them (optional)",
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    lead_professional = PractitionerField(
        label="Lead professional (optional)",
        queryset=Practitioner.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Select a lead professional from the list"},
    )
    trusted_person = forms.CharField(
        label="Trusted person (optional)",
        max_length=200,
        required=False,
        help_text="Someone the person trusts to speak with them or for them.",
    )
    review_on = forms.DateField(
        label="Review date (optional)",
        required=False,
        widget=_date_widget(),
        error_messages={"invalid": "The review date must be a real date"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_professional"].queryset = Practitioner.objects.filter(
            is_active=True, agency__isnull=False
        ).select_related("agency")


class PlanEditForm(PlanForm):
    """Editing a plan names the version the page was shown (promise 18)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ActionForm(GovukForm):
    what = forms.CharField(
        label="What is to be done",
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Specific and measurable: who will do what with whom.",
        error_messages={"required": "Enter what is to be done"},
    )
    type = forms.ChoiceField(
        label="Type of action",
        choices=Action.Type.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of action"},
    )
    owner_agency = forms.ModelChoiceField(
        label="Owner agency",
        queryset=Agency.objects.filter(is_active=True).order_by("name"),
        error_messages={
            "required": "Select the agency that owns the action",
            "invalid_choice": "Select the agency that owns the action",
        },
    )
    owner = PractitionerField(
        label="Named practitioner (optional)",
        queryset=Practitioner.objects.none(),
        required=False,
        help_text="They must work for the owner agency.",
        error_messages={"invalid_choice": "Select a practitioner from the list"},
    )
    due_on = forms.DateField(
        label="Due date",
        widget=_date_widget(),
        error_messages={
            "required": "Enter the date the action is due",
            "invalid": "The due date must be a real date",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = Practitioner.objects.filter(
            is_active=True, agency__isnull=False
        ).select_related("agency")


class ActionUpdateForm(GovukForm):
    status = forms.ChoiceField(
        label="Status",
        choices=Action.Status.choices,
        widget=forms.RadioSelect,
        help_text="'Could not be done' means something outside the agency's control stopped "
        "it; 'Not done' means it was not done.",
        error_messages={"required": "Select the status"},
    )
    outcome = forms.CharField(
        label="Outcome",
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What happened. Needed when the action is done, could not be done or not done.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class MixFilterForm(GovukForm):
    agency = forms.ModelChoiceField(
        label="Owner agency",
        queryset=Agency.objects.filter(is_active=True).order_by("name"),
        required=False,
        empty_label="All agencies",
    )
    start = forms.DateField(label="From", required=False, widget=_date_widget())
    end = forms.DateField(label="To", required=False, widget=_date_widget())

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", "The end date must be the same as or after the start date")
        return data
