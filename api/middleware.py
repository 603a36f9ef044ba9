"""What every answer under /api/ shares, around the views: CORS, the rate limit, the language,
HEAD, conditional requests and caching headers, and problem details for every error (Django's
own 404, 405 and 500 included).

In settings.MIDDLEWARE after LocaleMiddleware and before AnonymousPageCacheMiddleware: the
language it activates is then part of the page cache's key, and what the page cache keeps is
the answer without the headers set here (the limit's count, the ETag).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.http import parse_http_date_safe
from django.utils.translation import gettext as _

from infra.badinput import NUL

from . import limits
from .languages import DEFAULT_LANGUAGE, from_accept_language, negotiate
from .links import API_PREFIX
from .problems import BY_STATUS, PROBLEM_CONTENT_TYPE, ApiProblem, from_exception, problem_response

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": (
        "ETag, Last-Modified, Content-Language, Retry-After, Link, X-Total-Count, "
        "RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset"
    ),
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": ALLOWED_METHODS,
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}
# The headers a 304 keeps of the full answer (RFC 9110, 15.4.5), besides those set here.
KEPT_ON_304 = ("Content-Language",)


class ApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            return self._with_cors(self._options(request))
        verdict = limits.hit("api", limits.client_key(request), limits.api_limit())
        try:
            language = negotiate(request)
        except ApiProblem as problem:
            language, refused = self._fallback_language(request), problem
        else:
            refused = None
        with translation.override(language):
            if not verdict.allowed:
                response = problem_response(request, "too-many-requests")
                response["Retry-After"] = str(verdict.reset)
            elif refused is not None:
                response = from_exception(request, refused)
            else:
                response = self._answer(request)
            response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Accept-Language",))
        response["RateLimit-Limit"] = str(verdict.limit)
        response["RateLimit-Remaining"] = str(verdict.remaining)
        response["RateLimit-Reset"] = str(verdict.reset)
        if response.status_code >= 400:
            response["Cache-Control"] = "no-store"
        return self._with_cors(response)

    def _answer(self, request: HttpRequest) -> HttpResponse:
        head = request.method == "HEAD"
        if head:
            # The same answer as GET, without its body (and cached as the GET).
            request.method = "GET"
        response = self.get_response(request)
        if head:
            request.method = "HEAD"
        if response.status_code == 200 and not response.streaming:
            response = self._conditional(request, response)
        response = as_problem(request, response)
        if head:
            response.content = b""
        return response

    @staticmethod
    def _conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        response["Cache-Control"] = f"public, max-age={settings.API_MAX_AGE}"
        set_response_etag(response)
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        conditional = get_conditional_response(
            request, etag=response.get("ETag"), last_modified=last_modified, response=response
        )
        if conditional is not response:
            for name in KEPT_ON_304:
                if name in response:
                    conditional[name] = response[name]
        return conditional

    @staticmethod
    def _options(request: HttpRequest) -> HttpResponse:
        """A CORS preflight, or a plain OPTIONS: which methods there are."""
        response = HttpResponse(status=204)
        response["Allow"] = ALLOWED_METHODS
        if "Access-Control-Request-Method" in request.headers:
            for name, value in PREFLIGHT_HEADERS.items():
                response[name] = value
        return response

    @staticmethod
    def _with_cors(response: HttpResponse) -> HttpResponse:
        for name, value in CORS_HEADERS.items():
            response[name] = value
        return response

    @staticmethod
    def _fallback_language(request: HttpRequest) -> str:
        return from_accept_language(request.headers.get("Accept-Language", "")) or DEFAULT_LANGUAGE


def refused_input(request: HttpRequest, where: str) -> HttpResponse:
    """A request that infra.badinput refuses (a NUL byte), as problem details: the parameters
    that hold one are named."""
    with translation.override(ApiMiddleware._fallback_language(request)):
        message = _("This contains a character that is not allowed.")
        errors = {}
        if where == "query":
            errors = {
                name: message
                for name, values in request.GET.lists()
                if NUL in name or any(NUL in value for value in values)
            }
        response = problem_response(request, "invalid-parameters", message, errors)
        response.headers.setdefault("Content-Language", translation.get_language())
    response["Cache-Control"] = "no-store"
    return ApiMiddleware._with_cors(response)


def as_problem(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """An error answered by something other than the API (Django's 404 for an address that
    matches no endpoint, the 405 of a method the API lacks, a 500) as problem details."""
    if response.status_code < 400 or response.get("Content-Type", "").startswith(
        PROBLEM_CONTENT_TYPE
    ):
        return response
    slug = BY_STATUS.get(response.status_code)
    if slug is None:
        slug = "server-error" if response.status_code >= 500 else "invalid-parameters"
    problem = problem_response(request, slug, status=response.status_code)
    for name in ("Allow", "Retry-After"):
        if name in response:
            problem[name] = response[name]
    return problem
