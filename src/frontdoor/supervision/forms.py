"""Forms for supervision. They parse and validate; the services decide and write."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from frontdoor.agencies.models import Practitioner
from frontdoor.core.forms import GovukForm

from .models import MAX_FREQUENCY_WEEKS, Wellbeing

MAX_TEXT = 20_000
_DIGITS = re.compile(r"\d{1,4}")


class DateParts:
    """A GOV.UK date input: three text boxes named ``<name>_day``, ``_month``, ``_year``."""

    def __init__(self, name: str, label: str) -> None:
        self.name, self.label = name, label

    @property
    def parts(self) -> tuple[str, str, str]:
        return (f"{self.name}_day", f"{self.name}_month", f"{self.name}_year")

    def add_to(self, form: forms.Form) -> None:
        for part, width in zip(self.parts, (2, 2, 4), strict=True):
            form.fields[part] = forms.CharField(
                label=part.rsplit("_", 1)[1].capitalize(), required=False, max_length=width
            )
            form.fields[part].widget.attrs.update(
                {
                    "class": f"govuk-input govuk-date-input__input govuk-input--width-{width}",
                    "inputmode": "numeric",
                }
            )

    def initial(self, value: date | None) -> dict:
        if value is None:
            return {}
        return dict(zip(self.parts, (value.day, value.month, value.year), strict=True))

    def read(self, cleaned: dict) -> date:
        label = self.label.lower()
        values = [str(cleaned.get(part) or "").strip() for part in self.parts]
        if not any(values):
            raise ValidationError(f"Enter the {label}")
        missing = [w for w, v in zip(("day", "month", "year"), values, strict=True) if not v]
        if missing:
            raise ValidationError(f"The {label} must include a {' and a '.join(missing)}")
        if not all(_DIGITS.fullmatch(v) for v in values) or len(values[2]) != 4:
            raise ValidationError(f"The {label} must be a real date, like 27 3 2026")
        try:
            return date(int(values[2]), int(values[1]), int(values[0]))
        except ValueError:
            raise ValidationError(f"The {label} must be a real date, like 27 3 2026") from None


class _DatedForm(GovukForm):
    """A form with one GOV.UK date input, checked in ``clean`` and put in ``cleaned_data``."""

    date_field: DateParts
    not_in_future = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.date_field.add_to(self)

    def date_parts(self) -> list:
        return [self[part] for part in self.date_field.parts]

    def date_errors(self) -> list:
        return self.errors.get(self.date_field.parts[0], [])

    def visible_fields(self):
        # The date input is drawn by its own partial, not field by field.
        return [f for f in super().visible_fields() if f.name not in self.date_field.parts]

    def clean(self) -> dict:
        data = super().clean()
        try:
            value = self.date_field.read(data)
            if self.not_in_future and value > timezone.localdate():
                raise ValidationError(
                    f"The {self.date_field.label.lower()} must be today or in the past"
                )
            data[self.date_field.name] = value
        except ValidationError as error:
            self.add_error(self.date_field.parts[0], error)
        return data


class SessionForm(_DatedForm):
    date_field = DateParts("held_on", "Date of the session")
    not_in_future = True

    reflections = forms.CharField(
        label="Reflections",
        max_length=MAX_TEXT,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="What you talked about and what you both took from it: practice, "
        "decisions, learning. Only the two of you can read this.",
        error_messages={
            "required": "Enter your reflections on the session",
            "max_length": f"Reflections must be {MAX_TEXT:,} characters or fewer",
        },
    )
    wellbeing = forms.TypedChoiceField(
        label="Wellbeing check: how is the practitioner doing?",
        choices=Wellbeing.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the practitioner is doing"},
    )
    wellbeing_note = forms.CharField(
        label="Anything to note about wellbeing (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "The wellbeing note must be 2,000 characters or fewer"},
    )
    cases = forms.CharField(
        label="Cases discussed (optional)",
        max_length=1000,
        required=False,
        help_text="The references of the cases you discussed, separated by commas, for example "
        "FD-2026-000012. Only cases the practitioner being supervised can see can be linked.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def clean_reflections(self) -> str:
        text = self.cleaned_data["reflections"].replace("\r\n", "\n")
        if not text.strip():
            raise ValidationError("Enter your reflections on the session")
        return text


class OwnerField(forms.ModelChoiceField):
    def label_from_instance(self, practitioner: Practitioner) -> str:
        return str(practitioner)


class ActionForm(_DatedForm):
    date_field = DateParts("due_on", "Due date")

    description = forms.CharField(
        label="What was agreed",
        max_length=300,
        error_messages={
            "required": "Enter what was agreed",
            "max_length": "What was agreed must be 300 characters or fewer",
        },
    )
    owner = OwnerField(
        label="Who will do it",
        queryset=Practitioner.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Select who will do it",
            "invalid_choice": "Select who will do it",
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def __init__(self, *args, relationship, with_done: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = Practitioner.objects.filter(
            pk__in=[relationship.supervisor_id, relationship.supervisee_id]
        )
        if with_done:
            self.fields["done"] = forms.BooleanField(label="This has been done", required=False)


class PractitionerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, practitioner: Practitioner) -> str:
        agency = f", {practitioner.agency}" if practitioner.agency_id else ""
        title = f" ({practitioner.job_title})" if practitioner.job_title else ""
        return f"{practitioner}{title}{agency}"


class RelationshipForm(_DatedForm):
    date_field = DateParts("started_on", "Start date")
    not_in_future = True

    supervisee = PractitionerChoiceField(
        label="Practitioner to be supervised",
        queryset=Practitioner.objects.none(),
        error_messages={"required": "Select the practitioner to be supervised"},
    )
    supervisor = PractitionerChoiceField(
        label="Supervisor",
        queryset=Practitioner.objects.none(),
        help_text="A practitioner at the same agency.",
        error_messages={"required": "Select the supervisor"},
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        people = (
            Practitioner.objects.filter(is_active=True, agency__in=agencies)
            .select_related("agency")
            .order_by("agency__name", "last_name", "first_name")
        )
        self.fields["supervisee"].queryset = people
        self.fields["supervisor"].queryset = people

    def clean(self) -> dict:
        data = super().clean()
        supervisor, supervisee = data.get("supervisor"), data.get("supervisee")
        if supervisor and supervisee:
            if supervisor.pk == supervisee.pk:
                self.add_error("supervisor", "Select a supervisor who is not the practitioner")
            elif supervisor.agency_id != supervisee.agency_id:
                self.add_error(
                    "supervisor", "Select a supervisor at the same agency as the practitioner"
                )
        return data


class EndForm(_DatedForm):
    date_field = DateParts("ended_on", "End date")
    not_in_future = True


class PolicyForm(GovukForm):
    frequency_weeks = forms.IntegerField(
        label="How often should practitioners have supervision, in weeks?",
        min_value=1,
        max_value=MAX_FREQUENCY_WEEKS,
        help_text="For example, 4 for every four weeks. Supervision is overdue when the last "
        "session was longer ago than this.",
        error_messages={
            "required": "Enter how often supervision is due, in weeks",
            "invalid": "Enter a whole number of weeks, like 4",
            "min_value": f"Enter a number of weeks from 1 to {MAX_FREQUENCY_WEEKS}",
            "max_value": f"Enter a number of weeks from 1 to {MAX_FREQUENCY_WEEKS}",
        },
    )
    # The version of the agency's policy the page was shown, 0 if it had none (promise 18).
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
