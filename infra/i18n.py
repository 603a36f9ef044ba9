"""Per-language content fields: one column per language, read in the visitor's language.

An article is one row whatever the language (so tags, geography and search agree across
translations); a text missing in the visitor's language falls back to the other one.
"""

from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

CONTENT_LANGUAGES = ("sv", "en")
LANGUAGE_NAMES = {"sv": _("Swedish"), "en": _("English")}


def translated_fields(field_class, verbose_name, **kwargs):
    """Two fields, `<name>_sv` and `<name>_en`: `title_sv, title_en = translated_fields(...)`."""
    return tuple(
        field_class(format_lazy("{} ({})", verbose_name, LANGUAGE_NAMES[code]), **kwargs)
        for code in CONTENT_LANGUAGES
    )


def current_language() -> str:
    language = (get_language() or "sv")[:2]
    return language if language in CONTENT_LANGUAGES else "sv"


def language_order(preferred: str | None = None) -> tuple[str, ...]:
    first = preferred or current_language()
    return (first, *[code for code in CONTENT_LANGUAGES if code != first])


class TranslatedMixin:
    """Reads `<name>_<language>` in the active language, falling back to the other one."""

    def translated(self, name: str) -> str:
        for code in language_order():
            value = getattr(self, f"{name}_{code}", "")
            if value:
                return value
        return ""

    def translated_language(self, name: str) -> str:
        """The language the visitor actually sees `name` in."""
        for code in language_order():
            if getattr(self, f"{name}_{code}", ""):
                return code
        return current_language()
