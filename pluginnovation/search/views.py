"""Placeholder Artikelsök until the ranked search lands: a plain title/summary match."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from pluginnovation.models import Article


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").replace("\x00", "").strip()[:200]
    results = Article.objects.published().newest_first()
    if query:
        results = results.filter(
            Q(title_sv__icontains=query) | Q(title_en__icontains=query)
            | Q(summary_sv__icontains=query) | Q(summary_en__icontains=query)
        )
    page = Paginator(results, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "search/results.html",
        {"query": query, "page_obj": page, "breadcrumbs": [(_("Home"), "/"), (_("Search"), None)]},
    )
