from django import forms

from frontdoor.core.forms import GovukForm

from .geo import METRES_PER_MILE, PlaceNotFound, find_place

DISTANCES = [
    ("1", "1 mile"),
    ("3", "3 miles"),
    ("5", "5 miles"),
    ("10", "10 miles"),
    ("25", "25 miles"),
]
DEFAULT_MILES = 5


class SearchForm(GovukForm):
    """Find a service: what you need, the person's age, and whether it must be open now."""

    q = forms.CharField(
        label="What do you need help with?",
        help_text="For example, housing, debt, a parenting group or someone to talk to",
        required=False,
        max_length=200,
        error_messages={"max_length": "What you need help with must be 200 characters or fewer"},
    )
    category = forms.MultipleChoiceField(
        label="Type of help",
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select a type of help from the list"},
    )
    where = forms.CharField(
        label="Where are you?",
        help_text="A postcode, like PR1 2HE, the first part of one, like PR1, or a town",
        required=False,
        max_length=60,
        error_messages={"max_length": "Where you are must be 60 characters or fewer"},
    )
    distance = forms.ChoiceField(
        label="Distance",
        choices=DISTANCES,
        initial=str(DEFAULT_MILES),
        required=False,
        error_messages={"invalid_choice": "Select a distance from the list"},
    )
    age = forms.IntegerField(
        label="Age of the person who needs help",
        help_text="Leave this blank to see services for all ages",
        required=False,
        min_value=0,
        max_value=120,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "invalid": "Enter the age as a whole number, like 15",
            "min_value": "The age must be 0 or more",
            "max_value": "The age must be 120 or less",
        },
    )
    open_now = forms.BooleanField(label="Open now", required=False)

    def __init__(self, data=None, *args, categories: list[tuple[str, str]], **kwargs):
        if data is not None and not data.get("distance"):
            data = data.copy()
            data["distance"] = str(DEFAULT_MILES)
        super().__init__(data, *args, **kwargs)
        self.fields["category"].choices = categories
        self.fields["age"].widget.attrs["class"] = "govuk-input govuk-input--width-3"
        self.fields["where"].widget.attrs.update(
            {"class": "govuk-input govuk-input--width-20", "autocomplete": "postal-code"}
        )
        self.place = None

    def clean_where(self) -> str:
        where = self.cleaned_data["where"].strip()
        if where:
            try:
                self.place = find_place(where)
            except PlaceNotFound as error:
                raise forms.ValidationError(str(error)) from error
        return where

    def radius_metres(self) -> float:
        miles = int(self.cleaned_data.get("distance") or DEFAULT_MILES)
        return miles * METRES_PER_MILE
