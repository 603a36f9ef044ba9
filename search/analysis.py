"""Swedish as people write and type it: compounds split by a lexicon, letters folded.

What the index keeps beside an article's own words (its *derived* words, ranked below them):
- each Swedish compound's parts: "skolfrånvaro" also holds "skola" and "frånvaro", so a search
  for "frånvaro" finds it, and "studiestöd" holds "stöd";
- each word folded to plain letters where it has others: "frånvaro" → "franvaro", so a search
  typed without å/ä/ö finds it.

What a query term also looks for (its *variants*, matched in every text and ranked below the
exact term): its folded form, with "ae"/"oe" read as ä/ö ("Oestergoetland"), and, for a
compound, its parts anywhere in the text ("skolfrånvaro" finds "frånvaro i skolan").

The lexicon is Debian's `hunspell-sv` (settings.SEARCH_LEXICON), read once per process.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable

from django.conf import settings

from .lexicon import Lexicon, read_lexicon

# A compound's parts have at least this many letters ("stöd", "skol"), and a word this short
# is never split: shorter pieces match too much by accident.
MIN_PART = 3
MIN_COMPOUND = 2 * MIN_PART
MAX_COMPOUND = 40
# What people type for ä and ö on a keyboard without them.
TYPED_FOR = (("ae", "ä"), ("oe", "ö"))


@functools.cache
def lexicon() -> Lexicon:
    return read_lexicon(settings.SEARCH_LEXICON)


@functools.lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """The word without diacritics: "Östergötland" → "Ostergotland", "é" → "e"."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def typed_variants(word: str) -> set[str]:
    """The word read as if "ae"/"oe" stood for ä/ö, folded: "oestergoetland" → {"ostergotland"}
    (empty if the word has neither)."""
    if not any(typed in word for typed, _letter in TYPED_FOR):
        return set()
    for typed, letter in TYPED_FOR:
        word = word.replace(typed, letter)
    return {fold(word)}


@functools.lru_cache(maxsize=200_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """The parts of a Swedish compound as the words they are forms of ("skolfrånvaron" →
    ("skol", "frånvaro"), "yrkesvägledning" → ("yrke", "vägledning")), or () if `word` is no
    compound the lexicon knows. The split with the fewest parts wins: a part that is a word
    of its own is not split further."""
    if not (MIN_COMPOUND <= len(word) <= MAX_COMPOUND) or not word.isalpha():
        return ()
    known = lexicon()
    if not known:
        return ()
    # joined[i]: the fewest parts that make word[:i], each a form that may stand before another.
    joined: list[tuple[str, ...] | None] = [None] * (len(word) + 1)
    joined[0] = ()
    for end in range(MIN_PART, len(word) - MIN_PART + 1):
        for start in range(0, end - MIN_PART + 1):
            before = joined[start]
            if before is None:
                continue
            base = known.joining.get(word[start:end])
            if base is not None and (joined[end] is None or len(before) + 1 < len(joined[end])):
                joined[end] = (*before, base)
    best: tuple[str, ...] = ()
    for start in range(MIN_PART, len(word) - MIN_PART + 1):
        before = joined[start]
        if before is None or (best and len(before) + 1 >= len(best)):
            continue
        ending = known.ending(word[start:])
        if ending is not None:
            best = (*before, ending)
    return best


def _swedish_derived(word: str) -> tuple[str, ...]:
    """What the index keeps beside one Swedish word: its folded form, and its compound parts
    (each folded too)."""
    derived = [fold(word)]
    for part in compound_parts(word):
        derived += [part, fold(part)]
    return tuple(dict.fromkeys(other for other in derived if other != word))


# _swedish_derived of every word indexed so far in this process, looked up in a plain dict
# (a rebuild asks for each word thousands of times); emptied when it grows past MAX_REMEMBERED.
_remembered: dict[str, tuple[str, ...]] = {}
MAX_REMEMBERED = 200_000


def derived_words(text_words: Iterable[str], language: str) -> list[str]:
    """The words the index keeps beside `text_words` (lower case), each once: the parts of
    Swedish compounds and the folded form of every word that has one."""
    unique = dict.fromkeys(text_words)
    if language != "sv":
        # No compounds are split outside Swedish: only the folded spellings, of the few words
        # with letters to fold (most texts have none).
        if "".join(unique).isascii():
            return []
        return list(
            dict.fromkeys(
                folded for word in unique if not word.isascii() and (folded := fold(word)) != word
            )
        )
    if len(_remembered) > MAX_REMEMBERED:
        _remembered.clear()
    derived: dict[str, None] = {}
    for word in unique:
        more = _remembered.get(word)
        if more is None:
            more = _remembered[word] = _swedish_derived(word)
        for other in more:
            derived[other] = None
    return list(derived)
