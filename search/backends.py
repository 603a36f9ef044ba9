# ruff: noqa: S608 - the SQL names only our constant tables; values are parameters.
"""The two search backends, chosen by `connection.vendor` (as Wagtail does).

SQL here names only our own constant tables; every value goes in as a parameter.

Both answer the same questions: index an article, filter and rank a queryset, mark the
words of one page of results, and suggest a spelling when nothing matches.
"""

from __future__ import annotations

import bisect
import difflib
import html
import re
from collections.abc import Iterable

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    Case,
    Exists,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Greatest
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from taggit.models import Tag

from content.models import Article, TagName
from content.registry import content_types
from infra.cache import remember
from infra.i18n import CONTENT_LANGUAGES

from .analysis import derived_words, fold
from .expansion import Alternative, expand
from .models import (
    FTS_EVERY_COLUMN,
    FTS_EVERY_TERM,
    FTS_TABLE,
    PG_EVERY_LEXEME,
    PG_GIN_INDEXES,
    PG_TABLE,
    FtsEntry,
    PgEntry,
)
from .text import (
    PG_CONFIGS,
    WORD_RE,
    ParsedQuery,
    Term,
    stem_words,
    words,
)

# Marks put around matched words by the database, swapped for <mark> after escaping the rest.
START, STOP = "\ue000", "\ue001"
SNIPPET_WORDS = 30
# ts_headline's options: the passage of SNIPPET_WORDS words (or two shorter ones) with the
# query's words marked.
HEADLINE_OPTIONS = (
    f"StartSel='{START}', StopSel='{STOP}', MaxWords={SNIPPET_WORDS}, MinWords=12,"
    " MaxFragments=2, FragmentDelimiter=' … '"
)
# A query term this long is marked in a snippet inside a longer word too (a compound).
INSIDE_WORD = 4
# PostgreSQL reads a page by relevance of this many matches in two parts (results.py).
TWO_PARTS_FROM = 1000


def _marked(text: str) -> SafeString:
    """Escape `text` (whatever an editor or visitor wrote) and turn our marks into <mark>."""
    escaped = escape(html.unescape(text))
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def _tiered(exact_hits: Q, head_hits: Q, relevance) -> Case:
    """The rank (see Backend.filter): 2 + relevance for an exact head hit, 1 + relevance for
    any other head hit, 0 for any other match; `relevance` (0 or more) is bounded below 1."""
    bounded = relevance / (Value(1.0) + relevance)
    return Case(
        When(exact_hits, then=Value(2.0) + bounded),
        When(head_hits, then=Value(1.0) + bounded),
        default=Value(0.0),
        output_field=FloatField(),
    )


def index_words(text: str, language: str) -> tuple[list[str], list[str]]:
    """(the words of `text`, the words derived from them: compound parts, folded spellings)."""
    text_words = words(text)
    return text_words, derived_words(text_words, language)


class Backend:
    vendor = ""

    def index(self, pk: int, texts: dict[str, tuple[str, str, str]]) -> None:
        self.index_many([(pk, texts)])

    def index_many(self, rows: Iterable[tuple[int, dict[str, tuple[str, str, str]]]]) -> int:
        raise NotImplementedError

    def remove(self, pks: Iterable[int]) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def filter(self, queryset: QuerySet, parsed: ParsedQuery, narrowed: bool = False) -> QuerySet:
        """Only the matches, annotated with `search_rank` (higher is better) when ranked.

        An article matches when each of the query's terms, or one of its alternatives
        (expansion.py: another spelling, a compound's parts, a synonym), is in its text or in
        the words derived from it (compound parts, folded spellings).

        The rank, the same on both databases: an article whose title, tags or summary hold a
        term of the query as typed (an exact head hit) ranks 2 + the database's relevance of
        that text; one whose title, tags or summary hold only an alternative or a derived word
        (a head hit) ranks 1 + relevance; any other match ranks 0, so those follow, newest
        first. Ranking thus never reads bodies, and a word found in most bodies needs no
        relevance computed for most articles.

        `narrowed`: other filters (type, region, …) are applied too; a hint for the plan.
        """
        raise NotImplementedError

    def rank(self, queryset: QuerySet, parsed: ParsedQuery) -> QuerySet:
        """`queryset`, whose articles all match the query, annotated with `search_rank` as
        `filter` ranks them. Here by filtering again, where the rank needs the match (FTS5)."""
        return self.filter(queryset, parsed)

    def head_hits(self, parsed: ParsedQuery) -> Q:
        """Articles whose title, tags or summary hold a term of the query or of its
        alternatives, or a word derived from them (rank 1 or more: see `filter`)."""
        raise NotImplementedError

    def exact_hits(self, parsed: ParsedQuery) -> Q:
        """Articles whose title, tags or summary hold a term of the query as typed (rank 2 or
        more: see `filter`)."""
        raise NotImplementedError

    def reads_in_two_parts(self, matches: int, most_match: bool) -> bool:
        """Whether a page by relevance of `matches` (`most_match`: most articles) is read as
        head hits + the other matches newest first (results.py), rather than ranked whole."""
        raise NotImplementedError

    def two_parts(
        self, matches: QuerySet, unsearched: QuerySet, parsed: ParsedQuery
    ) -> tuple[QuerySet, QuerySet]:
        """(the head hits of `matches`, the other matches with rank 0), for results.py.

        `unsearched`: the same articles before the text narrowed them.
        """
        head_hits = self.head_hits(parsed)
        return matches.filter(head_hits), matches.exclude(head_hits)

    # Whether the index rows hold what the facets count (PostgreSQL: PgEntry), so that the
    # facets are counted from them (index_matches, index_misses), else from the articles
    # (filter, non_matches).
    facets_from_index = False

    def non_matches(self, parsed: ParsedQuery) -> Q:
        """Articles the query (which has words to find) does not match, found by the index."""
        raise NotImplementedError

    def index_matches(self, parsed: ParsedQuery) -> Q:
        """With facets_from_index: the index rows of the articles `filter` finds."""
        raise NotImplementedError

    def index_misses(self, parsed: ParsedQuery) -> Q:
        """With facets_from_index: the index rows of the articles `non_matches` finds."""
        raise NotImplementedError

    def fewer_non_matches(self, parsed: ParsedQuery) -> bool:
        """Whether fewer articles miss the query than match it (exactly or as estimated)."""
        raise NotImplementedError

    def snippets(self, articles: list, parsed: ParsedQuery) -> dict[int, SafeString]:
        """Highlighted passages for one page of results, by article id."""
        return {
            article.pk: snippet
            for article in articles
            if (snippet := python_snippet(_plain_text(article), parsed, article.content_language))
        }

    def suggest(self, query_words: list[str]) -> dict[str, str]:
        """Each misspelt word's closest known word, from the vocabulary of titles, tags and
        names (vocabulary())."""
        known = vocabulary()
        suggestions = {}
        for word in query_words:
            if word in known:
                continue
            close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.75)
            if close:
                suggestions[word] = close[0]
        return suggestions


def _plain_text(article) -> str:
    return f"{article.summary} {html.unescape(strip_tags(article.body_html))}"


def _hit_pattern(parsed: ParsedQuery, language: str) -> re.Pattern | None:
    """Where a text holds what the index matches: a word beginning with a query term, one of
    its alternatives or their stems, all folded; a term of INSIDE_WORD letters or more also
    inside a longer word (a compound's part: "frånvaro" in "skolfrånvaro")."""
    found = [word for term in expand(parsed).terms(language) for word in term.words]
    prefixes = {fold(word) for word in [*found, *stem_words(found, language)]}
    if not prefixes:
        return None
    ordered = sorted(prefixes, key=len, reverse=True)
    inside = [re.escape(prefix) for prefix in ordered if len(prefix) >= INSIDE_WORD]
    starting = "|".join(re.escape(prefix) for prefix in ordered)
    pattern = rf"\b(?:{starting})\w*"
    if inside:
        pattern = rf"\w*(?:{'|'.join(inside)})\w*|{pattern}"
    return re.compile(pattern, re.IGNORECASE)


def _folded_in_place(text: str) -> str:
    """`text` folded letter by letter, so that every position stays where it was."""
    return "".join((fold(char) or char)[0] for char in text)


def python_snippet(text: str, parsed: ParsedQuery, language: str) -> SafeString | None:
    """The passage of `text` with the most query words, those words marked. None if none.

    A word is a hit when it holds what the index matches (_hit_pattern).
    """
    hit_re = _hit_pattern(parsed, language)
    if hit_re is None or not text:
        return None
    hits = [(m.start(), m.end()) for m in hit_re.finditer(_folded_in_place(text))]
    if not hits:
        return None
    matches = [m.span() for m in WORD_RE.finditer(text)]
    starts = [start for start, _end in matches]
    hit_words = sorted({bisect.bisect_right(starts, start) - 1 for start, _end in hits})
    # The window of SNIPPET_WORDS words holding the most hits.
    best_start, best_count = hit_words[0], 0
    for i, first in enumerate(hit_words):
        count = bisect.bisect_left(hit_words, first + SNIPPET_WORDS, lo=i) - i
        if count > best_count:
            best_start, best_count = first, count
    start_word = max(0, best_start - 5)
    end_word = min(len(matches), start_word + SNIPPET_WORDS) - 1
    begin, finish = matches[start_word][0], matches[end_word][1]
    pieces = []
    position = begin
    for start, end in hits:
        if start < begin or end > finish:
            continue
        pieces.append(escape(text[position:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    pieces.append(escape(text[position:finish]))
    prefix = "… " if start_word > 0 else ""
    suffix = " …" if end_word < len(matches) - 1 else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece escaped


def suggestable(word: str) -> bool:
    # Numbers are never suggested nor replaced: "Hattie 2009" is no misspelt "Hattie 2003".
    return len(word) > 2 and not any(char.isdigit() for char in word)


def _vocabulary() -> dict[str, str]:
    # One statement: each source a single text column, joined with UNION ALL.
    published = Article.objects.published()
    sources = [
        published.values_list("title_sv"),
        published.values_list("title_en"),
        Tag.objects.values_list("name"),
        TagName.objects.values_list("name"),
    ]
    for content_type in content_types():
        for name in content_type.suggestion_fields:
            sources.append(content_type.model.objects.published().values_list(name))
    found: set[str] = set()
    sources = [source.order_by() for source in sources]  # no ORDER BY inside a UNION
    for (text,) in sources[0].union(*sources[1:], all=True):
        found.update(words(str(text or "")))
    return {word: fold(word) for word in sorted(found) if suggestable(word)}


def vocabulary() -> dict[str, str]:
    """The words of published titles, tag names and the names of content types'
    suggestion fields (a publication's authors), each with its folded spelling; cached until
    the content changes."""
    return remember("search:vocabulary", (), _vocabulary, timeout=300)


# ---------------------------------------------------------------------------
# SQLite: FTS5 over text stemmed in Python

# An article's columns in each language: its own words (title; tags and summary; body), and
# the words derived from them (compound parts, folded spellings) of the head (title, tags,
# summary) and of the body, weighted lower in bm25 (migration 0002).
EXACT_PARTS = ("title", "meta", "body")
DERIVED_PARTS = ("more_head", "more_body")
EXACT_HEAD = ("title", "meta")
ANY_HEAD = ("title", "meta", "more_head")
EVERY_PART = EXACT_PARTS + DERIVED_PARTS


def _fts_term(term: Term, language: str) -> str:
    # Stems are word characters only, so quoting them cannot break out into FTS5 syntax;
    # the trailing * matches a Swedish compound by its first part.
    quoted = '"' + " ".join(stem_words(list(term.words), language)) + '"'
    return quoted + "*" if term.prefix else quoted


def _fts_columns(language: str, parts: tuple[str, ...] = EVERY_PART) -> str:
    """An FTS5 column filter: these parts of the article in `language`."""
    return "{" + " ".join(f"{part}_{language}" for part in parts) + "}"


def _fts_alternative(alternative: Alternative, language: str) -> str:
    return "(" + " AND ".join(_fts_term(term, language) for term in alternative.terms) + ")"


def _fts_any(terms: list[Term], language: str, parts: tuple[str, ...]) -> str:
    """Any of `terms` in these parts of the article in `language`."""
    return (
        f"({_fts_columns(language, parts)} : "
        f"({' OR '.join(_fts_term(term, language) for term in terms)}))"
    )


def fts_expression(parsed: ParsedQuery) -> tuple[str, str]:
    """(positive expression, excluded expression) in FTS5 syntax; either may be empty."""
    expansion = expand(parsed)
    positive = []
    excluded = []
    for language in CONTENT_LANGUAGES:
        groups = expansion.groups[language]
        if groups:
            all_groups = " AND ".join(
                "(" + " OR ".join(_fts_alternative(alt, language) for alt in group) + ")"
                for group in groups
            )
            positive.append(f"({_fts_columns(language)} : ({all_groups}))")
        if expansion.excluded[language]:
            excluded.append(_fts_any(expansion.excluded[language], language, EVERY_PART))
    return " OR ".join(positive), " OR ".join(excluded)


def fts_match(parsed: ParsedQuery) -> str:
    """The FTS5 expression of the matches of a query with words to find ("" without)."""
    positive, excluded = fts_expression(parsed)
    if positive and excluded:
        # FTS5's NOT is binary: "matches the positive part, not the excluded one".
        return f"({positive}) NOT ({excluded})"
    return positive


# Article's links that the facets count, by relation name: PostgreSQL copies their target ids
# into the index row as `<name>_ids` (migration 0008).
FACET_LINKS = {"region": "regions", "municipality": "municipalities", "tag": "tags"}


def link_table(name: str) -> tuple[str, str, str, str]:
    """(link table, its article column, its target column, the target's table) of one of
    FACET_LINKS, by the target's name (region, municipality, tag)."""
    field = Article._meta.get_field(FACET_LINKS[name])
    through = field.remote_field.through._meta
    article_column = next(
        f.column for f in through.fields if f.is_relation and f.related_model is Article
    )
    target_column = next(f.column for f in through.fields if f.is_relation and f.name == name)
    return through.db_table, article_column, target_column, field.related_model._meta.db_table


def _facet_tables() -> list[str]:
    """The tables a results page joins: articles and their regions, municipalities and tags."""
    return [
        Article._meta.db_table,
        *(
            getattr(Article, name).through._meta.db_table
            for name in ("regions", "municipalities", "tags")
        ),
    ]


class SqliteBackend(Backend):
    vendor = "sqlite"
    COLUMNS = (
        "title_sv",
        "meta_sv",
        "body_sv",
        "title_en",
        "meta_en",
        "body_en",
        FTS_EVERY_COLUMN,
        "more_head_sv",
        "more_body_sv",
        "more_head_en",
        "more_body_en",
    )

    def index_many(self, rows):
        values = []
        for pk, texts in rows:
            row, derived = [pk], []
            for language in CONTENT_LANGUAGES:
                title, summary, body = texts[language]
                # Each language's column holds the tags' names in that language only: bm25 adds
                # up the columns, and one name counted in both would outweigh a title.
                tags = texts["tags"][language]
                more_head: list[str] = []
                for text in (title, f"{tags} {summary}"):
                    text_words, more = index_words(text, language)
                    row.append(" ".join(stem_words(text_words, language)))
                    more_head += more
                body_words, more_body = index_words(body, language)
                row.append(" ".join(stem_words(body_words, language)))
                derived += [
                    " ".join(stem_words(list(dict.fromkeys(more_head)), language)),
                    " ".join(stem_words(more_body, language)),
                ]
            row.append(FTS_EVERY_TERM)
            row.extend(derived)  # more_head_sv, more_body_sv, more_head_en, more_body_en
            values.append(row)
        if not values:
            return 0
        with connection.cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [[v[0]] for v in values]
            )
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(self.COLUMNS)}) "
                f"VALUES ({', '.join(['%s'] * (len(self.COLUMNS) + 1))})",
                values,
            )
        return len(values)

    def remove(self, pks):
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [[pk] for pk in pks])

    def clear(self):
        # The table made again as the migrations left it (its definition and its settings, the
        # rank's column weights among them): a DELETE would read every row's text back and
        # write a deletion for each of its words, the costliest part of a rebuild.
        with connection.cursor() as cursor:
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [FTS_TABLE])
            (definition,) = cursor.fetchone()
            cursor.execute(f"SELECT k, v FROM {FTS_TABLE}_config WHERE k != 'version'")
            kept = cursor.fetchall()
            cursor.execute(f"DROP TABLE {FTS_TABLE}")
            cursor.execute(definition)
            cursor.executemany(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES (%s, %s)", kept)

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
            # Without statistics SQLite guesses that `kind = …` picks a handful of rows, walks
            # the articles and runs the full-text query once per row. With them it starts from
            # the FTS5 matches.
            cursor.execute("ANALYZE")

    def filter(self, queryset, parsed, narrowed=False):
        matching = fts_match(parsed)
        if not matching:
            excluded = fts_expression(parsed)[1]
            if excluded:
                queryset = queryset.exclude(
                    pk__in=FtsEntry.objects.filter(match=excluded).values("article_id")
                )
            return queryset
        # bm25 is lower (below 0) for better matches; negated so that higher is better.
        relevance = F("fts_entry__rank") * Value(-1.0)
        return queryset.filter(fts_entry__match=matching).annotate(
            search_rank=_tiered(self.exact_hits(parsed), self.head_hits(parsed), relevance)
        )

    @staticmethod
    def _head_expression(parsed: ParsedQuery) -> str:
        expansion = expand(parsed)
        return " OR ".join(
            f"({_fts_columns(language, ANY_HEAD)} : ("
            + " OR ".join(
                _fts_alternative(alt, language) for alt in expansion.alternatives(language)
            )
            + "))"
            for language in CONTENT_LANGUAGES
        )

    def head_hits(self, parsed):
        expression = self._head_expression(parsed)
        return Q(pk__in=FtsEntry.objects.filter(match=expression).values("article_id"))

    def exact_hits(self, parsed):
        terms = [term for group in parsed.groups for term in group]
        expression = " OR ".join(
            _fts_any(terms, language, EXACT_HEAD) for language in CONTENT_LANGUAGES
        )
        return Q(pk__in=FtsEntry.objects.filter(match=expression).values("article_id"))

    def reads_in_two_parts(self, matches, most_match):
        # The others are read by walking the articles newest first and asking the index about
        # each, which spares ranking every match. Only when most articles match: for fewer, the
        # walk asks about many articles for each one it finds.
        return most_match

    def two_parts(self, matches, unsearched, parsed):
        head = self._head_expression(parsed)
        # Head hits by the index's rowid, not the article's id: FTS5 then reads only these
        # rows of the matches, and no other article is looked up.
        head_hits = matches.filter(
            fts_entry__pk__in=FtsEntry.objects.filter(match=head).values("article_id")
        )
        # The others: the articles newest first, the index asked about each in turn, in one
        # question (asking "not a head hit" apart costs a second lookup per article).
        others = f"({fts_match(parsed)}) NOT ({head})"
        found = Exists(FtsEntry.objects.filter(match=others, article_id=OuterRef("pk")))
        return head_hits, unsearched.filter(found).annotate(
            search_rank=Value(0.0, output_field=FloatField())
        )

    def non_matches(self, parsed):
        expression = f"({{{FTS_EVERY_COLUMN}}} : {FTS_EVERY_TERM}) NOT ({fts_match(parsed)})"
        return Q(pk__in=FtsEntry.objects.filter(match=expression).values("article_id"))

    def fewer_non_matches(self, parsed):
        # Counting in the index is cheap even for most articles; the docsize table holds a row
        # per indexed article.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT (SELECT COUNT(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s),"
                f" (SELECT COUNT(*) FROM {FTS_TABLE}_docsize)",
                [fts_match(parsed)],
            )
            matches, indexed = cursor.fetchone()
        return matches * 2 > indexed


# ---------------------------------------------------------------------------
# PostgreSQL: weighted tsvectors per language, GIN-indexed


def _tsquery_term(term: Term, weights: str = "") -> str:
    # Each word is quoted (word characters only) and prefix-matched; to_tsquery stems it
    # with the language's dictionary, so the same text serves both configurations.
    # `weights` ("AB") keeps to the positions of those weights (the head's own words).
    marks = ("*" if term.prefix else "") + weights
    return " <-> ".join(f"'{word}'" + (f":{marks}" if marks else "") for word in term.words)


def _tsquery_alternative(alternative: Alternative) -> str:
    return "(" + " & ".join(f"({_tsquery_term(term)})" for term in alternative.terms) + ")"


def _tsquery_any(terms: list[Term], weights: str = "") -> str:
    return " | ".join(f"({_tsquery_term(term, weights)})" for term in terms)


def tsquery_text(parsed: ParsedQuery) -> tuple[dict[str, str], dict[str, str]]:
    """(positive tsquery, excluded tsquery) in to_tsquery syntax per language; either may be
    empty ("")."""
    expansion = expand(parsed)
    positive, excluded = {}, {}
    for language in CONTENT_LANGUAGES:
        positive[language] = " & ".join(
            "(" + " | ".join(_tsquery_alternative(alt) for alt in group) + ")"
            for group in expansion.groups[language]
        )
        excluded[language] = _tsquery_any(expansion.excluded[language])
    return positive, excluded


class _Fenced(Subquery):
    """`(SELECT … OFFSET 0)`: a subquery PostgreSQL plans on its own, not folded into the outer one.

    Folded in, the planner starts from a selective filter (a region) and checks each row's
    large, TOASTed vector, several passes a page. Fenced, it takes the matches from the GIN
    indexes and joins them. Only with other filters: a fenced subquery runs in one process,
    and for free text alone (a word in most articles) the unfenced parallel scan is faster.
    """

    template = "(%(subquery)s OFFSET 0)"


class _Lexeme(SearchQuery):
    """A tsquery of one lexeme taken as it is (to_tsquery would drop one that is no word)."""

    template = "%(expressions)s::tsquery"


class PostgresBackend(Backend):
    vendor = "postgresql"
    WEIGHTS = ("A", "B", "C")
    facets_from_index = True

    def index_many(self, rows):
        rows = list(rows)
        if not rows:
            return 0
        values = []
        params = []
        for pk, texts in rows:
            parts = ["%s"]
            params.append(pk)
            for language in CONTENT_LANGUAGES:
                config = PG_CONFIGS[language]
                title, summary, body = texts[language]
                meta = f"{texts['tags'][language]} {summary}"
                # The head (title A, tags and summary B, the words derived from them D) ranks;
                # head and body (C, and its derived words D) match.
                parts.append(
                    f"setweight(to_tsvector('{config}', %s), 'A')"
                    f" || setweight(to_tsvector('{config}', %s), 'B')"
                    f" || setweight(to_tsvector('{config}', %s), 'D')"
                )
                parts.append(
                    f"setweight(to_tsvector('{config}', %s), 'C')"
                    f" || setweight(to_tsvector('{config}', %s), 'D')"
                )
                more_head = index_words(f"{title} {meta}", language)[1]
                more_body = index_words(body, language)[1]
                params.extend(
                    text.replace("\x00", " ")
                    for text in (title, meta, " ".join(more_head), body, " ".join(more_body))
                )
            values.append(f"({', '.join(parts)})")
        # What the facets count is copied from the article and its links as they are now
        # (migration 0008), so the index and the counts never disagree about an article.
        linked = ", ".join(
            f"ARRAY(SELECT l.{target} FROM {table} l WHERE l.{article} = v.id ORDER BY 1)"
            for table, article, target, _target_table in map(link_table, FACET_LINKS)
        )
        copied = ("kind", "status", "published_at", *(f"{name}_ids" for name in FACET_LINKS))
        columns = ("search_sv", "search_en", "rank_sv", "rank_en", *copied)
        sql = (
            f"INSERT INTO {PG_TABLE} (article_id, {', '.join(columns)}) "
            f"SELECT v.id, v.head_sv || v.body_sv || '{PG_EVERY_LEXEME}'::tsvector,"
            f" v.head_en || v.body_en || '{PG_EVERY_LEXEME}'::tsvector, v.head_sv, v.head_en,"
            f" a.kind, a.status, a.published_at, {linked} FROM (VALUES "
            + ", ".join(values)
            + ") AS v(id, head_sv, body_sv, head_en, body_en)"
            f" JOIN {Article._meta.db_table} a ON a.id = v.id"
            " ON CONFLICT (article_id) DO UPDATE SET "
            + ", ".join(f"{column} = EXCLUDED.{column}" for column in columns)
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
        return len(rows)

    def remove(self, pks):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {PG_TABLE} WHERE article_id = ANY(%s)", [list(pks)])

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {PG_TABLE}")

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            # After a bulk load: merge the GIN indexes' pending lists (every search scans them
            # otherwise) and give the planner statistics (without them it plans facet queries
            # badly after a bulk load).
            for index in PG_GIN_INDEXES:
                cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
            for table in (PG_TABLE, *_facet_tables()):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")

    @staticmethod
    def _queries(texts: dict[str, str]) -> dict[str, SearchQuery]:
        return {
            language: SearchQuery(texts[language], config=PG_CONFIGS[language], search_type="raw")
            for language in CONTENT_LANGUAGES
        }

    @staticmethod
    def _matches(queries: dict[str, SearchQuery], prefix: str = "pg_entry__") -> Q:
        matches = Q()
        for language, query in queries.items():
            matches |= Q(**{f"{prefix}search_{language}": query})
        return matches

    def _text_filter(self, queries: dict[str, SearchQuery], narrowed: bool) -> Q:
        if not narrowed:
            # Free text alone: PostgreSQL's own plan (a parallel scan for a common word) is best.
            return self._matches(queries)
        # With other filters, find the matches with the GIN indexes first (see _Fenced).
        ids = PgEntry.objects.filter(self._matches(queries, prefix="")).values("article_id")
        return Q(pk__in=_Fenced(ids))

    def filter(self, queryset, parsed, narrowed=False):
        positive, excluded = tsquery_text(parsed)
        if any(excluded.values()):
            # Left out if the word is in either language's text.
            queryset = queryset.exclude(self._text_filter(self._queries(excluded), narrowed))
        if not parsed.groups:
            return queryset
        queries = self._queries(positive)
        return queryset.filter(self._text_filter(queries, narrowed)).annotate(
            search_rank=self._rank(parsed, queries)
        )

    def rank(self, queryset, parsed):
        # The rank reads only the head vectors: no need to find the matches again.
        positive, _excluded = tsquery_text(parsed)
        return queryset.annotate(search_rank=self._rank(parsed, self._queries(positive)))

    def _rank(self, parsed: ParsedQuery, queries: dict[str, SearchQuery]) -> Case:
        # Ranked on the small head vectors (title, tags, summary), as `head_hits` reads them.
        ranks = [
            SearchRank(F(f"pg_entry__rank_{language}"), query)
            for language, query in queries.items()
        ]
        return _tiered(self.exact_hits(parsed), self.head_hits(parsed), Greatest(*ranks))

    def _in_head(self, texts: dict[str, str]) -> Q:
        hits = Q()
        for language, query in self._queries(texts).items():
            hits |= Q(**{f"pg_entry__rank_{language}": query})
        return hits

    def head_hits(self, parsed):
        expansion = expand(parsed)
        return self._in_head(
            {
                language: " | ".join(
                    _tsquery_alternative(alt) for alt in expansion.alternatives(language)
                )
                for language in CONTENT_LANGUAGES
            }
        )

    def exact_hits(self, parsed):
        # The head's own words are weighted A (title) and B (tags, summary); derived ones D.
        any_term = _tsquery_any([term for group in parsed.groups for term in group], "AB")
        return self._in_head(dict.fromkeys(CONTENT_LANGUAGES, any_term))

    def reads_in_two_parts(self, matches, most_match):
        # Reading in two parts spares ranking every match of a word in most articles; below
        # TWO_PARTS_FROM matches, ranking them all in one statement is cheaper.
        return matches >= TWO_PARTS_FROM

    def index_misses(self, parsed):
        """The entries the query misses (every entry holds the lexeme, 0006)."""
        positive, excluded = tsquery_text(parsed)
        every = _Lexeme(PG_EVERY_LEXEME)
        missing = Q()
        for language, query in self._queries(positive).items():
            missing &= Q(**{f"search_{language}": every & ~query})
        if any(excluded.values()):
            missing |= self._matches(self._queries(excluded), prefix="")
        return missing

    def index_matches(self, parsed):
        positive, excluded = tsquery_text(parsed)
        found = self._matches(self._queries(positive), prefix="") if parsed.groups else Q()
        if any(excluded.values()):
            found &= ~self._matches(self._queries(excluded), prefix="")
        return found

    def fewer_non_matches(self, parsed):
        """The planner's estimates of the matches and of every entry, from one EXPLAIN (no
        rows are read). Written as SQL: composed through the ORM it took twice as long as
        the planner."""
        positive, excluded = tsquery_text(parsed)
        either = " OR ".join(
            f"search_{language} @@ to_tsquery('{PG_CONFIGS[language]}', %s)"
            for language in CONTENT_LANGUAGES
        )
        condition = f"({either})"
        params = [positive[language] for language in CONTENT_LANGUAGES]
        if any(excluded.values()):
            condition += f" AND NOT ({either})"
            params += [excluded[language] for language in CONTENT_LANGUAGES]
        with connection.cursor() as cursor:
            cursor.execute(
                f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {PG_TABLE} WHERE {condition}"
                f" UNION ALL SELECT 1 FROM {PG_TABLE}",
                params,
            )
            plan = cursor.fetchone()[0]  # psycopg2 decodes the JSON
        matches, every = (part.get("Plan Rows", 0) for part in plan[0]["Plan"]["Plans"])
        return matches * 2 > every

    def snippets(self, articles, parsed):
        """ts_headline for the visible page only, and for each article in the language it is
        shown in only: it re-parses the text, so it is slow. Written as SQL: built through the
        ORM, the statement took longer to compose than to run."""
        if not articles or not parsed.groups:
            return {}
        positive = tsquery_text(parsed)[0]
        by_language: dict[str, list[int]] = {}
        for article in articles:
            by_language.setdefault(article.content_language, []).append(article.pk)
        # CASE evaluates only the branch it takes: one headline a row.
        branches, params = [], []
        for language, pks in by_language.items():
            config = PG_CONFIGS[language]
            branches.append(
                f"WHEN id = ANY(%s) THEN ts_headline('{config}', COALESCE(summary_{language}, '')"
                f" || ' ' || regexp_replace(COALESCE(body_html_{language}, ''), '<[^>]+>', ' ', 'g'),"
                f" to_tsquery('{config}', %s), %s)"
            )
            params.extend([pks, positive[language], HEADLINE_OPTIONS])
        sql = (
            f"SELECT id, CASE {' '.join(branches)} END FROM {Article._meta.db_table}"
            " WHERE id = ANY(%s)"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, [article.pk for article in articles]])
            rows = cursor.fetchall()
        marked = {pk: _marked(text) for pk, text in rows if text and START in text}
        # A word found inside a compound or by another spelling has no lexeme of its own for
        # ts_headline to mark: those passages are found as on SQLite.
        unmarked = [article for article in articles if article.pk not in marked]
        return {**marked, **super().snippets(unmarked, parsed)} if unmarked else marked

    def suggest(self, query_words):
        """For each word, the closest word of a published title (pg_trgm, GIN-indexed), else
        of the tags and names (as on SQLite)."""
        if not query_words:
            return {}
        sql = """
            SELECT q.word, best.w FROM unnest(%s::text[]) AS q(word)
            CROSS JOIN LATERAL (
                SELECT w FROM (
                    SELECT regexp_split_to_table(lower(a.title_sv || ' ' || a.title_en),
                                                 '[^[:alnum:]]+') AS w
                    FROM pluginnovation_article a
                    WHERE a.status = 'published'
                      AND (q.word <%% lower(a.title_sv) OR q.word <%% lower(a.title_en))
                ) title_words
                WHERE length(w) > 2 AND w !~ '[0-9]' AND similarity(w, q.word) > 0.3
                ORDER BY similarity(w, q.word) DESC, w LIMIT 1
            ) best
            WHERE best.w <> q.word
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [list(query_words)])
            found = dict(cursor.fetchall())
        rest = [word for word in query_words if word not in found]
        return {**found, **super().suggest(rest)} if rest else found


_BACKENDS = {"sqlite": SqliteBackend(), "postgresql": PostgresBackend()}


def get_backend() -> Backend:
    try:
        return _BACKENDS[connection.vendor]
    except KeyError as exc:  # pragma: no cover - the settings allow only these two
        raise RuntimeError(f"Artikelsök has no backend for {connection.vendor}") from exc
