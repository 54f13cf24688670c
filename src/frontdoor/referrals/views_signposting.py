"""Who can help with this: directory services for each person in a contact (ADR 0016)."""

from django.shortcuts import render

from frontdoor.core.permissions import permission
from frontdoor.directory.search import category_choices

from . import access, signposting
from .forms_signposting import WhoCanHelpForm
from .models import Contact


@permission(access.VIEW_CONTACT)
def who_can_help(request, pk):
    contact = access.contact_for(
        request.user,
        pk,
        access.VIEW_CONTACT,
        reason="Looked for services that could help the people in a contact",
    )
    form = WhoCanHelpForm(request.GET or None, categories=category_choices())
    needs = signposting.needs_for(contact, contact.subjects.all())
    status = 200
    if not form.is_bound:
        signposting.who_can_help(needs)
    elif form.is_valid():
        data = form.cleaned_data
        signposting.who_can_help(
            needs, text=data["q"], categories=data["category"], all_areas=data["all_areas"]
        )
    else:
        status = 422
    if access.may(request.user, access.HUB_WORK, contact):
        back = ("hub:contact", "Back to the contact")
    elif contact.status == Contact.Status.DRAFT:
        back = ("referrals:check", "Back to your referral")
    else:
        back = ("referrals:mine_detail", "Back to your referral")
    return render(
        request,
        "referrals/who_can_help.html",
        {"contact": contact, "form": form, "needs": needs, "back": back},
        status=status,
    )
