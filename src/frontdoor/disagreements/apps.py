from django.apps import AppConfig


class DisagreementsConfig(AppConfig):
    name = "frontdoor.disagreements"
    verbose_name = "Professional disagreements"

    def ready(self) -> None:
        from . import access  # noqa: F401  (registers the access rules)
