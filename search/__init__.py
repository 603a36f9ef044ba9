"""Artikelsök: ranked free-text search over every published article, in Swedish and English.

The interface, importable from `search.api` (everything else in this package is an
implementation detail):

``run_search(params: QueryDict | dict) -> QuerySet[Article]``
    Exactly what /sok/ applies for those GET parameters: published articles only, the free
    text (`q`), the filters (`typ`, `tag` (repeatable), `region`, `kommun`, `year`) and the
    order (`sort`: `relevans` or `datum`; relevance when there is free text, else newest
    first). Invalid values are ignored, as on the page. For re-running a saved search:
    ``run_search(QueryDict(urlsplit(saved_url).query))``. This name and signature are stable.

``search(queryset, query, narrowed=False) -> (QuerySet, ParsedQuery)``
    Filter any Article queryset by websearch-style text, annotated with `search_rank`
    (`narrowed`: other filters apply too, which changes the best plan on PostgreSQL).
``snippets(articles, parsed) -> {pk: SafeString}``
    Highlighted (`<mark>`) passages, for one page of results only.
``suggest(query, articles=None) -> str | None``
    "Menade du …?": the query with misspelt words replaced, or None; numbers never change.
    With `articles` (a page of results): words typed without å/ä/ö respelled as they write
    them.
``index_article(article)`` / ``index_articles(queryset)`` / ``remove_articles(pks)`` /
``rebuild_index(progress)``
    Keep the index current; the signals in `signals.py` call these on every save, delete
    and tag change (and a tag's renaming), and `manage.py rebuild_search_index` rebuilds it all.

Two backends behind this interface, chosen by ``connection.vendor`` (see backends.py):
PostgreSQL (weighted tsvectors per language, GIN, pg_trgm) and SQLite (FTS5 over text
stemmed in Python, bm25).

Swedish analysis, the same on both: an article's words and the words derived from them
(compound parts split with the hunspell-sv lexicon, folded spellings: analysis.py, lexicon.py)
are indexed; a query also looks for its alternatives (folded spellings, a compound's parts,
editors' synonyms: expansion.py, synonyms.py), ranked below its own words. Places a query
names (places.py) lead to their statistics; searches are logged anonymously (log.py).
"""
