"""Django forms that render with the GOV.UK Design System's classes."""

from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

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


class FetchedModelChoiceIterator(ModelChoiceIterator):
    """A model choice list read with one ordinary query. Django's own streams the rows through
    a server-side cursor, which on PostgreSQL is four round trips for a list of a few dozen."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset.all():
            yield self.choice(obj)


class GovukSelect(forms.Select):
    """A select drawn in Python: the same markup as Django's template, which includes a
    template for every option (a hundred practitioners took 12 ms to draw; this takes 1)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            inner = format_html_join(
                "\n",
                '<option value="{}"{}>{}</option>',
                ((str(o["value"]), flatatt(o["attrs"]), o["label"]) for o in options),
            )
            groups.append(
                format_html('<optgroup label="{}">{}</optgroup>', group_name, inner)
                if group_name
                else inner
            )
        return format_html(
            '<select name="{}"{}>\n{}\n</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            # Every part was escaped by format_html above.
            mark_safe("\n".join(groups)),  # noqa: S308  # nosec B308 B703
        )


_LARGEST_KEY = 2**63 - 1


class _KeysInRange:
    """A model multiple choice whose values are checked to fit the database's integers before
    they reach an ``__in`` query: SQLite raises OverflowError on a larger one (a server error
    for a forged form), where PostgreSQL simply finds nothing. Found by promise 17's tests."""

    def _check_values(self, value):
        key = self.to_field_name or "pk"
        field = self.queryset.model._meta.pk if key == "pk" else None
        field = field or self.queryset.model._meta.get_field(key)
        if field.get_internal_type() in _INTEGER_KEYS:
            for given in value or ():
                text = str(given).strip()
                if text.lstrip("+-").isdigit() and abs(int(text)) > _LARGEST_KEY:
                    raise forms.ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": given},
                    )
        return super()._check_values(value)


_INTEGER_KEYS = frozenset({"AutoField", "BigAutoField", "IntegerField", "BigIntegerField"})
_CHECKED_CLASSES: dict[type, type] = {}


def _keys_in_range(field: forms.ModelMultipleChoiceField) -> None:
    cls = type(field)
    if cls not in _CHECKED_CLASSES:
        _CHECKED_CLASSES[cls] = type(cls.__name__, (_KeysInRange, cls), {})
    field.__class__ = _CHECKED_CLASSES[cls]


def _govuk_messages(field: forms.Field, label: str) -> None:
    """Replace Django's stock messages ("Ensure this value has at most 200 characters (it has
    5000).") with the GOV.UK pattern naming the field, where the form kept the stock one."""
    label = label[:1].upper() + label[1:]
    ours = {"invalid": {}}
    for validator in field.validators:
        code, limit = getattr(validator, "code", ""), getattr(validator, "limit_value", None)
        if code == "max_length":
            ours[code] = f"{label} must be {limit} characters or fewer"
        elif code == "min_length":
            ours[code] = f"{label} must be {limit} characters or more"
        elif code == "max_value":
            ours[code] = f"{label} must be {limit} or less"
        elif code == "min_value":
            ours[code] = f"{label} must be {limit} or more"
    if isinstance(field, forms.EmailField):
        ours["invalid"] = "Enter an email address in the correct format, like name@example.com"
    elif isinstance(field, forms.IntegerField):
        ours["invalid"] = f"{label} must be a whole number"
    elif isinstance(field, forms.DecimalField | forms.FloatField):
        ours["invalid"] = f"{label} must be a number"
    elif isinstance(field, forms.DateField):
        ours["invalid"] = f"{label} must be a real date"
    stock = _stock_messages(type(field))
    for code, message in ours.items():
        # Field.run_validators gives a validator's error the field's message for its code.
        if message and field.error_messages.get(code, stock.get(code)) == stock.get(code):
            field.error_messages[code] = message


def _stock_messages(cls: type) -> dict:
    messages: dict = {}
    for klass in reversed(cls.__mro__):
        messages.update(getattr(klass, "default_error_messages", {}))
    from django.core import validators

    messages.setdefault("max_length", validators.MaxLengthValidator.message)
    messages.setdefault("min_length", validators.MinLengthValidator.message)
    messages.setdefault("max_value", validators.MaxValueValidator.message)
    messages.setdefault("min_value", validators.MinValueValidator.message)
    return messages


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
            _govuk_messages(field, str(field.label or name.replace("_", " ")))
            for widget_class, css in _WIDGET_CLASSES.items():
                if type(widget) is widget_class:
                    widget.attrs["class"] = f"{css} {widget.attrs.get('class', '')}".strip()
                    break
            if isinstance(field, forms.ModelMultipleChoiceField):
                _keys_in_range(field)
            if isinstance(field, forms.ModelChoiceField):
                field.iterator = FetchedModelChoiceIterator
                widget.choices = field.choices
            if type(widget) is forms.Select:
                widget.__class__ = GovukSelect
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
