from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "frontdoor.sharing"

    def ready(self) -> None:
        from . import access  # noqa: F401  (registers the access rules)
