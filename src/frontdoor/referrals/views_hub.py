from django.http import HttpResponse

from frontdoor.core.permissions import permission

from . import access


@permission(access.VIEW_QUEUE)
def queue(request):
    return HttpResponse("queue")


@permission(access.HUB_WORK)
def contact(request, pk):
    access.contact_for(request.user, pk, access.HUB_WORK)
    return HttpResponse("contact")


triage = accept = decide = sign_off = contact


@permission(access.HUB_WORK)
def link_subject(request, pk, subject_pk):
    return HttpResponse("link")
