"""Forskning: the research list, a publication's or a summary's page, and references to download
(one publication, the list as filtered, a search's results)."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from content import registry
from content.models import Article
from content.views import ArticleDetailView, ArticleListView
from search.api import run_search

from . import citations, identifiers
from .forms import SORT_CHOICES, ResearchFilterSet
from .models import Publication, ResearchQuerySet, ResearchSummary


def research_articles() -> ResearchQuerySet:
    """Published literature and research summaries, as Article rows with their references."""
    return (
        ResearchQuerySet(Article)
        .published()
        .of_kind(Publication.KIND, ResearchSummary.KIND)
        .with_references()
    )


class ResearchListView(ArticleListView):
    """Forskning: literature and research summaries in one list, filtered and sorted by year
    of publication (newest first), first author or title."""

    model = Article
    section_title = _("Research")
    template_name = "research/research_list.html"

    def get_queryset(self):
        self.filterset = ResearchFilterSet(self.request.GET, queryset=research_articles())
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET.copy()
        params.pop("page", None)
        sort_links = []
        for value, label in SORT_CHOICES:
            params["sortering"] = value
            sort_links.append((value, label, f"?{params.urlencode()}"))
        params.pop("sortering", None)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filter=self.filterset,
            form=self.filterset.form,
            sort=self.filterset.order,
            sort_links=sort_links,
            downloads=download_links("research:list_export", query.urlencode()),
            export_limit=settings.REFERENCE_EXPORT_MAX,
        )
        if self.filterset.chosen:
            context["empty_text"] = _(
                "Nothing matches the filters you chose. Remove a filter to see more."
            )
        return context

    def render_to_response(self, context, **kwargs):
        if self.filterset.form.errors:
            kwargs["status"] = 400
        return super().render_to_response(context, **kwargs)


class ResearchDetailView(ArticleDetailView):
    models = (Publication, ResearchSummary)
    section_title = _("Research")
    section_url_name = "research:list"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if isinstance(self.object, ResearchSummary):
            # Only the published ones: a summary never links the public to a draft.
            context["summarised"] = citations.format_references(
                self.object.publications.published()
            )
        else:
            context.update(self._publication_context(self.object, context["linked_articles"]))
        return context

    def _publication_context(self, publication: Publication, linked: list) -> dict:
        return {
            "references": [
                (style, citations.format_reference(publication, style.key))
                for style in citations.STYLES.values()
            ],
            "downloads": download_links("research:export", slug=publication.slug),
            "meta_tags": citation_meta_tags(publication),
            "summaries": list(publication.summaries.published().newest_first()),
            "referring": referring_by_section(linked),
            # Listed by section instead, in "Where the site refers to it".
            "linked_articles": [],
        }


def referring_by_section(articles: list) -> list[tuple]:
    """(section, its articles) of the articles that link to a publication: its methods, its
    case studies, …, in the sections' order."""
    by_section: dict = {}
    for article in articles:
        by_section.setdefault(registry.get(article.kind).section, []).append(article)
    return sorted(by_section.items(), key=lambda item: item[0].position)


def download_links(url_name: str, query: str = "", **kwargs) -> list[tuple]:
    """(format, address) for each export format."""
    suffix = f"?{query}" if query else ""
    return [
        (export_format, reverse(url_name, kwargs={**kwargs, "fmt": key}) + suffix)
        for key, export_format in citations.FORMATS.items()
    ]


def citation_meta_tags(publication: Publication) -> list[tuple[str, str]]:
    """The Highwire Press tags (citation_*) Google Scholar and reference managers read."""
    tags = [("citation_title", publication.full_title)]
    tags += [("citation_author", name) for name in publication.author_list]
    if publication.date:
        tags.append(("citation_publication_date", publication.date.strftime("%Y/%m/%d")))
    elif publication.year:
        tags.append(("citation_publication_date", str(publication.year)))
    container = {
        "article-journal": "citation_journal_title",
        "chapter": "citation_inbook_title",
    }.get(citations.csl_type(publication))
    if container and publication.container_title:
        tags.append((container, publication.container_title))
    institution = {
        "thesis": "citation_dissertation_institution",
        "report": "citation_technical_report_institution",
    }.get(citations.csl_type(publication))
    if publication.publisher:
        tags.append((institution or "citation_publisher", publication.publisher))
    first_page, last_page = identifiers.page_range(publication.pages)
    for name, value in (
        ("citation_volume", publication.volume),
        ("citation_issue", publication.issue),
        ("citation_firstpage", first_page),
        ("citation_lastpage", last_page),
        ("citation_doi", publication.doi),
        ("citation_isbn", publication.isbn),
        ("citation_issn", publication.issn),
        ("citation_pdf_url", publication.pdf_url),
        ("citation_language", publication.language),
    ):
        if value:
            tags.append((name, value))
    return tags


def download(publications, format_key: str, name: str) -> HttpResponse:
    """The publications' references as a file to download."""
    export_format = citations.FORMATS[format_key]
    response = HttpResponse(
        citations.export(publications, format_key), content_type=export_format.content_type
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.{export_format.extension}"'
    return response


def in_order(article_ids: list[int], publications=None) -> list[Publication]:
    """The publications among these articles (by default the published ones), in the same
    order, at most REFERENCE_EXPORT_MAX of them."""
    if publications is None:
        publications = Publication.objects.published()
    found = publications.in_bulk(article_ids)
    return [found[pk] for pk in article_ids if pk in found][: settings.REFERENCE_EXPORT_MAX]


def publication_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    publication = get_object_or_404(Publication.objects.visible_to(request.user), slug=slug)
    return download([publication], fmt, publication.slug)


def list_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The literature of the research list, filtered and ordered as on the page."""
    filterset = ResearchFilterSet(request.GET, queryset=research_articles())
    ids = filterset.qs.filter(kind=Publication.KIND).values_list("pk", flat=True)
    response = download(in_order(list(ids[: settings.REFERENCE_EXPORT_MAX])), fmt, "forskning")
    if filterset.form.errors:
        response.status_code = 400
    return response


def search_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The literature among an Artikelsök search's results (its GET parameters), in the
    results' order."""
    results = run_search(request.GET).filter(kind=Publication.KIND)
    ids = list(results.values_list("pk", flat=True)[: settings.REFERENCE_EXPORT_MAX])
    return download(in_order(ids), fmt, "sokresultat")
