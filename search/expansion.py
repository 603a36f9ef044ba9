"""What a query looks for besides its own words, in the texts of each language.

Each term of the query (text.ParsedQuery) becomes a list of alternatives, any of which will do:
the term itself; its folded spelling (typed without å/ä/ö, or with ae/oe for ä/ö); for a
Swedish compound, its parts anywhere in the text ("skolfrånvaro": "skola" and "frånvaro");
and the other entries of an editors' synonym group it belongs to ("SYV": "studie- och
yrkesvägledare"). Consecutive words that together make a synonym entry ("ogiltig frånvaro")
are one term for this. Only the term itself is an exact match; the backends rank articles
whose title, tags or summary hold it above those that only hold an alternative.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from infra.i18n import CONTENT_LANGUAGES

from .analysis import compound_parts, fold, typed_variants
from .synonym_lists import MAX_ENTRY_WORDS, Entry
from .synonyms import synonym_table
from .text import ParsedQuery, Term


@dataclass(frozen=True)
class Alternative:
    """Terms that all together stand for a query term (one, or a compound's parts)."""

    terms: tuple[Term, ...]


@dataclass
class Expansion:
    # Per language: groups that must all match, each a list of alternatives.
    groups: dict[str, list[list[Alternative]]] = field(default_factory=dict)
    # Per language: excluded terms and their folded spellings.
    excluded: dict[str, list[Term]] = field(default_factory=dict)
    # The synonym entries searched for too, as editors wrote them (shown to the searcher).
    synonyms: list[str] = field(default_factory=list)

    def alternatives(self, language: str) -> list[Alternative]:
        """Every alternative of every group in `language`, once."""
        return list(dict.fromkeys(alt for group in self.groups.get(language, []) for alt in group))

    def terms(self, language: str) -> list[Term]:
        """Every term any alternative of `language` looks for, once."""
        return list(
            dict.fromkeys(term for alt in self.alternatives(language) for term in alt.terms)
        )


def _spellings(term: Term) -> list[Term]:
    """The term folded, and read with ae/oe as ä/ö, where that differs from it."""
    folded = tuple(fold(word) for word in term.words)
    typed = tuple(min(typed_variants(word) or {fold(word)}) for word in term.words)
    return [Term(spelled) for spelled in dict.fromkeys((folded, typed)) if spelled != term.words]


def _synonyms(key: tuple[str, ...], table: dict, shown: dict[str, None]) -> list[Alternative]:
    entries: tuple[Entry, ...] = table.get(key, ())
    shown.update(dict.fromkeys(entry.text for entry in entries))
    return [Alternative((Term(entry.words),)) for entry in entries]


def _term_alternatives(
    term: Term, language: str, table: dict, shown: dict[str, None]
) -> list[Alternative]:
    alternatives = [Alternative((term,))]
    alternatives += [Alternative((spelled,)) for spelled in _spellings(term)]
    if language == "sv" and not term.is_phrase:
        parts = compound_parts(term.words[0])
        if parts:
            alternatives.append(Alternative(tuple(Term((part,)) for part in parts)))
    alternatives += _synonyms(tuple(fold(word) for word in term.words), table, shown)
    return list(dict.fromkeys(alternatives))


def _run_entry(groups: list[list[Term]], start: int, table: dict) -> tuple[int, tuple] | None:
    """(end, key) of the longest run of single terms from `start` that together are a synonym
    entry of more than one term ("ogiltig frånvaro"), or None."""
    run_words: list[str] = []
    found = None
    for end in range(start, len(groups)):
        if len(groups[end]) != 1:
            break
        run_words += [fold(word) for word in groups[end][0].words]
        if len(run_words) > MAX_ENTRY_WORDS:
            break
        if end > start and tuple(run_words) in table:
            found = (end, tuple(run_words))
    return found


def _expand_language(parsed: ParsedQuery, language: str, shown: dict[str, None]):
    table = synonym_table(language)
    groups: list[list[Alternative]] = []
    index = 0
    while index < len(parsed.groups):
        run = _run_entry(parsed.groups, index, table) if table else None
        if run is not None:
            end, key = run
            together = tuple(group[0] for group in parsed.groups[index : end + 1])
            groups.append([Alternative(together), *_synonyms(key, table, shown)])
            index = end + 1
            continue
        alternatives: list[Alternative] = []
        for term in parsed.groups[index]:
            alternatives += _term_alternatives(term, language, table, shown)
        groups.append(list(dict.fromkeys(alternatives)))
        index += 1
    excluded = list(
        dict.fromkeys(spelled for term in parsed.excluded for spelled in (term, *_spellings(term)))
    )
    return groups, excluded


def expand(parsed: ParsedQuery) -> Expansion:
    """The query's alternatives in each language (computed once per parsed query)."""
    cached = parsed.__dict__.get("_expansion")
    if cached is not None:
        return cached
    expansion = Expansion()
    shown: dict[str, None] = {}
    for language in CONTENT_LANGUAGES:
        groups, excluded = _expand_language(parsed, language, shown)
        expansion.groups[language] = groups
        expansion.excluded[language] = excluded
    expansion.synonyms = list(shown)
    parsed.__dict__["_expansion"] = expansion
    return expansion
