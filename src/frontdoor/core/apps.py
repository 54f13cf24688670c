from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "frontdoor.core"
    verbose_name = "Front Door core"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers system checks)
