"""The registry of content types: each content app declares its kind here once, in its
AppConfig.ready(), and everything that lists, finds, links, caches or grants content reads it:
the Article core (kind choices, detail URLs), Artikelsök's type filter, the page cache, the main
menu, the URLconf, the sitemap and the editors' permissions.

Adding a content type is one app (a model subclassing Article with its views, URLs and admin)
and one `register(ContentType(...))` call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from infra.cache import show_publicly

from .facets import Facet

if TYPE_CHECKING:
    from django.db.models import Model


@dataclass(frozen=True)
class Section:
    """A part of the site with its own list page, address and menu entry. Several kinds may
    share one (literature and research summaries are both Forskning)."""

    # The URL namespace of the section's patterns ("methods"); its list page is "<namespace>:list"
    # unless `list_url_name` says otherwise.
    namespace: str
    # The first part of the address, translated (gettext_lazy("methods/") → /metoder/).
    path: Any
    # What include() takes: a module path ("methods.urls") or a (patterns, namespace) pair.
    urls: Any
    label: Any
    # The value of Artikelsök's type filter, Swedish in both languages (?typ=metoder).
    search_type: str
    search_label: Any
    # Where the section stands among the others (menu, type filter, sitemap): lower first.
    position: int
    in_menu: bool = True
    list_url_name: str = ""

    @property
    def list_url(self) -> str:
        return self.list_url_name or f"{self.namespace}:list"


@dataclass(frozen=True)
class ContentType:
    """One kind of article."""

    # What Article.kind stores ("method"); never changed once content exists.
    kind: str
    # The model its rows are read as: a subclass of Article, or Article itself (news, pages).
    model: type[Model]
    label: Any
    section: Section
    detail_url_name: str
    # Whether the editor group adds, changes and publishes this kind (accounts grants it).
    editors_publish: bool = True
    in_sitemap: bool = True
    # The model names (lower case) of this kind's app that editors also manage with it (add,
    # change, delete, view: e.g. the method bank's vocabularies).
    editor_models: tuple[str, ...] = field(default_factory=tuple)
    # The filters of its structured fields that Artikelsök adds when its type is chosen
    # (content.facets; e.g. a method's target groups). Search reads them here, never the app.
    search_facets: tuple[Facet, ...] = ()
    # Whether its pages say when an editor last reviewed them ("Not stated" when never): the
    # date of a method or case study (a news item shows its own date, dated_on).
    shows_last_review: bool = False
    # What its search_texts() reads besides its own row, as prefetch_related() lookups from
    # Article ("method__terms"): indexing many articles then reads it in one query a batch.
    search_prefetch: tuple[str, ...] = ()
    # The year Artikelsök counts and filters this kind's articles under, as a path from Article
    # ("publication__year": literature's year of publication, none where it is not stated);
    # empty: the year of the date its pages show (ArticleQuerySet.showing_a_date_in), none
    # when they show none. Never the year it went on the site (for demo content, the day it
    # was loaded).
    own_year: str = ""
    # Related rows a card of this kind shows (literature: its authors and year), read with the
    # articles wherever cards are listed (ArticleQuerySet.for_cards, attach_card_rows).
    card_related: tuple[str, ...] = ()
    # Reverse relations of the model to rows that are part of an article's content (rows with a
    # foreign key to it, edited inline), kept in its revisions. Its fields, its many-to-many
    # links and the rows of a many-to-many field's own through model are kept without this.
    revision_follow: tuple[str, ...] = field(default_factory=tuple)
    # How the comparison of two versions shows those of the type's fields whose stored value is
    # not text an editor reads (literature's authors, a list of names): (field name, value →
    # text) pairs.
    revision_display: tuple[tuple[str, Callable[[Any], str]], ...] = ()


_types: dict[str, ContentType] = {}
# Counts the changes of the registry: what is derived from it and kept (the menu) is keyed by it.
_generation = 0


def register(content_type: ContentType) -> ContentType:
    """Declare a content type. Registering a kind twice with another model is a mistake."""
    known = _types.get(content_type.kind)
    if known is not None and known.model is not content_type.model:
        raise ValueError(f"The kind {content_type.kind!r} is already registered for {known.model}")
    global _generation
    _types[content_type.kind] = content_type
    _generation += 1
    # Its rows appear on public pages: a write to its app makes cached pages stale.
    show_publicly(content_type.model._meta.app_label)
    return content_type


def unregister(kind: str) -> None:
    """Take a kind out again (tests that register a throwaway type)."""
    global _generation
    _types.pop(kind, None)
    _generation += 1


def generation() -> int:
    return _generation


def get(kind: str) -> ContentType:
    return _types[kind]


def content_types() -> Iterator[ContentType]:
    return iter(_ordered())


def _ordered() -> list[ContentType]:
    """By their section's position, then in the order they were registered."""
    return sorted(_types.values(), key=lambda item: item.section.position)


def kind_choices() -> list[tuple[str, Any]]:
    """Article.kind's choices (a callable, so that a new type needs no migration)."""
    return [(item.kind, item.label) for item in _ordered()]


def sections() -> list[Section]:
    """Every section once, by position."""
    return list({item.section.namespace: item.section for item in _ordered()}.values())


def search_types() -> dict[str, tuple[str, ...]]:
    """Artikelsök's type filter: each value with the kinds it covers."""
    result: dict[str, tuple[str, ...]] = {}
    for item in _ordered():
        result[item.section.search_type] = (*result.get(item.section.search_type, ()), item.kind)
    return result


def search_type_choices() -> list[tuple[str, Any]]:
    return [(section.search_type, section.search_label) for section in sections()]


def search_facets(search_type: str | None) -> tuple[Facet, ...]:
    """The facets Artikelsök adds for a type filter's value (none without one)."""
    if not search_type:
        return ()
    found: dict[str, Facet] = {}
    for item in _ordered():
        if item.section.search_type == search_type:
            found.update((facet.param, facet) for facet in item.search_facets)
    return tuple(found.values())


def all_search_facets() -> tuple[Facet, ...]:
    """Every facet any type adds, once each (the parameters Artikelsök may be given)."""
    found: dict[str, Facet] = {}
    for item in _ordered():
        found.update((facet.param, facet) for facet in item.search_facets)
    return tuple(found.values())


# Information pages (kind "page") that an app shows at an address of its own, by slug → URL
# name: every link to such a page points there, and its address among the pages redirects there.
_placed_pages: dict[str, str] = {}


def place_page(slug: str, url_name: str) -> None:
    """Show the information page `slug` at the URL named `url_name` (e.g. "Så bedömer vi
    evidens" at /metoder/evidens/): editors edit it as any page, the methods app draws it."""
    _placed_pages[slug] = url_name


def placed_page(slug: str) -> str | None:
    return _placed_pages.get(slug)


def search_prefetch() -> list[str]:
    return [lookup for item in _ordered() for lookup in item.search_prefetch]


def own_years() -> dict[str, str]:
    """{kind: path to its own year} of the kinds that have one (ContentType.own_year)."""
    return {item.kind: item.own_year for item in _ordered() if item.own_year}


def reviewed_kinds() -> list[str]:
    """The kinds whose pages say when an editor last reviewed them (ContentType.shows_last_review)."""
    return [item.kind for item in _ordered() if item.shows_last_review]


def card_relations(kind: str | None = None) -> tuple[str, ...]:
    """The related rows cards read: of one kind, or of every kind."""
    if kind is not None:
        return _types[kind].card_related if kind in _types else ()
    return tuple(dict.fromkeys(name for item in _ordered() for name in item.card_related))


def detail_url_name(kind: str) -> str:
    return _types[kind].detail_url_name
