"""PlugInnovation settings: one file, configured by environment variables.

Every value has a default that lets a fresh clone run on SQLite; production sets the
environment (see README.md, "Running in production"). Bad values fail loudly at start-up.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
# Known to everybody who reads this file: wsgi.py refuses to serve with it unless DEBUG is on.
DEVELOPMENT_SECRET_KEY = "django-insecure-development-key-never-use-in-production"  # noqa: S105
SECRET_KEY = env_str("DJANGO_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
# How many proxies in front of the app append the address they saw to X-Forwarded-For (the
# repo's nginx: 1; a load balancer in front of that nginx: 2). 0: the header is never believed.
# Lockouts, rate limits and logs take the client's address from it (infra/client.py).
TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 0)
if TRUSTED_PROXIES < 0:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES must be 0 or more, not {TRUSTED_PROXIES}")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "taggit",
    "allauth",
    "allauth.account",
    "axes",
    "reversion",
    # Our apps, in the order they import each other (tests/test_layers.py checks it):
    # infra ← stats ← content ← search ← methods, research, casestudies ← accounts ← api
    # ← the site.
    "infra",
    "stats",
    "content",
    "search",
    "methods",
    "research",
    "casestudies",
    "accounts",
    "api",
    "demo",
    "pluginnovation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "infra.middleware.SecurityHeadersMiddleware",  # CSP, Permissions-Policy
    # Before anything reads the session, the path or a form: a NUL byte is a 400 here.
    "infra.badinput.RejectMalformedInputMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "api.opendata_files.OpenDataFilesMiddleware",  # the open-data downloads, as static files
    # After whitenoise (static files come compressed already), outside the page cache.
    "infra.middleware.CompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Counts searches whether or not their page comes from the page cache: before it.
    "search.log.SearchLogMiddleware",
    # /api/ only: CORS, limits, the answer's language (before the page cache: part of its key).
    "api.middleware.ApiMiddleware",
    "infra.middleware.AnonymousPageCacheMiddleware",  # after Locale: language in the key
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "infra.privacy.PersonalPagesMiddleware",  # no-store for what a logged-in user is shown
    "infra.ratelimit.TooManyRequestsMiddleware",  # a form refused by a rate limit: 429
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it answers a locked-out login with the lockout page.
    "axes.middleware.AxesMiddleware",
    # Innermost, so its process_exception sees a lost database first: 503, not a traceback.
    "infra.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "pluginnovation.urls"
WSGI_APPLICATION = "pluginnovation.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pluginnovation.context_processors.site",
                "accounts.context_processors.account_breadcrumbs",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Swedish first: unprefixed URLs are Swedish, English lives under /en/.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]

# Uploaded images and documents (README.md, "Files"): the local media directory by default,
# served by Django only when DJANGO_SERVE_MEDIA (default: DEBUG), in production by nginx; or an
# S3-compatible bucket through django-storages (pip install ".[s3]") with MEDIA_STORAGE=s3.
MEDIA_URL = env_str("DJANGO_MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", DEBUG)
MEDIA_STORAGE = env_str("MEDIA_STORAGE", "local")
if MEDIA_STORAGE not in {"local", "s3"}:
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be local or s3, not {MEDIA_STORAGE!r}")
# Where images may come from besides the site itself (the page's Content-Security-Policy).
MEDIA_ORIGIN = ""
if MEDIA_STORAGE == "s3":
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME", ""),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL", "") or None,
            "region_name": env_str("AWS_S3_REGION_NAME", "") or None,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN", "") or None,
            # Public files at stable addresses (pages are cached); never overwritten.
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    if not _media_storage["OPTIONS"]["bucket_name"]:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME")
    _options = _media_storage["OPTIONS"]
    if _options["custom_domain"]:
        MEDIA_ORIGIN = f"https://{_options['custom_domain']}"
    elif _options["endpoint_url"]:
        from urllib.parse import urlsplit

        _endpoint = urlsplit(_options["endpoint_url"])
        MEDIA_ORIGIN = f"{_endpoint.scheme}://{_endpoint.netloc}"
    else:
        _region = f".{_options['region_name']}" if _options["region_name"] else ""
        MEDIA_ORIGIN = f"https://{_options['bucket_name']}.s3{_region}.amazonaws.com"
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
MEDIA_ORIGIN = env_str("DJANGO_MEDIA_ORIGIN", MEDIA_ORIGIN)

UPLOAD_MAX_IMAGE_BYTES = env_int("UPLOAD_MAX_IMAGE_MB", 10) * 1024 * 1024
UPLOAD_MAX_DOCUMENT_BYTES = env_int("UPLOAD_MAX_DOCUMENT_MB", 25) * 1024 * 1024
# An image is stored at most this wide, with narrower copies at these widths for srcset.
IMAGE_MAX_WIDTH = 2000
IMAGE_WIDTHS = (480, 960, 1440)

STORAGES = {
    "default": _media_storage,
    "staticfiles": {
        # Hashed, compressed files need `collectstatic`; development and tests use the plain store.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("DJANGO_STATIC_MANIFEST", False)
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}

TAGGIT_CASE_INSENSITIVE = True

EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Production: DJANGO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and these.
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
# With DJANGO_EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend: where mails are written.
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", "")
if EMAIL_BACKEND.endswith("filebased.EmailBackend") and not EMAIL_FILE_PATH:
    raise ImproperlyConfigured("The file e-mail backend needs EMAIL_FILE_PATH, a directory.")
DEFAULT_FROM_EMAIL = env_str(
    "DJANGO_DEFAULT_FROM_EMAIL", "PlugInnovation <noreply@pluginnovation.se>"
)
CONTACT_EMAIL = env_str("CONTACT_EMAIL", "")
# Who is told of a new method proposal or contact message: these addresses, or when empty,
# every active member of the editor group (Redaktör) with an e-mail address.
EDITOR_EMAILS = env_list("EDITOR_EMAILS", [])
# The editors' desk lists published articles last reviewed longer ago than this, or never.
REVIEW_AFTER_MONTHS = env_int("REVIEW_AFTER_MONTHS", 12)
# The site's address, for links in e-mails sent outside a request (search alerts).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

# Accounts (Mina sidor): django-allauth for the flows, django-axes for the login lockout.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login before the others
    "django.contrib.auth.backends.ModelBackend",  # the admin's username login
    "allauth.account.auth_backends.AuthenticationBackend",  # log in by e-mail
]
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "accounts.adapter.user_display"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # a link checker following the mail must not confirm it
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_PREVENT_ENUMERATION = True  # errors never tell whether an account exists
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False  # a password reset for an unknown address mails nobody
# allauth's forms with the site's rate limits, and a sign-up that takes as long either way.
ACCOUNT_FORMS = {
    "signup": "accounts.account_forms.SignupForm",
    "reset_password": "accounts.account_forms.ResetPasswordForm",
    "add_email": "accounts.account_forms.AddEmailForm",
}
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[PlugInnovation] "
# Links in account e-mails: https in production, http for `make run`.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# django-axes is the one login lockout: allauth's own failed-login limit is switched off.
# allauth's other limits (e.g. one confirmation e-mail per address every 3 minutes) are counted
# in the shared rate-limit store (infra.ratelimit.share_allauth_limits).
ACCOUNT_RATE_LIMITS = {"login_failed": None}
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
# By account and address together: failures from elsewhere never lock the owner out, and a
# school's shared address does not lock out its staff. The admin's login and Mina sidor count
# as one (accounts.lockout), and a completed password reset opens the account's locks.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "accounts.lockout.login_name"
AXES_HANDLER = "accounts.lockout.LockoutHandler"
# Looser, per address alone: one address guessing at many accounts is stopped too.
AXES_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 30)
AXES_CLIENT_IP_CALLABLE = "infra.client.client_network"
AXES_RESET_ON_SUCCESS = True
# Attempts while locked do not push the cool-off on: the lock ends AXES_COOLOFF_TIME after
# the failure that set it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"

# Lists show this many items a page.
PAGE_SIZE = 12

# Artikelsök (search/analysis.py): the Hunspell dictionary whose lexicon splits Swedish
# compounds, as a path without .dic/.aff (Debian's hunspell-sv; without it compounds are not
# split and `manage.py check` warns). Rebuild the index after changing it.
SEARCH_LEXICON = env_str("SEARCH_LEXICON", "/usr/share/hunspell/sv_SE")
# The anonymous search log (search/log.py): rows older than this many days are deleted by
# `manage.py prune_search_log` (run it daily from cron); 13 months by default.
SEARCH_LOG_DAYS = env_int("SEARCH_LOG_DAYS", 396)
# Research (research/): where a DOI is resolved, and how `manage.py check_links` checks links.
DOI_RESOLVER = env_str("DOI_RESOLVER", "https://doi.org/")
LINK_CHECK_WORKERS = env_int("LINK_CHECK_WORKERS", 4)
LINK_CHECK_TIMEOUT = env_int("LINK_CHECK_TIMEOUT", 15)
LINK_CHECK_USER_AGENT = env_str(
    "LINK_CHECK_USER_AGENT",
    "PlugInnovation-link-checker/1.0 (+https://pluginnovation.se/kontakt/)",
)
# Addresses on this host or the local network are never checked (an editor's link must not
# make the server probe its own network); tests allow them for their local server.
LINK_CHECK_PRIVATE_ADDRESSES = env_bool("LINK_CHECK_PRIVATE_ADDRESSES", False)
# A file of references uploaded in the admin: at most this large, with at most this many.
REFERENCE_IMPORT_MAX_BYTES = env_int("REFERENCE_IMPORT_MAX_BYTES", 5 * 1024 * 1024)
REFERENCE_IMPORT_MAX_ROWS = env_int("REFERENCE_IMPORT_MAX_ROWS", 2000)
# Exports of a selection (a list, a search's results) hold at most this many references.
REFERENCE_EXPORT_MAX = env_int("REFERENCE_EXPORT_MAX", 500)

# Open data: the API (/api/v1/) and the downloads (/oppna-data/).
# The licence of the knowledge bank's texts, as the editors state it (a name, e.g. "CC BY 4.0",
# and the licence's address); until they do, the API and the downloads say it is not stated.
CONTENT_LICENCE_NAME = env_str("CONTENT_LICENCE_NAME", "")
CONTENT_LICENCE_URL = env_str("CONTENT_LICENCE_URL", "")
# Requests per client in each period of API_RATE_LIMIT_SECONDS, counted in the shared cache.
API_RATE_LIMIT = env_int("API_RATE_LIMIT", 120)
API_RATE_LIMIT_SECONDS = env_int("API_RATE_LIMIT_SECONDS", 60)
# How long clients and proxies may reuse an API answer (Cache-Control: max-age).
API_MAX_AGE = env_int("API_MAX_AGE", 60)
# Where `manage.py export_open_data` writes the downloads (served at /oppna-data/filer/), and
# who publishes them (the DCAT catalogue's publisher).
OPEN_DATA_ROOT = Path(env_str("OPEN_DATA_ROOT", str(MEDIA_ROOT / "open-data")))
OPEN_DATA_PUBLISHER = env_str("OPEN_DATA_PUBLISHER", "PlugInnovation")

# Production (README.md, "Running in production"). HTTPS everywhere unless DEBUG: secure cookies,
# a redirect from http and HSTS. Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # load balancers health-check the app over plain http
if env_bool("DJANGO_BEHIND_PROXY", not DEBUG):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = LANGUAGE_COOKIE_SAMESITE = "Lax"
# Content-Security-Policy and Permissions-Policy: infra.middleware (no inline code).

# Local memory by default (one cache per process); Redis, shared by every app host, when set.
REDIS_URL = env_str("REDIS_URL", "")
# A Redis that stops answering costs a page at most this long per attempt, never a hang; pages
# are then drawn uncached (infra/rediscache.py) and rate limits counted per process.
REDIS_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
# "shared" holds only the content version (infra.cache): every worker process reads it,
# so a change saved in one worker invalidates the pages the others keep in local memory. Without
# Redis it is a directory on this host outside the repository, private to the user that runs the
# site (entries are pickles: never a world-writable place such as /tmp).
CACHE_DIR = env_str(
    "DJANGO_CACHE_DIR",
    str(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pluginnovation"),
)
CACHES = {
    "default": {
        "BACKEND": "infra.rediscache.ResilientRedisCache"
        if REDIS_URL
        else "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": REDIS_URL or "pluginnovation",
        "KEY_PREFIX": "pluginnovation",
        "TIMEOUT": 300,
        "OPTIONS": REDIS_OPTIONS if REDIS_URL else {},
    },
    "shared": {
        "BACKEND": "infra.rediscache.ResilientRedisCache"
        if REDIS_URL
        else "infra.cache.HostFileCache",
        "LOCATION": REDIS_URL or CACHE_DIR,
        "KEY_PREFIX": "pluginnovation",
        "TIMEOUT": None,
        "OPTIONS": REDIS_OPTIONS if REDIS_URL else {},
    },
    # Rate-limit counts (infra.ratelimit), shared like the content version, in a store of their
    # own: the file store's culling of old counts must never touch the content version.
    "ratelimit": {
        "BACKEND": "infra.ratelimit.CounterStore",
        "LOCATION": REDIS_URL or str(Path(CACHE_DIR) / "ratelimit"),
        "KEY_PREFIX": "pluginnovation",
        "TIMEOUT": 3600,
        "OPTIONS": {
            "SHARED_BACKEND": "django.core.cache.backends.redis.RedisCache"
            if REDIS_URL
            else "infra.cache.HostFileCache",
            **(REDIS_OPTIONS if REDIS_URL else {"MAX_ENTRIES": 10_000}),
        },
    },
}
# Rates per action, counted per client address, per logged-in user or per target e-mail address
# (infra/ratelimit.py): COUNT/PERIOD/PER, PERIOD in s, m, h or d (e.g. 15m). A refused request
# is answered 429 and nothing is saved or sent.
RATE_LIMITS = {
    "contact": ["5/h/client", "20/d/client"],
    # Per target: the mails one address can be sent, from everywhere together (which also lets
    # an attacker delay, never block, that address's own sign-up or reset: hence not fewer).
    "signup": ["10/h/client", "5/d/target"],
    "password_reset": ["10/h/client", "5/h/target"],
    "email_change": ["10/h/client", "5/h/user", "5/d/target"],
    "method_proposal": ["10/h/client", "5/h/user", "20/d/user"],
    "saved_search": ["30/h/client", "20/h/user", "100/d/user"],
    "method_use": ["30/h/client", "20/h/user", "100/d/user"],
}
# Whole pages for visitors without a session; 0 switches it off. Content changes invalidate it.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)

# One JSON object a line on stderr (errors, failed logins, a lost database); DJANGO_LOG_FORMAT=text
# for people reading a terminal.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "infra.jsonlog.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "filters": {
        # A request with a bad Host header or a malformed body is the client's fault: one line.
        "without_traceback": {"()": "infra.badinput.WithoutTraceback"},
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": env_str("DJANGO_LOG_FORMAT", "text" if DEBUG else "json"),
        },
        "stderr_one_line": {
            "class": "logging.StreamHandler",
            "formatter": env_str("DJANGO_LOG_FORMAT", "text" if DEBUG else "json"),
            "filters": ["without_traceback"],
        },
    },
    "root": {"handlers": ["stderr"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        "django": {
            "handlers": ["stderr"],
            "level": "INFO" if DEBUG else "WARNING",
            "propagate": False,
        },
        "django.security": {
            "handlers": ["stderr_one_line"],
            "level": "WARNING",
            "propagate": False,
        },
        **{
            app: {"handlers": ["stderr"], "level": "INFO", "propagate": False}
            for app in ("pluginnovation", "infra", "content", "search")
        },
        "axes": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
    },
}
