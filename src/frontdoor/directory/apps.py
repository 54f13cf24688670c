from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "frontdoor.directory"
    verbose_name = "Service directory"

    def ready(self) -> None:
        from . import access  # noqa: F401  (registers the access rules)
