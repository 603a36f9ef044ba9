"""Every GET parameter of Artikelsök, read and validated by one FilterSet.

The same FilterSet serves the page (/sok/) and `run_search()` (saved searches), so both
apply exactly the same filters. Invalid values are reported on the page and ignored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from content.models import Article
from content.registry import all_search_facets, search_facets, search_type_choices, search_types
from content.registry import own_years as registry_own_years

from .backends import get_backend
from .query import search
from .results import NEWEST, RANKING, HeadFirstResults
from .text import MAX_QUERY_LENGTH, ParsedQuery, parse_query

# "Begränsa efter innehållstyp": the values come from the content registry (each section's
# search type), Swedish in both languages, so a link shared between languages means the same
# thing. Every kind has a type, so the types' counts add up to the number of results.
RELEVANCE, DATE = "relevans", "datum"
SORT_CHOICES = [(RELEVANCE, _("Relevance")), (DATE, pgettext_lazy("sort order", "Newest first"))]

MAX_TAGS = 10
# The filters besides the free text that make the matching articles fewer.
NARROWING = ("typ", "tag", "region", "kommun", "year")
TAG_SLUG_RE = re.compile(r"^[-\w]{1,100}$")
PAGE_NUMBER_RE = re.compile(r"[0-9]{1,6}")


class SearchForm(forms.Form):
    """The fields the FilterSet adds, plus the page number (read leniently by the view)."""

    page = forms.CharField(required=False, max_length=20)

    def clean_page(self) -> int:
        # page=abc, page=-3 or page=¹ (a digit to str.isdigit, not to int) is not worth an
        # error: the first page it is.
        value = self.cleaned_data.get("page") or ""
        return int(value) if PAGE_NUMBER_RE.fullmatch(value) else 1


class TagListField(forms.Field):
    """`?tag=a&tag=b`: tag slugs, each one narrowing the results."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[str]:
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        return list(dict.fromkeys(str(item).strip() for item in value if str(item).strip()))

    def validate(self, value) -> None:
        super().validate(value)
        if len(value) > MAX_TAGS:
            raise ValidationError(
                _("Choose at most %(count)d tags."), code="too_many", params={"count": MAX_TAGS}
            )
        if any(not TAG_SLUG_RE.match(slug) for slug in value):
            raise ValidationError(_("That is not a tag."), code="invalid")


class TagFilter(django_filters.Filter):
    field_class = TagListField

    def filter(self, qs: QuerySet, value: list[str]) -> QuerySet:
        for slug in value or ():
            qs = qs.filter(tags__slug=slug)
        return qs


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class FacetFilter(django_filters.Filter):
    """A facet a content type adds when its type is chosen (registry.ContentType.search_facets):
    `?malgrupp=a&malgrupp=b`, any of its options."""

    field_class = forms.MultipleChoiceField

    def __init__(self, facet, **kwargs):
        self.facet = facet
        super().__init__(
            label=facet.label,
            choices=lambda: [(value, label) for value, label in facet.options()],
            widget=forms.MultipleHiddenInput,
            **kwargs,
        )

    def filter(self, qs: QuerySet, value: list[str]) -> QuerySet:
        return qs.filter(self.facet.condition(value)) if value else qs


# The narrowing filters that follow a many-to-many link: (relation, the link's field to the
# target); both compare the target's code.
LINKED = {"region": ("regions", "region"), "kommun": ("municipalities", "municipality")}


def _linked_to(relation: str) -> Callable[[object], Q]:
    return lambda code: Q(**{f"{relation}__code": code})


def own_year_rows(path: str) -> tuple[QuerySet, str]:
    """The rows holding a kind's own year ("publication__year": Publication's), and the field."""
    relation, _separator, field = path.partition("__")
    return Article._meta.get_field(relation).related_model._base_manager.all(), field


def of_year(year: int) -> Q:
    """An article of that year: of a kind with a year of its own (the registry's `own_year`:
    literature's year of publication) by that year, of any other kind by the date its pages
    show (its own date, or its last review), never by the day it went on the site. A
    condition on the article or on its index row (both are keyed by the article's id)."""
    own_years = registry_own_years()
    dated = Article.objects.showing_a_date_in(year).values("pk")
    condition = ~Q(kind__in=list(own_years)) & Q(pk__in=dated)
    for kind, path in own_years.items():
        rows, field = own_year_rows(path)
        condition |= Q(kind=kind, pk__in=rows.filter(**{field: year}).values("pk"))
    return condition


# The narrowing filters besides text and tags, each a condition on the article: the results
# apply them all, and the facets read each one as a flag (condition_flag) in a single pass.
CONDITIONS: dict[str, Callable[[object], Q]] = {
    "typ": lambda value: Q(kind__in=search_types()[value]),
    "year": of_year,
    **{name: _linked_to(relation) for name, (relation, _target) in LINKED.items()},
}


def condition_flag(name: str, value) -> ExpressionWrapper:
    """CONDITIONS[name] as true or false for each article, without repeating any article."""
    if name not in LINKED:
        return ExpressionWrapper(CONDITIONS[name](value), output_field=BooleanField())
    # As a join it would repeat the article once per linked region; Exists asks once.
    relation, target = LINKED[name]
    links = getattr(Article, relation).through.objects
    return ExpressionWrapper(
        Exists(links.filter(article_id=OuterRef("pk"), **{f"{target}__code": value})),
        output_field=BooleanField(),
    )


class SearchFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_text",
        label=_("Search for"),
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _("Write at most %(limit_value)d characters (you wrote %(show_value)d)."),
            "null_characters_not_allowed": _(
                "The search contained a character that is not allowed."
            ),
        },
    )
    typ = django_filters.ChoiceFilter(
        choices=search_type_choices,
        method="filter_condition",
        label=_("Content type"),
        empty_label=_("All content types"),
    )
    tag = TagFilter(label=_("Tags"))
    region = django_filters.CharFilter(method="filter_condition", max_length=2, label=_("Region"))
    kommun = django_filters.CharFilter(
        method="filter_condition", max_length=4, label=_("Municipality")
    )
    year = YearFilter(method="filter_condition", label=_("Year"), min_value=1900, max_value=2100)
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, method="filter_nothing", label=_("Sort by"), empty_label=None
    )

    class Meta:
        model = Article
        fields: list[str] = []
        form = SearchForm

    def __init__(self, data=None, queryset=None, **kwargs):
        if queryset is None:
            queryset = Article.objects.published()
        super().__init__(data if data is not None else {}, queryset, **kwargs)
        # The facets of every content type; only those of the chosen type apply (`cleaned`).
        for facet in all_search_facets():
            self.filters[facet.param] = FacetFilter(facet, field_name=facet.param)

    @classmethod
    def from_params(cls, params: QueryDict | dict | None) -> SearchFilterSet:
        return cls(params or {})

    # -- the filters

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        narrowed = any(name in self.cleaned for name in (*NARROWING, *self.facet_params))
        return search(queryset, value, narrowed=narrowed)[0]

    def filter_condition(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(CONDITIONS[name](value))

    def filter_nothing(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset  # the order is set once all filters are applied

    # -- what the view and the facets read

    @property
    def cleaned(self) -> dict:
        """The valid values (invalid ones were reported and are left out), without the facets
        of a content type that is not the chosen one."""
        self.form.errors  # noqa: B018 - validates the form
        ignored = {facet.param for facet in all_search_facets()} - set(self.facet_params)
        return {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value not in (None, "", []) and name not in ignored
        }

    @property
    def type_facets(self) -> tuple:
        """The facets the chosen content type adds (content.facets.Facet), or none."""
        self.form.errors  # noqa: B018 - validates the form
        return search_facets(self.form.cleaned_data.get("typ"))

    @property
    def facet_params(self) -> tuple[str, ...]:
        return tuple(facet.param for facet in self.type_facets)

    def filtered(self, without: tuple[str, ...] = (), queryset: QuerySet | None = None) -> QuerySet:
        """The queryset with every valid filter except those named, in no particular order."""
        queryset = (self.queryset if queryset is None else queryset).all()
        for name, value in self.cleaned.items():
            if name in self.filters and name not in without:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    @cached_property
    def parsed(self) -> ParsedQuery:
        """The free text, read as `search` reads it (an invalid text is no text)."""
        return parse_query(self.cleaned.get("q", ""))

    @property
    def ranked(self) -> bool:
        return bool(self.parsed.groups)

    @property
    def order(self) -> str:
        chosen = self.cleaned.get("sort")
        if chosen:
            return chosen
        return RELEVANCE if self.ranked else DATE

    def results(
        self, matches: int, most_match: bool, listed: tuple[int, ...] | None = None
    ) -> QuerySet | HeadFirstResults:
        """What the results page shows: `qs`, or, for many `matches` by relevance (or
        `most_match`: most articles), the same list read a page at a time without ranking
        every match (results.py), or, when the facets `listed` the results' ids, those
        articles in the same order, without finding the matches again."""
        backend = get_backend()
        ranked = self.ranked and self.order == RELEVANCE
        if ranked and backend.reads_in_two_parts(matches, most_match):
            unsearched = self.filtered(without=("q",))
            head, others = backend.two_parts(self.qs, unsearched, self.parsed)
            return HeadFirstResults(self.qs, head, others)
        if listed is None:
            return self.qs
        chosen = self.queryset.filter(pk__in=listed)
        if ranked:
            return backend.rank(chosen, self.parsed).order_by(*RANKING)
        return chosen.order_by(*NEWEST)

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = self.filtered(queryset=queryset)
        if self.ranked and self.order == RELEVANCE:
            return queryset.order_by(*RANKING)
        return queryset.order_by(*NEWEST)
