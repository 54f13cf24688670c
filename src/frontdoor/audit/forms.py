from datetime import datetime, time

from django import forms
from django.utils import timezone

from frontdoor.core.forms import GovukForm

from .models import Verb


class AuditFilterForm(GovukForm):
    actor = forms.CharField(label="Username", required=False, max_length=150)
    verb = forms.ChoiceField(
        label="Action", required=False, choices=[("", "Any action"), *Verb.choices]
    )
    object_type = forms.CharField(
        label="Record type",
        required=False,
        max_length=100,
        help_text="For example agencies.practitioner",
    )
    object_id = forms.CharField(label="Record number", required=False, max_length=64)
    since = forms.DateField(
        label="From (date)",
        required=False,
        help_text="For example 2026-11-01",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = forms.DateField(
        label="To (date)", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", "The end date must be the same as or after the start date")
        return data

    def apply(self, events):
        data = self.cleaned_data
        if data.get("actor"):
            events = events.filter(actor_username__iexact=data["actor"])
        if data.get("verb"):
            events = events.filter(verb=data["verb"])
        if data.get("object_type"):
            events = events.filter(object_type=data["object_type"])
        if data.get("object_id"):
            events = events.filter(object_id=data["object_id"])
        zone = timezone.get_current_timezone()
        if data.get("since"):
            events = events.filter(occurred_at__gte=datetime.combine(data["since"], time.min, zone))
        if data.get("until"):
            events = events.filter(occurred_at__lte=datetime.combine(data["until"], time.max, zone))
        return events


class ExportForm(AuditFilterForm):
    reason = forms.CharField(
        label="Why are you exporting the audit trail?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why you are exporting the audit trail"},
    )
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=6,
        min_length=6,
        help_text="Exports need your second factor again",
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "class": "govuk-input--width-5",
            }
        ),
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
    )
