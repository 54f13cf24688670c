from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "frontdoor.directory"
    verbose_name = "Service directory"
