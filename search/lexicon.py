"""A Swedish lexicon for splitting compounds, read from a Hunspell dictionary (.dic + .aff).

Debian's `hunspell-sv` (LibreOffice's Swedish dictionary, LGPL-3, maintained upstream) marks
which words may begin, continue or end a compound, and which suffixes make the forms that join
them ("yrke" → "yrkes-", "skola" → "skol-"). Read in Python at index time, the same lexicon
serves SQLite and PostgreSQL, managed services included (no server-side dictionary needed).

Only what splitting needs is kept: the forms that may stand before another part (with the
word they are a form of), the words that may end a compound, and the suffix rules that
inflect those endings ("frånvaron" ends "skolfrånvaron").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Suffix:
    flag: str
    strip: str
    add: str
    condition: re.Pattern
    # Flags the suffixed form carries (the compound flags of "0/WXZ": it may begin a compound).
    continuation: str


@dataclass
class CompoundFlags:
    begin: str = ""  # COMPOUNDBEGIN
    middle: str = ""  # COMPOUNDMIDDLE
    end: str = ""  # COMPOUNDEND
    permit: str = ""  # COMPOUNDPERMITFLAG
    only_in_compound: str = ""  # ONLYINCOMPOUND
    forbidden: str = ""  # FORBIDDENWORD


@dataclass
class Lexicon:
    """What splitting reads: the forms that may stand first or in the middle of a compound
    (form → the word it is a form of), the words that may end one, and their suffixes."""

    joining: dict[str, str] = field(default_factory=dict)
    endings: set[str] = field(default_factory=set)
    # Suffix rules of the ending words, by the text they add ("n" → the rules adding "n").
    suffixes: dict[str, list[Suffix]] = field(default_factory=dict)
    # Each ending word's suffix flags.
    ending_flags: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.joining and self.endings)

    def ending(self, text: str) -> str | None:
        """The word `text` is a form of, if that word may end a compound ("frånvaron" →
        "frånvaro"), else None."""
        if text in self.endings:
            return text
        for length in range(1, min(len(text), 8) + 1):
            for rule in self.suffixes.get(text[-length:], ()):
                root = text[:-length] + rule.strip
                if (
                    root in self.endings
                    and rule.flag in self.ending_flags.get(root, "")
                    and rule.condition.search(root)
                ):
                    return root
        return None


def _condition(text: str) -> re.Pattern:
    # Hunspell's conditions are a small regex language ([^ae], [aeo], letters): anchored at the
    # end of the root.
    return re.compile(("" if text == "." else text) + "$")


def _parse_aff(path: Path) -> tuple[CompoundFlags, dict[str, list[Suffix]]]:
    flags = CompoundFlags()
    suffixes: dict[str, list[Suffix]] = {}
    keys = {
        "COMPOUNDBEGIN": "begin",
        "COMPOUNDMIDDLE": "middle",
        "COMPOUNDEND": "end",
        "COMPOUNDPERMITFLAG": "permit",
        "ONLYINCOMPOUND": "only_in_compound",
        "FORBIDDENWORD": "forbidden",
    }
    headers: set[str] = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        if parts[0] in keys and len(parts) > 1:
            setattr(flags, keys[parts[0]], parts[1])
        elif parts[0] == "SFX" and len(parts) >= 4:
            flag = parts[1]
            if flag not in headers:  # "SFX z N 3": the header of the flag's rules
                headers.add(flag)
                continue
            strip = "" if parts[2] == "0" else parts[2]
            add, _slash, continuation = parts[3].partition("/")
            add = "" if add == "0" else add
            condition = parts[4] if len(parts) > 4 else "."
            try:
                pattern = _condition(condition)
            except re.error:
                continue
            suffixes.setdefault(flag, []).append(Suffix(flag, strip, add, pattern, continuation))
    return flags, suffixes


def _parse_dic(path: Path) -> dict[str, str]:
    """word → its flags (a word listed twice gets both entries' flags)."""
    words: dict[str, str] = {}
    with path.open(encoding="utf-8", errors="replace") as lines:
        next(lines, None)  # the first line counts the entries
        for line in lines:
            entry = line.strip()
            if not entry or entry.startswith("#"):
                continue
            word, _slash, flags = entry.partition("/")
            word = word.lower()
            words[word] = words.get(word, "") + flags
    return words


def read_lexicon(prefix: str | Path) -> Lexicon:
    """The lexicon of the Hunspell dictionary at `prefix` (.dic and .aff beside each other);
    an empty lexicon, with a warning in the log, when the files are missing."""
    prefix = Path(prefix)
    dic, aff = prefix.with_suffix(".dic"), prefix.with_suffix(".aff")
    if not (dic.is_file() and aff.is_file()):
        logger.warning("no Hunspell dictionary at %s.dic/.aff: compounds are not split", prefix)
        return Lexicon()
    flags, rules = _parse_aff(aff)
    words = _parse_dic(dic)
    lexicon = Lexicon()
    joins = "".join(flag for flag in (flags.begin, flags.middle) if flag)

    def joining(flag_text: str) -> bool:
        return any(flag in flag_text for flag in joins)

    # The suffixes whose form may join a compound ("skola" + z → "skol-"), by flag.
    join_rules = {
        flag: found
        for flag, flag_rules in rules.items()
        if (found := [rule for rule in flag_rules if joining(rule.continuation)])
    }
    ending_rules: set[str] = set()
    for word, word_flags in words.items():
        if (flags.forbidden and flags.forbidden in word_flags) or not word.isalpha():
            continue
        if joining(word_flags):
            lexicon.joining.setdefault(word, word)
        if flags.end and flags.end in word_flags:
            lexicon.endings.add(word)
            lexicon.ending_flags[word] = word_flags
            ending_rules.update(word_flags)
        for flag in word_flags:
            for rule in join_rules.get(flag, ()):
                if word.endswith(rule.strip) and rule.condition.search(word):
                    lexicon.joining.setdefault(word[: len(word) - len(rule.strip)] + rule.add, word)
    for flag in ending_rules:
        for rule in rules.get(flag, ()):
            # Inflection only: suffixes that make joining forms are not endings.
            if rule.add and not joining(rule.continuation):
                lexicon.suffixes.setdefault(rule.add, []).append(rule)
    return lexicon
