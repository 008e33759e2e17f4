"""Marsad settings: one file, driven by the environment (GUIDE §3).

- ``DATABASE_URL``: a PostgreSQL server; unset, an embedded server in ``.pgdata/``
  (database ``MARSAD_DB_NAME``, default ``marsad``).
- ``DJANGO_SECRET_KEY``: required when ``DJANGO_DEBUG=0``.
- ``DJANGO_DEBUG``: ``1`` (default, development) or ``0``.
- ``DJANGO_ALLOWED_HOSTS``: comma-separated host names.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value not in {"0", "1"}:
        raise ImproperlyConfigured(f"{name} must be 0 or 1, not {value!r}")
    return value == "1"


DEBUG = env_flag("DJANGO_DEBUG", default=True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=0")
    SECRET_KEY = "django-insecure-development-only-key-marsad"  # noqa: S105 (development only)

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h.strip()]
if DEBUG and not ALLOWED_HOSTS:
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "axes",
    "newsapp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during login into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsapp.urls"
WSGI_APPLICATION = "newsapp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database ----------------------------------------------------------------

EMBEDDED_DB_DIR = BASE_DIR / ".pgdata"

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.config(conn_max_age=60, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "newsapp.embedded_db",
            # A second database on the same server (benchmarks) is one variable away.
            "NAME": os.environ.get("MARSAD_DB_NAME", "marsad"),
            "OPTIONS_EMBEDDED_DATA_DIR": str(EMBEDDED_DB_DIR),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
            # Several test runs may share one checkout's server (two developers'
            # terminals, an editor's test runner): each gets its own database.
            "TEST": {"NAME": f"test_marsad_{os.getpid()}"},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Language: Arabic first, right to left ------------------------------------

LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", "العربية")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# In development and tests static files are served from their folders as they
# change; in production from STATIC_ROOT after collectstatic.
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "newsapp.ops.staticfiles.StaticStorage"  # WhiteNoise manifest + gzip, no source maps
        )
    },
}

# --- Ingest ---------------------------------------------------------------------

# Files larger than this are rejected before they are read.
MARSAD_MAX_ARTICLE_BYTES = int(os.environ.get("MARSAD_MAX_ARTICLE_BYTES", 2 * 1024 * 1024))

# --- Cache, replicas, benchmark (issue 7; docs/scaling.md) ------------------------
# MARSAD_CACHE_URL: "redis://host:6379/0" for a cache shared by every process and
# machine, "dummy://" for none; unset, each process keeps its own LocMemCache and
# the cache generation (what invalidates pages) lives in a file all processes read.
MARSAD_CACHE_URL = os.environ.get("MARSAD_CACHE_URL", "")
if MARSAD_CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": MARSAD_CACHE_URL}
    }
elif MARSAD_CACHE_URL.startswith("dummy://"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "marsad",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Meeting cards and API representations, kept under each meeting's version
# (newsapp/views/cards.py): a cache of their own, so pages cannot evict them.
if MARSAD_CACHE_URL.startswith(("redis://", "rediss://", "dummy://")):
    CACHES["fragments"] = {**CACHES["default"], "KEY_PREFIX": "fragments"}
else:
    CACHES["fragments"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "marsad-fragments",
        # ~1.5 KB a card: at most ~30 MB a process.
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
MARSAD_FRAGMENT_CACHE_SECONDS = int(os.environ.get("MARSAD_FRAGMENT_CACHE_SECONDS", 24 * 3600))
# Compile scoped aggregate reads anyway and fail when a key stands for two queries
# (newsapp/aggregates.py): on in the test suite, off in production.
MARSAD_CHECK_AGGREGATE_SCOPES = os.environ.get("MARSAD_CHECK_AGGREGATE_SCOPES", "0") == "1"
MARSAD_CACHE_GENERATION_FILE = (
    None
    if MARSAD_CACHE_URL and not MARSAD_CACHE_URL.startswith("dummy://")
    else os.environ.get("MARSAD_CACHE_GENERATION_FILE") or str(BASE_DIR / "var" / "cache-generation")
)
MARSAD_PAGE_CACHE_SECONDS = int(os.environ.get("MARSAD_PAGE_CACHE_SECONDS", 600))
MIDDLEWARE = [*MIDDLEWARE, "newsapp.caching.InvalidateOnWriteMiddleware"]

# MARSAD_REPLICA_DATABASE_URL: reads go to a PostgreSQL replica through the router.
if os.environ.get("MARSAD_REPLICA_DATABASE_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["MARSAD_REPLICA_DATABASE_URL"], conn_max_age=60, conn_health_checks=True
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["newsapp.db_router.PrimaryReplicaRouter"]

# The benchmark's server (manage.py bench) keeps connections open this long.
if os.environ.get("MARSAD_CONN_MAX_AGE"):
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ["MARSAD_CONN_MAX_AGE"])

# --- REST framework ---------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "newsapp.api.schema.MarsadAutoSchema",
    "DEFAULT_PAGINATION_CLASS": "newsapp.api.pagination.CappedPageNumberPagination",
    "PAGE_SIZE": 20,
    "UNICODE_JSON": True,
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["newsapp.api.permissions.StaffWriteOrReadOnly"],
    "DEFAULT_FILTER_BACKENDS": ["newsapp.api.filtering.SharedFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["newsapp.api.throttling.AnonymousRateThrottle"],
    # Requests per anonymous client (by IP); MARSAD_ANON_RATE="off" turns throttling off.
    "DEFAULT_THROTTLE_RATES": {
        "anon": None
        if os.environ.get("MARSAD_ANON_RATE", "").lower() in {"off", "none", "0"}
        else os.environ.get("MARSAD_ANON_RATE") or "120/min",
    },
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Marsad API",
    "DESCRIPTION": "مرصد: من التقى بمن، مقروءاً من الأخبار العربية.",
    "VERSION": "1.0.0",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "MeetingKindEnum": "newsapp.models.Meeting.Kind",
        "EntityKindEnum": "newsapp.models.Entity.Kind",
    },
}

# --- Security (issue 8; SECURITY.md) ------------------------------------------------
# Production (DJANGO_DEBUG=0) is HTTPS only; development and tests serve plain
# HTTP, so the HTTPS-only settings follow DEBUG. The Content-Security-Policy is
# the same everywhere, so the browser tests see what production sends.

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (and strips it from clients).
if env_flag("DJANGO_BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

# django-csp 4: no 'unsafe-inline' anywhere; Bootstrap's CSS draws a few icons from data: URLs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    },
}

# DRF's browsable API is a developer's tool whose template carries inline styles the
# policy refuses: production answers JSON (Swagger UI at /api/docs/ is for people).
if not DEBUG:
    REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"] = ["rest_framework.renderers.JSONRenderer"]

# django-axes: repeated failed logins (admin and any form that authenticates) lock out.
# Counted per user name and client address together, so nobody can lock an
# editor out from elsewhere; a success resets the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("MARSAD_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("MARSAD_LOGIN_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_SENSITIVE_PARAMETERS = ["password"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
