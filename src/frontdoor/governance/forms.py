"""Forms for rules, reviews and subject access requests; all validated on the server."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from frontdoor.core.forms import GovukForm

from .models import MAX_PERIOD_MONTHS, RecordReview, SubjectAccessRequest

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NO_NAMES = "Do not write anyone's name: this reason is kept after the record is gone."


class RuleForm(GovukForm):
    period_months = forms.IntegerField(
        label="Keep for (months)",
        min_value=1,
        max_value=MAX_PERIOD_MONTHS,
        help_text="From the start event, before the record is due for review. 72 months is 6 years.",
        error_messages={
            "required": "Enter how many months to keep the records",
            "invalid": "Enter a whole number of months",
            "min_value": "The period must be at least 1 month",
            "max_value": "The period can be 100 years (1200 months) at most",
        },
    )
    source = forms.CharField(
        label="Where the period comes from",
        max_length=300,
        help_text="The law, code of practice or partnership policy, for example MoPI group 3",
        error_messages={"required": "Enter where the period comes from"},
    )
    # The version of the rule the page was shown, 0 if none was set (promise 18).
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class AgencyRuleForm(RuleForm):
    """An agency's own rule. Adding one, the agency is chosen; changing one (``agency`` given),
    it is fixed by the page's address and any agency in the post is ignored: a rule is never
    moved to, or saved over, another agency's."""

    agency = forms.ModelChoiceField(
        label="Agency",
        queryset=None,
        error_messages={"required": "Select the agency whose own rule this is"},
    )

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        from frontdoor.agencies.models import Agency

        self.agency = agency
        if agency is not None:
            del self.fields["agency"]
        else:
            self.fields["agency"].queryset = Agency.objects.order_by("name")
            self.order_fields(["agency", "period_months", "source"])


class ReviewForm(GovukForm):
    outcome = forms.ChoiceField(
        label="Is the record still needed?",
        choices=RecordReview.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to keep it or dispose of it"},
    )
    reason = forms.CharField(
        label="Why",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=f"For example: a sibling's case is still open. {NO_NAMES}",
        error_messages={"required": "Enter why"},
    )
    next_review_on = forms.DateField(
        label="Next review (if kept)",
        required=False,
        widget=DATE,
        help_text="For example 2028-03-31: at most 10 years from today",
        error_messages={"invalid": "Enter the next review as a real date"},
    )
    confirm = forms.BooleanField(
        label="I understand that disposal deletes the record and its parts for good",
        required=False,
    )

    def clean(self):
        data = super().clean()
        outcome = data.get("outcome")
        if outcome == RecordReview.Outcome.RETAIN and not data.get("next_review_on"):
            if "next_review_on" not in self.errors:
                self.add_error("next_review_on", "Enter when the record should be reviewed again")
        if outcome == RecordReview.Outcome.DISPOSE and not data.get("confirm"):
            self.add_error("confirm", "Confirm that you mean to delete the record for good")
        return data


class PersonSearchForm(GovukForm):
    q = forms.CharField(
        label="Name of the person the request is about",
        max_length=200,
        error_messages={"required": "Enter a name to search for"},
    )


class OpenRequestForm(GovukForm):
    requester_name = forms.CharField(
        label="Who made the request",
        max_length=200,
        error_messages={"required": "Enter who made the request"},
    )
    requester_is = forms.ChoiceField(
        label="They are",
        choices=SubjectAccessRequest.Requester.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who they are"},
    )
    received_on = forms.DateField(
        label="Date received",
        widget=DATE,
        help_text="The one-month deadline counts from this day, for example 2026-11-03",
        error_messages={
            "required": "Enter the date the request was received",
            "invalid": "Enter the date received as a real date",
        },
    )

    def clean_received_on(self):
        received = self.cleaned_data["received_on"]
        if received > timezone.localdate():
            raise forms.ValidationError("The date received must be today or in the past")
        return received


class ExtendForm(GovukForm):
    reason = forms.CharField(
        label="Why the request needs more time",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="UK GDPR Art 12(3): the request is complex, or the person made several. "
        "Tell the requester within the first month.",
        error_messages={"required": "Enter why the request needs more time"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class CloseForm(GovukForm):
    reason = forms.CharField(
        label="Why the request is closed without a release",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: withdrawn by the requester on 4 May; identity not confirmed",
        error_messages={"required": "Enter why the request is closed"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class RedactionForm(GovukForm):
    target = forms.ChoiceField(
        label="Which field holds information about someone else",
        error_messages={"required": "Select the field"},
    )
    passage = forms.CharField(
        label="The passage to remove (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Copy the words exactly. Leave empty to remove the whole field.",
    )
    reason = forms.CharField(
        label="Why it is someone else's information",
        max_length=300,
        help_text="For example: the neighbour who reported it",
        error_messages={"required": "Enter why it is someone else's information"},
    )

    def __init__(self, *args, bundle=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "Select a field")]
        self.values = {}
        if bundle is not None:
            for section in bundle.sections:
                for item in section.items:
                    for f in item.fields:
                        choices.append((f"{item.key}|{f.name}", f"{item.title}: {f.label}"))
                        self.values[f"{item.key}|{f.name}"] = f.value
        self.fields["target"].choices = choices

    def clean(self):
        data = super().clean()
        target, passage = data.get("target"), (data.get("passage") or "").strip()
        if target and passage and passage.lower() not in self.values.get(target, "").lower():
            self.add_error("passage", "The passage is not in that field: copy the words exactly")
        return data

    @property
    def item_key(self) -> str:
        return self.cleaned_data["target"].split("|", 1)[0]

    @property
    def field_name(self) -> str:
        return self.cleaned_data["target"].split("|", 1)[1]


class ReleaseForm(GovukForm):
    format = forms.ChoiceField(
        label="File",
        choices=[("html", "A readable page (HTML, prints or saves as PDF)"), ("json", "JSON")],
        widget=forms.RadioSelect,
        initial="html",
        error_messages={"required": "Select the file to release"},
    )
    reason = forms.CharField(
        label="How it is being sent",
        max_length=500,
        help_text="For example: by secure email to the requester's verified address",
        error_messages={"required": "Enter how it is being sent"},
    )
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=6,
        min_length=6,
        help_text="Releasing personal data needs your second factor again",
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "class": "govuk-input--width-5",
            }
        ),
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
    )
