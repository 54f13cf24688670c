from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "frontdoor.plans"
    verbose_name = "Multi-agency plans"

    def ready(self) -> None:
        from . import access  # noqa: F401  (registers the access rules)
