"""Front Door settings: one file, read from the environment.

SQLite is the embedded default; set DATABASE_URL for PostgreSQL. Set
FRONTDOOR_MODE=production for the hardened settings that pass `check --deploy`.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF

SRC_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SRC_DIR.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


MODE = os.environ.get("FRONTDOOR_MODE", "development")
PRODUCTION = MODE == "production"

DEBUG = env_bool("DEBUG", not PRODUCTION)
# Demo mode shows the demo banner and the current second-factor code on the
# sign-in page for demo accounts. A system check refuses it in production.
DEMO_MODE = env_bool("FRONTDOOR_DEMO", not PRODUCTION)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise RuntimeError("SECRET_KEY must be set when FRONTDOOR_MODE=production")
    SECRET_KEY = "development-only-key-not-for-production-use-" + "x" * 20  # noqa: S105

ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "frontdoor.core",
    "frontdoor.agencies",
    "frontdoor.audit",
    "frontdoor.people",
    "frontdoor.referrals",
    "frontdoor.sharing",
    "frontdoor.api",
    "frontdoor.manual",
    "frontdoor.directory",
    "frontdoor.insights",
    "frontdoor.supervision",
    "frontdoor.plans",
    "frontdoor.meetings",
    "frontdoor.disagreements",
    "frontdoor.governance",
    "frontdoor.matching",
    "frontdoor.incidents",
    "frontdoor.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "frontdoor.core.request_context.RequestOriginMiddleware",
    "frontdoor.audit.middleware.ReadsShownAgainMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "frontdoor.core.middleware.SessionTimeoutMiddleware",
    "frontdoor.core.middleware.NoStoreMiddleware",
    "frontdoor.core.middleware.ErrorPagesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

if PRODUCTION:
    # Serves the collected, hashed static files without a separate web server.
    MIDDLEWARE.insert(2, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "frontdoor.config.urls"
WSGI_APPLICATION = "frontdoor.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "frontdoor.core.context_processors.frontdoor",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'frontdoor.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        # A kept connection is checked before each request reuses it, so a database restart
        # costs one reconnect, not an error page.
        conn_health_checks=True,
    )
}
# Behind PgBouncer in transaction pooling mode a cursor cannot outlive its transaction, so
# Django must not use server-side cursors (docs/deployment.md, "Database connections").
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = os.environ.get(
    "DISABLE_SERVER_SIDE_CURSORS", ""
).lower() in ("1", "true", "yes")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "agencies.Practitioner"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "signin"
LOGIN_REDIRECT_URL = "home"

# Sign-in lockout (SECURITY.md promise 12): 10 failures per username, then a
# cool-off so that an attacker cannot lock a practitioner out for ever.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "frontdoor.agencies.signin.lockout_response"
AXES_VERBOSE = False
# Locking by IP address too would let one attacker lock out a whole office behind
# one address; per-username locking with a cool-off is the trade-off we choose.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Sessions (promise 10): a new key at sign-in (Django), an inactivity time-out
# and an absolute time-out (our middleware), and sign-out flushes the session.
SESSION_INACTIVITY_TIMEOUT = timedelta(minutes=int(os.environ.get("SESSION_IDLE_MINUTES", "30")))
SESSION_ABSOLUTE_TIMEOUT = timedelta(hours=int(os.environ.get("SESSION_MAX_HOURS", "10")))
SESSION_COOKIE_AGE = int(SESSION_ABSOLUTE_TIMEOUT.total_seconds())
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

OTP_TOTP_ISSUER = "Front Door"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "build" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# The service directory's public map tiles: any XYZ tile server, or "" for no tiles.
FRONTDOOR_MAP_TILES = os.environ.get(
    "FRONTDOOR_MAP_TILES", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
FRONTDOOR_MAP_ATTRIBUTION = os.environ.get(
    "FRONTDOOR_MAP_ATTRIBUTION", "© OpenStreetMap contributors"
)
_MAP_TILE_ORIGIN = urlsplit(FRONTDOOR_MAP_TILES)

# Content security policy (promise 13): our own scripts and styles only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"]
        + (
            # Leaflet's {s} subdomains become a wildcard.
            [f"{_MAP_TILE_ORIGIN.scheme}://{_MAP_TILE_ORIGIN.netloc.replace('{s}', '*')}"]
            if _MAP_TILE_ORIGIN.netloc
            else []
        ),
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Behind N reverse proxies, the client address for the audit trail is the Nth entry
# from the right of X-Forwarded-For; 0 means use the connection's address.
FRONTDOOR_PROXY_COUNT = int(os.environ.get("FRONTDOOR_PROXY_COUNT", "0"))
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 63072000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Background work (django-tasks). Production queues tasks in the database for
# `manage.py db_worker`; development and the demo run them at once, in-process.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "FRONTDOOR_TASKS_BACKEND",
            "django_tasks_db.DatabaseBackend"
            if PRODUCTION
            else "django_tasks.backends.immediate.ImmediateBackend",
        )
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Working time for every clock (core/clock.py). Weekdays are 0=Monday … 6=Sunday.
FRONTDOOR_WORKING_HOURS = (
    os.environ.get("FRONTDOOR_WORKING_DAY_STARTS", "09:00"),
    os.environ.get("FRONTDOOR_WORKING_DAY_ENDS", "17:00"),
)
FRONTDOOR_WORKING_DAYS = (0, 1, 2, 3, 4)
FRONTDOOR_BANK_HOLIDAY_NATION = os.environ.get("FRONTDOOR_BANK_HOLIDAY_NATION", "ENG")
FRONTDOOR_EXTRA_CLOSURES = [
    d for d in os.environ.get("FRONTDOOR_EXTRA_CLOSURES", "").split(",") if d
]

# Triage: each RAG rating sets the decision deadline (one English police force's hub).
FRONTDOOR_TRIAGE_DEADLINES = {
    "red": (4, "working_hours"),
    "amber": (24, "working_hours"),
    "green": (72, "hours"),
}
# Information requests: the answer is due within (one London hub's asks of partners).
FRONTDOOR_REQUEST_DEADLINES = {
    "red": (2, "hours"),
    "amber": (6, "hours"),
    "green": (24, "hours"),
}
# Working Together to Safeguard Children: decision and acknowledgement within 1 working day.
FRONTDOOR_STATUTORY_DECISION = (1, "working_days")
# Operation Encompass: the school must know before the school day starts (local time).
FRONTDOOR_SCHOOL_DAY_STARTS = os.environ.get("FRONTDOOR_SCHOOL_DAY_STARTS", "08:30")
# Share of the deadline left at which an item counts as nearly late.
FRONTDOOR_NEARLY_LATE_FRACTION = 0.25

FRONTDOOR_BASE_URL = os.environ.get("FRONTDOOR_BASE_URL", "http://127.0.0.1:8000")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "front-door@partnership.example")
