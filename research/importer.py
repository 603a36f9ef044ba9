"""Import references from a file an editor uploads: RIS, BibTeX or CSL-JSON, as Zotero, EndNote
and Mendeley export them.

Three steps, so that nothing is written before the editor has seen it: `read_file` turns the
upload into text (refusing what is not a reference file), `preview` reads every reference in
it and says which are new, which are here already and which cannot be imported (with their
line and why), and `import_references` writes the new ones, all or nothing, as drafts in review.
The preview and the import read the same stored text (ReferenceUpload), so what is written is
what was shown; a reference is here already if it has the same DOI, or the same title, year and
first author (compared without case, accents or punctuation), so a second import adds nothing.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

import bibtexparser
import rispy
from bibtexparser import middlewares
from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _

from content.models import Article, Status

from . import citations, names
from .models import Publication, ReferenceUpload

FORMAT_NAMES = {"ris": "RIS", "bib": "BibTeX", "json": "CSL-JSON"}
RIS_START_RE = re.compile(r"^TY  -")
RIS_END_RE = re.compile(r"^ER  -")
BIBTEX_ENTRY_RE = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)
# Control characters other than tab, line feed, form feed and carriage return: a text file has none.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
TITLE_LENGTH = Article._meta.get_field("title_sv").max_length
SLUG_LENGTH = 80


class ImportFileError(Exception):
    """The file cannot be read as references at all; the message says why, for the editor."""


# ---------------------------------------------------------------------------------------------
# Bytes to text


def read_upload(upload) -> str:
    """The text of an uploaded file, or ImportFileError."""
    limit = settings.REFERENCE_IMPORT_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise ImportFileError(_too_large(upload.size, limit))
    raw = upload.read(limit + 1)
    if len(raw) > limit:
        raise ImportFileError(_too_large(len(raw), limit))
    return decode(raw)


def _too_large(size: int, limit: int) -> str:
    return _("The file is %(size)s MB; a file of references may be at most %(limit)s MB.") % {
        "size": f"{size / 1024 / 1024:.1f}",
        "limit": f"{limit / 1024 / 1024:.0f}",
    }


BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


def decode(raw: bytes) -> str:
    """Text in the encodings reference managers write: UTF-8 (with or without a byte order
    mark), UTF-16 and UTF-32 with one, or else Windows-1252 (EndNote's "ANSI"; it includes
    Latin-1's letters, å, ä and ö among them). Letters written as a letter and an accent
    (as macOS writes them) become one character."""
    if not raw.strip():
        raise ImportFileError(_("The file is empty."))
    text = None
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise ImportFileError(
                    _("The file says it is %(encoding)s but is not: it may be damaged.")
                    % {"encoding": encoding.upper()}
                ) from None
            break
    if text is None:
        if b"\x00" in raw:
            text = _utf16_without_bom(raw)
        else:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = (
                    raw.decode("cp1252", errors="strict")
                    if _is_cp1252(raw)
                    else raw.decode("latin-1")
                )
    if CONTROL_RE.search(text[:100_000]):
        raise ImportFileError(
            _(
                "This is not a text file (it may be a PDF, a picture or a word-processor file). Export the references from your reference manager as RIS, BibTeX or CSL-JSON."
            )
        )
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _is_cp1252(raw: bytes) -> bool:
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined: Latin-1 then
        return False
    return True


def _utf16_without_bom(raw: bytes) -> str:
    """UTF-16 written without a byte order mark (its ASCII letters have a zero byte beside
    them); any other file with zero bytes is not text."""
    even, odd = raw[0::2], raw[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if len(raw) % 2 == 0 and zeros.count(0) > len(zeros) * 0.3:
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                break
    raise ImportFileError(
        _(
            "This is not a text file (it may be a PDF, a picture or a word-processor file). Export the references from your reference manager as RIS, BibTeX or CSL-JSON."
        )
    )


def detect_format(text: str) -> str:
    """ "ris", "bib" or "json", from what the text is (a file's name may be wrong)."""
    start = text.lstrip()
    if start.startswith(("[", "{")):
        return "json"
    if any(RIS_START_RE.match(line) for line in text.splitlines()[:200]):
        return "ris"
    if BIBTEX_ENTRY_RE.search(text):
        return "bib"
    raise ImportFileError(
        _(
            "This is not a RIS, BibTeX or CSL-JSON file. Export the references from your reference manager (Zotero, EndNote, Mendeley) in one of these formats."
        )
    )


# ---------------------------------------------------------------------------------------------
# Text to references: (line, CSL item or None, why it cannot be read)

Parsed = tuple[int, dict | None, str]


def parse(text: str, format_key: str) -> list[Parsed]:
    parsed = {"ris": _parse_ris, "bib": _parse_bibtex, "json": _parse_csl_json}[format_key](text)
    if not parsed:
        raise ImportFileError(_("The file holds no references."))
    if len(parsed) > settings.REFERENCE_IMPORT_MAX_ROWS:
        raise ImportFileError(
            _("The file holds %(count)d references; import at most %(limit)d at a time.")
            % {"count": len(parsed), "limit": settings.REFERENCE_IMPORT_MAX_ROWS}
        )
    return parsed


def _ris_records(text: str) -> Iterator[tuple[int, str, bool]]:
    """(first line, text, whether it ends with ER) of each reference: rispy itself drops a
    reference without its end, which is how a cut-short file ends."""
    start, lines = 0, []
    for number, line in enumerate(text.split("\n"), start=1):
        if RIS_START_RE.match(line):
            if start:
                yield start, "\n".join(lines), False
            start, lines = number, [line]
        elif start:
            lines.append(line)
            if RIS_END_RE.match(line):
                yield start, "\n".join(lines), True
                start, lines = 0, []
    if start:
        yield start, "\n".join(lines), False


def _parse_ris(text: str) -> list[Parsed]:
    parsed = []
    for line, record_text, ended in _ris_records(text):
        if not ended:
            parsed.append(
                (line, None, _("The reference has no end (ER): the file may be cut short."))
            )
            continue
        try:
            records = rispy.loads(record_text, skip_unknown_tags=True)
            parsed.append((line, citations.ris_to_csl(records[0]), ""))
        except (ValueError, KeyError, IndexError, AttributeError, TypeError) as error:
            parsed.append(
                (line, None, _("The reference cannot be read: %(error)s") % {"error": error})
            )
    return parsed


def _parse_bibtex(text: str) -> list[Parsed]:
    try:
        library = bibtexparser.parse_string(
            text,
            append_middleware=[
                middlewares.SeparateCoAuthors(),
                middlewares.LatexDecodingMiddleware(),
            ],
        )
    except (ValueError, RecursionError) as error:
        raise ImportFileError(
            _("The BibTeX file cannot be read: %(error)s") % {"error": error}
        ) from None
    parsed = []
    for entry in library.entries:
        try:
            parsed.append((entry.start_line + 1, citations.bibtex_to_csl(entry), ""))
        except (ValueError, KeyError, IndexError, TypeError) as error:
            parsed.append(
                (
                    entry.start_line + 1,
                    None,
                    _("The reference cannot be read: %(error)s") % {"error": error},
                )
            )
    for block in library.failed_blocks:
        if isinstance(block, DuplicateBlockKeyBlock):
            reason = _("The key %(key)s is used by an earlier reference too.") % {"key": block.key}
        elif isinstance(block, DuplicateFieldKeyBlock):
            reason = _("A field is given twice in this reference.")
        else:
            reason = _(
                "The reference cannot be read (a brace or quotation mark missing?): the file may be cut short."
            )
        parsed.append((block.start_line + 1, None, reason))
    return sorted(parsed, key=lambda item: item[0])


def _parse_csl_json(text: str) -> list[Parsed]:
    """CSL-JSON: an array of items (or one item), each item's first line found as it is read."""
    decoder = json.JSONDecoder()
    try:
        json.loads(text)  # the whole file first: a cut-short file is one error, with its line
        position = len(text) - len(text.lstrip())
        if text[position] == "{":
            return [
                _csl_item(text.count("\n", 0, position) + 1, decoder.raw_decode(text, position)[0])
            ]
        parsed, position = [], position + 1
        while True:
            position = _skip_space(text, position)
            if text[position] == "]":
                return parsed
            item, end = decoder.raw_decode(text, position)
            parsed.append(_csl_item(text.count("\n", 0, position) + 1, item))
            position = _skip_space(text, end)
            if text[position] == ",":
                position += 1
    except json.JSONDecodeError as error:
        raise ImportFileError(
            _("The file is not valid CSL-JSON: %(error)s at line %(line)d (it may be cut short).")
            % {"error": error.msg, "line": error.lineno}
        ) from None
    except RecursionError:
        raise ImportFileError(
            _("The file is not valid CSL-JSON: it is nested too deeply.")
        ) from None


def _skip_space(text: str, position: int) -> int:
    while text[position] in " \t\n\r":
        position += 1
    return position


def _csl_item(line: int, item) -> Parsed:
    if not isinstance(item, dict):
        return line, None, _("This is not a reference (a CSL-JSON item is an object).")
    return line, item, ""


# ---------------------------------------------------------------------------------------------
# The preview


@dataclass
class Row:
    line: int
    publication: Publication | None = None
    errors: list[str] = field(default_factory=list)
    duplicate_of: Publication | None = None
    duplicate_line: int | None = None
    duplicate_by: str = ""

    @property
    def status(self) -> str:
        if self.errors:
            return "invalid"
        if self.duplicate_of is not None or self.duplicate_line is not None:
            return "duplicate"
        return "new"


@dataclass
class Preview:
    format_name: str
    rows: list[Row]

    def of_status(self, status: str) -> list[Row]:
        return [row for row in self.rows if row.status == status]

    @property
    def new(self) -> list[Row]:
        return self.of_status("new")

    @property
    def duplicates(self) -> list[Row]:
        return self.of_status("duplicate")

    @property
    def invalid(self) -> list[Row]:
        return self.of_status("invalid")

    @property
    def can_import(self) -> bool:
        """All or nothing: only a file with new references and no invalid ones."""
        return bool(self.new) and not self.invalid


def preview(text: str) -> Preview:
    """Every reference in the text, checked, and compared with those already here."""
    format_key = detect_format(text)
    rows = [_row(line, item, reason) for line, item, reason in parse(text, format_key)]
    _mark_duplicates(rows)
    return Preview(FORMAT_NAMES[format_key], rows)


# Fields the preview does not check: those the import sets itself.
NOT_CHECKED = ["slug", "kind", "status", "published_at", "author"]


def _row(line: int, item: dict | None, reason: str) -> Row:
    row = Row(line)
    if item is None:
        row.errors.append(reason)
        return row
    try:
        fields = citations.fields_from_csl(item)
    except ValueError as error:
        row.errors.append(str(error))
        return row
    if not fields["title_sv"]:
        row.errors.append(_("The reference has no title."))
        return row
    if len(fields["title_sv"]) > TITLE_LENGTH:
        row.errors.append(
            _("The title is longer than %(limit)d characters.") % {"limit": TITLE_LENGTH}
        )
        return row
    publication = Publication(**fields)
    try:
        publication.full_clean(
            exclude=NOT_CHECKED, validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            label = Publication._meta.get_field(name).verbose_name if name != "__all__" else ""
            row.errors.extend(
                f"{capfirst(label)}: {message}" if label else message for message in messages
            )
    row.publication = publication
    return row


def title_key(title: str, subtitle: str, year: int | None, authors: list[dict]) -> tuple:
    """What makes two references the same when they have no DOI to compare."""
    return names.folded(f"{title} {subtitle}"), year, names.sort_key(authors)


def _mark_duplicates(rows: list[Row]) -> None:
    valid = [row for row in rows if not row.errors]
    dois = {row.publication.doi.lower() for row in valid if row.publication.doi}
    by_doi = {
        publication.doi.lower(): publication for publication in Publication.objects.with_dois(dois)
    }
    by_title: dict[tuple, int] = {}
    for pk, title_sv, title_en, subtitle, year, authors in Publication.objects.values_list(
        "pk", "title_sv", "title_en", "subtitle", "year", "authors"
    ):
        for title in {title_sv, title_en} - {""}:
            by_title.setdefault(title_key(title, subtitle, year, authors), pk)
    titled = Publication.objects.in_bulk(set(by_title.values())) if valid else {}

    seen_dois: dict[str, int] = {}
    seen_titles: dict[tuple, int] = {}
    for row in valid:
        publication = row.publication
        doi = publication.doi.lower()
        key = title_key(
            publication.title_sv, publication.subtitle, publication.year, publication.authors
        )
        if doi and doi in by_doi:
            row.duplicate_of, row.duplicate_by = by_doi[doi], "doi"
        elif key in by_title:
            row.duplicate_of, row.duplicate_by = titled[by_title[key]], "title"
        elif doi and doi in seen_dois:
            row.duplicate_line, row.duplicate_by = seen_dois[doi], "doi"
        elif key in seen_titles:
            row.duplicate_line, row.duplicate_by = seen_titles[key], "title"
        if doi:
            seen_dois.setdefault(doi, row.line)
        seen_titles.setdefault(key, row.line)


# ---------------------------------------------------------------------------------------------
# The import


class NothingToImport(Exception):
    """The upload is gone (imported already) or cannot be imported as it is."""


def store_upload(text: str, filename: str, user) -> ReferenceUpload:
    """Keep an uploaded file's text for its preview and import; older ones are let go."""
    from datetime import timedelta

    from django.utils import timezone

    ReferenceUpload.objects.filter(created_at__lt=timezone.now() - timedelta(days=1)).delete()
    return ReferenceUpload.objects.create(uploaded_by=user, filename=filename[:255], text=text)


@transaction.atomic
def import_references(upload_pk: int, user) -> list[Publication]:
    """Write the new references of an upload as publications in review, all or nothing.

    The upload is locked and read again, so two clicks (or two editors) import it once, and
    references that arrived since its preview are not written twice.
    """
    upload = (
        ReferenceUpload.objects.select_for_update().filter(pk=upload_pk, uploaded_by=user).first()
    )
    if upload is None:
        raise NothingToImport(_("This file has been imported already, or its preview has expired."))
    checked = preview(upload.text)
    if not checked.can_import:
        raise NothingToImport(
            _("The file has references that cannot be imported; nothing was imported.")
            if checked.invalid
            else _("Every reference in the file is here already; nothing was imported.")
        )
    taken: set[str] = set()
    created = []
    for row in checked.new:
        publication = row.publication
        publication.slug = _free_slug(publication, taken)
        publication.status = Status.REVIEW
        publication.author = user
        publication.save()
        created.append(publication)
    upload.delete()
    return created


def _free_slug(publication: Publication, taken: set[str]) -> str:
    base = slugify(publication.title_sv)[:SLUG_LENGTH].strip("-") or "publikation"
    if publication.year:
        base = f"{base}-{publication.year}"
    taken.update(Article.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug
