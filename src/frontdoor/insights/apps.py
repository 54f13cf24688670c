from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "frontdoor.insights"
    verbose_name = "Insights"

    def ready(self) -> None:
        from . import access  # noqa: F401  (registers the access rules)
