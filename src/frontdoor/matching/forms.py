from __future__ import annotations

from django import forms


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Are these the same person?",
        choices=[
            ("accept", "Yes, the same person: merge them"),
            ("reject", "No, different people"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether these are the same person"},
    )
    reason = forms.CharField(
        label="Why",
        help_text="Needed when they are different people, for example “father and son: "
        "dates of birth 28 years apart”.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", "Say why these are different people")
        return data


class UndoForm(forms.Form):
    confirm = forms.BooleanField(
        label="I have checked: put the records back as they were",
        error_messages={"required": "Confirm that you want to undo this change"},
    )
