import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.config.settings")
application = get_wsgi_application()
# Import every view module now, when the server starts (once, before forking, with gunicorn's
# --preload), rather than inside the first request each worker answers: that took 1.5 s.
get_resolver().url_patterns  # noqa: B018
