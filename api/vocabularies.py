"""The method bank's controlled vocabularies in the API: each vocabulary and its terms
(/api/v1/vocabularies/), a method's terms by vocabulary, and the methods' filters by term.

The filters are the method finder's own (methods.finder.FACETS through its form): a term
parameter per vocabulary, repeatable; several terms of one vocabulary widen the choice (a
method with any of them), vocabularies narrow each other, as on /metoder/.
"""

# No `from __future__ import annotations`: django-ninja and pydantic read the annotations of
# the classes made here from the vocabularies.

from typing import Annotated

from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext_noop
from ninja import Query, Router, Schema
from pydantic import Field, StringConstraints, create_model

from content.facets import narrow
from methods.finder import FACETS, Finder, terms_by_vocabulary
from methods.models import Vocabulary

from .articles import FINDER_PARAMS, label, term_ref
from .links import Links
from .pagination import paginate
from .params import LanguageParameter, PageParameters
from .problems import InvalidParameters
from .schemas import ERRORS, Output, Page, TermRef, Text

router = Router()

TERM_SLUG = r"^[-a-zA-Z0-9_]{1,60}$"
TermSlug = Annotated[str, StringConstraints(pattern=TERM_SLUG)]
# At most this many terms of one vocabulary in a request (a vocabulary holds a few dozen).
MAX_TERMS = 50
VOCABULARIES = [vocabulary.value for vocabulary in Vocabulary]

# A method's terms: a list per vocabulary, named by the vocabulary's key.
MethodTerms = create_model(
    "MethodTerms",
    __base__=Output,
    **{
        key: (
            list[TermRef],
            Field(
                description=gettext_noop(
                    "The method's terms of this vocabulary, in the vocabulary's order "
                    "(empty: none stated)."
                )
            ),
        )
        for key in VOCABULARIES
    },
)

# The methods' term filters: one repeatable parameter per vocabulary.
TermFilters = create_model(
    "TermFilters",
    __base__=Schema,
    **{
        key: (
            list[TermSlug],
            Field(
                None,
                max_length=MAX_TERMS,
                description=gettext_noop(
                    "A term's slug in this vocabulary (/api/v1/vocabularies/ lists them); "
                    "repeat for several: methods with any of them. Each vocabulary narrows "
                    "the others, as in the method finder."
                ),
            ),
        )
        for key in VOCABULARIES
    },
)


def with_terms(queryset: QuerySet, filters) -> QuerySet:
    """`queryset` (rows keyed by the method's id) narrowed by the chosen terms, through the
    method finder's facets; an unknown term is the client's mistake (InvalidParameters)."""
    params = QueryDict(mutable=True)
    for key in VOCABULARIES:
        slugs = getattr(filters, key)
        if slugs:
            params.setlist(FINDER_PARAMS[key], slugs)
    if not params:
        return queryset
    finder = Finder(params)
    if finder.form.errors:
        api_names = {param: key for key, param in FINDER_PARAMS.items()}
        raise InvalidParameters(
            errors={
                api_names[param]: [str(message) for message in messages]
                for param, messages in finder.form.errors.items()
            }
        )
    return narrow(queryset, FACETS, finder.chosen)


class VocabularyItem(Output):
    key: str = Field(
        examples=["target_group"],
        description=gettext_noop(
            "Stable: the name of the vocabulary's list in a method's `terms`, and of the "
            "methods' filter by its terms."
        ),
    )
    label: Text
    terms: list[TermRef] = Field(description=gettext_noop("In the order the site lists them."))


def vocabulary_items(links: Links) -> list[dict]:
    """Every vocabulary with its terms, in the finder's order (terms held in memory)."""
    terms = terms_by_vocabulary()
    return [
        {
            "key": vocabulary.value,
            "label": label(vocabulary.label),
            "terms": [term_ref(term, links) for term in terms.get(vocabulary.value, [])],
        }
        for vocabulary in Vocabulary
    ]


@router.get(
    "/vocabularies/",
    response={200: Page[VocabularyItem], **ERRORS},
    operation_id="list_vocabularies",
    summary=gettext_noop("Vocabularies"),
    description=gettext_noop(
        "The controlled vocabularies that describe the methods (target group, type of "
        "intervention, phase, level of prevention, scope, organiser) and their terms: the "
        "values of a method's `terms` and of the methods' filters."
    ),
    tags=[gettext_noop("Methods")],
    url_name="vocabularies-list",
)
def list_vocabularies(
    request: HttpRequest, paging: Query[PageParameters], language: Query[LanguageParameter]
):
    items = vocabulary_items(Links(request))
    paged = paginate(request, items, paging, count=len(items))
    return paged.as_page(paged.items)
