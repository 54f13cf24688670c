from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "frontdoor.incidents"
    verbose_name = "Police incidents and recurrence"

    def ready(self) -> None:
        from . import access, access_recurrence  # noqa: F401  (registers the access rules)
