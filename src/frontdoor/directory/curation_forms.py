"""Forms for keeping the directory current. They parse and validate; ``curation`` writes."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

from frontdoor.core.forms import GovukForm

from .curation import FIELDS, MAX_COMMENT, MAX_NOTE, MAX_REASON
from .models import Service, Suggestion

_PHONE = re.compile(r"^\+?[0-9 ()\-]{6,40}$")
_WEB = URLValidator(schemes=["http", "https"])


def _check_value(name: str, value: str) -> str | None:
    """An error message if ``value`` cannot be the field's new value."""
    if name == "phone" and not _PHONE.match(value):
        return "Enter a phone number, like 01632 960 001"
    if name == "email":
        try:
            validate_email(value)
        except ValidationError:
            return "Enter an email address in the correct format, like name@example.com"
    if name == "url":
        try:
            _WEB(value)
        except ValidationError:
            return "Enter a website address starting with https://"
    return None


class SuggestForm(GovukForm):
    kind = forms.ChoiceField(
        label="What is wrong?",
        choices=Suggestion.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what is wrong"},
    )
    which = forms.MultipleChoiceField(
        label="Which details are wrong?",
        choices=[(f.name, f.label) for f in FIELDS.values()],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply, and give the right details.",
    )
    comment = forms.CharField(
        label="Anything else we should know (optional)",
        required=False,
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example, how you know. Do not include anything about a person who uses the service.",
        error_messages={"max_length": f"This must be {MAX_COMMENT:,} characters or fewer"},
    )
    contact_email = forms.EmailField(
        label="Your email address (optional)",
        required=False,
        max_length=254,
        help_text=(
            "Only if you want to hear what we decide. Only the people who look after this "
            "service's entry see it, and we delete it once we have told you."
        ),
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "The email address must be 254 characters or fewer",
        },
    )

    def __init__(self, *args, practitioner=None, **kwargs):
        super().__init__(*args, **kwargs)
        for field in FIELDS.values():
            self.fields[f"new_{field.name}"] = forms.CharField(
                label=f"New {field.label.lower()}",
                required=False,
                max_length=field.max_length,
                widget=forms.Textarea(attrs={"rows": 3}) if field.multiline else forms.TextInput(),
                error_messages={
                    "max_length": f"The new {field.label.lower()} must be "
                    f"{field.max_length:,} characters or fewer"
                },
            )
            widget = self.fields[f"new_{field.name}"].widget
            widget.attrs["class"] = "govuk-textarea" if field.multiline else "govuk-input"
        if practitioner is not None:
            del self.fields["contact_email"]

    def field_rows(self):
        """(checkbox choice, its value field) for the template's conditional reveals."""
        choices = list(self["which"])
        return [(choice, self[f"new_{name}"]) for choice, name in zip(choices, FIELDS, strict=True)]

    def clean(self):
        data = super().clean()
        chosen = data.get("which") or []
        for name in chosen:
            value = (data.get(f"new_{name}") or "").strip()
            if not value:
                if f"new_{name}" not in self.errors:
                    self.add_error(f"new_{name}", f"Enter the new {FIELDS[name].label.lower()}")
                continue
            problem = _check_value(name, value)
            if problem:
                self.add_error(f"new_{name}", problem)
        kind = data.get("kind")
        if kind == Suggestion.Kind.DETAILS_WRONG and not chosen:
            self.add_error("which", "Select which details are wrong")
        if kind == Suggestion.Kind.OTHER and not data.get("comment", "").strip() and not chosen:
            self.add_error("comment", "Tell us what is wrong")
        return data

    def proposed(self) -> dict[str, str]:
        return {
            name: self.cleaned_data[f"new_{name}"].strip() for name in self.cleaned_data["which"]
        }


class DecisionForm(GovukForm):
    decision = forms.ChoiceField(
        choices=[("accept", "Accept"), ("reject", "Reject")],
        widget=forms.HiddenInput,
        error_messages={"required": "Choose accept or reject"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reason = forms.CharField(
        label="Reason or note",
        required=False,
        max_length=MAX_REASON,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed to reject. The person who made the suggestion is told it.",
        error_messages={"max_length": f"The reason must be {MAX_REASON:,} characters or fewer"},
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not data.get("reason", "").strip():
            self.add_error("reason", "Enter why you are rejecting the suggestion")
        return data


class ServiceEditForm(GovukForm):
    name = forms.CharField(label="Name", max_length=200)
    description = forms.CharField(
        label="Description",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    eligibility_description = forms.CharField(
        label="Who it is for",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    application_process = forms.CharField(
        label="How to get help",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    email = forms.EmailField(
        label="Email",
        required=False,
        max_length=254,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    url = forms.CharField(label="Website", required=False, max_length=500)
    alert = forms.CharField(
        label="Alert shown at the top of the page",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example, ‘Closed over the bank holiday weekend’.",
    )
    status = forms.ChoiceField(label="Status", choices=Service.Status.choices)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    EDITABLE = (
        "name",
        "description",
        "eligibility_description",
        "application_process",
        "email",
        "url",
        "alert",
        "status",
    )

    def clean_url(self) -> str:
        value = self.cleaned_data["url"].strip()
        if value:
            problem = _check_value("url", value)
            if problem:
                raise ValidationError(problem)
        return value

    def values(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in self.EDITABLE}


class NoteForm(GovukForm):
    body = forms.CharField(
        label="Add a practice note",
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=(
            "What helps other practitioners work with this service, for example ‘referrals by "
            "email get a reply within a day’. Only practitioners see it. Do not include "
            "anything about a person."
        ),
        error_messages={
            "required": "Enter the practice note",
            "max_length": f"The note must be {MAX_NOTE:,} characters or fewer",
        },
    )
