from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone

from frontdoor.agencies.models import Agency, Area
from frontdoor.core.forms import GovukForm

from .figures import Filters

DEFAULT_DAYS = 90


class DashboardFilterForm(GovukForm):
    district = forms.ModelChoiceField(
        label="District",
        required=False,
        queryset=Area.objects.filter(kind=Area.Kind.DISTRICT).order_by("name"),
        empty_label="All districts",
        error_messages={"invalid_choice": "Select a district from the list"},
    )
    agency = forms.ModelChoiceField(
        label="Agency",
        required=False,
        queryset=Agency.objects.filter(is_active=True).order_by("name"),
        empty_label="All agencies",
        help_text="The referring agency; for information requests, the agency asked",
        error_messages={"invalid_choice": "Select an agency from the list"},
    )
    start = forms.DateField(
        label="From (date)",
        help_text="For example 2026-09-01",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Enter the start date", "invalid": "Enter a real start date"},
    )
    end = forms.DateField(
        label="To (date)",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Enter the end date", "invalid": "Enter a real end date"},
    )

    @classmethod
    def from_query(cls, query) -> DashboardFilterForm:
        """Bound to the query string, with the last 90 days when no period is given."""
        data = query.copy()
        today = timezone.localdate()
        if not data.get("start") and not data.get("end"):
            data["start"] = (today - timedelta(days=DEFAULT_DAYS - 1)).isoformat()
            data["end"] = today.isoformat()
        return cls(data)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        today = timezone.localdate()
        if start and start > today:
            self.add_error("start", "The start date must be today or in the past")
        if end and end > today:
            self.add_error("end", "The end date must be today or in the past")
        if start and end and start > end and "end" not in self.errors:
            self.add_error("end", "The end date must be the same as or after the start date")
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            start=data["start"], end=data["end"], district=data["district"], agency=data["agency"]
        )
