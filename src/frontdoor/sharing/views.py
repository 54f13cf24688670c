from django.http import HttpResponse

from frontdoor.core.permissions import permission

from . import access


@permission(access.VIEW_INBOX)
def inbox(request):
    return HttpResponse("inbox")


@permission(access.VIEW_REQUEST)
def detail(request, pk):
    access.request_for(request.user, pk)
    return HttpResponse("detail")


@permission(access.ASK)
def ask(request, pk):
    return HttpResponse("ask")
