from django.apps import AppConfig


class ManualConfig(AppConfig):
    name = "frontdoor.manual"
    verbose_name = "Joint working manual"

    def ready(self) -> None:
        from . import access  # noqa: F401  (registers the access rules)
