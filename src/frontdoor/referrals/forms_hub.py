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
        self.fields["assign_to"].queryset = (
            Practitioner.objects.filter(role__in=HUB_ROLES, is_active=True)
            .select_related("agency")
            .only("first_name", "last_name", "username", "agency__name")
        )
        self.fields["assign_to"].label_from_instance = lambda p: f"{p} ({p.agency})"


class AnyServicesField(forms.MultipleChoiceField):
    """Directory service ids: whether each exists, runs and may be chosen is the service
    layer's question (``signposting.signposts_resolve``), answered with a clear message."""

    def valid_value(self, value) -> bool:
        return True


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
    services = AnyServicesField(
        label="Services from the directory",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="For advice or signposting: tick every service you are signposting to",
    )
    signpost_for = forms.ChoiceField(label="Who is the help for?", required=False, choices=[])
    signpost_q = forms.CharField(
        label="Search the directory",
        required=False,
        max_length=200,
        help_text="For example, parenting, domestic abuse or debt",
    )
    signpost_all_areas = forms.BooleanField(label="Show services in all areas", required=False)
    signpost_to = forms.CharField(
        label="Another service, not in the directory (if any)", max_length=300, required=False
    )
    feedback_to_referrer = forms.CharField(
        label="What the referrer and answering agencies will be told",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Proportionate: what they need to know to do their part, not the whole record",
        error_messages={"required": "Enter what the referrer will be told"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, subjects=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signpost_for"].choices = [
            (str(s.pk), f"{s} ({s.get_role_display().lower()})") for s in subjects
        ]

    def clean(self):
        data = super().clean()
        advice = data.get("outcome") == Decision.Outcome.ADVICE
        if advice and not data.get("services") and not data.get("signpost_to", "").strip():
            self.add_error(
                "services",
                "Choose at least one service from the directory, or name the service you "
                "signposted to",
            )
        if data.get("services") and data.get("outcome") and not advice:
            self.add_error(
                "services",
                "Services from the directory can be chosen only for advice or signposting: "
                "untick them, or choose advice or signposting",
            )
        return data


class VersionForm(GovukForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
