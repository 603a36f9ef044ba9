"""Absolute addresses in API answers: the human page of a thing (in the answer's language) and
its address in the API. reverse() runs once per URL name and language, then codes and slugs are
filled in (a list of 100 articles would otherwise spend milliseconds reversing)."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote, urlencode

from django.http import HttpRequest
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

from content import registry
from infra.i18n import language_order

API_PREFIX = "/api/v1/"
# Slugs and codes that need no quoting in a path (most do not).
SAFE = re.compile(r"[-A-Za-z0-9_.]+")
_MARK = "api-placeholder"


@lru_cache(maxsize=256)
def _template(
    name: str, argument: str, language: str, urlconf: str | None, prefix: str, generation: int
) -> str:
    return reverse(name, kwargs={argument: _MARK} if argument else None)


def path_of(name: str, argument: str, value: str) -> str:
    """reverse(name, kwargs={argument: value}), reversed once per name and language."""
    template = _template(
        name,
        argument,
        get_language() or "",
        get_urlconf(),
        get_script_prefix(),
        registry.generation(),
    )
    return template.replace(_MARK, quote(str(value), safe=""))


class Links:
    """The absolute addresses of one request's answer: `links.page(article)`."""

    def __init__(self, request: HttpRequest | None = None, origin: str = ""):
        """From the request's scheme and host, or an `origin` such as settings.SITE_URL (for
        what is written outside a request: the downloads)."""
        self.origin = f"{request.scheme}://{request.get_host()}" if request else origin.rstrip("/")
        # The answer's languages, first its own: read once, not for every text of every item.
        self.languages = language_order()

    def absolute(self, path: str) -> str:
        return self.origin + path

    def article(self, kind: str, slug: str) -> str:
        return self.origin + path_of(registry.detail_url_name(kind), "slug", slug)

    def api(self, collection: str, key: str | None = None) -> str:
        """/api/v1/<collection>/ or /api/v1/<collection>/<key>/."""
        base = f"{self.origin}{get_script_prefix().rstrip('/')}{API_PREFIX}{collection}/"
        if key is None:
            return base
        key = str(key)
        return f"{base}{key if SAFE.fullmatch(key) else quote(key, safe='')}/"

    def api_path(self, path: str) -> str:
        """/api/v1/<path>/ (path already safe: made of slugs)."""
        return f"{self.origin}{get_script_prefix().rstrip('/')}{API_PREFIX}{path}/"

    def page(self, name: str, code: str) -> str:
        """A page named by a code: stats:municipality, stats:region."""
        return self.origin + path_of(name, "code", code)

    def page_with_query(self, name: str, params: dict[str, str]) -> str:
        """A page without arguments (search:results) with a query string."""
        return f"{self.origin}{path_of(name, '', '')}?{urlencode(params)}"

    def api_query(self, collection: str, params: dict[str, str]) -> str:
        return f"{self.api(collection)}?{urlencode(params)}"
