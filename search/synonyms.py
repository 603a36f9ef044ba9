"""Editors' synonym groups looked up at query time (expansion.py): each list (one per
language, models.SynonymList) read and parsed once per content version."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from infra.cache import remember

from .models import SynonymList
from .synonym_lists import Entry, parse_groups


def _tables() -> dict[str, dict[tuple[str, ...], tuple[Entry, ...]]]:
    tables: dict[str, dict[tuple[str, ...], tuple[Entry, ...]]] = {}
    for language, text in SynonymList.objects.values_list("language", "groups"):
        table = tables.setdefault(language, {})
        try:
            groups = parse_groups(text)
        except ValidationError:
            continue  # saved past the admin's checks (a shell, a fixture): nothing applies
        for group in groups:
            for entry in group:
                table[entry.key] = tuple(other for other in group if other is not entry)
    return tables


def synonym_table(language: str) -> dict[tuple[str, ...], tuple[Entry, ...]]:
    """Each entry's key (its folded words) → the other entries of its group, in `language`;
    both languages read in one query, cached until the content changes (a saved list
    changes it)."""
    return remember("search:synonyms", (), _tables).get(language, {})
