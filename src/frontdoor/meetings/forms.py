"""Forms for meetings. They parse and validate; the services decide and write."""

from __future__ import annotations

import re
from datetime import datetime, time

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.core.forms import GovukForm
from frontdoor.plans.models import Action
from frontdoor.supervision.forms import DateParts

from .models import MeetingType

MAX_TEXT = 10_000
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


class _DatedForm(GovukForm):
    date_field: DateParts

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.date_field.add_to(self)

    def date_parts(self) -> list:
        return [self[part] for part in self.date_field.parts]

    def date_errors(self) -> list:
        return self.errors.get(self.date_field.parts[0], [])

    def visible_fields(self):
        return [f for f in super().visible_fields() if f.name not in self.date_field.parts]

    def clean(self) -> dict:
        data = super().clean()
        try:
            data[self.date_field.name] = self.date_field.read(data)
        except ValidationError as error:
            self.add_error(self.date_field.parts[0], error)
        return data


class PractitionerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, practitioner: Practitioner) -> str:
        return f"{practitioner} ({practitioner.agency})"


class MeetingForm(_DatedForm):
    date_field = DateParts("held_on", "Date of the meeting")

    type = forms.ChoiceField(
        label="Type of meeting", choices=MeetingType.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(
        label="Name of the meeting (optional)",
        max_length=200,
        required=False,
        help_text="For example, Preston MARAC or the Riverside practitioner panel.",
    )
    starts_at_time = forms.CharField(
        label="Time",
        max_length=5,
        help_text="Use the 24-hour clock, for example 09:30",
        error_messages={"required": "Enter the time of the meeting"},
    )
    chair = PractitionerChoiceField(
        label="Chair", queryset=Practitioner.objects.none(), empty_label="Select the chair"
    )
    agencies = forms.ModelMultipleChoiceField(
        label="Agencies invited",
        queryset=Agency.objects.none(),
        required=False,
        help_text="The chair's agency is always invited. Select every agency to invite; to "
        "select more than one, hold Ctrl (or Cmd) as you click.",
    )
    confidentiality_required = forms.BooleanField(
        label="Attendees must acknowledge the confidentiality statement",
        required=False,
        help_text="Always required at MARAC.",
    )

    def __init__(self, *args, chairs, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = chairs
        self.fields["agencies"].queryset = agencies
        self.fields["agencies"].widget.attrs.update({"class": "govuk-select", "size": "8"})
        self.fields["starts_at_time"].widget.attrs["class"] = "govuk-input govuk-input--width-5"

    def clean(self) -> dict:
        data = super().clean()
        text = (data.get("starts_at_time") or "").strip()
        match = _TIME.match(text)
        if text and not match:
            self.add_error("starts_at_time", "Enter the time like 09:30, on the 24-hour clock")
        if match and data.get("held_on"):
            moment = datetime.combine(data["held_on"], time(int(match[1]), int(match[2])))
            data["starts_at"] = timezone.make_aware(moment)
        return data


class ItemAddForm(GovukForm):
    reference = forms.CharField(
        label="Front door reference (optional)",
        max_length=30,
        required=False,
        help_text="For example, FD-2026-000012. Leave blank for a case that did not come "
        "through the front door, and describe it below.",
    )
    title = forms.CharField(
        label="Case (optional if you gave a reference)",
        max_length=200,
        required=False,
        help_text="Initials and a case number, not a full name: the agenda is shared with "
        "every agency invited.",
    )
    children_involved = forms.BooleanField(
        label="Children live in the household or are involved",
        required=False,
        help_text="At MARAC, cases with children are heard first.",
    )

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("reference", "").strip() and not data.get("title", "").strip():
            self.add_error(
                "reference", "Enter the front door reference of the case, or describe the case"
            )
        return data


class InformationForm(GovukForm):
    agency = forms.ModelChoiceField(
        label="Agency sharing", queryset=Agency.objects.none(), empty_label="Select the agency"
    )
    facts = forms.CharField(
        label="Facts",
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the agency's records show: dates, events, what was seen or said.",
        error_messages={"required": "Enter the facts the agency shared"},
    )
    opinion = forms.CharField(
        label="Professional opinion (optional)",
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The agency's view of the risk, kept apart from the facts.",
    )
    withheld = forms.CharField(
        label="Information withheld, and why (optional)",
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, prefix="info", **kwargs)
        self.fields["agency"].queryset = agencies


class DecisionsForm(GovukForm):
    decisions = forms.CharField(
        label="Decisions",
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What the meeting decided about this case, and why.",
    )
    heard = forms.BooleanField(label="This case has been heard", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="decide", **kwargs)


class ActionForm(_DatedForm):
    date_field = DateParts("due_on", "Due date")

    what = forms.CharField(
        label="What is to be done",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Specific and measurable: who, what, by when.",
        error_messages={"required": "Enter what is to be done"},
    )
    type = forms.ChoiceField(
        label="Type of action", choices=Action.Type.choices, widget=forms.RadioSelect
    )
    owner_agency = forms.ModelChoiceField(
        label="Agency responsible",
        queryset=Agency.objects.none(),
        empty_label="Select the agency",
    )
    owner = PractitionerChoiceField(
        label="Practitioner responsible (optional)",
        queryset=Practitioner.objects.none(),
        required=False,
        empty_label="Nobody named yet",
        help_text="Someone at the agency responsible.",
    )

    def __init__(self, *args, agencies, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].queryset = agencies
        self.fields["owner"].queryset = owners

    def clean(self) -> dict:
        data = super().clean()
        owner, agency = data.get("owner"), data.get("owner_agency")
        if owner and agency and owner.agency_id != agency.pk:
            self.add_error("owner", f"Select someone who works for {agency}, or nobody")
        due = data.get("due_on")
        if due and due < timezone.localdate():
            self.add_error(self.date_field.parts[0], "The due date must be today or in the future")
        return data


class VersionForm(forms.Form):
    version = forms.IntegerField(min_value=1)


class AttendanceForm(GovukForm):
    """One row of fields per agency invited, plus agencies to invite."""

    invite = forms.ModelMultipleChoiceField(
        label="Invite more agencies (optional)",
        queryset=Agency.objects.none(),
        required=False,
        help_text="To select more than one, hold Ctrl (or Cmd) as you click.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, rows, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = list(rows)
        for row in self.rows:
            self.fields[f"present_{row.pk}"] = forms.BooleanField(
                label=f"{row.agency} took part", required=False
            )
            self.fields[f"name_{row.pk}"] = forms.CharField(
                label=f"Who attended for {row.agency} (optional)", max_length=200, required=False
            )
            self.fields[f"ack_{row.pk}"] = forms.BooleanField(
                label="Acknowledged the confidentiality statement", required=False
            )
            for name in ("present", "name", "ack"):
                self.fields[f"{name}_{row.pk}"].widget.attrs.setdefault(
                    "class", "govuk-checkboxes__input" if name != "name" else "govuk-input"
                )
        self.fields["invite"].queryset = agencies
        self.fields["invite"].widget.attrs.update({"class": "govuk-select", "size": "6"})

    def row_fields(self):
        return [
            (row, self[f"present_{row.pk}"], self[f"name_{row.pk}"], self[f"ack_{row.pk}"])
            for row in self.rows
        ]
