# ruff: noqa: S608 - the SQL names only our own table; values are parameters.
"""The anonymous search log: what people search for, how much they find, and whether they open
any of it, a row per query, language and week (models.SearchLogEntry).

Nothing about who searched is kept: no user, no address, no session, no time finer than the
week. The query is normalised (lower case, spaces collapsed) and anything in it that looks
like an e-mail address or a long number (a personal identity number, a telephone number) is
replaced by "…" before it is stored. Rows older than settings.SEARCH_LOG_DAYS are deleted by
`manage.py prune_search_log` (run daily from cron).

A search is logged by SearchLogMiddleware, which sits outside the page cache so that a cached
results page is counted too: the view marks its response (`mark`) and the middleware writes.
Only a fresh search is counted: the first page, with no filter chosen but the content type
(which the home page's search sets); paging and narrowing the same search are not.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from .models import SearchLogEntry
from .text import MAX_QUERY_LENGTH, clean_query

# Filters a fresh search may carry: the home page's search chooses a content type.
FRESH_SEARCH_PARAMETERS = {"q", "typ"}
EMAIL_RE = re.compile(r"\S+@\S+")
LONG_NUMBER_RE = re.compile(r"\d[\d\s-]{4,}\d")
HIDDEN = "…"


def normalise(query: str) -> str:
    """The query as the log keeps it: lower case, collapsed spaces, no e-mail addresses or
    long numbers (they could say who searched)."""
    text = clean_query(query).lower()
    text = LONG_NUMBER_RE.sub(HIDDEN, EMAIL_RE.sub(HIDDEN, text))
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def this_week(today: datetime.date | None = None) -> datetime.date:
    """The Monday of the week `today` (default: the site's today) is in."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=today.weekday())


def is_fresh_search(params) -> bool:
    """A search as typed: a query, no page but the first, no filter but the content type."""
    return bool(params.get("q", "").strip()) and set(params) <= FRESH_SEARCH_PARAMETERS


def mark(response: HttpResponse, query: str, language: str, results: int) -> None:
    """Say on the response what the middleware is to log (kept when the page is cached)."""
    response.search_log = (normalise(query), language, results)


def _upsert(query: str, language: str, searched: int, results: int | None, opened: int) -> None:
    if not query:
        return
    table = connection.ops.quote_name(SearchLogEntry._meta.db_table)
    # One statement on both databases: a new row, or this week's row of the query counted up.
    sql = (
        f"INSERT INTO {table} (week, query, language, searches, results, opened)"
        " VALUES (%s, %s, %s, %s, %s, %s)"
        " ON CONFLICT (week, query, language) DO UPDATE SET"
        f" searches = {table}.searches + excluded.searches,"
        f" results = CASE WHEN excluded.searches > 0 THEN excluded.results"
        f" ELSE {table}.results END,"
        f" opened = {table}.opened + excluded.opened"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [this_week(), query, language, searched, results or 0, opened])


def record_search(query: str, language: str, results: int) -> None:
    _upsert(query, language, 1, results, 0)


def record_opened(query: str, language: str) -> None:
    """A result of `query` was opened."""
    _upsert(normalise(query), language, 0, None, 1)


def prune(days: int) -> int:
    """Delete the rows of weeks older than `days`; how many."""
    deleted, _by_model = SearchLogEntry.objects.older_than(days).delete()
    return deleted


class SearchLogMiddleware:
    """Logs the searches the results view marked (`mark`), whether the page came from the
    page cache or was drawn now; goes before AnonymousPageCacheMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        logged = getattr(response, "search_log", None)
        if logged is not None and request.method == "GET" and response.status_code == 200:
            record_search(*logged)
        return response
