"""Write a message in the same transaction as the change; deliver it by email once."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import OutboxMessage


def outbox_write(
    *, recipient, subject: str, body: str, dedupe_key: str, link: str = ""
) -> OutboxMessage:
    """Idempotent: the same ``dedupe_key`` never makes a second message."""
    message, created = OutboxMessage.objects.get_or_create(
        dedupe_key=dedupe_key,
        defaults={"recipient": recipient, "subject": subject[:200], "body": body, "link": link},
    )
    if created:
        transaction.on_commit(_enqueue_delivery)
    return message


def _enqueue_delivery() -> None:
    from .tasks import deliver_outbox

    deliver_outbox.enqueue()


def outbox_deliver(*, limit: int = 200) -> int:
    """Email every message not yet emailed. Safe to run twice at once: each row is claimed."""
    sent = 0
    pending = OutboxMessage.objects.filter(emailed_at__isnull=True).order_by("id")
    for message_id in list(pending.values_list("id", flat=True)[:limit]):
        with transaction.atomic():
            claimed = (
                OutboxMessage.objects.select_for_update(skip_locked=True)
                .filter(pk=message_id, emailed_at__isnull=True)
                .select_related("recipient")
                .first()
            )
            if claimed is None:
                continue
            if claimed.recipient.email:
                body = claimed.body
                if claimed.link:
                    body += f"\n\nOpen Front Door to see it: {settings.FRONTDOOR_BASE_URL.rstrip('/')}{claimed.link}"
                send_mail(claimed.subject, body, None, [claimed.recipient.email])
            claimed.emailed_at = timezone.now()
            claimed.save(update_fields=["emailed_at"])
            sent += 1
    return sent
