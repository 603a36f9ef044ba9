"""Articles as the API shows them: the fields every article has, and each content type's own.

Built for a list at a time, with a fixed number of queries however long the list (tags, areas
and links are read for all of its articles at once), so that the endpoints, the search and the
downloads share one representation and the query count does not grow with the page size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db.models import Model, Prefetch, QuerySet
from django.utils import timezone

from accounts.models import MethodUse
from casestudies.models import CaseStudy
from content.models import NEWS, PAGE, Article, Status, attach_tags, tag_label
from infra.i18n import CONTENT_LANGUAGES, current_language, language_order
from methods.finder import TERM_PARAMS
from methods.models import Method, Term, Vocabulary
from research import citations
from research.models import Publication, ResearchSummary
from stats.models import Municipality, Region

from .links import Links


def text(obj: object, name: str, languages: tuple[str, ...] | None = None) -> dict | None:
    """`<name>_sv` / `<name>_en` in the answer's language, else the other; None if neither.
    `languages`: their order, if already known (Links.languages)."""
    for code in languages or language_order():
        value = getattr(obj, f"{name}_{code}", "")
        if value:
            return {"value": value, "lang": code}
    return None


def label(value: object) -> dict:
    """A label of the site's own (a choice, a rating): translated, so in the answer's language."""
    return {"value": str(value), "lang": current_language()}


@lru_cache(maxsize=128)
def _labels(model: type[Model], name: str, language: str) -> dict:
    """A field's choices, value → label in `language` (get_FOO_display() rebuilds its map
    and translates on every call)."""
    return {
        value: {"value": str(text), "lang": language}
        for value, text in model._meta.get_field(name).flatchoices
    }


def _label_of(obj: Model, name: str, value) -> dict:
    found = _labels(type(obj), name, current_language()).get(value)
    return dict(found) if found else label(value)


def choice(obj: Model, name: str) -> dict | None:
    value = getattr(obj, name)
    if value in ("", None):
        return None
    return {"value": str(value), "label": _label_of(obj, name, value)}


def rating(obj: Model, name: str) -> dict | None:
    value = getattr(obj, name)
    if value is None:
        return None
    return {"value": value, "label": _label_of(obj, name, value)}


def languages(article: Article) -> list[str]:
    return [code for code in CONTENT_LANGUAGES if getattr(article, f"title_{code}")]


def region_ref(region: Region, links: Links) -> dict:
    return {
        "code": region.code,
        "name": region.name,
        "url": links.page("stats:region", region.code),
        "api_url": links.api("regions", region.code),
    }


def municipality_ref(municipality: Municipality, links: Links) -> dict:
    return {
        "code": municipality.code,
        "name": municipality.name,
        "url": links.page("stats:municipality", municipality.code),
        "api_url": links.api("municipalities", municipality.code),
    }


def tag_ref(tag, links: Links) -> dict:
    name, language = tag_label(tag)
    return {
        "slug": tag.slug,
        "name": {"value": name, "lang": language},
        "api_url": links.api("tags", tag.slug),
    }


def published_now() -> dict:
    """The lookups of a published article, for a relation's far end (`to_article__…`)."""
    return {"status": Status.PUBLISHED, "published_at__lte": timezone.now()}


def article_ref(article: Article, links: Links) -> dict:
    collection = COLLECTION_OF_KIND.get(article.kind)
    return {
        "id": article.pk,
        "slug": article.slug,
        "type": article.kind,
        "title": text(article, "title", links.languages),
        "url": links.article(article.kind, article.slug),
        "api_url": links.api(collection, article.slug) if collection else None,
    }


# -- reading a list of articles with everything they show, in a fixed number of queries


def place_prefetches() -> tuple[Prefetch, Prefetch]:
    """An article's regions by code and municipalities by name, read for a list at once, as
    plain lists (`region_list`, `municipality_list`)."""
    return (
        Prefetch("regions", queryset=Region.objects.order_by("code"), to_attr="region_list"),
        Prefetch(
            "municipalities",
            queryset=Municipality.objects.order_by("name"),
            to_attr="municipality_list",
        ),
    )


def with_places(queryset: QuerySet) -> QuerySet:
    return queryset.prefetch_related(*place_prefetches())


def attach_related(articles: list[Article]) -> None:
    """Set each article's `related_list`: the published articles it links to, newest first."""
    by_id: dict[int, list[Article]] = {}
    for article in articles:
        article.related_list = by_id.setdefault(article.pk, [])
    if not by_id:
        return
    links = (
        Article.related_articles.through.objects.filter(
            from_article_id__in=by_id,
            **{f"to_article__{lookup}": value for lookup, value in published_now().items()},
        )
        .select_related("to_article")
        .order_by("-to_article__published_at", "-to_article_id")
    )
    for link in links:
        by_id[link.from_article_id].append(link.to_article)


def common_fields(article: Article, links: Links) -> dict:
    collection = COLLECTION_OF_KIND.get(article.kind)
    return {
        "id": article.pk,
        "slug": article.slug,
        "type": article.kind,
        "title": text(article, "title", links.languages),
        "summary": text(article, "summary", links.languages),
        "languages": languages(article),
        "url": links.article(article.kind, article.slug),
        "api_url": links.api(collection, article.slug) if collection else None,
        "published_at": article.published_at,
        "updated_at": article.updated_at,
        "last_reviewed_at": article.last_reviewed_at,
        "dated_on": article.dated_on,
        "tags": [tag_ref(tag, links) for tag in article.tag_list],
        "regions": [region_ref(region, links) for region in article.region_list],
        "municipalities": [
            municipality_ref(municipality, links) for municipality in article.municipality_list
        ],
    }


def body_fields(article: Article, links: Links) -> dict:
    return {
        "body_html": text(article, "body_html", links.languages),
        "body_markdown": text(article, "body", links.languages),
        "related": [article_ref(other, links) for other in article.related_list],
    }


# -- each content type's own fields

# The finder's parameter of each vocabulary, by the vocabulary's value (a term's link).
FINDER_PARAMS = {vocabulary.value: param for vocabulary, param in TERM_PARAMS.items()}


def term_ref(term: Term, links: Links) -> dict:
    """A term: its slug, its name in the answer's language, and the methods that have it (in
    the method finder and in the API)."""
    return {
        "slug": term.slug,
        "label": text(term, "name", links.languages),
        "url": links.page_with_query("methods:list", {FINDER_PARAMS[term.vocabulary]: term.slug}),
        "api_url": links.api_query("methods", {term.vocabulary: term.slug}),
    }


def method_terms(method: Method, links: Links) -> dict[str, list[dict]]:
    """The method's terms by vocabulary, each list in the vocabulary's order (read along by
    MethodQuerySet.with_terms_listed)."""
    by_vocabulary: dict[str, list[dict]] = {vocabulary.value: [] for vocabulary in Vocabulary}
    for term in method.terms.all():
        by_vocabulary[term.vocabulary].append(term_ref(term, links))
    return by_vocabulary


def method_fields(method: Method, links: Links) -> dict:
    contact = {
        "name": method.contact_name or None,
        "organisation": method.contact_organisation or None,
        "email": method.contact_email or None,
        "phone": method.contact_phone or None,
    }
    return {
        "terms": method_terms(method, links),
        "target_group": text(method, "target_group", links.languages),
        "success_factors": text(method, "success_factors", links.languages),
        "scientific_basis": rating(method, "scientific_basis"),
        "proven_experience": rating(method, "proven_experience"),
        "evidence_source": text(method, "evidence_source", links.languages),
        "cost_level": rating(method, "cost_level"),
        "cost": text(method, "cost", links.languages),
        "startup_time": text(method, "startup_time", links.languages),
        "staff_and_training": text(method, "staff_and_training", links.languages),
        "contact": contact if any(contact.values()) else None,
    }


def attach_method_uses(methods: list[Method]) -> None:
    """Set each method's `use_list`: where it is used, as users registered it and editors
    approved it (names of the users are never shown: only the municipality and the year it
    started)."""
    by_id: dict[int, list[MethodUse]] = {}
    for method in methods:
        method.use_list = by_id.setdefault(method.pk, [])
    uses = (
        MethodUse.objects.approved()
        .filter(method_id__in=by_id)
        .select_related("municipality")
        .order_by("municipality__name", "start_year", "pk")
    )
    for use in uses:
        by_id[use.method_id].append(use)


# The publications each rating rests on (Method.<rating>_sources), as `<rating>_source_list`.
EVIDENCE_SOURCES = ("scientific_basis", "proven_experience")


def attach_evidence_sources(methods: list[Method]) -> None:
    """Set each method's `scientific_basis_source_list` and `proven_experience_source_list`:
    the published publications each rating rests on, newest first (a query per rating)."""
    for rating_name in EVIDENCE_SOURCES:
        by_id: dict[int, list[Article]] = {}
        for method in methods:
            setattr(method, f"{rating_name}_source_list", by_id.setdefault(method.pk, []))
        through = getattr(Method, f"{rating_name}_sources").through
        links = (
            through.objects.filter(
                method_id__in=by_id,
                **{f"article__{lookup}": value for lookup, value in published_now().items()},
            )
            .select_related("article")
            .order_by("-article__published_at", "-article_id")
        )
        for link in links:
            by_id[link.method_id].append(link.article)


def method_detail_fields(method: Method, links: Links) -> dict:
    related = method.related_list
    return {
        **{
            f"{rating_name}_sources": [
                article_ref(other, links) for other in getattr(method, f"{rating_name}_source_list")
            ]
            for rating_name in EVIDENCE_SOURCES
        },
        "research": [
            article_ref(other, links)
            for other in related
            if other.kind in (Publication.KIND, ResearchSummary.KIND)
        ],
        "case_studies": [
            article_ref(other, links) for other in related if other.kind == CaseStudy.KIND
        ],
        "used_in": [
            {"municipality": municipality_ref(use.municipality, links), "since": use.start_year}
            for use in method.use_list
        ],
    }


def methods_of(related: list[Article], links: Links) -> list[dict]:
    return [article_ref(other, links) for other in related if other.kind == Method.KIND]


def publication_fields(publication: Publication, links: Links) -> dict:
    """The reference, as the research library keeps it (names as CSL names, codes as codes)."""
    return {
        "authors": [
            {key: name.get(key) for key in ("family", "given", "literal")}
            for name in publication.authors or []
        ],
        "subtitle": publication.subtitle or None,
        "year": publication.year,
        "date": publication.date,
        "publication_type": choice(publication, "publication_type"),
        "container_title": publication.container_title or None,
        "publisher": publication.publisher or None,
        "place": publication.place or None,
        "volume": publication.volume or None,
        "issue": publication.issue or None,
        "pages": publication.pages or None,
        "edition": publication.edition or None,
        "doi": publication.doi or None,
        "doi_url": publication.doi_url or None,
        "isbn": publication.isbn or None,
        "issn": publication.issn or None,
        "link": publication.url or None,
        "full_text_url": publication.pdf_url or None,
        "language": choice(publication, "language"),
        "open_access": publication.open_access,
        "abstract": text(publication, "abstract", links.languages),
        "study_design": choice(publication, "study_design"),
        "context": text(publication, "context", links.languages),
        "csl_json_url": links.api_path(f"publications/{publication.slug}/csl-json"),
    }


def attach_summaries(publications: list[Publication]) -> None:
    """Set each publication's `summary_list`: the published research summaries drawing on it."""
    by_id: dict[int, list[ResearchSummary]] = {}
    for publication in publications:
        publication.summary_list = by_id.setdefault(publication.pk, [])
    through = ResearchSummary.publications.through
    links = (
        through.objects.filter(
            publication_id__in=by_id,
            **{f"researchsummary__{lookup}": value for lookup, value in published_now().items()},
        )
        .select_related("researchsummary")
        .order_by("-researchsummary__published_at", "-researchsummary_id")
    )
    for link in links:
        by_id[link.publication_id].append(link.researchsummary)


def publication_detail_fields(publication: Publication, links: Links) -> dict:
    language = current_language()
    return {
        "citations": [
            {
                "style": style.key,
                "name": style.name,
                "text": {"value": reference.text, "lang": language},
                "html": {"value": str(reference.html), "lang": language},
            }
            for style, reference in (
                (style, citations.format_reference(publication, style.key))
                for style in citations.STYLES.values()
            )
        ],
        "summaries": [article_ref(summary, links) for summary in publication.summary_list],
        "methods": methods_of(publication.related_list, links),
    }


def attach_publications(summaries: list[ResearchSummary]) -> None:
    """Set each summary's `publication_list`: the published publications it summarises."""
    by_id: dict[int, list[Publication]] = {}
    for summary in summaries:
        summary.publication_list = by_id.setdefault(summary.pk, [])
    through = ResearchSummary.publications.through
    links = (
        through.objects.filter(
            researchsummary_id__in=by_id,
            **{f"publication__{lookup}": value for lookup, value in published_now().items()},
        )
        .select_related("publication")
        .order_by("-publication__published_at", "-publication_id")
    )
    for link in links:
        by_id[link.researchsummary_id].append(link.publication)


def summary_detail_fields(summary: ResearchSummary, links: Links) -> dict:
    return {"publications": [article_ref(item, links) for item in summary.publication_list]}


def case_study_fields(case_study: CaseStudy, links: Links) -> dict:
    municipality = case_study.municipality
    return {
        "municipality": municipality_ref(municipality, links),
        "region": region_ref(municipality.region, links),
        "period": case_study.period or None,
        "first_year": case_study.first_year,
        "last_year": case_study.last_year,
        "team": text(case_study, "team", links.languages),
        "what_was_done": text(case_study, "what_was_done", links.languages),
        "results": text(case_study, "results", links.languages),
    }


def case_study_detail_fields(case_study: CaseStudy, links: Links) -> dict:
    return {"methods": methods_of(case_study.related_list, links)}


def _no_fields(article: Article, links: Links) -> dict:
    return {}


@dataclass(frozen=True)
class Representation:
    """How the API reads and shows one content type."""

    model: type[Article]
    # Foreign keys its fields read, fetched with the articles.
    select_related: tuple[str, ...] = ()
    # What else its fields read, fetched with the articles (e.g. a method's terms).
    read_along: Callable[[QuerySet], QuerySet] | None = None
    fields: Callable[[Any, Links], dict] = _no_fields
    # Reads what `detail_fields` shows for a whole list of articles at once.
    attach: tuple[Callable[[list], None], ...] = ()
    detail_fields: Callable[[Any, Links], dict] = _no_fields


REPRESENTATIONS: dict[str, Representation] = {
    Method.KIND: Representation(
        Method,
        read_along=lambda methods: methods.with_terms_listed(),
        fields=method_fields,
        attach=(attach_method_uses, attach_evidence_sources),
        detail_fields=method_detail_fields,
    ),
    Publication.KIND: Representation(
        Publication,
        fields=publication_fields,
        attach=(attach_summaries,),
        detail_fields=publication_detail_fields,
    ),
    ResearchSummary.KIND: Representation(
        ResearchSummary, attach=(attach_publications,), detail_fields=summary_detail_fields
    ),
    CaseStudy.KIND: Representation(
        CaseStudy,
        select_related=("municipality__region",),
        fields=case_study_fields,
        detail_fields=case_study_detail_fields,
    ),
    NEWS: Representation(Article),
    PAGE: Representation(Article),
}

# Each kind's collection in the API (/api/v1/<collection>/).
COLLECTION_OF_KIND = {
    Method.KIND: "methods",
    Publication.KIND: "publications",
    ResearchSummary.KIND: "research-summaries",
    CaseStudy.KIND: "case-studies",
    NEWS: "news",
    PAGE: "pages",
}


def load(kind: str, ids: Iterable[int]) -> list[Article]:
    """The articles of one kind with these ids, in the order given, read as their type with
    what their fields show."""
    ids = list(ids)
    representation = REPRESENTATIONS[kind]
    queryset = with_places(representation.model.objects.filter(pk__in=ids))
    if representation.select_related:
        queryset = queryset.select_related(*representation.select_related)
    if representation.read_along:
        queryset = representation.read_along(queryset)
    found = {article.pk: article for article in queryset}
    articles = [found[pk] for pk in ids if pk in found]
    attach_tags(articles)
    return articles


def represent(kind: str, articles: list[Article], links: Links, detail: bool = False) -> list[dict]:
    """Each article (read by `load`) as the API shows it; `detail` adds the text and links."""
    representation = REPRESENTATIONS[kind]
    if detail:
        attach_related(articles)
        for attach in representation.attach:
            attach(articles)
    shown = []
    for article in articles:
        fields = {**common_fields(article, links), **representation.fields(article, links)}
        if detail:
            fields.update(
                body_fields(article, links), **representation.detail_fields(article, links)
            )
        shown.append(fields)
    return shown
