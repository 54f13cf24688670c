"""What a person typed on a page whose change was refused (a conflict with someone else's
save), shown back to them so that nothing they wrote is lost."""

from django import forms, template

register = template.Library()

TEXT_WIDGETS = (forms.Textarea, forms.TextInput, forms.EmailInput)


@register.simple_tag(takes_context=True)
def unsaved_answers(context) -> list[tuple[str, str]]:
    """(label, text) for each text box of the page's form whose posted text is not what the
    page now shows. Only for a refused post; never stored, shown only to who typed it."""
    request, form = context.get("request"), context.get("form")
    if request is None or request.method != "POST" or not isinstance(form, forms.BaseForm):
        return []
    answers = []
    for name, field in form.fields.items():
        if not isinstance(field.widget, TEXT_WIDGETS):
            continue
        typed = request.POST.get(form.add_prefix(name), "")
        shown = form[name].value()
        if typed.strip() and typed.strip() != str(shown if shown is not None else "").strip():
            answers.append((str(field.label or name), typed))
    return answers
