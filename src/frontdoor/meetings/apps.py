from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "frontdoor.meetings"
    verbose_name = "Meetings"

    def ready(self) -> None:
        from . import access, access_marac  # noqa: F401  (registers the access rules)
