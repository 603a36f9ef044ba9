"""The method finder (/metoder/): free text within the methods, a facet for every structured
field, three orders (and the comparison table's columns), two views of the same selection.

Every choice is a GET parameter, the same in both languages, so every selection is a link to
share. The facets are also what Artikelsök adds when its type is Metoder (MethodsConfig
registers them), so both pages filter and count alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from django import forms
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf, Replace
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from content.facets import Facet, count_options, narrow
from infra.cache import remember, remember_in_process
from infra.i18n import current_language
from search.api import search

from .models import TERMS_VERSION, CostLevel, EvidenceRating, Method, Term, Vocabulary, has_terms

MAX_QUERY_LENGTH = 200


def _read_terms() -> dict[str, list[Term]]:
    found: dict[str, list[Term]] = {}
    for term in Term.objects.order_by("position", "name_sv", "pk"):
        found.setdefault(term.vocabulary, []).append(term)
    return found


def terms_by_vocabulary() -> dict[str, list[Term]]:
    """Every term by vocabulary, in list order: read once per process until a term changes
    (the finder and Artikelsök's method facets list them on every page)."""
    return remember_in_process("method-terms", _read_terms, version_key=TERMS_VERSION)


def _term_facet(vocabulary: Vocabulary, param: str, label) -> Facet:
    return Facet(
        param=param,
        label=label,
        options=lambda: [
            (term.slug, term.name) for term in terms_by_vocabulary().get(vocabulary, [])
        ],
        condition=lambda slugs: has_terms(vocabulary, slugs),
    )


# The scales' levels as the links name them (?vetenskap=hog), in the order they are listed.
EVIDENCE_LEVELS = {
    "hog": EvidenceRating.HIGH,
    "mattlig": EvidenceRating.MODERATE,
    "lag": EvidenceRating.LOW,
    "ej-bedomd": EvidenceRating.NOT_ASSESSED,
}
COST_LEVELS = {"lag": CostLevel.LOW, "mattlig": CostLevel.MODERATE, "hog": CostLevel.HIGH}


def _scale_facet(field: str, param: str, label, levels: dict) -> Facet:
    def condition(values: Sequence[str]) -> Q:
        wanted = [levels[value] for value in values if value in levels]
        rated = Method.objects.filter(pk=OuterRef("pk"), **{f"{field}__in": wanted})
        return Q(Exists(rated))

    return Facet(
        param=param,
        label=label,
        options=lambda: [(value, level.label) for value, level in levels.items()],
        condition=condition,
    )


# Each vocabulary's parameter in the finder's links (?malgrupp=hog-franvaro), in list order.
TERM_PARAMS: dict[Vocabulary, str] = {
    Vocabulary.TARGET_GROUP: "malgrupp",
    Vocabulary.INTERVENTION_TYPE: "insats",
    Vocabulary.PHASE: "fas",
    Vocabulary.PREVENTION_LEVEL: "niva",
    Vocabulary.SCOPE: "omfattning",
    Vocabulary.ORGANISER: "anordnare",
}

FACETS: tuple[Facet, ...] = (
    *(
        _term_facet(vocabulary, param, vocabulary.label)
        for vocabulary, param in TERM_PARAMS.items()
    ),
    _scale_facet("scientific_basis", "vetenskap", _("Scientific basis"), EVIDENCE_LEVELS),
    _scale_facet("proven_experience", "erfarenhet", _("Proven experience"), EVIDENCE_LEVELS),
    _scale_facet("cost_level", "kostnad", _("Cost"), COST_LEVELS),
)
FACET_PARAMS = tuple(facet.param for facet in FACETS)


def _name():
    """The title the visitor reads (the other language's where theirs is empty), for sorting:
    in lower case, compared by code point on both databases (Ä and Ö after Z, as in Swedish)."""
    language = current_language()
    other = "en" if language == "sv" else "sv"
    key = Lower(Coalesce(NullIf(f"title_{language}", Value("")), f"title_{other}"))
    # Swedish puts Å before Ä, code points the other way round (ä U+E4, å U+E5): Å sorts as Ã.
    # (SQLite's lower() leaves letters beyond ASCII as they are.)
    for letter, stand_in in (("å", "ã"), ("Å", "Ã")):
        key = Replace(key, Value(letter), Value(stand_in))
    return key


# Orders: (label, the fields, strongest/most first where it matters). Each but relevance and
# newest may be reversed with a leading "-" (the comparison table's column links).
RELEVANCE, NAME, NEWEST, EVIDENCE = "relevans", "namn", "nyast", "evidens"
SCIENCE, EXPERIENCE, COST = "vetenskap", "erfarenhet", "kostnad"
SORT_LABELS = {
    NAME: _("Name"),
    NEWEST: pgettext_lazy("sort order", "Newest first"),
    EVIDENCE: _("Strength of evidence"),
    RELEVANCE: _("Relevance"),
}


def _order(key: str) -> list:
    """The ORDER BY of a sort key without its sign."""
    name = _name()
    if key == NEWEST:
        return [F("published_at").desc(nulls_last=True), F("pk").desc()]
    if key == EVIDENCE:
        # The strength of evidence: both ratings together; of equals, research first.
        both = F("scientific_basis") + F("proven_experience")
        return [both.desc(), F("scientific_basis").desc(), name]
    if key == SCIENCE:
        return [F("scientific_basis").desc(), F("proven_experience").desc(), name]
    if key == EXPERIENCE:
        return [F("proven_experience").desc(), F("scientific_basis").desc(), name]
    if key == COST:
        return [F("cost_level").asc(nulls_last=True), name]
    if key == RELEVANCE:
        return [F("search_rank").desc(), F("published_at").desc(), F("pk").desc()]
    return [name, F("pk").asc()]


def _reversed(order: list) -> list:
    """The same order backwards, except that an unknown value stays last."""
    flipped = []
    for item in order:
        expression = getattr(item, "expression", item)
        if not hasattr(item, "descending"):
            flipped.append(item.desc())
        elif item.descending:
            flipped.append(expression.asc(nulls_last=True))
        else:
            flipped.append(expression.desc(nulls_last=True))
    return flipped


REVERSIBLE = (NAME, EVIDENCE, SCIENCE, EXPERIENCE, COST)
SORT_CHOICES = [
    *((key, key) for key in (RELEVANCE, NAME, NEWEST, EVIDENCE, SCIENCE, EXPERIENCE, COST)),
    *((f"-{key}", f"-{key}") for key in REVERSIBLE),
]

CARDS, TABLE = "kort", "tabell"
VIEW_LABELS = {CARDS: _("Cards"), TABLE: _("Comparison table")}
EXPORT_FORMATS = ("csv", "json")


class FinderForm(forms.Form):
    """Every GET parameter of the finder. A wrong value is reported and left out."""

    q = forms.CharField(
        label=_("Search within the methods"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _("Write at most %(limit_value)d characters (you wrote %(show_value)d)."),
            "null_characters_not_allowed": _(
                "The search contained a character that is not allowed."
            ),
        },
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)
    vy = forms.ChoiceField(label=_("View"), required=False, choices=list(VIEW_LABELS.items()))
    format = forms.ChoiceField(
        label=_("Format"), required=False, choices=[(f, f) for f in EXPORT_FORMATS]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for facet in FACETS:
            self.fields[facet.param] = forms.MultipleChoiceField(
                label=facet.label,
                required=False,
                choices=[(value, label) for value, label in facet.options()],
                widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": _("%(value)s is not one of the choices.")},
            )


class Finder:
    """The finder's selection for a set of GET parameters: what the page and the exports show."""

    def __init__(self, params: QueryDict | dict):
        self.form = FinderForm(params or {})
        self.form.is_valid()

    @cached_property
    def cleaned(self) -> dict:
        """The valid values (an invalid field is reported and left out)."""
        return {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value not in (None, "", [])
        }

    @property
    def query(self) -> str:
        return self.cleaned.get("q", "")

    @cached_property
    def chosen(self) -> dict[str, list[str]]:
        return {param: self.cleaned[param] for param in FACET_PARAMS if param in self.cleaned}

    @cached_property
    def _searched(self) -> tuple[QuerySet, bool]:
        methods = Method.objects.published()
        if not self.query:
            return methods, False
        found, parsed = search(methods, self.query)
        return found, bool(parsed.groups)

    @property
    def ranked(self) -> bool:
        return self._searched[1]

    def base(self) -> QuerySet:
        """The published methods matching the free text, before the facets."""
        return self._searched[0]

    @property
    def sort(self) -> str:
        chosen = self.cleaned.get("sort", "")
        if chosen.lstrip("-") == RELEVANCE and not self.ranked:
            chosen = ""
        return chosen or (RELEVANCE if self.ranked else NAME)

    @property
    def view(self) -> str:
        return self.cleaned.get("vy", CARDS)

    @property
    def export_format(self) -> str:
        return self.cleaned.get("format", "")

    def results(self) -> QuerySet:
        """The selection in the chosen order, with each method's terms read along."""
        key = self.sort.lstrip("-")
        order = _order(key)
        if self.sort.startswith("-"):
            order = _reversed(order)
        return narrow(self.base(), FACETS, self.chosen).with_terms_listed().order_by(*order)

    def counts(self) -> tuple[int, dict[str, dict[str, int]]]:
        """(the number of results, each facet option's count), in one query, kept briefly
        under the content version."""
        parts = (self.query, sorted(self.chosen.items()))
        return remember(
            "method-finder-counts",
            parts,
            lambda: count_options(self.base(), FACETS, self.chosen),
            timeout=300,
        )
