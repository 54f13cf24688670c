"""Forms for Operation Encompass: the police record, the school's DSL acknowledges."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.utils import timezone

from frontdoor.agencies.models import Agency
from frontdoor.core.forms import GovukForm

from .encompass import MAX_TEXT, age_problem, occurred_problem
from .forms import VersionForm

DATE_FORMATS = ["%d/%m/%Y", "%d %m %Y", "%d-%m-%Y", "%Y-%m-%d"]
HOW = [
    ("present", "The child was present at the incident"),
    ("household", "The child lives in the household"),
]


class SchoolChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, agency):
        return agency.name


class EncompassForm(GovukForm):
    police_reference = forms.CharField(
        label="Police reference",
        max_length=50,
        help_text="The incident or occurrence number, so the school can quote it.",
        error_messages={"max_length": "The police reference must be 50 characters or fewer"},
    )
    occurred_date = forms.DateField(
        label="Date of the incident",
        input_formats=DATE_FORMATS,
        help_text="For example, 27/3/2026",
        widget=forms.DateInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter the date of the incident",
            "invalid": "The date of the incident must be a real date, like 27/3/2026",
        },
    )
    occurred_time = forms.TimeField(
        label="Time of the incident",
        input_formats=["%H:%M", "%H.%M"],
        help_text="24-hour clock, for example 23:10",
        widget=forms.TimeInput(
            attrs={"class": "govuk-input govuk-input--width-5", "inputmode": "numeric"}
        ),
        error_messages={
            "required": "Enter the time of the incident",
            "invalid": "The time of the incident must be a time on the 24-hour clock, like 23:10",
        },
    )
    location = forms.CharField(
        label="Where it happened",
        max_length=300,
        help_text="For example, the family home, or the street and town.",
        error_messages={
            "required": "Enter where the incident happened",
            "max_length": "Where it happened must be 300 characters or fewer",
        },
    )
    child_given_names = forms.CharField(
        label="Child's given names",
        max_length=100,
        error_messages={"max_length": "The given names must be 100 characters or fewer"},
    )
    child_family_name = forms.CharField(
        label="Child's family name",
        max_length=100,
        error_messages={"max_length": "The family name must be 100 characters or fewer"},
    )
    child_date_of_birth = forms.DateField(
        label="Child's date of birth",
        input_formats=DATE_FORMATS,
        help_text="For example, 14/9/2015. Notifications are for children aged 4 to 17.",
        widget=forms.DateInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter the child's date of birth",
            "invalid": "The child's date of birth must be a real date, like 14/9/2015",
        },
    )
    school = SchoolChoiceField(
        label="Child's school",
        queryset=Agency.objects.none(),
        empty_label="Choose the school",
        help_text="Its designated safeguarding leads are told at once.",
        error_messages={
            "required": "Select the child's school",
            "invalid_choice": "Select a school in the partnership",
        },
    )
    how = forms.MultipleChoiceField(
        label="How is the child involved?",
        choices=HOW,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply.",
        error_messages={
            "required": "Select whether the child was present or lives in the household",
            "invalid_choice": "Select whether the child was present or lives in the household",
        },
    )
    voice_of_child = forms.CharField(
        label="What the child said (optional)",
        required=False,
        max_length=MAX_TEXT,
        help_text="The child's own words, if they spoke to you, and how they seemed.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": f"What the child said must be {MAX_TEXT:,} characters or fewer"
        },
    )
    circumstances = forms.CharField(
        label="Circumstances",
        max_length=MAX_TEXT,
        help_text="Only what the school needs to support the child: what happened and how it "
        "may affect them. Do not name or describe the suspect.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Enter the circumstances",
            "max_length": f"The circumstances must be {MAX_TEXT:,} characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = Agency.objects.filter(
            sector=Agency.Sector.EDUCATION, is_active=True
        ).order_by("name")

    def _strip(self, name: str, message: str) -> str:
        value = self.cleaned_data[name].strip()
        if not value and self.fields[name].required:
            raise forms.ValidationError(message)
        return value

    def clean_police_reference(self):
        return self._strip("police_reference", "Enter the police reference")

    def clean_location(self):
        return self._strip("location", "Enter where the incident happened")

    def clean_child_given_names(self):
        return self._strip("child_given_names", "Enter the child's given names")

    def clean_child_family_name(self):
        return self._strip("child_family_name", "Enter the child's family name")

    def clean_circumstances(self):
        return self._strip("circumstances", "Enter the circumstances")

    def clean_voice_of_child(self):
        return self.cleaned_data["voice_of_child"].strip()

    def clean(self):
        data = super().clean()
        day, at = data.get("occurred_date"), data.get("occurred_time")
        if day and at:
            occurred = datetime.combine(day, at, timezone.get_default_timezone())
            problem = occurred_problem(occurred, timezone.now())
            if problem:
                self.add_error("occurred_date", problem)
            else:
                data["occurred_at"] = occurred
        born = data.get("child_date_of_birth")
        if born and day:
            problem = age_problem(born, day)
            if problem:
                self.add_error("child_date_of_birth", problem)
        return data

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            **{
                k: data[k]
                for k in (
                    "police_reference",
                    "occurred_at",
                    "location",
                    "circumstances",
                    "school",
                    "child_given_names",
                    "child_family_name",
                    "child_date_of_birth",
                    "voice_of_child",
                )
            },
            "child_present": "present" in data["how"],
            "child_lives_in_household": "household" in data["how"],
        }


class FilterForm(forms.Form):
    """The police list's filters: read from the query string, never an error."""

    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[
            ("", "All"),
            ("sent", "Sent, not yet due"),
            ("overdue", "Unacknowledged, past the start of the school day"),
            ("acknowledged", "Acknowledged"),
        ],
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    school = forms.ModelChoiceField(
        label="School",
        required=False,
        queryset=Agency.objects.none(),
        empty_label="All schools",
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = Agency.objects.filter(
            sector=Agency.Sector.EDUCATION
        ).order_by("name")


class AcknowledgeForm(VersionForm):
    pass


class HolidayForm(GovukForm):
    name = forms.CharField(
        label="Name",
        max_length=120,
        help_text="For example, Spring half term, or Staff training day.",
        error_messages={"max_length": "The name must be 120 characters or fewer"},
    )
    first_day = forms.DateField(
        label="First day",
        input_formats=DATE_FORMATS,
        help_text="For example, 16/2/2026",
        error_messages={
            "required": "Enter the first day",
            "invalid": "The first day must be a real date, like 16/2/2026",
        },
    )
    last_day = forms.DateField(
        label="Last day",
        input_formats=DATE_FORMATS,
        help_text="For example, 20/2/2026",
        error_messages={
            "required": "Enter the last day",
            "invalid": "The last day must be a real date, like 20/2/2026",
        },
    )
    school = SchoolChoiceField(
        label="School (optional)",
        required=False,
        queryset=Agency.objects.none(),
        empty_label="Every school",
        help_text="Leave as every school for a holiday; choose one school for its training day.",
        error_messages={"invalid_choice": "Select a school in the partnership"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = Agency.objects.filter(
            sector=Agency.Sector.EDUCATION
        ).order_by("name")

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("Enter the name")
        return name

    def clean(self):
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", "The last day must be the same as or after the first day")
        return data
