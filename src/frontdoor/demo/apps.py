from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "frontdoor.demo"
    verbose_name = "Demo partnership"
