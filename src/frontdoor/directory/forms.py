from django import forms

from frontdoor.core.forms import GovukForm


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

    def __init__(self, *args, categories: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = categories
        self.fields["age"].widget.attrs["class"] = "govuk-input govuk-input--width-3"
