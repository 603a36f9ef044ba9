"""Editors' synonyms and abbreviations as they write them: read and checked.

A list (models.SynonymList, one per language) holds one group a line, its entries separated by
commas: "SYV, studie- och yrkesvägledare". A query term that is an entry of a group also
looks for the group's other entries, in the texts of that list's language, ranked below the
term itself (expansion.py). Entries are compared as their words in lower case without
diacritics, so "Skolk" and "skolk" are one entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .analysis import fold
from .text import words

SEPARATOR = ","
# Bounds that keep every query's expansion small and the list readable.
MAX_GROUPS = 500
MAX_ENTRIES = 20
MAX_ENTRY_LENGTH = 100
MAX_ENTRY_WORDS = 6
MAX_ERRORS = 10


@dataclass(frozen=True)
class Entry:
    text: str  # as the editor wrote it, shown to searchers
    words: tuple[str, ...]  # lower case, as a query term's words

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(fold(word) for word in self.words)


def parse_groups(text: str) -> list[list[Entry]]:
    """The groups of a synonym list, or a ValidationError naming every line that is wrong
    (an empty entry, a group of one, an entry given twice, one too long or without words)."""
    errors: list[str] = []
    groups: list[list[Entry]] = []
    seen: dict[tuple[str, ...], int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if len(groups) == MAX_GROUPS:
            errors.append(_("Write at most %(count)d groups.") % {"count": MAX_GROUPS})
            break
        raw_entries = [entry.strip() for entry in line.split(SEPARATOR)]
        if any(not entry for entry in raw_entries):
            errors.append(
                _(
                    "Line %(line)d has an empty entry: two commas in a row, or a comma at the "
                    "start or end."
                )
                % {"line": number}
            )
            continue
        if len(raw_entries) > MAX_ENTRIES:
            errors.append(
                _("Line %(line)d has %(count)d entries: a group may have at most %(limit)d.")
                % {"line": number, "count": len(raw_entries), "limit": MAX_ENTRIES}
            )
            continue
        group: list[Entry] = []
        for raw in raw_entries:
            entry = Entry(raw, tuple(words(raw)))
            if len(raw) > MAX_ENTRY_LENGTH or len(entry.words) > MAX_ENTRY_WORDS:
                errors.append(
                    _(
                        "Line %(line)d: “%(entry)s…” is too long: an entry may have at most "
                        "%(length)d characters and %(words)d words."
                    )
                    % {
                        "line": number,
                        "entry": raw[:30],
                        "length": MAX_ENTRY_LENGTH,
                        "words": MAX_ENTRY_WORDS,
                    }
                )
            elif not entry.words:
                errors.append(
                    _("Line %(line)d: “%(entry)s” has no letters or digits.")
                    % {"line": number, "entry": raw}
                )
            elif entry.key in seen:
                where = seen[entry.key]
                errors.append(
                    _("Line %(line)d: “%(entry)s” is already in this line.")
                    % {"line": number, "entry": raw}
                    if where == number
                    else _("Line %(line)d: “%(entry)s” is already in line %(other)d.")
                    % {"line": number, "entry": raw, "other": where}
                )
            else:
                seen[entry.key] = number
                group.append(entry)
        if len(raw_entries) == 1 and group:
            errors.append(
                _(
                    "Line %(line)d has only one entry: a group needs at least two, separated "
                    "by commas."
                )
                % {"line": number}
            )
            continue
        groups.append(group)
    if errors:
        shown = errors[:MAX_ERRORS]
        if len(errors) > MAX_ERRORS:
            shown.append(_("… and %(count)d more.") % {"count": len(errors) - MAX_ERRORS})
        raise ValidationError({"groups": shown})
    return groups
