"""Text handling shared by both backends: what an article says, stemming, and query parsing.

The query language is websearch-style, as on PostgreSQL's `websearch_to_tsquery`: words are
ANDed, `"a phrase"` keeps words together, `-word` (or `-"a phrase"`) excludes, and `OR` between
two terms makes either one do. Only word characters survive parsing, so nothing the visitor
types can reach the database as query syntax; each backend renders the parsed query itself.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer
from django.utils.html import strip_tags

from infra.i18n import CONTENT_LANGUAGES

STEMMER_LANGUAGES = {"sv": "swedish", "en": "english"}
PG_CONFIGS = {"sv": "swedish", "en": "english"}

# How much of a query is worth reading: longer input is refused by the form, and terms past
# this many add nothing but cost.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
# A word this short matches only itself, not longer words beginning with it.
SHORTEST_PREFIX = 2

WORD_RE = re.compile(r"\w+", re.UNICODE)
# A quoted phrase (closing quote optional, as websearch allows), or a run of non-space text.
QUERY_TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def clean_query(text: str) -> str:
    """The query as we read it: no NUL or control characters, collapsed spaces, capped."""
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def words(text: str) -> list[str]:
    return WORD_RE.findall(text.lower())


@lru_cache(maxsize=4)
def _stemmer(language: str) -> Stemmer.Stemmer:
    stemmer = Stemmer.Stemmer(STEMMER_LANGUAGES[language])
    stemmer.maxCacheSize = 50_000
    return stemmer


def stem_words(tokens: list[str], language: str) -> list[str]:
    return _stemmer(language).stemWords(tokens) if tokens else []


def stemmed(text: str, language: str) -> str:
    """`text` as space-separated stems: what the SQLite index stores and matches."""
    return " ".join(stem_words(words(text), language))


# ---------------------------------------------------------------------------
# Queries


@dataclass(frozen=True)
class Term:
    """One word or phrase (a phrase is several words in a row)."""

    words: tuple[str, ...]

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    @property
    def prefix(self) -> bool:
        """Whether longer words beginning with it match too: not for a word of one or two
        letters ("IM" would find "improve")."""
        return self.is_phrase or len(self.words[0]) > SHORTEST_PREFIX


@dataclass
class ParsedQuery:
    """Groups are ANDed; the terms inside one group are alternatives (OR)."""

    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.groups or self.excluded)

    @property
    def positive_words(self) -> list[str]:
        return [word for group in self.groups for term in group for word in term.words]


def parse_query(text: str) -> ParsedQuery:
    """Read websearch syntax into groups of alternatives plus excluded terms."""
    parsed = ParsedQuery()
    join_next = False  # the previous token was OR
    count = 0
    for negated, phrase, bare in QUERY_TOKEN_RE.findall(clean_query(text)):
        if count >= MAX_TERMS:
            break
        if phrase or negated:
            term_words = tuple(words(phrase))
            exclude = bool(negated)
        else:
            if bare == "OR":
                join_next = bool(parsed.groups)
                continue
            exclude = bare.startswith("-") and len(bare) > 1
            term_words = tuple(words(bare[1:] if exclude else bare))
        if not term_words:
            continue
        count += 1
        # A bare token like "skol-verket" or "e.g." is several words: a phrase, as on PostgreSQL.
        term = Term(term_words)
        if exclude:
            parsed.excluded.append(term)
            join_next = False
        elif join_next and parsed.groups:
            parsed.groups[-1].append(term)
            join_next = False
        else:
            parsed.groups.append([term])
    return parsed


# ---------------------------------------------------------------------------
# Article text


def article_texts(article, tags: list[tuple[str, str]]) -> dict:
    """Per language: (title, summary, body) as plain text; and under "tags", per language the
    tag names (`tags`: (Swedish name, English name or "")): an English name is searched with
    the English words; with them the article's search_keywords in that language.

    The backends weight them: title A, tags and summary B, body C.
    """
    names = {
        "sv": [swedish for swedish, _english in tags],
        "en": [english for _swedish, english in tags if english],
    }
    result: dict = {
        "tags": {
            code: " ".join([*names[code], *article.search_keywords(code)])
            for code in CONTENT_LANGUAGES
        }
    }
    for code in CONTENT_LANGUAGES:
        title = getattr(article, f"title_{code}", "") or ""
        summary = getattr(article, f"summary_{code}", "") or ""
        body = html.unescape(strip_tags(getattr(article, f"body_html_{code}", "") or ""))
        extra = article.search_texts(code)
        result[code] = (title, summary, " ".join([body, *extra]).strip())
    return result
