from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "frontdoor.referrals"

    def ready(self) -> None:
        from . import access  # noqa: F401  (registers the access rules)
