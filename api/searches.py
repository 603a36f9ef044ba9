"""Artikelsök in the API: /api/v1/search/ takes the same parameters as /sok/ (q, typ, tag,
region, kommun, year, sort, and the chosen type's own facets such as a method's malgrupp) and
finds the same articles in the same order, with the same facet counts: it runs Artikelsök
itself (search.api), not a copy of it."""

# No `from __future__ import annotations`: django-ninja reads the annotations.

from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Query, Router, Schema
from pydantic import Field, create_model

from content.models import attach_tags
from content.registry import all_search_facets, search_facets, search_type_choices, search_types
from search.api import MAX_QUERY_LENGTH, MAX_TAGS, search_filterset, search_page, snippets, suggest

from . import articles
from .content import SORT_PATTERN, check_known
from .links import Links
from .pagination import paginate
from .params import MUNICIPALITY_CODE, REGION_CODE, LanguageParameter, PageParameters, TagSlug
from .problems import InvalidParameters
from .schemas import ERRORS, ArticleFields, Output, Text

router = Router()

# A ranked search sorts every match: only this many results can be paged through.
MAX_RESULTS = 1000


# At most this many options of one facet in a request.
MAX_OPTIONS = 50


class ArtikelsokParameters(Schema):
    q: str = Field(
        None,
        max_length=MAX_QUERY_LENGTH,
        description=gettext_noop(
            'Words to search for: all must match; "a phrase" in quotation marks; -word leaves '
            "out; OR between two words finds either. Swedish and English texts are searched."
        ),
        examples=["mentorskap"],
    )
    typ: str = Field(
        None,
        json_schema_extra={"enum": [value for value, _label in search_type_choices()]},
        description=gettext_noop("A content type, by Artikelsök's value (metoder, forskning, …)."),
    )
    tag: list[TagSlug] = Field(
        None, max_length=MAX_TAGS, description=gettext_noop("A tag's slug; repeat for several.")
    )
    region: str = Field(
        None, pattern=REGION_CODE, description=gettext_noop("A region's county code.")
    )
    kommun: str = Field(
        None,
        pattern=MUNICIPALITY_CODE,
        description=gettext_noop("A municipality's four-digit code."),
    )
    year: int = Field(None, ge=1900, le=2100, description=gettext_noop("The year of publication."))
    sort: str = Field(
        None,
        pattern=SORT_PATTERN,
        description=gettext_noop(
            "relevans (the default with words to search for) or datum (newest first)."
        ),
    )


# With them, the facets a content type adds when its type is chosen (content.registry), by
# Artikelsök's own parameter names.
SearchParameters = create_model(
    "SearchParameters",
    __base__=ArtikelsokParameters,
    **{
        facet.param: (
            list[str],
            Field(
                None,
                max_length=MAX_OPTIONS,
                description=gettext_noop(
                    "With typ: a facet of that content type's own, as on /sok/ (a method's "
                    "target group, type of intervention, …: facets.own lists them and their "
                    "options); an option's value, repeat for several (any of them). Without "
                    "typ of that type it is refused."
                ),
            ),
        )
        for facet in all_search_facets()
    },
)


class FacetOption(Output):
    value: str = Field(description=gettext_noop("The parameter's value that chooses this option."))
    label: Text
    count: int = Field(description=gettext_noop("How many results choosing it would give."))
    chosen: bool


class YearOption(Output):
    value: int
    count: int
    chosen: bool


class TypeFacet(Output):
    param: str = Field(
        examples=["malgrupp"], description=gettext_noop("The parameter that chooses its options.")
    )
    label: Text
    options: list[FacetOption]


class SearchFacets(Output):
    typ: list[FacetOption]
    own: list[TypeFacet] = Field(
        description=gettext_noop(
            "The chosen content type's own facets (none without typ), each option counted with "
            "every other filter kept."
        )
    )
    tag: list[FacetOption] = Field(
        description=gettext_noop("The tags with the most results (not those chosen).")
    )
    region: list[FacetOption]
    kommun: list[FacetOption]
    year: list[YearOption]


class SearchResult(ArticleFields):
    snippet_html: Text | None = Field(
        description=gettext_noop("Where the words were found, the words in <mark> (HTML, escaped).")
    )


class SearchAnswer(Output):
    count: int = Field(description=gettext_noop("How many articles match."))
    page: int
    page_size: int
    next: str | None
    previous: str | None
    results: list[SearchResult]
    facets: SearchFacets
    suggestion: str | None = Field(
        description=gettext_noop("With no results: the query, spelt as we know it.")
    )
    max_results: int = Field(
        description=gettext_noop("How many of the results can be paged through.")
    )


def type_facet_options(facets, filterset) -> list[dict]:
    """The chosen type's own facets, as Artikelsök's page shows them (search.views)."""
    shown = []
    for facet in filterset.type_facets:
        chosen = filterset.cleaned.get(facet.param, [])
        counts = facets.type_facets.get(facet.param, {})
        shown.append(
            {
                "param": facet.param,
                "label": articles.label(facet.label),
                "options": [
                    {
                        "value": value,
                        "label": articles.label(label),
                        "count": counts.get(value, 0),
                        "chosen": value in chosen,
                    }
                    for value, label in facet.options()
                ],
            }
        )
    return shown


def facet_options(facets, filterset) -> dict:
    swedish = "sv"
    cleaned = filterset.cleaned
    chosen_tags = cleaned.get("tag", [])
    return {
        "own": type_facet_options(facets, filterset),
        "typ": [
            {
                "value": value,
                "label": articles.label(label),
                "count": facets.type_count(value),
                "chosen": cleaned.get("typ") == value,
            }
            for value, label in search_type_choices()
        ],
        "tag": [
            {
                "value": slug,
                "label": dict(zip(("value", "lang"), names.shown(), strict=True)),
                "count": count,
                "chosen": slug in chosen_tags,
            }
            for slug, names, count in facets.tags
        ],
        "region": [
            {
                "value": code,
                "label": {"value": name, "lang": swedish},
                "count": count,
                "chosen": cleaned.get("region") == code,
            }
            for code, name, count in facets.regions
        ],
        "kommun": [
            {
                "value": code,
                "label": {"value": name, "lang": swedish},
                "count": count,
                "chosen": cleaned.get("kommun") == code,
            }
            for code, name, count in facets.municipalities
        ],
        "year": [
            {"value": year, "count": count, "chosen": cleaned.get("year") == year}
            for year, count in facets.years
        ],
    }


@router.get(
    "/search/",
    response={200: SearchAnswer, **ERRORS},
    operation_id="search",
    summary=gettext_noop("Search"),
    description=gettext_noop(
        "Artikelsök: every published article, with the same parameters, results, order and "
        "facet counts as /sok/ on the site."
    ),
    tags=[gettext_noop("Search")],
    url_name="search",
)
def search(
    request: HttpRequest,
    params: Query[SearchParameters],
    paging: Query[PageParameters],
    language: Query[LanguageParameter],
):
    if params.typ is not None and params.typ not in search_types():
        raise InvalidParameters(errors={"typ": _("There is no such content type.")})
    errors = check_known(params.tag, params.region, params.kommun)
    if "municipality" in errors:
        errors["kommun"] = errors.pop("municipality")
    own = {facet.param for facet in search_facets(params.typ)}
    for facet in all_search_facets():
        if getattr(params, facet.param) and facet.param not in own:
            errors[facet.param] = _("This filter belongs to another content type: choose its typ.")
    if errors:
        raise InvalidParameters(errors=errors)
    query = request.GET.copy()
    for name in ("page", "page_size", "lang"):
        query.pop(name, None)
    invalid = search_filterset(query).form.errors
    if invalid:
        raise InvalidParameters(
            errors={
                name: [str(message) for message in messages] for name, messages in invalid.items()
            }
        )
    found = search_page(query)
    total = found.facets.total
    paged = paginate(request, found.results, paging, count=min(total, MAX_RESULTS))
    results = paged.items
    prefetch_related_objects(results, *articles.place_prefetches())
    attach_tags(results)
    marked = snippets(results, found.filterset.parsed)
    links = Links(request)
    shown = []
    for article in results:
        snippet = marked.get(article.pk)
        shown.append(
            {
                **articles.common_fields(article, links),
                "snippet_html": {"value": str(snippet), "lang": article.content_language}
                if snippet
                else None,
            }
        )
    cleaned = found.filterset.cleaned
    return {
        **paged.as_page(shown),
        "count": total,
        "facets": facet_options(found.facets, found.filterset),
        "suggestion": suggest(cleaned["q"]) if cleaned.get("q") and not total else None,
        "max_results": MAX_RESULTS,
    }
