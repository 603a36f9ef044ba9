"""A publication as a reference: formatted in a citation style, and written to and read from the
formats reference managers exchange (RIS, BibTeX, CSL-JSON).

CSL-JSON is the hub: a publication becomes a CSL item (`to_csl`), and each format is one pair of
mappings between CSL items and that format's records, written and read by the format's own
library (rispy, bibtexparser; citeproc-py formats the CSL items in a CSL style shipped in
research/csl/). The importer reads files into CSL items and makes publications of them with
`fields_from_csl`, so that what a format cannot say is lost the same way in both directions.
"""

from __future__ import annotations

import datetime
import functools
import html
import json
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import bibtexparser
import nh3
import rispy
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from infra.cache import remember
from infra.i18n import current_language

from . import identifiers, names
from .models import Language, Publication, PublicationType

STYLE_DIR = Path(__file__).resolve().parent / "csl"


@dataclass(frozen=True)
class Style:
    key: str
    name: str
    filename: str


STYLES = {
    "apa": Style("apa", "APA 7", "apa.csl"),
    "harvard": Style("harvard", "Harvard (Cite Them Right)", "harvard-cite-them-right.csl"),
}
# The locale each page language formats references in (citeproc-py ships both).
LOCALES = {"sv": "sv-SE", "en": "en-GB"}


@dataclass(frozen=True)
class ExportFormat:
    key: str
    name: str
    extension: str
    content_type: str
    description: str


FORMATS = {
    "ris": ExportFormat(
        "ris",
        "RIS",
        "ris",
        "application/x-research-info-systems; charset=utf-8",
        _("EndNote, Zotero, Mendeley and most reference managers"),
    ),
    "bib": ExportFormat(
        "bib", "BibTeX", "bib", "application/x-bibtex; charset=utf-8", _("LaTeX, JabRef, Zotero")
    ),
    "json": ExportFormat(
        "json",
        "CSL-JSON",
        "json",
        "application/vnd.citationstyles.csl+json; charset=utf-8",
        _("Zotero, Pandoc and citation processors"),
    ),
}


# ---------------------------------------------------------------------------------------------
# Publication <-> CSL item

# Our types as CSL types; the types CSL has no word for are told apart by their fields (csl_type).
CSL_TYPES = {
    PublicationType.JOURNAL_ARTICLE: "article-journal",
    PublicationType.BOOK: "book",
    PublicationType.CHAPTER: "chapter",
    PublicationType.REPORT: "report",
    PublicationType.THESIS: "thesis",
    PublicationType.POLICY: "report",
}
# CSL types read as ours; any other CSL type leaves the type not stated.
TYPES_FROM_CSL = {
    "article-journal": PublicationType.JOURNAL_ARTICLE,
    "book": PublicationType.BOOK,
    "chapter": PublicationType.CHAPTER,
    "entry-encyclopedia": PublicationType.CHAPTER,
    "entry-dictionary": PublicationType.CHAPTER,
    "report": PublicationType.REPORT,
    "thesis": PublicationType.THESIS,
    "legislation": PublicationType.POLICY,
    "regulation": PublicationType.POLICY,
    "bill": PublicationType.POLICY,
}


def csl_type(publication: Publication) -> str:
    if publication.publication_type in CSL_TYPES:
        return CSL_TYPES[publication.publication_type]
    # A review, "research" or a type not stated: a journal's article if it names a journal.
    return "article-journal" if publication.container_title else "document"


def to_csl(publication: Publication) -> dict:
    """The publication as a CSL-JSON item; empty fields are left out."""
    item: dict = {
        "id": publication.slug,
        "type": csl_type(publication),
        "title": publication.full_title,
    }
    if publication.authors:
        item["author"] = [dict(name) for name in publication.authors]
    if publication.date:
        item["issued"] = {
            "date-parts": [[publication.date.year, publication.date.month, publication.date.day]]
        }
    elif publication.year:
        item["issued"] = {"date-parts": [[publication.year]]}
    for key, value in (
        ("container-title", publication.container_title),
        ("publisher", publication.publisher),
        ("publisher-place", publication.place),
        ("volume", publication.volume),
        ("issue", publication.issue),
        ("page", publication.pages),
        ("edition", publication.edition),
        ("DOI", publication.doi),
        ("ISBN", publication.isbn),
        ("ISSN", publication.issn),
        ("URL", publication.url or publication.pdf_url),
        ("language", publication.language),
        ("abstract", _abstract(publication)),
    ):
        if value:
            item[key] = value
    return item


def _abstract(publication: Publication) -> str:
    """One abstract for formats that hold one: the one in the publication's language first."""
    order = ("sv", "en") if publication.language == "sv" else ("en", "sv")
    return next(
        (
            getattr(publication, f"abstract_{code}")
            for code in order
            if getattr(publication, f"abstract_{code}")
        ),
        "",
    )


def fields_from_csl(item: dict) -> dict:
    """Publication field values from a CSL item, as read (the model's clean() checks them)."""
    year, date = _issued(item.get("issued"))
    fields = {
        "title_sv": _text(item.get("title")),
        "title_en": _text(item.get("title")),
        "authors": _names(item.get("author")),
        "year": year,
        "date": date,
        "publication_type": TYPES_FROM_CSL.get(_text(item.get("type")), ""),
        "container_title": _text(item.get("container-title")),
        "publisher": _text(item.get("publisher")),
        "place": _text(item.get("publisher-place")),
        "volume": _text(item.get("volume")),
        "issue": _text(item.get("issue")),
        "pages": _text(item.get("page")),
        "edition": _text(item.get("edition")),
        "doi": _text(item.get("DOI")),
        "isbn": _text(item.get("ISBN")).split(" ")[0],
        "issn": _text(item.get("ISSN")).split(" ")[0],
        "url": _text(item.get("URL")),
        "language": _language(_text(item.get("language"))),
    }
    abstract = _text(item.get("abstract"))
    if abstract:
        fields[f"abstract_{abstract_language(abstract, fields['language'])}"] = abstract
    return fields


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):  # CSL-JSON from some tools gives one-item lists
        value = value[0] if value else ""
    return " ".join(str(value).split())


def _names(value) -> list[dict]:
    if not value:
        return []
    if not isinstance(value, list):
        raise ValueError(_("the authors are not a list"))
    result = []
    for name in value:
        if isinstance(name, str):
            result.append(names.parse_name(name))
        elif isinstance(name, dict) and _text(name.get("literal")):
            result.append(names.organisation(_text(name["literal"])))
        elif isinstance(name, dict) and _text(name.get("family")):
            family = " ".join(
                filter(None, [_text(name.get("non-dropping-particle")), _text(name["family"])])
            )
            given = " ".join(
                filter(None, [_text(name.get("given")), _text(name.get("dropping-particle"))])
            )
            result.append(names.person(family, given))
        else:
            raise ValueError(_("an author has no name"))
    return result


def _issued(value) -> tuple[int | None, datetime.date | None]:
    """(year, full date or None) from a CSL date: date-parts, or the raw text of a date."""
    if not value:
        return None, None
    if isinstance(value, dict) and value.get("date-parts"):
        parts = value["date-parts"][0]
    elif isinstance(value, dict) and value.get("raw"):
        parts = [int(part) for part in re.findall(r"\d+", str(value["raw"]))[:3]]
    elif isinstance(value, dict) and value.get("literal"):
        parts = [int(part) for part in re.findall(r"\d{4}", str(value["literal"]))[:1]]
    else:
        raise ValueError(_("the date cannot be read"))
    try:
        parts = [int(part) for part in parts]
    except (TypeError, ValueError):
        raise ValueError(_("the date cannot be read")) from None
    if not parts:
        return None, None
    if len(parts) >= 3:
        try:
            return parts[0], datetime.date(*parts[:3])
        except ValueError:
            raise ValueError(
                _("the date %(date)s does not exist") % {"date": "-".join(map(str, parts[:3]))}
            ) from None
    return parts[0], None


LANGUAGE_NAMES = {
    "swedish": "sv", "svenska": "sv", "swe": "sv",
    "english": "en", "engelska": "en", "eng": "en",
    "norwegian": "no", "norska": "no", "nor": "no", "nb": "no", "nn": "no", "nob": "no",
    "danish": "da", "danska": "da", "dan": "da",
    "finnish": "fi", "finska": "fi", "fin": "fi",
    "german": "de", "tyska": "de", "ger": "de", "deu": "de",
    "french": "fr", "franska": "fr", "fre": "fr", "fra": "fr",
    "spanish": "es", "spanska": "es", "spa": "es",
}  # fmt: skip


def _language(value: str) -> str:
    """A language code from what reference managers write: "sv", "sv-SE", "Swedish", "swe"."""
    text = value.strip().lower()
    if not text:
        return ""
    code = text.split("-")[0].split("_")[0]
    if code in Language.values:
        return code
    return LANGUAGE_NAMES.get(text, LANGUAGE_NAMES.get(code, ""))


SWEDISH_WORDS = frozenset(
    [
        "och",
        "att",
        "som",
        "det",
        "för",
        "av",
        "med",
        "är",
        "på",
        "en",
        "till",
        "inte",
        "har",
        "de",
        "den",
        "om",
        "var",
    ]
)
ENGLISH_WORDS = frozenset(
    [
        "and",
        "the",
        "that",
        "of",
        "to",
        "in",
        "is",
        "for",
        "with",
        "are",
        "on",
        "as",
        "this",
        "was",
        "by",
    ]
)


def abstract_language(text: str, language: str) -> str:
    """The language of an abstract: the publication's, if Swedish or English; else the one
    whose common words it uses more."""
    if language in ("sv", "en"):
        return language
    words = re.findall(r"\w+", text.lower())
    swedish = sum(word in SWEDISH_WORDS for word in words)
    english = sum(word in ENGLISH_WORDS for word in words)
    return "sv" if swedish > english else "en"


# ---------------------------------------------------------------------------------------------
# Citation styles (citeproc-py)

_style_lock = threading.Lock()


@functools.cache
def _style(filename: str, locale: str) -> CitationStylesStyle:
    return CitationStylesStyle(str(STYLE_DIR / filename), locale=locale, validate=False)


@dataclass(frozen=True)
class Reference:
    html: SafeString
    text: str


def _escaped(value):
    """citeproc-py's HTML formatter does not escape what it is given: every text is escaped
    before, and its own markup (italics) is what the output may contain."""
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    if isinstance(value, dict):
        return {
            key: inner if key in ("id", "type") else _escaped(inner) for key, inner in value.items()
        }
    return value


# What a formatted reference may contain: citeproc-py's markup for italics and the like.
SAFE_TAGS = {"i", "b", "span", "sup", "sub"}
# citeproc-py does not collapse punctuation: "failure?." for a title ending in a question mark.
DOUBLED_PUNCTUATION_RE = re.compile(r"([?!.])\.(?=\s|<|$)")


def _tidy(text: str) -> str:
    return DOUBLED_PUNCTUATION_RE.sub(r"\1", text.strip())


def _bibliography(items: list[dict], style: Style, language: str, output) -> list[tuple[str, str]]:
    """The items' entries in the style's order (the items' order where the style has none)."""
    # citeproc-py sets the formatter on the shared style object: one drawing at a time.
    with _style_lock:
        bibliography = CitationStylesBibliography(
            _style(style.filename, LOCALES[language]), CiteProcJSON(items), output
        )
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        bibliography.sort()
        return list(zip(bibliography.keys, map(str, bibliography.bibliography()), strict=True))


def format_references(
    publications: Iterable[Publication], style_key: str = "apa"
) -> list[tuple[Publication, Reference]]:
    """Each publication with its reference in a style, in the visitor's language, ordered as
    the style orders a list of references; drawn once per content version."""
    publications = list(publications)
    style = STYLES[style_key]
    language = current_language()

    def draw() -> list[tuple[int, Reference]]:
        items = [to_csl(publication) for publication in publications]
        escaped = [_escaped(item) for item in items]
        marked = _bibliography(escaped, style, language, citeproc_formatter.html)
        plain = dict(_bibliography(items, style, language, citeproc_formatter.plain))
        # citeproc-py keys its items by their ids in lower case; slugs are.
        pks = {publication.slug.lower(): publication.pk for publication in publications}
        return [
            (
                pks[key],
                Reference(
                    mark_safe(nh3.clean(_tidy(markup), tags=SAFE_TAGS, attributes={})),  # noqa: S308 - sanitised by nh3
                    _tidy(plain[key]),
                ),
            )
            for key, markup in marked
        ]

    if not publications:
        return []
    by_pk = {publication.pk: publication for publication in publications}
    key = (style.key, language, *sorted(by_pk))
    return [(by_pk[pk], reference) for pk, reference in remember("references", key, draw)]


def format_reference(publication: Publication, style_key: str = "apa") -> Reference:
    return format_references([publication], style_key)[0][1]


# ---------------------------------------------------------------------------------------------
# RIS (rispy)

RIS_TYPES = {
    "article-journal": "JOUR",
    "book": "BOOK",
    "chapter": "CHAP",
    "report": "RPRT",
    "thesis": "THES",
    "legislation": "GOVDOC",
    "paper-conference": "CPAPER",
    "document": "GEN",
}
CSL_FROM_RIS = {
    **{ris: csl for csl, ris in RIS_TYPES.items()},
    "EJOUR": "article-journal",
    "JFULL": "article-journal",
    "EBOOK": "book",
    "EDBOOK": "book",
    "ECHAP": "chapter",
    "CONF": "paper-conference",
    "LEGAL": "legislation",
    "STAT": "legislation",
    "BILL": "legislation",
}
# Where RIS writers put the journal or the book: T2 first (the RIS specification), then the
# tags EndNote and older writers use. A book's T2 is its series, not a container.
RIS_CONTAINER_KEYS = (
    "secondary_title",
    "alternate_title3",
    "journal_name",
    "alternate_title2",
    "alternate_title1",
)


class RisWriter(rispy.RisWriter):
    """rispy's writer without the counter line ("1.") it puts before each reference, which
    no reference manager writes."""

    def set_header(self, count: int) -> str:
        return ""


RIS_DATE_RE = re.compile(r"^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?")


def to_ris(items: list[dict]) -> str:
    records = []
    for item in items:
        first, last = identifiers.page_range(item.get("page", ""))
        parts = _date_parts(item)
        record = {
            "type_of_reference": RIS_TYPES.get(item["type"], "GEN"),
            "authors": [names.display_name(name) for name in item.get("author", [])],
            "title": item["title"],
            "secondary_title": item.get("container-title"),
            "year": str(parts[0]) if parts else None,
            "date": _iso_date(parts, "/") if len(parts) == 3 else None,
            "volume": item.get("volume"),
            "number": item.get("issue"),
            "start_page": first or None,
            "end_page": last or None,
            "edition": item.get("edition"),
            "place_published": item.get("publisher-place"),
            "publisher": item.get("publisher"),
            "doi": item.get("DOI"),
            "issn": item.get("ISBN") or item.get("ISSN"),
            "urls": [item["URL"]] if item.get("URL") else None,
            "language": item.get("language"),
            "abstract": item.get("abstract"),
        }
        records.append({key: value for key, value in record.items() if value})
    return rispy.dumps(records, implementation=RisWriter)


def _date_parts(item: dict) -> list[int]:
    return (item.get("issued") or {}).get("date-parts", [[]])[0]


def _iso_date(parts: list[int], separator: str) -> str:
    """2005/09/01 (RIS) or 2005-09-01 (BibTeX)."""
    year, month, day = parts
    return f"{year:04d}{separator}{month:02d}{separator}{day:02d}"


def ris_to_csl(record: dict) -> dict:
    """A CSL item from a record rispy read."""
    kind = CSL_FROM_RIS.get(str(record.get("type_of_reference", "")).strip().upper(), "document")
    item: dict = {"type": kind}
    title = record.get("title") or record.get("primary_title") or record.get("translated_title")
    if title:
        item["title"] = title
    authors = [*record.get("authors", []), *record.get("first_authors", [])]
    if authors:
        item["author"] = [names.parse_name(name) for name in authors if name.strip()]
    if kind not in ("book", "thesis", "report"):
        container = next((record[key] for key in RIS_CONTAINER_KEYS if record.get(key)), "")
        if container:
            item["container-title"] = container
    date = (
        _ris_date(record.get("date"))
        or _ris_date(record.get("year"))
        or _ris_date(record.get("publication_year"))
    )
    if date:
        item["issued"] = {"date-parts": [date]}
    first, last = (
        str(record.get("start_page") or "").strip(),
        str(record.get("end_page") or "").strip(),
    )
    if first:
        item["page"] = f"{first}-{last}" if last and last != first else first
    for key, csl_key in (
        ("volume", "volume"),
        ("number", "issue"),
        ("edition", "edition"),
        ("place_published", "publisher-place"),
        ("publisher", "publisher"),
        ("doi", "DOI"),
        ("language", "language"),
        ("abstract", "abstract"),
    ):
        if record.get(key):
            item[csl_key] = record[key]
    if not item.get("abstract") and record.get("notes_abstract"):
        item["abstract"] = record["notes_abstract"]
    serial = str(record.get("issn") or "").strip()
    if serial:
        # RIS has one tag, SN, for ISBNs and ISSNs: an ISSN has eight characters.
        compact = re.sub(r"[^0-9Xx]", "", serial.split()[0])
        item["ISSN" if len(compact) == 8 else "ISBN"] = serial.split()[0]
    urls = [url for url in record.get("urls", []) if url.strip()]
    if urls:
        item["URL"] = urls[0].strip()
    return item


def _ris_date(value) -> list[int] | None:
    match = RIS_DATE_RE.match(str(value or "").strip())
    if not match:
        return None
    return [int(part) for part in match.groups() if part]


# ---------------------------------------------------------------------------------------------
# BibTeX (bibtexparser)

BIBTEX_TYPES = {
    "article-journal": "article",
    "book": "book",
    "chapter": "incollection",
    "report": "techreport",
    "thesis": "phdthesis",
    "paper-conference": "inproceedings",
}
CSL_FROM_BIBTEX = {
    "article": "article-journal",
    "book": "book",
    "incollection": "chapter",
    "inbook": "chapter",
    "techreport": "report",
    "report": "report",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
}
# Who published it, by entry type (BibTeX names the publisher of a report and a thesis apart).
BIBTEX_PUBLISHER = {"techreport": "institution", "phdthesis": "school"}
# Characters LaTeX reads as commands, escaped so that the file can be typeset.
LATEX_SPECIALS_RE = re.compile(r"([&%$#_])")


def _latex(text: str) -> str:
    escaped = LATEX_SPECIALS_RE.sub(r"\\\1", text)
    if escaped.count("{") != escaped.count("}"):
        escaped = escaped.replace("{", r"\{").replace("}", r"\}")
    return escaped


def _bibtex_name(name: dict) -> str:
    if names.is_organisation(name):
        return "{" + _latex(name["literal"]) + "}"
    return _latex(names.display_name(name))


def bibtex_key(item: dict, taken: set[str]) -> str:
    """ "mollas2009", then "mollas2009a", … for the next ones with the same author and year."""
    first = names.sort_key(item.get("author", [])) or "anon"
    year = str(_date_parts(item)[0]) if _date_parts(item) else ""
    base = slugify(first.split()[0] if first.split() else first).replace("-", "") + year
    key, suffix = base or "ref", 0
    while key in taken:
        key = f"{base}{chr(ord('a') + suffix)}" if suffix < 26 else f"{base}-{suffix}"
        suffix += 1
    taken.add(key)
    return key


def to_bibtex(items: list[dict]) -> str:
    taken: set[str] = set()
    entries = []
    for item in items:
        entry_type = BIBTEX_TYPES.get(item["type"], "misc")
        parts = _date_parts(item)
        values = {
            "author": " and ".join(_bibtex_name(name) for name in item.get("author", [])),
            "title": _latex(item["title"]),
            ("booktitle" if entry_type == "incollection" else "journal"): _latex(
                item.get("container-title", "")
            ),
            BIBTEX_PUBLISHER.get(entry_type, "publisher"): _latex(item.get("publisher", "")),
            "address": _latex(item.get("publisher-place", "")),
            "year": str(parts[0]) if parts else "",
            "month": str(parts[1]) if len(parts) > 1 else "",
            "date": _iso_date(parts, "-") if len(parts) == 3 else "",
            "volume": item.get("volume", ""),
            "number": item.get("issue", ""),
            "pages": item.get("page", "").replace("-", "--"),
            "edition": _latex(item.get("edition", "")),
            "doi": item.get("DOI", ""),
            "isbn": item.get("ISBN", ""),
            "issn": item.get("ISSN", ""),
            "url": item.get("URL", ""),
            "language": item.get("language", ""),
            "abstract": _latex(item.get("abstract", "")),
        }
        fields = [Field(key, value) for key, value in values.items() if value]
        entries.append(Entry(entry_type, bibtex_key(item, taken), fields))
    return bibtexparser.write_string(Library(entries))


def bibtex_to_csl(entry: Entry) -> dict:
    """A CSL item from an entry bibtexparser read (names separated, LaTeX decoded elsewhere)."""
    fields = {
        key.lower(): value for key, value in ((field.key, field.value) for field in entry.fields)
    }

    def text(*keys: str) -> str:
        return next((" ".join(str(fields[key]).split()) for key in keys if fields.get(key)), "")

    kind = CSL_FROM_BIBTEX.get(entry.entry_type.lower(), "document")
    item: dict = {"type": kind}
    title = text("title")
    subtitle = text("subtitle")
    if title:
        item["title"] = f"{title}: {subtitle}" if subtitle else title
    if fields.get("author"):
        item["author"] = [bibtex_name(name) for name in fields["author"]]
    container = text("booktitle") if kind == "chapter" else text("journal", "journaltitle")
    if container:
        item["container-title"] = container
    publisher = text("publisher", "institution", "school", "organization")
    if publisher:
        item["publisher"] = publisher
    date = _bibtex_date(text("date"), text("year"), text("month"))
    if date:
        item["issued"] = {"date-parts": [date]}
    for key, csl_key in (
        ("address", "publisher-place"),
        ("location", "publisher-place"),
        ("volume", "volume"),
        ("number", "issue"),
        ("edition", "edition"),
        ("doi", "DOI"),
        ("isbn", "ISBN"),
        ("issn", "ISSN"),
        ("url", "URL"),
        ("language", "language"),
        ("langid", "language"),
        ("abstract", "abstract"),
    ):
        if text(key) and csl_key not in item:
            item[csl_key] = text(key)
    pages = text("pages")
    if pages:
        item["page"] = re.sub(r"\s*[-–—]+\s*", "-", pages)  # "--" is read as an en dash
    return item


MONTHS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}


def _bibtex_date(date: str, year: str, month: str) -> list[int] | None:
    parts = [int(part) for part in re.findall(r"\d+", date)[:3]] if date else []
    if parts and len(str(parts[0])) == 4:
        return parts
    match = re.search(r"\d{4}", year)
    if not match:
        if year:
            raise ValueError(_("the year %(year)s cannot be read") % {"year": year[:20]})
        return None
    parts = [int(match.group())]
    month_number = MONTHS.get(month[:3].lower()) or (
        int(month) if month.isdigit() and 1 <= int(month) <= 12 else None
    )
    if month_number:
        parts.append(month_number)
    return parts


def bibtex_name(name: str) -> dict:
    """A person ("Family, Given", "Given Family", "van der Berg, Jan") or an organisation, in
    braces as BibTeX writes one: its LaTeX decoded."""
    from bibtexparser.middlewares.names import parse_single_name_into_parts
    from pylatexenc.latex2text import LatexNodes2Text

    decode = LatexNodes2Text().latex_to_text
    name = name.strip()
    if name.startswith("{") and name.endswith("}") and _braced_whole(name):
        return names.organisation(decode(name[1:-1]))
    parts = parse_single_name_into_parts(name)
    family = " ".join([*parts.von, *parts.last, *parts.jr])
    given = " ".join(parts.first)
    return (
        names.person(decode(family), decode(given)) if family else names.organisation(decode(name))
    )


def _braced_whole(text: str) -> bool:
    """Whether the opening brace of `text` closes at its end: "{A and B}", not "{A} and {B}"."""
    depth = 0
    for position, char in enumerate(text):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and position < len(text) - 1:
            return False
    return True


# ---------------------------------------------------------------------------------------------
# Export


def to_csl_json(items: list[dict]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


WRITERS = {"ris": to_ris, "bib": to_bibtex, "json": to_csl_json}


def export(publications: Iterable[Publication], format_key: str) -> str:
    """The publications written in a format (FORMATS)."""
    return WRITERS[format_key]([to_csl(publication) for publication in publications])
