"""Forms for the manual. They parse and validate; the services decide and write."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.core.forms import GovukForm

from .access import WRITER_ROLES
from .models import Topic

MAX_BODY = 50_000
MAX_REVIEW_AHEAD = timedelta(days=3 * 366)
_DIGITS = re.compile(r"\d{1,4}")


class ArticleForm(GovukForm):
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="Say what a practitioner will learn, for example ‘Getting information from a GP’",
        error_messages={"max_length": "The title must be 200 characters or fewer"},
    )
    body = forms.CharField(
        label="Article",
        max_length=MAX_BODY,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 20}),
        help_text=(
            "Write in Markdown: ## before a heading, - before each item in a list, "
            "**bold**, [link text](https://…). Do not include anything about a real case."
        ),
        error_messages={
            "required": "Enter the article",
            "max_length": f"The article must be {MAX_BODY:,} characters or fewer",
        },
    )
    topics = forms.ModelMultipleChoiceField(
        label="Topics",
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply.",
    )
    agencies = forms.ModelMultipleChoiceField(
        label="Agencies this article is about",
        queryset=Agency.objects.filter(is_active=True).order_by("sector", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The article will be listed on each agency's profile.",
    )

    def clean_title(self) -> str:
        return " ".join(self.cleaned_data["title"].split())

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].replace("\r\n", "\n")
        if not body.strip():
            raise ValidationError("Enter the article")
        return body


class ArticleEditForm(ArticleForm):
    summary = forms.CharField(
        label="Summary of your change",
        max_length=300,
        help_text="Readers see this in the article's history, for example ‘Added the EDT number’",
        error_messages={
            "required": "Enter a summary of your change",
            "max_length": "The summary must be 300 characters or fewer",
        },
    )
    # The version the edit started from: a later save by someone else is a conflict.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class FeedbackForm(GovukForm):
    helpful = forms.TypedChoiceField(
        label="Was this article helpful?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if this article was helpful"},
    )
    comment = forms.CharField(
        label="How could it be better? (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Your comment goes to the article's owner. Do not include anyone's personal details.",
        error_messages={"max_length": "Your comment must be 2,000 characters or fewer"},
    )


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, practitioner: Practitioner) -> str:
        agency = f", {practitioner.agency}" if practitioner.agency_id else ""
        return f"{practitioner}{agency}"


class LookAfterForm(GovukForm):
    owner = OwnerChoiceField(
        label="Owner",
        queryset=Practitioner.objects.none(),
        help_text="The practitioner who keeps this article right and reads its feedback.",
        error_messages={"required": "Select the owner", "invalid_choice": "Select the owner"},
    )
    review_day = forms.CharField(label="Day", required=False, max_length=2)
    review_month = forms.CharField(label="Month", required=False, max_length=2)
    review_year = forms.CharField(label="Year", required=False, max_length=4)

    DATE_PARTS = ("review_day", "review_month", "review_year")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = (
            Practitioner.objects.filter(is_active=True, role__in=WRITER_ROLES)
            .select_related("agency")
            .order_by("agency__name", "last_name", "first_name")
        )
        for name in self.DATE_PARTS:
            widget = self.fields[name].widget
            width = 4 if name == "review_year" else 2
            widget.attrs.update(
                {"class": f"govuk-input govuk-date-input__input govuk-input--width-{width}"}
            )
            widget.attrs["inputmode"] = "numeric"

    @classmethod
    def initial_for(cls, article) -> dict:
        review_by = article.review_by
        return {
            "owner": article.owner_id,
            "review_day": review_by.day,
            "review_month": review_by.month,
            "review_year": review_by.year,
        }

    def _review_by(self) -> date:
        parts = [str(self.cleaned_data.get(name) or "").strip() for name in self.DATE_PARTS]
        if not any(parts):
            raise ValidationError("Enter the review date")
        missing = [w for w, p in zip(("day", "month", "year"), parts, strict=True) if not p]
        if missing:
            raise ValidationError(f"The review date must include a {' and a '.join(missing)}")
        if not all(_DIGITS.fullmatch(part) for part in parts) or len(parts[2]) != 4:
            raise ValidationError("The review date must be a real date, like 31 3 2027")
        try:
            review_by = date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            raise ValidationError("The review date must be a real date, like 31 3 2027") from None
        today = timezone.localdate()
        if review_by <= today:
            raise ValidationError("The review date must be in the future")
        if review_by > today + MAX_REVIEW_AHEAD:
            raise ValidationError("The review date must be within 3 years")
        return review_by

    def clean(self) -> dict:
        data = super().clean()
        try:
            data["review_by"] = self._review_by()
        except ValidationError as error:
            self.add_error("review_day", error)
        return data
