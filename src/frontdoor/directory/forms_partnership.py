"""Forms for the partnership map and the partner-agency finder."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from frontdoor.agencies.models import Agency, Area, Practitioner
from frontdoor.core.forms import GovukForm, GovukModelForm

from .models.partnership import Body, BodyReview, Membership, Post
from .services_partnership import BODY_FIELDS, MEMBERSHIP_FIELDS, POST_FIELDS

DATE_FORMATS = ["%d/%m/%Y", "%d %m %Y", "%Y-%m-%d"]
DATE_HINT = "For example, 31/3/2027"


def _date_field(label: str, *, required: bool = False, hint: str = DATE_HINT) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        help_text=hint,
        widget=forms.DateInput(format="%d/%m/%Y"),
        error_messages={"invalid": f"Enter a real date. {DATE_HINT}"},
    )


class _Versioned(GovukModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The end date must be on or after the start date")
        return cleaned

    def changes(self) -> dict:
        return {k: self.cleaned_data[k] for k in self.Meta.fields}


class BodyForm(_Versioned):
    founding_date = _date_field("Set up on")
    dissolution_date = _date_field("Closed on", hint="Leave empty while the body meets.")
    review_due = _date_field("Review due by", required=True)

    class Meta:
        model = Body
        fields = BODY_FIELDS
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "terms_of_reference": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        others = Body.objects.order_by("name")
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = others
        self.fields["accountable_to"].queryset = others
        self.fields["area"].queryset = Area.objects.order_by("kind", "name")
        self.fields["review_due"].error_messages["required"] = (
            "Enter the date the body is due for review"
        )

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            for name in ("parent", "accountable_to"):
                chosen = cleaned.get(name)
                seen = set()
                while chosen is not None and chosen.pk not in seen:
                    if chosen.pk == self.instance.pk:
                        self.add_error(
                            name, "A body cannot be under itself, directly or through others"
                        )
                        break
                    seen.add(chosen.pk)
                    chosen = getattr(chosen, name)
        return cleaned


class PostForm(_Versioned):
    start_date = _date_field("Start date")
    end_date = _date_field("End date", hint="Leave empty while the post exists.")

    class Meta:
        model = Post
        fields = POST_FIELDS


class MembershipForm(_Versioned):
    start_date = _date_field("Start date")
    end_date = _date_field("End date", hint="Leave empty while the membership continues.")

    class Meta:
        model = Membership
        fields = MEMBERSHIP_FIELDS
        labels = {"agency": "Member agency", "post": "Post held"}

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(is_active=True).order_by("name")
        self.fields["person"].queryset = (
            Practitioner.objects.filter(is_active=True)
            .select_related("agency")
            .order_by("last_name", "first_name")
        )
        self.fields["person"].label_from_instance = lambda p: (
            f"{p.get_full_name() or p.username}, {p.agency or 'no agency'}"
        )
        self.fields["post"].queryset = body.posts.all()

    def clean(self):
        cleaned = super().clean()
        person, agency = cleaned.get("person"), cleaned.get("agency")
        if person and agency and person.agency_id != agency.pk:
            self.add_error("person", "Choose a representative who works for the member agency")
        return cleaned


class ReviewForm(GovukForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        label="What did the review decide?",
        choices=BodyReview.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the review decided"},
    )
    notes = forms.CharField(
        label="Notes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What changes, or what it merges with.",
    )
    next_review = _date_field(
        "Next review by", hint=f"{DATE_HINT}. Not needed when the body closes."
    )

    def clean(self):
        cleaned = super().clean()
        outcome, next_review = cleaned.get("outcome"), cleaned.get("next_review")
        if outcome and outcome != BodyReview.Outcome.CLOSE:
            if next_review is None:
                self.add_error("next_review", "Enter the date of the next review")
            elif next_review <= timezone.localdate():
                self.add_error("next_review", "The next review must be in the future")
        if outcome == BodyReview.Outcome.CLOSE:
            cleaned["next_review"] = None
        return cleaned


class AgencyFinderForm(GovukForm):
    q = forms.CharField(
        label="Agency name",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"class": "govuk-!-width-two-thirds"}),
    )
    sector = forms.ChoiceField(label="Sector", required=False)
    area = forms.ChoiceField(label="District", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", "Any sector"), *Agency.Sector.choices]
        self.fields["area"].choices = [("", "Anywhere")] + [
            (str(a.pk), a.name)
            for a in Area.objects.filter(kind=Area.Kind.DISTRICT).order_by("name")
        ]
