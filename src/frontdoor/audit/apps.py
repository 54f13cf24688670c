from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "frontdoor.audit"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        from . import access  # noqa: F401  (registers the access rules)
