from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "frontdoor.governance"
    verbose_name = "Retention, review and subject access"

    def ready(self) -> None:
        from . import (  # noqa: F401  (the built-in registrations)
            access,  # noqa: F401  (registers the access rules)
            record_types,
            sar_sections,
        )
