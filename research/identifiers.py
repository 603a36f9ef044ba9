"""A reference's identifiers (DOI, ISBN, ISSN), its links and page ranges: read leniently as
people and reference managers write them, checked, and stored in one normal form.

Each `normal_*` function returns the normal form or raises ValidationError with a message for
the editor; the model's clean() and the importer both go through them, so a value typed in the
admin and one read from a file end up the same.
"""

import re
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from stdnum import isbn, issn
from stdnum.exceptions import ValidationError as NumberError

# "doi:10.1000/x", "https://doi.org/10.1000/x", "http://dx.doi.org/10.1000/x" all name 10.1000/x.
DOI_PREFIX_RE = re.compile(
    r"^(?:doi:\s*|https?://(?:dx\.|www\.)?doi\.org/|(?:dx\.|www\.)?doi\.org/)", re.IGNORECASE
)
# A DOI: the directory indicator 10, a registrant code, a slash and a suffix without spaces
# (the DOI Handbook allows any printable characters in the suffix).
DOI_RE = re.compile(r"^10\.\d{4,9}(?:\.\d+)*/\S+$")
# Pages: "949-967", "949–67", "e1002", "S12-S19", "xii-xv", or a list of such ranges.
PAGE_RANGE_RE = re.compile(
    r"^[A-Za-z]{0,3}\d*[A-Za-z]{0,5}(?:\s*[-–—]+\s*[A-Za-z]{0,3}\d*[A-Za-z]{0,5})?$"
)
MAX_URL_LENGTH = 500
web_address = URLValidator(schemes=["http", "https"])


def normal_doi(value: str) -> str:
    """The bare DOI ("10.1111/j.1467-8624.2005.00889.x"), its letters as given: DOIs are
    matched without regard to case (duplicates, the database's uniqueness)."""
    text = unquote(value.strip())
    text = DOI_PREFIX_RE.sub("", text).strip()
    if not DOI_RE.match(text) or len(text) > 255:
        raise ValidationError(
            _(
                "%(value)s is not a DOI. A DOI begins with 10. and a slash follows the prefix, e.g. 10.1111/j.1467-8624.2005.00889.x."
            ),
            code="invalid_doi",
            params={"value": value.strip()[:100]},
        )
    return text


def doi_url(doi: str) -> str:
    """The DOI's address at its resolver (settings.DOI_RESOLVER, https://doi.org/)."""
    return settings.DOI_RESOLVER + quote(doi, safe="/:;()")


def normal_isbn(value: str) -> str:
    """The ISBN hyphenated by its ranges, ISBN-10 or ISBN-13 as given."""
    try:
        return isbn.format(isbn.validate(value), convert=False)
    except NumberError:
        raise ValidationError(
            _("%(value)s is not a valid ISBN (10 or 13 digits with a correct check digit)."),
            code="invalid_isbn",
            params={"value": value.strip()[:40]},
        ) from None


def normal_issn(value: str) -> str:
    """The ISSN as 1234-567X."""
    try:
        return issn.format(issn.validate(value))
    except NumberError:
        raise ValidationError(
            _("%(value)s is not a valid ISSN (8 characters with a correct check digit)."),
            code="invalid_issn",
            params={"value": value.strip()[:40]},
        ) from None


def normal_url(value: str) -> str:
    """A web address (http or https), with its scheme and host in lower case."""
    text = value.strip()
    if len(text) > MAX_URL_LENGTH:
        raise ValidationError(
            _("The address is too long (at most %(limit)d characters)."),
            code="url_too_long",
            params={"limit": MAX_URL_LENGTH},
        )
    try:
        web_address(text)
    except ValidationError:
        raise ValidationError(
            _("%(value)s is not a web address beginning with http:// or https://."),
            code="invalid_url",
            params={"value": text[:100]},
        ) from None
    parts = urlsplit(text)
    return urlunsplit(parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower()))


def normal_pages(value: str) -> str:
    """Pages as "949-967" (or a list of ranges, comma-separated)."""
    ranges = [part.strip() for part in value.split(",")]
    if not all(ranges) or not all(PAGE_RANGE_RE.match(part) for part in ranges) or len(value) > 50:
        raise ValidationError(
            _("Write pages as a number or a range, e.g. 949-967 or e1002."),
            code="invalid_pages",
        )
    return ", ".join(re.sub(r"\s*[-–—]+\s*", "-", part) for part in ranges)


def page_range(pages: str) -> tuple[str, str]:
    """(first page, last page) of the first range, for formats that take them apart."""
    first, _dash, last = pages.split(",")[0].partition("-")
    return first.strip(), last.strip()
