"""The referrer's question pages. Forms parse and check input; services do the writing."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from frontdoor.core.forms import GovukForm
from frontdoor.core.identifiers import normalise_nhs_number, validate_nhs_number
from frontdoor.people.models import Sex

from .models import Concern, Consent, Contact, LawfulBasis, Subject

YES_NO = [("yes", "Yes"), ("no", "No")]
# Loose on purpose: the shape of a UK postcode, not a lookup (BS 7666 outward and inward codes).
_POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}")
_DATE_PART = re.compile(r"[0-9]{1,4}")
_PHONE = re.compile(r"\+?[0-9 ()\-]{6,30}")
_OPINION_HINT = (
    "Keep this apart from the facts above (Data Protection Act 2018 s.38): say what you think "
    "the risk is and why. The front door reads facts and opinion differently."
)


def _text(label: str, *, max_length: int, required: bool = True, **kwargs) -> forms.CharField:
    name = label.removesuffix(" (optional)")
    messages = {"max_length": f"{name} must be {max_length:,} characters or fewer"}
    if "required_message" in kwargs:
        messages["required"] = kwargs.pop("required_message")
    return forms.CharField(
        label=label, max_length=max_length, required=required, error_messages=messages, **kwargs
    )


def _yes_no(label: str, required_message: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages={"required": required_message},
    )


def _as_yes_no(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


def _version() -> forms.IntegerField:
    """The version of the record the page was shown, so a save from a stale page (another
    tab, another window) is refused rather than silently undoing the other (promise 18)."""
    return forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={"required": "Reload the page and try again"},
    )


class DraftForm(GovukForm):
    """A page of a draft referral. ``saving=True`` ("Save and come back later") keeps the
    format checks but drops required answers: the check page lists what is still missing."""

    version = _version()

    def __init__(self, *args, saving: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.saving = saving
        if saving:
            for name, field in self.fields.items():
                field.required = name == "version"

    @classmethod
    def initial_for(cls, contact: Contact) -> dict:
        return {name: getattr(contact, name) for name in cls.base_fields}

    def answers(self) -> dict:
        """The cleaned answers as the fields of a Contact."""
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class StartForm(GovukForm):
    source = forms.ChoiceField(
        label="Who is the referral from?",
        choices=[
            (Contact.Source.PRACTITIONER, "Me, as a practitioner"),
            (Contact.Source.PUBLIC, "Recording a phone call from a member of the public"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select who the referral is from"},
    )


class CallerForm(DraftForm):
    caller_name = _text(
        "Caller's name",
        max_length=200,
        help_text="If the caller will not give their name, enter anonymous.",
        required_message="Enter the caller's name, or 'anonymous'",
    )
    caller_phone = _text(
        "Caller's telephone number (optional)",
        max_length=40,
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "inputmode": "tel", "class": "govuk-input--width-20"}
        ),
    )
    caller_relationship = _text(
        "How the caller knows the people (optional)",
        max_length=200,
        required=False,
        help_text="For example, neighbour, grandparent or teacher",
    )

    def clean_caller_phone(self) -> str:
        phone = self.cleaned_data["caller_phone"]
        if phone and not _PHONE.fullmatch(phone):
            raise ValidationError(
                "Enter a telephone number, like 01632 960 001 or +44 808 157 0192"
            )
        return phone


class SubjectForm(GovukForm):
    """One person the referral is about. Always checked in full: a person is one record.
    ``editing=True``: changing someone already added, so the version shown is required."""

    role = forms.ChoiceField(
        label="Their role in this referral",
        choices=Subject.Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select their role in this referral"},
    )
    given_names = _text(
        "Given names",
        max_length=200,
        help_text="First and middle names. If they have only one name, enter it here.",
        required_message="Enter their given names",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    family_name = _text(
        "Family name (optional)",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    # The date of birth: three boxes, GOV.UK's date input pattern (rendered by the template).
    dob_day = forms.CharField(required=False)
    dob_month = forms.CharField(required=False)
    dob_year = forms.CharField(required=False)
    estimated_age = forms.IntegerField(
        label="Estimated age in years, if you do not know their date of birth",
        required=False,
        min_value=0,
        max_value=120,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "invalid": "Estimated age must be a whole number of years, like 7",
            "min_value": "Estimated age must be 0 or more",
            "max_value": "Estimated age must be 120 or less",
        },
    )
    sex = forms.ChoiceField(
        label="Sex",
        choices=Sex.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select their sex, or 'Not known'"},
    )
    address = _text(
        "Address (optional)",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    postcode = _text(
        "Postcode (optional)",
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "autocomplete": "off"}),
    )
    school_or_gp = _text(
        "School or GP (optional)",
        max_length=200,
        required=False,
        help_text="The school or nursery for a child, the GP practice for an adult, if you know it",
    )
    nhs_number = _text(
        "NHS number (optional)",
        max_length=20,
        required=False,
        help_text="10 digits, for example 485 777 3456",
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "govuk-input--width-10", "autocomplete": "off"}
        ),
    )
    other_identifiers = _text(
        "Other agencies' reference numbers (optional)",
        max_length=300,
        required=False,
        help_text="For example, a police national computer number or a social care case number",
    )

    version = _version()

    DATE_PARTS = ("dob_day", "dob_month", "dob_year")

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not editing:
            del self.fields["version"]

    @classmethod
    def initial_for(cls, subject: Subject) -> dict:
        initial = {
            name: getattr(subject, name) for name in cls.base_fields if name not in cls.DATE_PARTS
        }
        born = subject.date_of_birth
        if born:
            initial.update(dob_day=born.day, dob_month=born.month, dob_year=born.year)
        return initial

    def clean_postcode(self) -> str:
        postcode = " ".join(self.cleaned_data["postcode"].upper().split())
        if not postcode:
            return ""
        if not _POSTCODE.fullmatch(postcode):
            raise ValidationError("Enter a real postcode, like SW1A 2AA")
        compact = postcode.replace(" ", "")
        return f"{compact[:-3]} {compact[-3:]}"

    def clean_nhs_number(self) -> str:
        nhs_number = self.cleaned_data["nhs_number"]
        if not nhs_number:
            return ""
        validate_nhs_number(nhs_number)
        return normalise_nhs_number(nhs_number)

    def _date_of_birth(self) -> date | None:
        parts = [self.cleaned_data.get(name, "").strip() for name in self.DATE_PARTS]
        if not any(parts):
            return None
        missing = [
            word for word, part in zip(("day", "month", "year"), parts, strict=True) if not part
        ]
        if missing:
            raise ValidationError(f"Date of birth must include a {' and a '.join(missing)}")
        if not all(_DATE_PART.fullmatch(part) for part in parts):
            raise ValidationError("Date of birth must be a real date")
        if len(parts[2]) != 4:
            raise ValidationError("Year must include 4 numbers")
        day, month, year = (int(part) for part in parts)
        try:
            born = date(year, month, day)
        except ValueError:
            raise ValidationError("Date of birth must be a real date") from None
        if born > timezone.localdate():
            raise ValidationError("Date of birth must be in the past")
        if year < 1900:
            raise ValidationError("Date of birth must be in or after 1900")
        return born

    def clean(self) -> dict:
        data = super().clean()
        try:
            born = self._date_of_birth()
        except ValidationError as error:
            self.add_error("dob_day", error)
            return data
        if (
            born is None
            and data.get("estimated_age") is None
            and "estimated_age" not in self.errors
        ):
            self.add_error("dob_day", "Enter a date of birth or an estimated age")
        data["date_of_birth"] = born
        if born is not None:
            # A known date of birth replaces an estimate.
            data["estimated_age"] = None
        return data

    def subject_data(self) -> dict:
        """The cleaned answers as the fields of a Subject."""
        return {
            k: v
            for k, v in self.cleaned_data.items()
            if k not in self.DATE_PARTS and k != "version"
        }


class ConcernsForm(DraftForm):
    concerns = forms.MultipleChoiceField(
        label="Concerns",
        help_text="Select all that apply.",
        choices=Concern.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one concern"},
    )

    def clean_concerns(self) -> list[str]:
        chosen = set(self.cleaned_data["concerns"])
        return [value for value in Concern.values if value in chosen]


class WhatHappenedForm(DraftForm):
    what_happened = _text(
        "What happened",
        max_length=20000,
        help_text="Facts only: what was seen, heard or said, by whom, when and where.",
        required_message="Describe what happened",
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    professional_opinion = _text(
        "Your professional opinion (optional)",
        max_length=20000,
        required=False,
        help_text=_OPINION_HINT,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    crime_alleged = _yes_no("Is a crime alleged?", "Select yes if a crime is alleged")
    immediate_danger = _yes_no(
        "Is anyone in immediate danger?", "Select yes if anyone is in immediate danger"
    )

    @classmethod
    def initial_for(cls, contact: Contact) -> dict:
        return {
            "what_happened": contact.what_happened,
            "professional_opinion": contact.professional_opinion,
            "crime_alleged": _as_yes_no(contact.crime_alleged),
            "immediate_danger": _as_yes_no(contact.immediate_danger),
            "version": contact.version,
        }


class ConsentForm(DraftForm):
    consent = forms.ChoiceField(
        label="Has consent been given to share this referral?",
        help_text="Consent from the person, or from a parent or carer for a child.",
        choices=Consent.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether consent was given"},
    )
    lawful_basis = forms.ChoiceField(
        label="If consent was not given or not sought: the lawful basis for sharing",
        choices=LawfulBasis.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    lawful_basis_detail = _text(
        "Why you are sharing without consent",
        max_length=5000,
        required=False,
        help_text="Only if consent was not given or not sought.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self) -> dict:
        data = super().clean()
        consent = data.get("consent")
        if consent == Consent.GIVEN:
            data["lawful_basis"], data["lawful_basis_detail"] = "", ""
        elif consent and not self.saving:
            if not data.get("lawful_basis"):
                self.add_error(
                    "lawful_basis", "Select the lawful basis for sharing without consent"
                )
            if (
                not data.get("lawful_basis_detail", "").strip()
                and "lawful_basis_detail" not in self.errors
            ):
                self.add_error("lawful_basis_detail", "Explain why you are sharing without consent")
        return data
