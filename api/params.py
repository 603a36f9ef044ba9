"""Query parameters that many endpoints share, with the limits the schema states.

Optional parameters are typed without None (their default is None): a query parameter is
either given, with a valid value, or absent; the schema then says exactly what is valid.
"""

from typing import Annotated

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Schema
from pydantic import Field, StringConstraints

from .schemas import Language

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# Deeper pages are refused: the downloads hold everything at once.
MAX_PAGE = 10_000

TAG_SLUG = r"^[-\w]{1,100}$"
REGION_CODE = r"^[0-9]{2}$"
MUNICIPALITY_CODE = r"^[0-9]{4}$"
ARTICLE_SLUG = r"^[-a-zA-Z0-9_]{1,200}$"
KPI = r"^[A-Z][0-9]{5}$"

TagSlug = Annotated[str, StringConstraints(pattern=TAG_SLUG)]


class LanguageParameter(Schema):
    lang: Language = Field(
        None,
        description=gettext_noop(
            "The answer's language. Without it, the first of sv and en that the "
            "Accept-Language header accepts, else sv. Texts missing in that language come in "
            "the other, marked by their `lang`."
        ),
    )


class PageParameters(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description=gettext_noop("The page number, from 1."))
    page_size: int = Field(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=gettext_noop("How many items a page holds."),
    )


def year_range_errors(from_year: int | None, to_year: int | None) -> dict[str, str]:
    """The error of a year range that ends before it starts ({parameter: message})."""
    if from_year is not None and to_year is not None and from_year > to_year:
        return {"to_year": _("to_year comes before from_year.")}
    return {}
