from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "frontdoor.agencies"
    verbose_name = "Agencies and practitioners"

    def ready(self) -> None:
        from . import access, access_duty  # noqa: F401  (registers the access rules)
