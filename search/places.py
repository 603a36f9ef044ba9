"""Places a query names: a municipality or county, in any case and with or without å/ä/ö
("kiruna", "Ostergotland", "Östergötlands län"), so that the results page can lead to its
statistics and offer to filter by it."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import CharField, Value
from django.urls import reverse
from django.utils.translation import gettext as _

from infra.cache import remember
from stats.models import Municipality, Region

from .analysis import fold, typed_variants
from .text import clean_query, words

LONGEST_NAME = 3  # words: "Västra Götalands län"
COUNTY = fold("län")


@dataclass(frozen=True)
class Place:
    kind: str  # "kommun" or "region": the results page's filter of it
    code: str
    name: str

    @property
    def statistics_url(self) -> str:
        view = "stats:municipality" if self.kind == "kommun" else "stats:region"
        return reverse(view, kwargs={"code": self.code})

    @property
    def label(self) -> str:
        if self.kind == "kommun":
            return _("Statistics for %(name)s municipality") % {"name": self.name}
        return _("Statistics for %(name)s") % {"name": self.name}


def _key(text: str) -> tuple[str, ...]:
    return tuple(fold(word) for word in words(text))


def _names() -> dict[tuple[str, ...], tuple[Place, ...]]:
    """Each way of writing a place's name (folded words) → the places it names. Counties are
    also named without "län" and without its genitive s ("Östergötland")."""
    names: dict[tuple[str, ...], tuple[Place, ...]] = {}

    def add(key: tuple[str, ...], place: Place) -> None:
        if key and place not in names.get(key, ()):
            names[key] = (*names.get(key, ()), place)

    # Both kinds of place in one statement.
    municipalities = Municipality.objects.order_by().values_list(
        Value("kommun", output_field=CharField()), "code", "name"
    )
    regions = Region.objects.order_by().values_list(
        Value("region", output_field=CharField()), "code", "name"
    )
    for kind, code, name in municipalities.union(regions, all=True):
        place = Place(kind, code, name)
        if kind == "kommun":
            add(_key(name), place)
            add((*_key(name), "kommun"), place)
            continue
        key = _key(name)
        add(key, place)
        short = key[:-1] if key[-1:] == (COUNTY,) else key
        add(short, place)
        if short and short[-1].endswith("s"):
            add((*short[:-1], short[-1][:-1]), place)
    return names


def place_names() -> dict[tuple[str, ...], tuple[Place, ...]]:
    return remember("search:places", (), _names)


def places_in(query: str) -> list[tuple[Place, str]]:
    """The places `query` names, longest names first, each with the query without the words
    that name it (for filtering the results by the place instead)."""
    query_words = words(clean_query(query).replace("-", " "))
    spelled = [fold(word) for word in query_words]
    typed = [min(typed_variants(word) or {fold(word)}) for word in query_words]
    names = place_names()
    found: dict[Place, str] = {}
    for length in range(min(LONGEST_NAME + 1, len(query_words)), 0, -1):
        for start in range(len(query_words) - length + 1):
            for candidate in (spelled, typed):
                for place in names.get(tuple(candidate[start : start + length]), ()):
                    rest = query_words[:start] + query_words[start + length :]
                    found.setdefault(place, " ".join(rest))
    return list(found.items())
