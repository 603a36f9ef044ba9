"""Keep locale/ in step with the code: extract, fill Swedish translations, compile, check.

    python scripts/translations.py update [TRANSLATIONS.json ...]   extract, fill, compile
    python scripts/translations.py compile                          .po -> .mo
    python scripts/translations.py check                            fail if .mo is stale or sv is incomplete

A translations file is a JSON object {"English msgid": "svensk text"}; for a msgid with a
context write the key as "context\u0004msgid", and for plurals give a list [singular, plural].
Compiling uses polib, so nobody needs GNU gettext to build the .mo files; extracting does.
The file lock lets several people (or agents) update the catalogue at once.
"""

import fcntl
import json
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
LANGUAGES = ("sv", "en")
IGNORE = [".venv/*", "staticfiles/*", "tests/*", "scripts/*", "media/*", "node_modules/*"]


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def extract() -> None:
    command = [sys.executable, "manage.py", "makemessages", "--no-location", "--no-obsolete"]
    for language in LANGUAGES:
        command += ["-l", language]
    for pattern in IGNORE:
        command += ["-i", pattern]
    subprocess.run(command, cwd=ROOT, check=True)


def fill(files: list[str]) -> int:
    wanted: dict[str, object] = {}
    for name in files:
        wanted.update(json.loads(Path(name).read_text(encoding="utf-8")))
    catalogue = polib.pofile(str(po_path("sv")))
    filled = 0
    for entry in catalogue:
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if key not in wanted:
            continue
        value = wanted[key]
        if entry.msgid_plural:
            singular, plural = value
            entry.msgstr_plural = {0: singular, 1: plural}
        else:
            entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        filled += 1
    catalogue.save()
    return filled


def compiled_bytes(language: str) -> bytes:
    catalogue = polib.pofile(str(po_path(language)))
    return catalogue.to_binary()


def compile_all() -> None:
    for language in LANGUAGES:
        po_path(language).with_suffix(".mo").write_bytes(compiled_bytes(language))


def untranslated_sv() -> list[str]:
    catalogue = polib.pofile(str(po_path("sv")))
    return [entry.msgid for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries()]


def check() -> int:
    problems = []
    for language in LANGUAGES:
        mo = po_path(language).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled_bytes(language):
            problems.append(f"{mo.relative_to(ROOT)} is out of date: run `make messages`")
    missing = untranslated_sv()
    if missing:
        problems.append(f"{len(missing)} Swedish translations missing, e.g. {missing[:5]}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "check":
        return check()
    with open(LOCALE / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if command == "update":
            extract()
            filled = fill(rest)
            compile_all()
            missing = untranslated_sv()
            print(f"filled {filled} Swedish translations; {len(missing)} still missing")
            for msgid in missing[:40]:
                print(f"  missing: {msgid!r}")
        elif command == "compile":
            compile_all()
        else:
            print(__doc__)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
