"""Django forms that render with the GOV.UK Design System's classes."""

from django import forms

_WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.CheckboxInput: "govuk-checkboxes__input",
    forms.TextInput: "govuk-input",
    forms.EmailInput: "govuk-input",
    forms.PasswordInput: "govuk-input",
    forms.NumberInput: "govuk-input govuk-input--width-5",
    forms.DateInput: "govuk-input govuk-input--width-10",
}


class GovukFormMixin:
    template_name = "govuk/form.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            if (
                field.error_messages.get("required")
                == forms.Field.default_error_messages["required"]
            ):
                # GOV.UK style: say what to do, not that something is wrong.
                verb = (
                    "Select"
                    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField)
                    else "Enter"
                )
                field.error_messages["required"] = f"{verb} the {str(field.label or name).lower()}"
            for widget_class, css in _WIDGET_CLASSES.items():
                if type(widget) is widget_class:
                    widget.attrs["class"] = f"{css} {widget.attrs.get('class', '')}".strip()
                    break
            describedby = []
            if field.help_text:
                describedby.append(f"id_{self.add_prefix(name)}-hint")
            if describedby:
                widget.attrs["aria-describedby"] = " ".join(describedby)

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                error_class = widget.attrs.get("class", "").split(" ")[0] + "--error"
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} {error_class}"
                ids = [
                    widget.attrs.get("aria-describedby", ""),
                    f"id_{self.add_prefix(name)}-error",
                ]
                widget.attrs["aria-describedby"] = " ".join(i for i in ids if i)


class GovukForm(GovukFormMixin, forms.Form):
    pass


class GovukModelForm(GovukFormMixin, forms.ModelForm):
    pass
