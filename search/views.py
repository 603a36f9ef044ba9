"""Artikelsök (/sok/) and Sökhjälp (/sok/hjalp/)."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from content.models import Article, attach_card_rows, attach_tags
from content.registry import all_search_facets, search_type_choices
from infra.breadcrumbs import HOME_CRUMB
from infra.links import Links

from . import log
from .api import search_page
from .expansion import expand
from .filters import SearchFilterSet
from .places import places_in
from .query import document_snippets, snippets, suggest

# A ranked search sorts every match, so only this many pages of results can be browsed.
MAX_PAGES = 50
SEARCH_CRUMB_LABEL = gettext_lazy("Article search")

# Sökhjälp's examples: each is run by a test against the demo content.
HELP_EXAMPLES = [
    (
        "skolor",
        gettext_lazy("Other forms of a word are found too: skolor also finds skola and skolan."),
    ),
    (
        "mentor",
        gettext_lazy("A word also finds longer words that begin with it: mentor finds mentorskap."),
    ),
    (
        '"motiverande samtal"',
        gettext_lazy("Quotation marks find the words next to each other, in that order."),
    ),
    (
        "studieavbrott -frånvaro",
        gettext_lazy("A minus sign leaves out the articles that contain a word."),
    ),
    (
        "stöd",
        gettext_lazy(
            "A word is also found inside longer words made with it: stöd finds studiestöd."
        ),
    ),
    (
        "franvaro",
        gettext_lazy("A word typed without å, ä or ö is found too: franvaro finds frånvaro."),
    ),
    (
        "SYV",
        gettext_lazy(
            "Abbreviations and words that mean the same are searched too: SYV also finds "
            "studie- och yrkesvägledare."
        ),
    ),
    ("mentorskap OR coachning", gettext_lazy("OR finds the articles with either word.")),
    ("dropout", gettext_lazy("English words search the English texts.")),
]


def _type_facets(link: Links, filterset: SearchFilterSet, facets) -> list[dict]:
    """The chosen type's own facets: each option with its count, a link that adds it to the
    choice (or takes it out again) and whether it is chosen."""
    shown = []
    for facet in filterset.type_facets:
        chosen = filterset.cleaned.get(facet.param, [])
        counts = facets.type_facets.get(facet.param, {})
        options = []
        for value, label in facet.options():
            is_chosen = value in chosen
            options.append(
                {
                    "label": label,
                    "count": counts.get(value, 0),
                    "chosen": is_chosen,
                    "link": link.without(facet.param, value)
                    if is_chosen
                    else link(**{facet.param: [*chosen, value]}),
                }
            )
        shown.append({"facet": facet, "options": options})
    return shown


def _active_filters(link: Links, filterset: SearchFilterSet, facets) -> list[tuple[str, str, str]]:
    """(what, chosen value, link without it) for each chosen filter, to remove one by one."""
    cleaned = filterset.cleaned
    active = []
    types = dict(search_type_choices())
    if "typ" in cleaned:
        # The type's own facets go with it.
        active.append(
            (_("Content type"), types[cleaned["typ"]], link(typ=None, **_without_type_facets()))
        )
    for facet in filterset.type_facets:
        labels = dict(facet.options())
        for value in cleaned.get(facet.param, []):
            active.append((facet.label, labels.get(value, value), link.without(facet.param, value)))
    tag_names = facets.tag_names
    for slug in cleaned.get("tag", []):
        rest = [other for other in cleaned["tag"] if other != slug]
        name = tag_names[slug].shown()[0] if slug in tag_names else slug
        active.append((_("Tag"), name, link(tag=rest or None)))
    for name, label, options in (
        ("region", _("Region"), facets.regions),
        ("kommun", _("Municipality"), facets.municipalities),
    ):
        if name in cleaned:
            names = {code: option_name for code, option_name, _count in options}
            chosen = cleaned[name]
            active.append((label, names.get(chosen, chosen), link(**{name: None})))
    if "year" in cleaned:
        active.append((_("Year"), str(cleaned["year"]), link(year=None)))
    return active


def _without_type_facets() -> dict[str, None]:
    """Link changes that take every content type's own facets out."""
    return {facet.param: None for facet in all_search_facets()}


def search(request: HttpRequest) -> HttpResponse:
    """Ranked results with facets; invalid parameters are reported (400) and left out."""
    found = search_page(request.GET)
    filterset, facets, results = found.filterset, found.facets, found.results
    cleaned = filterset.cleaned

    paginator = Paginator(results, settings.PAGE_SIZE)
    # The facets counted the results already; the cap keeps ranked sorts bounded.
    paginator.count = min(facets.total, MAX_PAGES * settings.PAGE_SIZE)
    wanted = filterset.form.cleaned_data.get("page") or 1
    page = paginator.get_page(wanted)
    articles = list(page.object_list)
    # One query, a plain list per article: cheaper than taggit's per-article managers.
    attach_tags(articles)
    # What some kinds' cards show besides (literature: authors and year), a query per such kind.
    attach_card_rows(articles)
    marked = snippets(articles, filterset.parsed)
    # A match in an attached document only: a passage of the document, saying so.
    from_documents = document_snippets(
        [a for a in articles if a.pk not in marked and a.has_documents], filterset.parsed
    )
    for article in articles:
        article.search_snippet = marked.get(article.pk)
        article.search_snippet_source = ""
        if article.pk in from_documents:
            article.search_snippet_source, article.search_snippet = from_documents[article.pk]

    query = cleaned.get("q", "")
    link = Links(request.GET)
    chosen_tags = cleaned.get("tag", [])
    context = {
        "filter": filterset,
        "form": filterset.form,
        "query": query,
        "search_query": query,
        "page_obj": page,
        "articles": articles,
        "total": facets.total,
        "capped": facets.total > paginator.count,
        "page_missing": wanted > page.number,
        "suggestion": suggest(query, articles if facets.total else None) if query else None,
        "also_searched": expand(filterset.parsed).synonyms if filterset.ranked else [],
        "places": [
            (place, link(q=rest or None, **{place.kind: place.code}))
            for place, rest in (places_in(query) if query else [])
        ],
        "opened_query": query if query and filterset.ranked else "",
        "sort": filterset.order,
        "ranked": filterset.ranked,
        "sort_links": [
            (value, label, link(sort=value))
            for value, label in filterset.filters["sort"].extra["choices"]
        ],
        # Each option: (…, link, chosen); `chosen` is read here once, not in the template
        # for each option.
        "type_options": [
            (
                value,
                label,
                facets.type_count(value),
                link(typ=value, **_without_type_facets()),
                cleaned.get("typ") == value,
            )
            for value, label in search_type_choices()
        ],
        "type_facets": _type_facets(link, filterset, facets),
        "tag_options": [
            (*names.shown(), count, link(tag=[*chosen_tags, slug]))
            for slug, names, count in facets.tags
        ],
        "region_options": [
            (code, name, count, link(region=code), cleaned.get("region") == code)
            for code, name, count in facets.regions
        ],
        "municipality_options": [
            (code, name, count, link(kommun=code), cleaned.get("kommun") == code)
            for code, name, count in facets.municipalities
        ],
        "year_options": [
            (year, count, link(year=year), cleaned.get("year") == year)
            for year, count in facets.years
        ],
        "active_filters": _active_filters(link, filterset, facets),
        # Results by kind: the literature among them can be downloaded as references.
        "kind_counts": facets.kinds,
        "export_query": link()[1:],
        "clear_link": link(
            typ=None, tag=None, region=None, kommun=None, year=None, **_without_type_facets()
        ),
        "breadcrumbs": [HOME_CRUMB, (SEARCH_CRUMB_LABEL, None)],
    }
    status = 400 if filterset.form.errors else 200
    response = render(request, "search/results.html", context, status=status)
    if query and log.is_fresh_search(request.GET):
        log.mark(response, query, get_language(), facets.total)
    return response


@require_safe
@never_cache
def opened(request: HttpRequest, pk: int) -> HttpResponse:
    """A result opened from the results of `?q=`: counted in the search log (anonymously),
    then on to the article."""
    article = Article.objects.published().filter(pk=pk).first()
    if article is None:
        raise Http404
    query = request.GET.get("q", "")
    if query:
        log.record_opened(query, get_language())
    return HttpResponseRedirect(article.get_absolute_url())


def search_help(request: HttpRequest) -> HttpResponse:
    results_url = reverse("search:results")
    return render(
        request,
        "search/help.html",
        {
            "examples": [
                (
                    example,
                    explanation,
                    f"{results_url}?{QueryDict.fromkeys(['q'], example).urlencode()}",
                )
                for example, explanation in HELP_EXAMPLES
            ],
            "breadcrumbs": [
                HOME_CRUMB,
                (SEARCH_CRUMB_LABEL, results_url),
                (_("Search help"), None),
            ],
        },
    )
