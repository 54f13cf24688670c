from django.conf import settings

from .navigation import navigation_for


def frontdoor(request):
    return {
        "demo_mode": settings.DEMO_MODE,
        "navigation": navigation_for(request),
    }
