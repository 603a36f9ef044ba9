"""Pages of a list: `count`, `next` and `previous` as absolute addresses, and a capped size."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from infra.cache import remember

from .params import PageParameters
from .problems import NotFound


@dataclass
class Paged:
    items: list
    count: int
    page: int
    page_size: int
    next: str | None
    previous: str | None

    def as_page(self, results: list) -> dict[str, Any]:
        """The Page shape (schemas.Page) with these results."""
        return {
            "count": self.count,
            "page": self.page,
            "page_size": self.page_size,
            "next": self.next,
            "previous": self.previous,
            "results": results,
        }


def page_link(request: HttpRequest, page: int, name: str = "page") -> str:
    """This request's address with another page number (every other parameter kept)."""
    params = request.GET.copy()
    params[name] = str(page)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


# Parameters that change which page is shown or its language, not how many items there are.
NOT_COUNTED = ("page", "page_size", "lang")
COUNT_SECONDS = 60


def counted(request: HttpRequest, items) -> int:
    """How many `items` this request's list has: counted once per content version and filters
    (a count reads every matching row: 25,000 methods cost more than the rest of the page), for
    at most COUNT_SECONDS (an article scheduled for later appears without a new version)."""
    filters = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if name not in NOT_COUNTED
        for value in values
    )
    return remember("api:count", (request.path, filters), items.count, timeout=COUNT_SECONDS)


def paginate(
    request: HttpRequest, items, paging: PageParameters, count: int | None = None
) -> Paged:
    """One page of `items` (a queryset or anything that slices and counts). Past the last page
    is a 404, as for any address that names nothing; an empty list has an empty first page."""
    total = counted(request, items) if count is None else count
    last = max(1, math.ceil(total / paging.page_size))
    if paging.page > last:
        raise NotFound(
            _("There is no page %(page)d: the last one is %(last)d.")
            % {"page": paging.page, "last": last}
        )
    start = (paging.page - 1) * paging.page_size
    return Paged(
        items=list(items[start : start + paging.page_size]),
        count=total,
        page=paging.page,
        page_size=paging.page_size,
        next=page_link(request, paging.page + 1) if paging.page < last else None,
        previous=page_link(request, paging.page - 1) if paging.page > 1 else None,
    )
