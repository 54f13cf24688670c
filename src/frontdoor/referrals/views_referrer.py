from django.http import HttpResponse

from frontdoor.core.permissions import permission

from . import access


@permission(access.VIEW_CONTACT)
def mine(request):
    return HttpResponse("mine")


@permission(access.MAKE_REFERRAL)
def start(request):
    return HttpResponse("start")


@permission(access.VIEW_CONTACT)
def mine_detail(request, pk):
    access.contact_for(request.user, pk)
    return HttpResponse("mine detail")
