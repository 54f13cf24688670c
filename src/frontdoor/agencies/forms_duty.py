"""Forms for the rota, absences, duty arrangements and handover. Times are local (UK) time."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django import forms
from django.utils import timezone

from frontdoor.core.forms import GovukForm, GovukModelForm

from .models_duty import MAX_SHIFT, Absence, DutyArrangement, elapsed

DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]
DATE_HINT = "For example, 27/11/2026"
TIME_HINT = "24-hour clock, for example 07:00 or 22:00"


def _date_field(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=DATE_FORMATS,
        help_text=DATE_HINT,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={"invalid": f"Enter the {label.lower()} as a date, for example 27/11/2026"},
    )


def _time_field(label: str) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        input_formats=["%H:%M", "%H.%M"],
        help_text=TIME_HINT,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={"invalid": f"Enter the {label.lower()} as a time, for example 07:00"},
    )


def local_moment(day: date, at: time) -> datetime:
    """A wall-clock time in the partnership's zone, as an aware datetime."""
    return datetime.combine(day, at, timezone.get_default_timezone())


class ShiftForm(GovukForm):
    practitioner = forms.ModelChoiceField(queryset=None, label="Who is on shift")
    day = _date_field("Date the shift starts")
    starts = _time_field("Start time")
    ends = _time_field("End time")
    label = forms.CharField(
        label="Shift name (optional)",
        required=False,
        max_length=60,
        help_text="For example, Earlies, Lates or Nights. A shift ending at or before its start "
        "time ends the next day.",
    )

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practitioner"].queryset = agency.practitioners.filter(is_active=True)

    def clean(self):
        data = super().clean()
        if not all(data.get(k) for k in ("day", "starts", "ends")):
            return data
        starts_at = local_moment(data["day"], data["starts"])
        end_day = data["day"] if data["ends"] > data["starts"] else data["day"] + timedelta(1)
        ends_at = local_moment(end_day, data["ends"])
        if elapsed(starts_at, ends_at) > MAX_SHIFT:
            self.add_error("ends", "A shift can be at most 24 hours long")
        data["starts_at"], data["ends_at"] = starts_at, ends_at
        return data


class AbsenceForm(GovukForm):
    reason = forms.ChoiceField(
        label="Why they are away",
        choices=Absence.Reason.choices,
        widget=forms.RadioSelect,
        help_text="Only they and their managers see the reason; colleagues see 'away'.",
    )
    from_day = _date_field("First day away")
    from_time = _time_field("From")
    to_day = _date_field("Back on")
    to_time = _time_field("Back at")

    def clean(self):
        data = super().clean()
        if not all(data.get(k) for k in ("from_day", "from_time", "to_day", "to_time")):
            return data
        data["starts_at"] = local_moment(data["from_day"], data["from_time"])
        data["ends_at"] = local_moment(data["to_day"], data["to_time"])
        if data["ends_at"] <= data["starts_at"]:
            self.add_error("to_day", "The day they are back must be after the first day away")
        return data


class ArrangementForm(GovukModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = DutyArrangement
        fields = [
            "office_opens",
            "office_closes",
            "open_at_weekends",
            "open_on_bank_holidays",
            "duty_team",
            "duty_contact",
            "duty_phone",
        ]
        labels = {
            "office_opens": "Office opens at",
            "office_closes": "Office closes at",
            "open_at_weekends": "Open at weekends",
            "open_on_bank_holidays": "Open on bank holidays",
            "duty_team": "Duty team in office hours (optional)",
        }
        help_texts = {"office_opens": TIME_HINT, "office_closes": TIME_HINT}
        widgets = {
            "office_opens": forms.TimeInput(
                format="%H:%M", attrs={"class": "govuk-input--width-5"}
            ),
            "office_closes": forms.TimeInput(
                format="%H:%M", attrs={"class": "govuk-input--width-5"}
            ),
        }

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duty_team"].queryset = agency.teams.all()
        for name in ("office_opens", "office_closes"):
            self.fields[name].widget.attrs["class"] = "govuk-input govuk-input--width-5"

    def clean(self):
        data = super().clean()
        opens, closes = data.get("office_opens"), data.get("office_closes")
        if opens and closes and closes <= opens:
            self.add_error("office_closes", "The office must close after it opens")
        return data


class HandoverForm(GovukForm):
    to = forms.TypedChoiceField(
        label="Hand over to",
        coerce=int,
        widget=forms.RadioSelect,
        help_text="Colleagues on duty now at the same agency",
        error_messages={"required": "Choose who takes the contact over"},
    )
    note = forms.CharField(
        label="Handover note",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        help_text="What they need to know: where things stand and what must happen next.",
        error_messages={"required": "Write a handover note"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = {p.pk: p for p in candidates}
        self.fields["to"].choices = [
            (p.pk, f"{p} – {p.job_title}" if p.job_title else str(p)) for p in candidates
        ]

    def clean_to(self):
        return self.candidates[self.cleaned_data["to"]]


class WeeklyPatternForm(GovukForm):
    WEEKDAYS = [
        (0, "Monday"),
        (1, "Tuesday"),
        (2, "Wednesday"),
        (3, "Thursday"),
        (4, "Friday"),
        (5, "Saturday"),
        (6, "Sunday"),
    ]

    practitioner = forms.ModelChoiceField(queryset=None, label="Who works the pattern")
    first_day = _date_field("First day of the pattern")
    weeks = forms.IntegerField(
        label="For how many weeks", min_value=1, max_value=12, help_text="From 1 to 12"
    )
    weekdays = forms.TypedMultipleChoiceField(
        label="On which days",
        choices=WEEKDAYS,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one day"},
    )
    starts = _time_field("Start time")
    hours = forms.DecimalField(
        label="Length in hours",
        min_value=0.5,
        max_value=24,
        decimal_places=1,
        help_text="For example 8, or 10 for a night shift",
    )
    label = forms.CharField(label="Shift name (optional)", required=False, max_length=60)

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practitioner"].queryset = agency.practitioners.filter(is_active=True)
