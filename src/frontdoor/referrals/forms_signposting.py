from django import forms

from frontdoor.core.forms import GovukForm


class WhoCanHelpForm(GovukForm):
    """Narrow the services suggested for the people in a contact."""

    q = forms.CharField(
        label="What kind of help?",
        help_text="For example, parenting, housing or someone to talk to",
        required=False,
        max_length=200,
        error_messages={"max_length": "The words must be 200 characters or fewer"},
    )
    category = forms.MultipleChoiceField(
        label="Type of help",
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select a type of help from the list"},
    )
    all_areas = forms.BooleanField(label="Show services in all areas", required=False)

    def __init__(self, *args, categories: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = categories
