"""Create or update the demo content, keyed by slug: safe to run again, and edits to the data apply.

A write that spans every content app, so it lives here rather than in a model; the management
command `load_demo` only calls `load_demo()` and prints its counts.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from types import ModuleType

from django.db import transaction
from django.utils import timezone
from taggit.models import Tag

from casestudies.models import CaseStudy
from content.models import NEWS, PAGE, Article, TagName
from methods.models import Method, Term
from methods.vocabulary import ensure_default_terms
from research.models import Publication, ResearchSummary
from stats.geography import load_areas
from stats.models import Municipality, Region

from . import casestudies, methods, news, pages, publications, summaries, tags

# (model, kind, data module) in load order; information pages last, the About page first among them,
# because the About page lists the other pages in the order they were created.
CONTENT: list[tuple[type[Article], str, ModuleType]] = [
    (CaseStudy, CaseStudy.KIND, casestudies),
    (Method, Method.KIND, methods),
    (Publication, Publication.KIND, publications),
    (ResearchSummary, ResearchSummary.KIND, summaries),
    (Article, NEWS, news),
    (Article, PAGE, pages),
]

# Keys of a data item that are not plain model fields.
LINK_KEYS = {"slug", "tags", "regions", "municipalities", "related", "published", "terms"}
# Fields the loader leaves to the workflow (or sets itself) when it resets the others.
WORKFLOW_FIELDS = {
    "slug",
    "kind",
    "status",
    "published_at",
    "last_reviewed_at",
    "author",
    "municipality",
}


class DemoDataError(ValueError):
    """The demo data contradicts itself or the database (e.g. a link to an unknown slug)."""


@dataclass
class LoadResult:
    regions: int = 0
    municipalities: int = 0
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    links: int = 0

    @property
    def total(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())


def _published_at(day: datetime.date) -> datetime.datetime:
    # The seed gives a day only; midnight in the site's time zone shows that day on the page.
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


@transaction.atomic
def load_demo() -> LoadResult:
    result = LoadResult()
    result.regions, result.municipalities = load_areas()
    regions = {region.code: region for region in Region.objects.all()}
    municipalities = {m.code: m for m in Municipality.objects.all()}
    # The vocabularies a method's "terms" name (migration methods 0005 made them; an emptied
    # database has them again here).
    terms = ensure_default_terms(Term)

    saved: dict[str, Article] = {}
    wanted_links: dict[str, set[str]] = defaultdict(set)
    for model, kind, module in CONTENT:
        for item in module.ITEMS:
            article, created = _save(model, kind, item, municipalities)
            (result.created if created else result.updated)[kind] += 1
            article.tags.set(item.get("tags", []))
            article.regions.set(
                [_lookup(regions, code, "region") for code in item.get("regions", [])]
            )
            article.municipalities.set(
                [
                    _lookup(municipalities, code, "municipality")
                    for code in item.get("municipalities", [])
                ]
            )
            if isinstance(article, Method):
                article.terms.set(
                    [
                        _lookup(terms, (vocabulary, slug), "term")
                        for vocabulary, slugs in item.get("terms", {}).items()
                        for slug in slugs
                    ]
                )
            saved[article.slug] = article
            for other in item.get("related", []):
                # The relation is symmetrical: a link given on one side belongs to both.
                wanted_links[article.slug].add(other)
                wanted_links[other].add(article.slug)

    unknown = set(wanted_links) - set(saved)
    if unknown:
        raise DemoDataError(f"links to articles that are not in the demo data: {sorted(unknown)}")
    for slug, article in saved.items():
        article.related_articles.set([saved[other] for other in wanted_links[slug]])
    result.links = sum(len(others) for others in wanted_links.values()) // 2
    for tag in Tag.objects.filter(name__in=tags.ENGLISH_NAMES):
        TagName.objects.update_or_create(tag=tag, defaults={"name": tags.ENGLISH_NAMES[tag.name]})
    return result


def _save(
    model: type[Article], kind: str, item: dict, municipalities: dict
) -> tuple[Article, bool]:
    slug = item["slug"]
    clash = Article.objects.filter(slug=slug).exclude(kind=kind).first()
    if clash is not None:
        raise DemoDataError(f"the slug {slug!r} is already used by a {clash.get_kind_display()}")
    article = model.objects.filter(slug=slug).first()
    created = article is None
    if created:
        article = model(slug=slug, kind=kind)
    # A field the data leaves out goes back to its default, so that deleting a text from the
    # data deletes it from the site too.
    blank = model()
    for name in _content_fields(model):
        if name not in item:
            setattr(article, name, getattr(blank, name))
    for name, value in item.items():
        if name in LINK_KEYS:
            continue
        if name == "municipality":
            value = _lookup(municipalities, value, "municipality")
        setattr(article, name, value)
    if item.get("published"):
        article.published_at = _published_at(item["published"])
    # Keeps the date of an earlier load; save() would give a first load today's.
    article.publish()
    article.full_clean()
    article.save()
    return article, created


def _content_fields(model: type[Article]) -> list[str]:
    """The editable fields the demo data may set: everything but identity, workflow and dates."""
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and f.name not in WORKFLOW_FIELDS
    ]


def _lookup(objects: dict, code, what: str):
    try:
        return objects[code]
    except KeyError:
        raise DemoDataError(f"unknown {what} code {code!r}") from None
