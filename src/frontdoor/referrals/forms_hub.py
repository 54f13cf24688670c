from django import forms

from frontdoor.agencies.models import Practitioner
from frontdoor.agencies.roles import HUB_ROLES
from frontdoor.core.forms import GovukForm

from .models import Decision, Rag


class TriageForm(GovukForm):
    rag = forms.ChoiceField(
        label="RAG rating",
        choices=Rag.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select red, amber or green"},
    )
    rationale = forms.CharField(
        label="Why this rating?",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why you chose this rating"},
    )
    assign_to = forms.ModelChoiceField(
        label="Assign to",
        queryset=Practitioner.objects.none(),
        required=False,
        help_text="Leave blank to assign it to yourself",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assign_to"].queryset = Practitioner.objects.filter(
            role__in=HUB_ROLES, is_active=True
        ).select_related("agency")
        self.fields["assign_to"].label_from_instance = lambda p: f"{p} ({p.agency})"


class DecisionForm(GovukForm):
    outcome = forms.ChoiceField(
        label="Decision",
        choices=Decision.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the decision"},
    )
    rationale = forms.CharField(
        label="Rationale",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The reasons for the decision, for the record",
        error_messages={"required": "Enter the rationale for the decision"},
    )
    signpost_to = forms.CharField(
        label="Service signposted to (if any)", max_length=300, required=False
    )
    feedback_to_referrer = forms.CharField(
        label="What the referrer and answering agencies will be told",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Proportionate: what they need to know to do their part, not the whole record",
        error_messages={"required": "Enter what the referrer will be told"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class VersionForm(GovukForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
