"""Input no page can use, refused before any page sees it: 400, never a 500, and one log line.

PostgreSQL cannot store or compare text holding a NUL byte (psycopg raises on it), so a NUL that
reaches a query anywhere (a path such as /statistik/kommun/%00/, a parameter, a cookie, a form
field) was a 500. No address, search or form here has a use for one: the request is refused
before the session, the URL resolver or a view touches it.
"""

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils import translation

NUL = "\x00"

# Parts of the site that answer a refused request in a format of their own, by path prefix
# (the open API: problem details in JSON), registered from their AppConfig.ready().
Answer = Callable[[HttpRequest, str], HttpResponse]
_answers: dict[str, Answer] = {}


def answer_refusals_under(prefix: str, answer: Answer) -> None:
    """Refused requests under `prefix` get `answer(request, where)` (where: path, query,
    cookie or form) instead of the 400 page."""
    _answers[prefix] = answer


def _with_nul(request: HttpRequest) -> str | None:
    """Where the request carries a NUL byte (path, query, cookie, form), or None."""
    if NUL in request.path_info:
        return "path"
    for where, data in (("query", request.GET), ("cookie", request.COOKIES)):
        if any(NUL in key or NUL in value for key, value in _pairs(data)):
            return where
    if request.method == "POST" and any(
        NUL in key or NUL in value for key, value in _pairs(request.POST)
    ):
        return "form"
    return None


def _pairs(data) -> list[tuple[str, str]]:
    if hasattr(data, "lists"):  # a QueryDict: every value of every key
        return [(key, value) for key, values in data.lists() for value in values]
    return list(data.items())


def bad_request(request: HttpRequest, where: str = "") -> HttpResponse:
    """The 400 page in the language of the address (the locale middleware has not run yet),
    or the answer of the part of the site the address belongs to."""
    for prefix, answer in _answers.items():
        if request.path_info.startswith(prefix):
            return answer(request, where)
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        return HttpResponseBadRequest(render_to_string("400.html"))


class RejectMalformedInputMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        where = _with_nul(request)
        if where is not None:
            return bad_request(request, where)  # django.request logs it: "Bad Request: <path>"
        return self.get_response(request)


class WithoutTraceback(logging.Filter):
    """Django logs a bad Host header (and a body too large, too many fields) as an error with
    its traceback: a client's mistake, not ours. Keep the one line that says what it was."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
