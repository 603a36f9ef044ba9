"""The site's settings as the tests run them (pyproject.toml names this module).

Only what makes the suite fast or self-contained differs from production; the tests that are
about one of these things put the real one back (see tests/conftest.py's fixtures).
"""

from pluginnovation.settings import *  # noqa: F403

# Hashing with the production hasher costs ~0.5 s a user; the tests about passwords count the
# hasher's work rather than time it (tests/accounts/test_signup_timing.py).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The content version in this process's memory: the file store every worker shares costs a file
# read per cached page. The tests of sharing it across processes use `host_file_cache`.
CACHES = {
    **CACHES,  # noqa: F405
    "shared": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "content-version",
        "KEY_PREFIX": "pluginnovation",
        "TIMEOUT": None,
    },
    # Rate-limit counts in this process's memory too (the autouse _empty_cache clears them);
    # the tests of sharing them between processes use a directory or a real Redis.
    "ratelimit": {
        "BACKEND": "infra.ratelimit.CounterStore",
        "LOCATION": "rate-limits",
        "KEY_PREFIX": "pluginnovation",
        "OPTIONS": {"SHARED_BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    },
}

# Production redirects http to https; the test client and live_server speak http
# (tests/prod/ switches it back on where it is tested).
SECURE_SSL_REDIRECT = False

# A content type that only the tests register (tests/test_registry.py).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.registry_app"]  # noqa: F405

# Uploaded files are served by the site (live_server has no nginx), from a directory each test
# gets anew (tests/conftest.py), never the repository's media/.
SERVE_MEDIA = True
