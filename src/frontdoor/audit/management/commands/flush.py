"""Django's ``flush``, taught that the audit trail is append-only.

Emptying a whole database (test teardown, ``demo_load --reset``) must empty its
audit trail too, so the append-only triggers are lifted for the flush alone and
put back straight after. Never in production: there an audit trail is erased
only by the retention rules, through the application.
"""

from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.commands.flush import Command as DjangoFlush
from django.db import connections

from frontdoor.audit.triggers import install_triggers, remove_triggers


class Command(DjangoFlush):
    help = (
        DjangoFlush.help
        + " Refused in production mode; lifts the audit triggers for the flush alone."
    )

    def handle(self, **options):
        if settings.PRODUCTION:
            raise CommandError("flush would erase the audit trail: refused in production mode")
        connection = connections[options["database"]]
        with connection.cursor() as cursor:
            remove_triggers(cursor.execute, connection.vendor)
        try:
            return super().handle(**options)
        finally:
            with connection.cursor() as cursor:
                install_triggers(cursor.execute, connection.vendor)
