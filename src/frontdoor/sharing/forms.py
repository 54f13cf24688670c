"""Forms for asking partner agencies and for answering, declining or saying nothing is known."""

from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.dateformat import format as date_format

from frontdoor.agencies.models import Agency
from frontdoor.core.forms import GovukForm
from frontdoor.referrals.models import LawfulBasis

from .models import Category, Window
from .services import MAX_ANSWER_LENGTH

ANSWER_PREFIX = "answer_"
NOT_A_PARTNER = "Select an agency in the partnership"


class AgencyChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, agency):
        return f"{agency.name} ({agency.get_sector_display()})"


class SubjectChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, subject):
        if subject.date_of_birth:
            born = f"born {date_format(subject.date_of_birth, 'j F Y')}"
        elif subject.estimated_age is not None:
            born = f"about {subject.estimated_age} years old"
        else:
            born = "age not known"
        return f"{subject} ({subject.get_role_display().lower()}), {born}"


class AskForm(GovukForm):
    """What the hub asks: which agencies, about whom, over what period, what and why."""

    agencies = AgencyChoiceField(
        label="Which agencies do you want to ask?",
        help_text="Each agency gets its own request and sees only that request. Select all that apply.",
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select at least one agency to ask",
            "invalid_choice": NOT_A_PARTNER,
            "invalid_pk_value": NOT_A_PARTNER,
        },
    )
    subjects = SubjectChoiceField(
        label="Who is the request about?",
        help_text="The agencies see these people's names, dates of birth, addresses and "
        "identifiers, so that they can search their records. They do not see the referral.",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select the people the request is about",
            "invalid_choice": "Select people from this contact",
            "invalid_pk_value": "Select people from this contact",
        },
    )
    window = forms.ChoiceField(
        label="What period should the agencies search?",
        choices=Window.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the period to search",
            "invalid_choice": "Select the period to search",
        },
    )
    categories = forms.MultipleChoiceField(
        label="What do you want to know?",
        help_text="Ask only for what you need. The agencies can answer only these questions.",
        choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select at least one kind of information",
            "invalid_choice": "Select the kinds of information from the list",
        },
    )
    purpose = forms.CharField(
        label="Why do you need the information?",
        help_text="The agencies read this before they decide what to share.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={
            "required": "Enter why you need the information",
            "max_length": "Why you need the information must be 5,000 characters or fewer",
        },
    )
    lawful_basis = forms.ChoiceField(
        label="What is the lawful basis for asking?",
        choices=LawfulBasis.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the lawful basis for asking",
            "invalid_choice": "Select the lawful basis for asking",
        },
    )

    def __init__(self, *args, contact, **kwargs):
        kwargs.setdefault("initial", {})
        if contact.lawful_basis:
            kwargs["initial"].setdefault("lawful_basis", contact.lawful_basis)
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = Agency.objects.filter(is_active=True).order_by("name")
        self.fields["subjects"].queryset = contact.subjects.all()

    def clean_purpose(self):
        purpose = self.cleaned_data["purpose"].strip()
        if not purpose:
            raise forms.ValidationError("Enter why you need the information")
        return purpose


class VersionForm(GovukForm):
    """The version of the request the practitioner read: a stale one is a conflict (promise 18)."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "required": "Reload the page and try again",
            "invalid": "Reload the page and try again",
            "min_value": "Reload the page and try again",
        },
    )

    def full_clean(self):
        super().full_clean()
        # The field is hidden: say what to do at the top of the page, without a link to it.
        if "version" in self._errors:
            lost = self._errors.pop("version")
            self._errors.setdefault(NON_FIELD_ERRORS, self.error_class(error_class="nonfield"))
            self._errors[NON_FIELD_ERRORS].extend(lost)


class AnswerForm(VersionForm):
    """One box per category asked for, and nothing else: a field outside the scope is refused."""

    def __init__(self, *args, info_request, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Category.choices)
        self.categories = list(info_request.categories)
        for category in self.categories:
            self.fields[ANSWER_PREFIX + category] = forms.CharField(
                label=labels.get(category, category),
                required=False,
                # Added after GovukForm styled the declared fields: style this one here.
                widget=forms.Textarea(attrs={"rows": 5, "class": "govuk-textarea"}),
                max_length=MAX_ANSWER_LENGTH,
                error_messages={
                    "max_length": f"Each answer must be {MAX_ANSWER_LENGTH:,} characters or fewer"
                },
            )

    def clean(self):
        data = super().clean()
        asked = {ANSWER_PREFIX + c for c in self.categories}
        outside = sorted(k for k in self.data if k.startswith(ANSWER_PREFIX) and k not in asked)
        if outside:
            labels = dict(Category.choices)
            named = [
                labels[k[len(ANSWER_PREFIX) :]]
                for k in outside
                if k[len(ANSWER_PREFIX) :] in labels
            ]
            raise forms.ValidationError(
                "Answer only what was asked"
                + (f": this request did not ask about {', '.join(named).lower()}" if named else "")
            )
        return data


class DeclineForm(VersionForm):
    prefix = "decline"

    reason = forms.CharField(
        label="Why are you not sharing?",
        help_text="The front door sees this reason. Not sharing is recorded in the audit trail.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={
            "required": "Enter the reason for not sharing",
            "max_length": "The reason must be 5,000 characters or fewer",
        },
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Enter the reason for not sharing")
        return reason


class NothingKnownForm(VersionForm):
    prefix = "nothing_known"
