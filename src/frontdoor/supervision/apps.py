from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "frontdoor.supervision"
    verbose_name = "Reflective supervision"

    def ready(self) -> None:
        from . import access  # noqa: F401  (registers the access rules)
