"""Images and documents uploaded to articles: checked by what they contain, never by their name
or the type the browser claims, and stored through Django's storage API under names we make.

An image is decoded by Pillow, turned upright, re-encoded without its metadata (a phone photo's
EXIF holds where it was taken) and copied into a few narrower widths for `srcset`. A document
must be a PDF, a Word document (.docx, no macros) or an OpenDocument text (.odt), and its text
is read for Artikelsök. Anything else is refused with a message saying why, before anything is
stored.
"""

from __future__ import annotations

import io
import re
import uuid
import warnings
import zipfile
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from defusedxml import ElementTree
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, ImageOps
from pypdf import PdfReader

from .models import DocumentType

# Pillow's format name → (file extension, what Pillow saves it with).
IMAGE_FORMATS = {
    "JPEG": ("jpg", {"quality": 85, "optimize": True, "progressive": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 85}),
}
# A decoded image is width × height × 4 bytes in memory: refuse what would take too much.
MAX_PIXELS = 40_000_000
# The text kept of a document: a long report's; PostgreSQL refuses a search vector of 1 MB or
# more, which the article's other texts share.
MAX_TEXT_CHARACTERS = 200_000
MAX_PDF_PAGES = 1000
# A Word or OpenDocument file is a zip: its parts, unpacked, may not exceed this (zip bombs).
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ZIP_MEMBERS = 5000

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ODF_TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _sniff_image(head: bytes) -> str | None:
    """The image format the first bytes announce (JPEG, PNG, WEBP), or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


def _read(uploaded, limit: int, too_large: str) -> bytes:
    """The upload's bytes, refused past `limit` without reading further than that."""
    size = getattr(uploaded, "size", None)
    if size is not None and size > limit:
        raise ValidationError(too_large, code="too_large")
    uploaded.seek(0)
    data = uploaded.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(too_large, code="too_large")
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    return data


def _too_large(limit: int) -> str:
    return _("The file is too large: at most %(size)s.") % {"size": filesizeformat(limit)}


@dataclass
class PreparedImage:
    """An image as it will be stored: its encoded bytes and its narrower copies."""

    format: str
    data: bytes
    width: int
    height: int
    # (width, encoded bytes), narrowest first.
    copies: list[tuple[int, bytes]] = field(default_factory=list)

    @property
    def extension(self) -> str:
        return IMAGE_FORMATS[self.format][0]


def _encode(image: Image.Image, image_format: str) -> bytes:
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif image_format == "PNG" and image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        image = image.convert("RGBA")
    elif image_format == "WEBP" and image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    out = io.BytesIO()
    # Saved afresh, with nothing of the original's metadata (EXIF, XMP, comments).
    image.save(out, format=image_format, **IMAGE_FORMATS[image_format][1])
    return out.getvalue()


def prepare_image(uploaded) -> PreparedImage:
    """Check an uploaded image by its content and prepare what is stored, or refuse it."""
    limit = settings.UPLOAD_MAX_IMAGE_BYTES
    data = _read(uploaded, limit, _too_large(limit))
    refused = _("The file is not a JPEG, PNG or WebP image.")
    sniffed = _sniff_image(data[:16])
    if sniffed is None:
        raise ValidationError(refused, code="not_an_image")
    try:
        with warnings.catch_warnings():
            # A decompression bomb warns at half Pillow's limit: refused like one past it.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format != sniffed:
                    raise ValidationError(refused, code="not_an_image")
                if probe.width * probe.height > MAX_PIXELS:
                    raise ValidationError(
                        _("The image is too large: at most %(pixels)s million pixels.")
                        % {"pixels": MAX_PIXELS // 1_000_000},
                        code="too_many_pixels",
                    )
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(
            _("The image is too large: at most %(pixels)s million pixels.")
            % {"pixels": MAX_PIXELS // 1_000_000},
            code="too_many_pixels",
        ) from exc
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for a broken file
        raise ValidationError(
            _("The image could not be read: the file is damaged or not an image."),
            code="unreadable",
        ) from exc
    widest = settings.IMAGE_MAX_WIDTH
    if image.width > widest:
        image = image.resize((widest, round(image.height * widest / image.width)), Image.LANCZOS)
    prepared = PreparedImage(sniffed, _encode(image, sniffed), image.width, image.height)
    for width in sorted(settings.IMAGE_WIDTHS):
        if width < image.width:
            copy = image.resize(
                (width, max(1, round(image.height * width / image.width))), Image.LANCZOS
            )
            prepared.copies.append((width, _encode(copy, sniffed)))
    return prepared


@dataclass
class PreparedDocument:
    file_type: str
    data: bytes
    text: str

    @property
    def extension(self) -> str:
        return self.file_type

    @property
    def size(self) -> int:
        return len(self.data)


def _clean_text(text: str) -> str:
    # PostgreSQL stores no NUL character; runs of blank space say nothing.
    text = text.replace("\x00", " ")
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r"\n\s*\n+", "\n\n", text)
    return text.strip()[:MAX_TEXT_CHARACTERS]


def _pdf_text(data: bytes) -> str:
    unreadable = _("The PDF could not be read: the file is damaged.")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(
                _("The PDF is protected by a password: upload it without one."), code="encrypted"
            )
        pages = []
        for page in reader.pages[:MAX_PDF_PAGES]:
            pages.append(page.extract_text() or "")
            if sum(len(text) for text in pages) > MAX_TEXT_CHARACTERS:
                break
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds for a broken file
        raise ValidationError(unreadable, code="unreadable") from exc
    return _clean_text("\n\n".join(pages))


def _zip_part(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archive.read(name)
    except KeyError:
        return b""


def _xml_paragraphs(xml: bytes, paragraph_tags: tuple[str, ...]) -> str:
    """The text of each paragraph element, one a line. defusedxml refuses entity tricks."""
    root = ElementTree.fromstring(xml)
    lines = []
    for element in root.iter():
        if element.tag in paragraph_tags:
            lines.append("".join(element.itertext()))
    return "\n".join(lines)


def _office_document(data: bytes) -> tuple[str, str]:
    """(file type, text) of a Word or OpenDocument text file, or refused."""
    refused = _("Only PDF, Word (.docx) and OpenDocument text (.odt) documents can be uploaded.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
            raise ValidationError(_("The document unpacks to too much data."), code="zip_bomb")
        names = {member.filename for member in members}
        if _zip_part(archive, "mimetype").strip() == ODT_MIMETYPE:
            if any(name.startswith(("Basic/", "Scripts/")) for name in names):
                raise ValidationError(_("Documents with macros cannot be uploaded."), code="macros")
            text = _xml_paragraphs(
                _zip_part(archive, "content.xml"), (f"{ODF_TEXT_NS}p", f"{ODF_TEXT_NS}h")
            )
            return DocumentType.ODT, text
        content_types = _zip_part(archive, "[Content_Types].xml")
        if content_types and "word/document.xml" in names:
            if DOCX_MAIN.encode() not in content_types or "word/vbaProject.bin" in names:
                # A .docm (macros) or another kind of Office file named .docx.
                raise ValidationError(_("Documents with macros cannot be uploaded."), code="macros")
            return DocumentType.DOCX, _xml_paragraphs(
                _zip_part(archive, "word/document.xml"), (f"{WORD_NS}p",)
            )
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged zip or XML, or XML with entities
        raise ValidationError(
            _("The document could not be read: the file is damaged."), code="unreadable"
        ) from exc
    raise ValidationError(refused, code="not_a_document")


def prepare_document(uploaded) -> PreparedDocument:
    """Check an uploaded document by its content and read its text, or refuse it."""
    limit = settings.UPLOAD_MAX_DOCUMENT_BYTES
    data = _read(uploaded, limit, _too_large(limit))
    if data.startswith(b"%PDF-"):
        return PreparedDocument(DocumentType.PDF, data, _pdf_text(data))
    if data.startswith(b"PK\x03\x04"):
        file_type, text = _office_document(data)
        return PreparedDocument(file_type, data, _clean_text(text))
    raise ValidationError(
        _("Only PDF, Word (.docx) and OpenDocument text (.odt) documents can be uploaded."),
        code="not_a_document",
    )


# Storing ----------------------------------------------------------------------------------

# The names written during one admin request, so that they can be removed again if it fails
# after writing them (the database rolls back; storage does not).
_written: ContextVar[list[str] | None] = ContextVar("uploads_written", default=None)


@contextmanager
def removed_on_failure():
    """Files written inside are deleted again if the block raises."""
    names: list[str] = []
    token = _written.set(names)
    try:
        yield
    except BaseException:
        for name in names:
            default_storage.delete(name)
        raise
    finally:
        _written.reset(token)


def _save(name: str, data: bytes) -> str:
    stored = default_storage.save(name, ContentFile(data))
    written = _written.get()
    if written is not None:
        written.append(stored)
    return stored


def _folder(kind: str) -> str:
    return f"{kind}/{timezone.now():%Y/%m}"


def store_image(prepared: PreparedImage) -> tuple[str, list[dict]]:
    """Write the image and its copies under new random names: (name, renditions)."""
    stem = f"{_folder('images')}/{uuid.uuid4().hex}"
    name = _save(f"{stem}.{prepared.extension}", prepared.data)
    renditions = [
        {"width": width, "name": _save(f"{stem}-{width}.{prepared.extension}", data)}
        for width, data in prepared.copies
    ]
    return name, renditions


def store_document(prepared: PreparedDocument, title: str) -> str:
    """Write the document in a new random folder, named after its title (ASCII only), so a
    download keeps a readable name."""
    readable = slugify(title)[:80] or "dokument"
    return _save(
        f"{_folder('documents')}/{uuid.uuid4().hex}/{readable}.{prepared.extension}",
        prepared.data,
    )
