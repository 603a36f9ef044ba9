"""Which language an API answer is in: `?lang=sv|en`, else the request's Accept-Language, else
Swedish (the site's default). Never the language cookie: the same URL and headers give the same
answer to every client (and caches key on them)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header

from infra.i18n import CONTENT_LANGUAGES

from .problems import InvalidParameters

LANGUAGE_PARAMETER = "lang"
DEFAULT_LANGUAGE = CONTENT_LANGUAGES[0]


def from_accept_language(header: str) -> str | None:
    """The first of our languages the header accepts (sv-SE counts as sv), by its q-values."""
    for code, _quality in parse_accept_lang_header(header[:1000]):
        base = code.split("-")[0].lower()
        if base in CONTENT_LANGUAGES:
            return base
        if code == "*":
            return DEFAULT_LANGUAGE
    return None


def negotiate(request: HttpRequest) -> str:
    """The answer's language; an unknown `lang` is the client's mistake (400)."""
    values = request.GET.getlist(LANGUAGE_PARAMETER)
    if values:
        if len(values) == 1 and values[0] in CONTENT_LANGUAGES:
            return values[0]
        raise InvalidParameters(
            errors={LANGUAGE_PARAMETER: _("Give one language: sv or en.")},
        )
    return from_accept_language(request.headers.get("Accept-Language", "")) or DEFAULT_LANGUAGE
