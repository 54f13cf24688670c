"""The statutory export form: period, area, reason and the second factor again."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone

from frontdoor.agencies.models import Area
from frontdoor.core.forms import GovukForm

from .exports import FORMATS
from .records import Period

LONGEST_PERIOD_DAYS = 2 * 366


EARLIEST_YEAR = 1900


class StatutoryExportForm(GovukForm):
    start = forms.DateField(
        label="From (date)",
        help_text="The first day of the period, for example 2026-05-01. Annex A usually covers "
        "the 6 or 12 months before the inspection.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Enter the first day of the period",
            "invalid": "Enter the first day as a real date",
        },
    )
    end = forms.DateField(
        label="To (date)",
        help_text="The last day of the period: today at the latest",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Enter the last day of the period",
            "invalid": "Enter the last day as a real date",
        },
    )
    area = forms.ModelChoiceField(
        label="Local authority or district",
        queryset=Area.objects.exclude(kind=Area.Kind.CLUSTER).order_by("kind", "name"),
        required=False,
        empty_label="The whole partnership",
        help_text="Only children whose postcode is in this area. Children with no postcode are "
        "left out when an area is chosen.",
    )
    format = forms.ChoiceField(label="File", widget=forms.RadioSelect)
    reason = forms.CharField(
        label="Why are you exporting this data?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: Ofsted ILACS inspection notified on 3 November",
        error_messages={"required": "Enter why you are exporting this data"},
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

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        choices = FORMATS[kind]
        self.fields["format"].choices = choices
        self.fields["format"].initial = choices[0][0]
        today = timezone.localdate()
        self.fields["end"].initial = today
        self.fields["start"].initial = today - timedelta(days=182)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        today = timezone.localdate()
        if end and end > today:
            self.add_error("end", "The last day must be today or in the past")
        if start and start > today:
            self.add_error("start", "The first day must be today or in the past")
        if start and start.year < EARLIEST_YEAR:
            # Counting back twelve months from year 1 was a server error (promise 17).
            self.add_error("start", f"The first day must be in {EARLIEST_YEAR} or later")
        if start and end and start > end:
            self.add_error("end", "The last day must be the same as or after the first day")
        elif start and end and (end - start).days > LONGEST_PERIOD_DAYS:
            self.add_error("start", "The period can be 2 years at most")
        return data

    @property
    def period(self) -> Period:
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])
