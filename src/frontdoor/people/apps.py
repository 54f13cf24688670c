from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "frontdoor.people"

    def ready(self) -> None:
        from . import access  # noqa: F401  (registers the access rules)
