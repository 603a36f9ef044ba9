"""The method finder (/metoder/), a method's page and "Så bedömer vi evidens"."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from content.facets import count_options
from content.models import PAGE, Article
from content.views import ArticleDetailView
from infra.breadcrumbs import HOME_CRUMB
from infra.links import Links

from . import exports
from .finder import (
    COST,
    EVIDENCE,
    EXPERIENCE,
    FACETS,
    NAME,
    NEWEST,
    RELEVANCE,
    SCIENCE,
    SORT_LABELS,
    TABLE,
    VIEW_LABELS,
    Finder,
)
from .models import Method, Term

SECTION_TITLE = gettext_lazy("Methods")
# The information page "Så bedömer vi evidens", shown at methods:evidence (MethodsConfig).
EVIDENCE_PAGE = "sa-bedomer-vi-evidens"
# The facets "Så bedömer vi evidens" counts the bank's methods by.
SCALE_PARAMS = ("vetenskap", "erfarenhet", "kostnad")

# The comparison table's columns: (label, sort key or None); a key sorts by that column.
TABLE_COLUMNS = [
    (gettext_lazy("Method"), NAME),
    (gettext_lazy("For whom"), None),
    (gettext_lazy("Phase"), None),
    (gettext_lazy("Type of intervention"), None),
    (gettext_lazy("Scientific basis"), SCIENCE),
    (gettext_lazy("Proven experience"), EXPERIENCE),
    (gettext_lazy("Cost"), COST),
]
# Which way each column's own order runs, for aria-sort: names A–Ö and costs lowest first,
# ratings highest first.
ASCENDING = {NAME, COST}


def _column(label, key: str | None, sort: str, link: Links) -> dict:
    column = {"label": label, "link": None, "aria_sort": None}
    if key is None:
        return column
    current = sort.lstrip("-") == key
    reverse_now = current and not sort.startswith("-")
    column["link"] = link(sort=f"-{key}" if reverse_now else key)
    if current:
        ascending = (key in ASCENDING) != sort.startswith("-")
        column["aria_sort"] = "ascending" if ascending else "descending"
    return column


def method_list(request: HttpRequest) -> HttpResponse:
    """The method finder: the selection as cards or a comparison table, or exported."""
    finder = Finder(request.GET)
    errors = bool(finder.form.errors)
    if finder.export_format and not errors:
        return exports.export(finder.export_format, list(finder.results()))

    total, counts = finder.counts()
    paginator = Paginator(finder.results(), settings.PAGE_SIZE)
    paginator.count = total  # counted with the facets already
    try:
        # As on every list: a page that is not there is a 404.
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404 from None
    link = Links(request.GET)

    facets, active = [], []
    for facet in FACETS:
        chosen = set(finder.chosen.get(facet.param, []))
        options = []
        for value, label in facet.options():
            options.append(
                {
                    "value": value,
                    "label": label,
                    "count": counts[facet.param].get(value, 0),
                    "chosen": value in chosen,
                }
            )
            if value in chosen:
                active.append((facet.label, label, link.without(facet.param, value)))
        facets.append({"facet": facet, "options": options})
    if finder.query:
        active.insert(0, (_("Search"), finder.query, link(q=None)))

    sorts = [NAME, NEWEST, EVIDENCE, *([RELEVANCE] if finder.ranked else [])]
    context = {
        "finder": finder,
        "form": finder.form,
        "page_obj": page,
        "methods": list(page.object_list),
        "total": total,
        "facets": facets,
        "active_filters": active,
        "clear_link": link(**dict.fromkeys(["q", *counts], None)),
        "sort": finder.sort,
        "sort_links": [(key, SORT_LABELS[key], link(sort=key)) for key in sorts],
        "view": finder.view,
        "view_links": [(key, label, link(vy=key)) for key, label in VIEW_LABELS.items()],
        "columns": [_column(label, key, finder.sort, link) for label, key in TABLE_COLUMNS],
        "is_table": finder.view == TABLE,
        "export_links": {name: link(format=name) for name in ("csv", "json")},
        "evidence_url": reverse("methods:evidence"),
        "breadcrumbs": [HOME_CRUMB, (SECTION_TITLE, None)],
    }
    status = 400 if errors else 200
    return render(request, "methods/method_list.html", context, status=status)


class MethodDetailView(ArticleDetailView):
    models = (Method,)
    section_title = SECTION_TITLE
    section_url_name = "methods:list"

    def get_object(self, queryset=None):
        method = super().get_object(queryset)
        # Only the publications a visitor may read are shown behind a rating.
        published = Article.objects.published().order_by("title_sv", "pk")
        prefetch_related_objects(
            [method],
            Prefetch("terms", queryset=Term.objects.order_by("position", "name_sv", "pk")),
            Prefetch("scientific_basis_sources", queryset=published),
            Prefetch("proven_experience_sources", queryset=published),
        )
        return method

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["evidence_url"] = reverse("methods:evidence")
        return context


def evidence(request: HttpRequest) -> HttpResponse:
    """ "Så bedömer vi evidens": the information page editors write about the scales, and how
    many of the bank's methods are at each level."""
    page = Article.objects.of_kind(PAGE).visible_to(request.user).filter(slug=EVIDENCE_PAGE).first()
    scales = [facet for facet in FACETS if facet.param in SCALE_PARAMS]
    _total, counts = count_options(Method.objects.published(), scales, {})
    finder_url = reverse("methods:list")
    title = page.title if page else _("How we assess evidence")
    return render(
        request,
        "methods/evidence.html",
        {
            "page": page,
            "article": page,
            "title": title,
            "scales": [
                {
                    "facet": facet,
                    "levels": [
                        (label, counts[facet.param][value], f"{finder_url}?{facet.param}={value}")
                        for value, label in facet.options()
                    ],
                }
                for facet in scales
            ],
            "breadcrumbs": [
                HOME_CRUMB,
                (SECTION_TITLE, finder_url),
                (title, None),
            ],
        },
    )
