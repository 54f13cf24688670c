from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def demo_mode_off_in_production(app_configs, **kwargs):
    if settings.PRODUCTION and settings.DEMO_MODE:
        return [
            checks.Error(
                "FRONTDOOR_DEMO is on in production mode.",
                hint="Demo mode shows second-factor codes for demo accounts; unset FRONTDOOR_DEMO.",
                id="frontdoor.E001",
            )
        ]
    return []
