"""Middleware for running in production: security headers, anonymous page cache, database faults.

Order in settings.MIDDLEWARE: SecurityHeadersMiddleware right after Django's SecurityMiddleware
(so every response, static files and errors included, gets the headers); AnonymousPageCacheMiddleware
after LocaleMiddleware (the language is part of the key); DatabaseUnavailableMiddleware last (its
process_exception runs first).
"""

import logging
import sys
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.middleware.gzip import GZipMiddleware
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language

from .cache import versioned_key

logger = logging.getLogger(__name__)

# Nothing inline, nothing from elsewhere: the site's own scripts, styles and images only.
DEFAULT_CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "base-uri": "'self'",
}
DEFAULT_PERMISSIONS_POLICY = {
    feature: "()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}


def csp_header(directives: dict[str, str]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def permissions_policy_header(features: dict[str, str]) -> str:
    return ", ".join(f"{name}={allowed}" for name, allowed in features.items())


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response.

    Django's SecurityMiddleware already sends HSTS, nosniff, Referrer-Policy and
    Cross-Origin-Opener-Policy, and XFrameOptionsMiddleware sends X-Frame-Options.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        policy = dict(getattr(settings, "CONTENT_SECURITY_POLICY", DEFAULT_CONTENT_SECURITY_POLICY))
        media_origin = getattr(settings, "MEDIA_ORIGIN", "")
        if media_origin:
            # Uploaded images from object storage: that host, and no other.
            policy["img-src"] = f"{policy.get('img-src', '')} {media_origin}".strip()
        self.csp = csp_header(policy)
        self.permissions = permissions_policy_header(
            getattr(settings, "PERMISSIONS_POLICY", DEFAULT_PERMISSIONS_POLICY)
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.csp)
        response.headers.setdefault("Permissions-Policy", self.permissions)
        return response


class AnonymousPageCacheMiddleware:
    """Whole pages for visitors without a session, keyed by host, language and full path.

    Only a GET answered 200 that sets no cookie and used no CSRF token is stored (a page with a
    POST form carries the visitor's own token, so it is never shared). The key holds the content
    version (infra.cache), so publishing or changing content invalidates every page.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.timeout = getattr(settings, "PAGE_CACHE_SECONDS", 300)

    def _cacheable_request(self, request: HttpRequest) -> bool:
        return (
            self.timeout > 0
            and request.method == "GET"
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            # A pending flash message lives in this cookie and must be shown, not a stored page.
            and "messages" not in request.COOKIES
        )

    def _key(self, request: HttpRequest) -> str:
        return versioned_key(
            "page", request.scheme, request.get_host(), get_language(), request.get_full_path()
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self._cacheable_request(request):
            return self.get_response(request)
        request.get_host()  # a host not allowed is refused (400) before it can name a key
        try:
            key = self._key(request)
            cached = cache.get(key)
        except Exception:  # noqa: BLE001 - a cache outage must only cost speed, never the page
            logger.warning("page cache unavailable", exc_info=True)
            return self.get_response(request)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if self._cacheable_response(request, response):
            try:
                cache.set(key, response, self.timeout)
            except Exception:  # noqa: BLE001
                logger.warning("page not stored in cache", exc_info=True)
        return response

    @staticmethod
    def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_USED")
            and "private" not in cache_control
            and "no-store" not in cache_control
            and "no-cache" not in cache_control
        )


class DatabaseUnavailableMiddleware:
    """With the database down, answer 503 with a friendly page instead of a traceback.

    The page is drawn without a request context, so nothing (session, messages, user) can touch
    the database again. Django opens a fresh connection on the next request, so the site
    recovers by itself once the database is back.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_database_outage(exception):
            return None
        logger.error(
            "database unavailable",
            exc_info=exception,
            extra={"event": "database_unavailable", "path": request.path},
        )
        return database_unavailable_response(request)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the 500 page in the site's look, plain text if even that cannot be drawn; a
    database lost outside any view (e.g. saving the session) still gets the 503."""
    if is_database_outage(sys.exc_info()[1]):
        return database_unavailable_response(request)
    try:
        return HttpResponseServerError(loader.render_to_string("500.html", request=request))
    except Exception:  # noqa: BLE001 - the last line of defence must not raise
        logger.exception("500 page could not be rendered")
        return HttpResponseServerError(
            "Serverfel: försök igen om en stund. / Server error: please try again later.",
            content_type="text/plain; charset=utf-8",
        )


def is_database_outage(exception: BaseException | None) -> bool:
    """A lost or refused connection, not a broken query (IntegrityError etc. stay a 500)."""
    return isinstance(exception, OperationalError | InterfaceError)


def database_unavailable_response(request: HttpRequest) -> HttpResponse:
    language = get_language() or settings.LANGUAGE_CODE
    response = HttpResponse(
        loader.render_to_string("503.html", {"LANGUAGE_CODE": language}),
        status=503,
        content_type="text/html; charset=utf-8",
    )
    response["Retry-After"] = "30"
    add_never_cache_headers(response)
    return response


class CompressionMiddleware(GZipMiddleware):
    """Pages and JSON compressed for browsers that accept gzip, except a response that carries a
    CSRF token (BREACH: a secret beside text an attacker chooses, in one compressed body, can be
    read from the sizes of many responses). Every page with a form, and so every page a signed-in
    visitor sees (the logout button), goes uncompressed; anonymous pages, most of the traffic,
    are compressed. Static files come compressed ahead from whitenoise, which answers before this.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if settings.CSRF_COOKIE_NAME in response.cookies:
            return response
        return super().process_response(request, response)
