"""Forms for cohort rules and for putting people forward to a panel (validated server-side)."""

from __future__ import annotations

from django import forms

from frontdoor.core.forms import GovukFormMixin
from frontdoor.incidents import recurrence

from .models_recurrence import CohortRule

_DEFAULTS = recurrence.ScoreWeights()


class CohortRuleForm(GovukFormMixin, forms.Form):
    name = forms.CharField(max_length=200, error_messages={"required": "Enter a name for the rule"})
    window_days = forms.IntegerField(
        min_value=7,
        max_value=3660,
        label="Window (days)",
        error_messages={
            "required": "Enter the window in days",
            "min_value": "The window must be at least 7 days",
            "max_value": "The window must be 3,660 days (ten years) or less",
        },
    )
    min_incidents = forms.IntegerField(
        min_value=1, required=False, label="Incidents as victim or as offender, at least"
    )
    min_harm = forms.DecimalField(
        min_value=0, max_digits=10, decimal_places=2, required=False, label="Or harm of at least"
    )
    min_age = forms.IntegerField(min_value=0, max_value=120, required=False, label="Aged at least")
    include_serial = forms.BooleanField(
        required=False, label="Also include anyone with two or more victims (serial)"
    )
    recency = forms.FloatField(min_value=0, initial=_DEFAULTS.recency, label="Recency weight")
    frequency = forms.FloatField(
        min_value=0, initial=_DEFAULTS.frequency, label="Points per incident"
    )
    frequency_cap = forms.IntegerField(
        min_value=1, initial=_DEFAULTS.frequency_cap, label="Count incidents up to"
    )
    gravity = forms.FloatField(min_value=0, initial=_DEFAULTS.gravity, label="Gravity weight")
    serial = forms.FloatField(min_value=0, initial=_DEFAULTS.serial, label="Serial points")
    overlap = forms.FloatField(
        min_value=0, initial=_DEFAULTS.overlap, label="Victim and offender points"
    )
    escalation = forms.FloatField(
        min_value=0, initial=_DEFAULTS.escalation, label="Escalation weight"
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if (
            data.get("min_incidents") is None
            and data.get("min_harm") is None
            and not data.get("include_serial")
        ):
            raise forms.ValidationError("Set at least one condition: incidents, harm or serial")
        return data

    @classmethod
    def for_rule(cls, rule: CohortRule) -> CohortRuleForm:
        from .services_recurrence import weights_of

        weights = weights_of(rule)
        return cls(
            initial={
                "name": rule.name,
                "window_days": rule.window_days,
                "min_incidents": rule.min_incidents,
                "min_harm": rule.min_harm,
                "min_age": rule.min_age,
                "include_serial": rule.include_serial,
                "version": rule.version,
                **{
                    k: getattr(weights, k)
                    for k in (
                        "recency",
                        "frequency",
                        "frequency_cap",
                        "gravity",
                        "serial",
                        "overlap",
                        "escalation",
                    )
                },
            }
        )


class PanelSelectionForm(GovukFormMixin, forms.Form):
    people = forms.TypedMultipleChoiceField(
        coerce=int, error_messages={"required": "Select at least one person from the list"}
    )
    meeting = forms.TypedChoiceField(
        coerce=int, error_messages={"required": "Choose the practitioner panel meeting"}
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Enter why these people should come to the panel"},
    )

    def __init__(self, *args, members=(), meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].choices = [(m.person_id, str(m.person_id)) for m in members]
        self.fields["meeting"].choices = [(m.pk, str(m)) for m in meetings]
        self.fields["people"].error_messages["invalid_choice"] = "Select people from this list"
        self.fields["meeting"].error_messages["invalid_choice"] = (
            "Choose a planned practitioner panel meeting"
        )
