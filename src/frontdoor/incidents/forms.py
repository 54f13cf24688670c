"""Forms for importing incidents and editing harm weights: parse and validate, nothing more."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from frontdoor.core.forms import GovukForm

from .services import max_upload_bytes

SNIFF_BYTES = 4096


class ImportForm(GovukForm):
    force = forms.ModelChoiceField(queryset=None, label="Police force", empty_label=None)
    file = forms.FileField(
        label="Incident extract (CSV)",
        help_text="A CSV file in the Front Door incident format, UTF-8, with a header row.",
    )

    def __init__(self, *args, forces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["force"].queryset = forces
        self.fields["file"].widget.attrs.update({"class": "govuk-file-upload", "accept": ".csv"})
        self.fields["file"].error_messages["required"] = "Select a CSV file to import"
        self.fields["file"].error_messages["empty"] = "The selected file is empty"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = max_upload_bytes()
        if upload.size > limit:
            raise ValidationError(
                f"The file is {filesizeformat(upload.size)}: the largest you can upload is "
                f"{filesizeformat(limit)}. Split the extract into smaller files, or ask an "
                "administrator to import it with manage.py import_incidents."
            )
        head = upload.read(SNIFF_BYTES)
        upload.seek(0)
        if b"\0" in head:
            raise ValidationError("The selected file is not a CSV file: it is not text")
        try:
            head.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            if error.start < len(head) - 4:  # not just a character cut at the sniff's end
                raise ValidationError(
                    "The selected file is not UTF-8 text: save it as CSV UTF-8 and try again"
                ) from None
        return upload


class HarmWeightForm(GovukForm):
    weight = forms.DecimalField(
        label="Harm weight (days)",
        min_value=Decimal("0"),
        max_digits=10,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        help_text="A number of days, 0 or more, up to two decimal places.",
        error_messages={
            "invalid": "Enter the weight as a number, like 30 or 0.5",
            "min_value": "The weight must be 0 or more",
            "max_digits": "The weight must be less than 100,000,000",
            "max_decimal_places": "Use at most two decimal places",
            "max_whole_digits": "The weight must be less than 100,000,000",
        },
    )
    note = forms.CharField(
        label="Why are you changing it? (optional)",
        required=False,
        max_length=300,
        help_text="Recorded in the audit trail with the change.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
