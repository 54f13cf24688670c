from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "frontdoor.matching"
    verbose_name = "Identity matching"

    def ready(self) -> None:
        from . import access  # noqa: F401  (registers the access rules)
