from django.db import transaction
from django.shortcuts import render
from django.utils import timezone

from frontdoor.audit.models import Verb
from frontdoor.audit.services import audit_record

from .models import OutboxMessage
from .permissions import PUBLIC, SIGNED_IN, permission
from .work import my_work


@permission(SIGNED_IN)
def home(request):
    """The "My work" page: what needs the practitioner's attention, by role."""
    return render(request, "core/home.html", {"sections": my_work(request.user)})


@permission(SIGNED_IN)
def inbox_messages(request):
    """Messages Front Door has sent the practitioner: outcomes, requests, escalations."""
    mine = OutboxMessage.objects.filter(recipient=request.user)
    page = list(mine[:200])
    with transaction.atomic():
        mine.filter(read_at__isnull=True).update(read_at=timezone.now())
        # Outcomes and requests can name people: reading them is recorded too.
        audit_record(
            actor=request.user,
            verb=Verb.VIEW,
            object_type="core.outboxmessage",
            object_repr=f"{len(page)} messages",
            reason="Read their Front Door messages",
        )
    return render(request, "core/messages.html", {"messages_received": page})


@permission(PUBLIC)
def accessibility(request):
    return render(request, "core/accessibility.html")
