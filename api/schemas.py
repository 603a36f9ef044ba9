"""The shapes every part of the API shares: a text marked with its language, a page of results,
references to articles, tags and areas. Each part's own shapes live with its endpoints."""

from __future__ import annotations

from datetime import date, datetime
from typing import Generic, Literal, TypeVar

from django.utils.translation import gettext_noop
from pydantic import BaseModel, ConfigDict, Field

Language = Literal["sv", "en"]


class Output(BaseModel):
    """The base of every shape the API answers with: a plain pydantic model, validated in
    pydantic's compiled core. (ninja's Schema wraps each nested value for attribute access,
    which cost more than the rest of a list's answer.)"""


Item = TypeVar("Item")


class Text(Output):
    model_config = ConfigDict(
        json_schema_extra={
            "description": gettext_noop(
                "A text and the language it is in: the answer's language, or the other one where the text exists only in that (the site shows it the same way, marked)."
            )
        }
    )

    value: str = Field(examples=["Utökat mentorskap och coachning"])
    lang: Language = Field(description=gettext_noop("The language of `value` (ISO 639-1)."))


class Choice(Output):
    model_config = ConfigDict(
        json_schema_extra={
            "description": gettext_noop(
                "A value of a controlled vocabulary: its stable code and its label in the answer's language."
            )
        }
    )

    value: str = Field(description=gettext_noop("The stable code, the same in both languages."))
    label: Text


class Rating(Output):
    value: int = Field(
        ge=0, le=3, description=gettext_noop("0 not assessed, 1 low, 2 moderate, 3 high.")
    )
    label: Text


class TagRef(Output):
    slug: str = Field(examples=["mentorskapsarbete"])
    name: Text
    api_url: str


class TermRef(Output):
    model_config = ConfigDict(
        json_schema_extra={
            "description": gettext_noop(
                "A term of one of the method bank's controlled vocabularies (/api/v1/vocabularies/)."
            )
        }
    )

    slug: str = Field(
        examples=["hog-franvaro"],
        description=gettext_noop("Stable within its vocabulary, the same in both languages."),
    )
    label: Text = Field(
        description=gettext_noop(
            "The term's name in the answer's language (in the other where it has none)."
        )
    )
    url: str = Field(
        description=gettext_noop("The method finder on the site, with the methods that have it.")
    )
    api_url: str = Field(description=gettext_noop("The methods that have it, in the API."))


class AreaRef(Output):
    model_config = ConfigDict(
        json_schema_extra={
            "description": gettext_noop(
                "A region (two-digit county code) or a municipality (four-digit kommunkod)."
            )
        }
    )

    code: str = Field(examples=["1441"])
    name: str = Field(examples=["Lerum"])
    url: str = Field(description=gettext_noop("The area's statistics page on the site."))
    api_url: str


class ArticleRef(Output):
    id: int
    slug: str
    type: str = Field(
        description=gettext_noop(
            "The content type: method, publication, summary, casestudy, news or page."
        )
    )
    title: Text
    url: str = Field(
        description=gettext_noop("The article's page on the site, in the answer's language.")
    )
    api_url: str | None = Field(description=gettext_noop("The article in the API."))


class Page(Output, Generic[Item]):
    model_config = ConfigDict(
        json_schema_extra={
            "description": gettext_noop(
                "One page of a list. Follow `next` until it is null to read the whole list."
            )
        }
    )

    count: int = Field(description=gettext_noop("How many items the whole list has."))
    page: int
    page_size: int
    next: str | None = Field(
        description=gettext_noop("The next page's address, or null on the last page.")
    )
    previous: str | None = Field(
        description=gettext_noop("The previous page's address, or null on the first.")
    )
    results: list[Item]


class Licence(Output):
    name: str | None = Field(description=gettext_noop("Null while the editors have not stated it."))
    url: str | None


class ArticleFields(Output):
    model_config = ConfigDict(
        json_schema_extra={
            "description": gettext_noop("What every article has, whatever its type.")
        }
    )

    id: int = Field(description=gettext_noop("Stable: never reused, never changed."))
    slug: str = Field(description=gettext_noop("The last part of the article's addresses."))
    type: str
    title: Text
    summary: Text | None
    languages: list[Language] = Field(
        description=gettext_noop("The languages the article is written in.")
    )
    url: str = Field(
        description=gettext_noop("The article's page on the site, in the answer's language.")
    )
    api_url: str | None = Field(description=gettext_noop("The article in the API."))
    published_at: datetime = Field(
        description=gettext_noop("When the article was published on the site.")
    )
    updated_at: datetime
    last_reviewed_at: date | None = Field(
        description=gettext_noop("When an editor last reviewed the article.")
    )
    dated_on: date | None = Field(
        description=gettext_noop("The date the text gives itself (a news item's), if any.")
    )
    tags: list[TagRef]
    regions: list[AreaRef]
    municipalities: list[AreaRef]


class ArticleBody(Output):
    body_html: Text | None = Field(
        description=gettext_noop(
            "The text as HTML (sanitised: headings, paragraphs, lists, links, emphasis)."
        )
    )
    body_markdown: Text | None = Field(
        description=gettext_noop("The same text as the editors wrote it.")
    )
    related: list[ArticleRef] = Field(
        description=gettext_noop("The published articles it links to.")
    )


class ProblemError(Output):
    parameter: str = Field(examples=["page_size"])
    detail: str = Field(examples=["Give at most 100."])


class Problem(Output):
    model_config = ConfigDict(
        json_schema_extra={
            "description": gettext_noop(
                "An error, as RFC 9457 problem details (`application/problem+json`)."
            )
        }
    )

    type: str = Field(
        description=gettext_noop("The address of this kind of problem's explanation.")
    )
    title: str
    status: int
    detail: str
    instance: str = Field(description=gettext_noop("The request's path and query."))
    errors: list[ProblemError] = Field(
        None,
        description=gettext_noop("With invalid parameters: each one and what is wrong with it."),
    )


# The errors every endpoint may answer (the 200 shape is each endpoint's own).
ERRORS = {400: Problem, 404: Problem, 429: Problem}
