"""The API's pages that are not endpoints: its OpenAPI schema and its documentation page."""

from __future__ import annotations

import json
from functools import lru_cache
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

from infra.breadcrumbs import HOME_CRUMB

from .content import published_tags
from .core import api, translated
from .languages import LANGUAGE_PARAMETER
from .licences import KOLADA_LICENCE, KOLADA_SOURCE, content_licence
from .params import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from .problems import PROBLEMS

# What the documentation page shows as examples to follow: (path, what it gives).
EXAMPLES = [
    ("methods/?lang=en", gettext_noop("The methods, in English.")),
    (
        "search/?q=mentorskap&typ=metoder",
        gettext_noop("Artikelsök: methods about mentoring, with facet counts."),
    ),
    ("municipalities/1441/", gettext_noop("A municipality by its kommunkod.")),
    (
        "observations/?municipality=1441&from_year=2020",
        gettext_noop("Lerum's figures since 2020, by gender, as Kolada gives them."),
    ),
]


def examples() -> list[tuple[str, str]]:
    """EXAMPLES, and the methods with a tag (the first by name, if there is one)."""
    tag = published_tags().first()
    if tag is None:
        return EXAMPLES
    with_tag = (
        f"methods/?{urlencode({'tag': tag.slug, 'sort': 'datum'})}",
        gettext_noop("The methods with a tag, newest first."),
    )
    return [EXAMPLES[0], with_tag, *EXAMPLES[1:]]


@lru_cache(maxsize=8)
def _schema(language: str, script_prefix: str) -> str:
    """The schema as JSON in one language (built once per process: it is the code's)."""
    return json.dumps(translated(api.get_openapi_schema()), ensure_ascii=False)


def openapi_json(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        _schema(get_language() or "sv", get_script_prefix()), content_type="application/json"
    )


def docs(request: HttpRequest) -> HttpResponse:
    language = get_language() or "sv"
    here = reverse("api:docs")
    root = reverse("api:index")
    return render(
        request,
        "api/docs.html",
        {
            "openapi_url": f"{reverse('api:openapi')}?{LANGUAGE_PARAMETER}={language}",
            "api_root": request.build_absolute_uri(root),
            "examples": [(f"{root}{path}", _(text)) for path, text in examples()],
            "problems": [
                (slug, status, title, meaning)
                for slug, (status, title, meaning) in PROBLEMS.items()
            ],
            "rate_limit": settings.API_RATE_LIMIT,
            "rate_limit_seconds": settings.API_RATE_LIMIT_SECONDS,
            "max_age": settings.API_MAX_AGE,
            "page_size": DEFAULT_PAGE_SIZE,
            "max_page_size": MAX_PAGE_SIZE,
            "content_licence": content_licence(),
            "kolada_licence": KOLADA_LICENCE,
            "kolada_source": KOLADA_SOURCE,
            # The page is at one address in both languages: the switcher sets ?lang.
            "alternate_languages": [
                {"code": code, "name": name, "url": f"{here}?{LANGUAGE_PARAMETER}={code}"}
                for code, name in (("sv", "svenska"), ("en", "English"))
            ],
            "breadcrumbs": [HOME_CRUMB, (_("Open API"), None)],
        },
    )
