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


@checks.register(checks.Tags.security)
def lockout_limit_at_most_ten(app_configs, **kwargs):
    """SECURITY.md promise 12: lockout after at most 10 failed sign-ins."""
    if settings.AXES_FAILURE_LIMIT > 10:
        return [
            checks.Error(
                f"AXES_FAILURE_LIMIT is {settings.AXES_FAILURE_LIMIT}; Front Door promises a lockout after at most 10.",
                id="frontdoor.E002",
            )
        ]
    return []
