"""The knowledge bank's articles in the API: one list and one detail endpoint per content type
(methods, publications, research summaries, case studies, news, information pages), and tags.

A list filters as Artikelsök does (the same FilterSet, so the same words, tags, areas and
years find the same articles), plus the structured fields of its type.
"""

# No `from __future__ import annotations`: django-ninja reads the endpoints' annotations, some
# of which are classes made in a function (collection_routes).

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date as Date

from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Path, Query, Router, Schema
from pydantic import ConfigDict, Field
from taggit.models import Tag

from casestudies.models import CaseStudy
from content.models import (
    NEWS,
    PAGE,
    Article,
    ArticleQuerySet,
    TaggedArticle,
    english_tag_name,
    tag_label,
)
from methods.models import CostLevel, EvidenceRating, Method
from research import citations
from research.models import (
    FIRST_YEAR,
    Publication,
    PublicationType,
    ResearchQuerySet,
    ResearchSummary,
    StudyDesign,
)
from research.models import Language as PublicationLanguage
from search.api import MAX_QUERY_LENGTH, MAX_TAGS, NEWEST, SORT_ORDERS, search_filterset
from stats.models import Municipality, Region

from . import articles
from .articles import COLLECTION_OF_KIND, REPRESENTATIONS, Representation
from .links import Links
from .pagination import paginate
from .params import (
    ARTICLE_SLUG,
    MUNICIPALITY_CODE,
    REGION_CODE,
    TAG_SLUG,
    LanguageParameter,
    PageParameters,
    TagSlug,
    year_range_errors,
)
from .problems import InvalidParameters, NotFound
from .schemas import (
    ERRORS,
    AreaRef,
    ArticleBody,
    ArticleFields,
    ArticleRef,
    Choice,
    Output,
    Page,
    Rating,
    Text,
)
from .vocabularies import MethodTerms, TermFilters, with_terms

router = Router()

# Artikelsök's order values, as a pattern for the schema.
SORT_PATTERN = f"^({'|'.join(SORT_ORDERS)})$"


# -- filters


class ArticleFilters(Schema):
    # Artikelsök's filters, for one type of article.

    q: str = Field(
        None,
        max_length=MAX_QUERY_LENGTH,
        description=gettext_noop(
            'Words to search for, as in Artikelsök: all words must match; "a phrase" in '
            "quotation marks; -word leaves out; OR between two words finds either."
        ),
        examples=["mentorskap"],
    )
    tag: list[TagSlug] = Field(
        None,
        max_length=MAX_TAGS,
        description=gettext_noop("A tag's slug; repeat for several (each narrows the results)."),
    )
    region: str = Field(
        None, pattern=REGION_CODE, description=gettext_noop("A region's two-digit county code.")
    )
    municipality: str = Field(
        None,
        pattern=MUNICIPALITY_CODE,
        description=gettext_noop("A municipality's four-digit code."),
    )
    year: int = Field(
        None,
        ge=1900,
        le=2100,
        description=gettext_noop(
            "The year an article shows, as in Artikelsök: a publication's year of publication, "
            "a news item's own date, a method's or case study's last review (an article that "
            "shows no date has no year)."
        ),
    )
    sort: str = Field(
        None,
        pattern=SORT_PATTERN,
        description=gettext_noop(
            "relevans (the default with words to search for) or datum (newest first)."
        ),
    )


# The API's names of Artikelsök's parameters, where they differ (kommun is municipality).
SEARCH_NAMES = {"municipality": "kommun"}


class MethodFilters(ArticleFilters, TermFilters):
    # Artikelsök's filters, a filter by term for each vocabulary (TermFilters) and the scales.

    scientific_basis: EvidenceRating = Field(
        None, description=gettext_noop("Rating of the scientific basis (0–3).")
    )
    proven_experience: EvidenceRating = Field(
        None, description=gettext_noop("Rating of the proven experience (0–3).")
    )
    cost_level: CostLevel = Field(
        None, description=gettext_noop("Cost level (1 low, 2 moderate, 3 high).")
    )


class ResearchFilters(ArticleFilters):
    # Forskning's year range, besides Artikelsök's filters.

    from_year: int = Field(
        None,
        ge=FIRST_YEAR,
        le=2100,
        description=gettext_noop(
            "From this year on: a publication's year of publication, a research summary's "
            "own date (Forskning's From year); a summary without one is in no year range."
        ),
    )
    to_year: int = Field(
        None,
        ge=FIRST_YEAR,
        le=2100,
        description=gettext_noop("Up to this year, counted as from_year is (Forskning's To year)."),
    )


class PublicationFilters(ResearchFilters):
    publication_type: PublicationType = Field(
        None, description=gettext_noop("Type of publication.")
    )
    study_design: StudyDesign = Field(None, description=gettext_noop("Study design."))
    language: PublicationLanguage = Field(
        None, description=gettext_noop("The language of the publication.")
    )
    open_access: bool = Field(
        None, description=gettext_noop("Only those open to all (true) or not (false).")
    )


def check_known(tags: list[str] | None, region: str | None, municipality: str | None) -> dict:
    """Errors for tags, regions and municipalities that do not exist ({parameter: message})."""
    errors: dict[str, object] = {}
    if tags:
        known = set(Tag.objects.filter(slug__in=tags).values_list("slug", flat=True))
        unknown = [slug for slug in tags if slug not in known]
        if unknown:
            errors["tag"] = [_("There is no tag %(slug)s.") % {"slug": slug} for slug in unknown]
    if region and not Region.objects.filter(code=region).exists():
        errors["region"] = _("There is no region with that code.")
    if municipality and not Municipality.objects.filter(code=municipality).exists():
        errors["municipality"] = _("There is no municipality with that code.")
    return errors


def search_params(filters: ArticleFilters) -> QueryDict:
    """The filters as Artikelsök's GET parameters."""
    params = QueryDict(mutable=True)
    for name in ArticleFilters.model_fields:
        value = getattr(filters, name)
        if value is not None:
            values = value if isinstance(value, list) else [value]
            params.setlist(SEARCH_NAMES.get(name, name), [str(item) for item in values])
    return params


def filtered_articles(queryset: QuerySet, filters: ArticleFilters) -> QuerySet:
    """`queryset` (published articles) filtered and ordered as Artikelsök would, by the same
    FilterSet; the client's mistakes are raised as InvalidParameters."""
    errors = check_known(filters.tag, filters.region, filters.municipality)
    if errors:
        raise InvalidParameters(errors=errors)
    params = search_params(filters)
    if not params:
        # Nothing for Artikelsök to do: its order without a query (building it costs more).
        return queryset.order_by(*NEWEST)
    filterset = search_filterset(params, queryset)
    if filterset.form.errors:
        api_names = {search: api for api, search in SEARCH_NAMES.items()}
        raise InvalidParameters(
            errors={
                api_names.get(name, name): [str(message) for message in messages]
                for name, messages in filterset.form.errors.items()
            }
        )
    return filterset.qs


# -- the content types' shapes


class ContactInfo(Output):
    name: str | None
    organisation: str | None
    email: str | None
    phone: str | None


class CostRating(Output):
    value: int = Field(ge=1, le=3, description=gettext_noop("1 low, 2 moderate, 3 high."))
    label: Text


class MethodFields(Output):
    terms: MethodTerms = Field(
        description=gettext_noop(
            "The method's terms in each controlled vocabulary (/api/v1/vocabularies/)."
        )
    )
    target_group: Text | None = Field(
        description=gettext_noop("Who the method is for, in words, beyond its target groups.")
    )
    success_factors: Text | None
    scientific_basis: Rating
    proven_experience: Rating
    evidence_source: Text | None = Field(
        description=gettext_noop("What the ratings rest on, in words.")
    )
    cost_level: CostRating | None
    cost: Text | None = Field(description=gettext_noop("The cost in words."))
    startup_time: Text | None = Field(
        description=gettext_noop("How long it takes from the decision until the method is in use.")
    )
    staff_and_training: Text | None = Field(
        description=gettext_noop("The staff and training needed.")
    )
    contact: ContactInfo | None


class Use(Output):
    municipality: AreaRef
    since: int = Field(description=gettext_noop("The year the municipality started."))


class MethodItem(MethodFields, ArticleFields):
    pass


class MethodDetail(ArticleBody, MethodItem):
    scientific_basis_sources: list[ArticleRef] = Field(
        description=gettext_noop("The publications the rating of its scientific basis rests on.")
    )
    proven_experience_sources: list[ArticleRef] = Field(
        description=gettext_noop("The publications the rating of its proven experience rests on.")
    )
    research: list[ArticleRef] = Field(
        description=gettext_noop("Publications and research summaries it rests on.")
    )
    case_studies: list[ArticleRef]
    used_in: list[Use] = Field(
        description=gettext_noop(
            "The municipalities that say they use it (Vi använder metoden), with the year they started."
        )
    )


class Name(Output):
    model_config = ConfigDict(
        json_schema_extra={
            "description": gettext_noop(
                "A name as CSL writes it: a person's family and given names, or an "
                "organisation's name as `literal`."
            )
        }
    )

    family: str | None
    given: str | None
    literal: str | None


class PublicationFields(Output):
    authors: list[Name] = Field(
        description=gettext_noop("In the order the publication names them.")
    )
    subtitle: str | None
    year: int | None = Field(description=gettext_noop("The year of publication."))
    date: Date | None = Field(description=gettext_noop("The date of publication, where known."))
    publication_type: Choice | None
    container_title: str | None = Field(
        description=gettext_noop("The journal an article appeared in, or the book a chapter is in.")
    )
    publisher: str | None
    place: str | None
    volume: str | None
    issue: str | None
    pages: str | None
    edition: str | None
    doi: str | None
    doi_url: str | None
    isbn: str | None
    issn: str | None
    link: str | None
    full_text_url: str | None
    language: Choice | None = Field(description=gettext_noop("The language of the publication."))
    open_access: bool | None = Field(
        description=gettext_noop("Whether anyone may read the full text free of charge.")
    )
    abstract: Text | None
    study_design: Choice | None
    context: Text | None = Field(description=gettext_noop("The country or context of the study."))
    csl_json_url: str = Field(description=gettext_noop("The reference as CSL-JSON."))


class Citation(Output):
    style: str = Field(examples=["apa"])
    name: str = Field(examples=["APA 7"])
    text: Text
    html: Text = Field(description=gettext_noop("The same with its italics, as HTML."))


class PublicationItem(PublicationFields, ArticleFields):
    pass


class PublicationDetail(ArticleBody, PublicationItem):
    citations: list[Citation] = Field(
        description=gettext_noop("The reference formatted in each citation style the site uses.")
    )
    summaries: list[ArticleRef] = Field(
        description=gettext_noop("Research summaries that draw on it.")
    )
    methods: list[ArticleRef] = Field(description=gettext_noop("Methods that link to it."))


class SummaryItem(ArticleFields):
    pass


class SummaryDetail(ArticleBody, SummaryItem):
    publications: list[ArticleRef] = Field(
        description=gettext_noop("The publications it summarises.")
    )


class CaseStudyFields(Output):
    municipality: AreaRef
    region: AreaRef
    period: str | None = Field(description=gettext_noop("The project's period, in words."))
    first_year: int | None = Field(description=gettext_noop("The project's first year."))
    last_year: int | None = Field(description=gettext_noop("The project's last year."))
    team: Text | None
    what_was_done: Text | None
    results: Text | None


class CaseStudyItem(CaseStudyFields, ArticleFields):
    pass


class CaseStudyDetail(ArticleBody, CaseStudyItem):
    methods: list[ArticleRef] = Field(description=gettext_noop("The methods it used."))


class ArticleItem(ArticleFields):
    pass


class ArticleDetail(ArticleBody, ArticleItem):
    pass


@dataclass(frozen=True)
class Collection:
    kind: str
    title: str
    description: str
    item: type[Schema]
    detail: type[Schema]
    filters: type[ArticleFilters] = ArticleFilters
    # The filters of this type's own fields, besides Artikelsök's.
    own_filters: tuple[str, ...] = field(default=())
    # Research's query set knows a publication's year of publication (ResearchFilters).
    queryset_class: type[ArticleQuerySet] = ArticleQuerySet
    # Narrows the list by filters of the type's own that are more than a field's value.
    narrow: Callable[[QuerySet, ArticleFilters], QuerySet] | None = None

    @property
    def path(self) -> str:
        return COLLECTION_OF_KIND[self.kind]

    @property
    def representation(self) -> Representation:
        return REPRESENTATIONS[self.kind]

    def published(self) -> ArticleQuerySet:
        return self.queryset_class(Article).published().of_kind(self.kind)


COLLECTIONS = [
    Collection(
        Method.KIND,
        gettext_noop("Methods"),
        gettext_noop(
            "Intervention methods: for whom, how, their evidence, and where they are used."
        ),
        MethodItem,
        MethodDetail,
        MethodFilters,
        ("scientific_basis", "proven_experience", "cost_level"),
        narrow=with_terms,
    ),
    Collection(
        Publication.KIND,
        gettext_noop("Publications"),
        gettext_noop("The research library's literature: reports, reviews, books and articles."),
        PublicationItem,
        PublicationDetail,
        PublicationFilters,
        ("publication_type", "study_design", "language", "open_access"),
        queryset_class=ResearchQuerySet,
    ),
    Collection(
        ResearchSummary.KIND,
        gettext_noop("Research summaries"),
        gettext_noop("Summaries of research, with the publications they draw on."),
        SummaryItem,
        SummaryDetail,
        ResearchFilters,
        queryset_class=ResearchQuerySet,
    ),
    Collection(
        CaseStudy.KIND,
        gettext_noop("Case studies"),
        gettext_noop("How municipalities worked: who, what, when and with what result."),
        CaseStudyItem,
        CaseStudyDetail,
    ),
    Collection(
        NEWS, gettext_noop("News"), gettext_noop("News (Aktuellt)."), ArticleItem, ArticleDetail
    ),
    Collection(
        PAGE,
        gettext_noop("Information pages"),
        gettext_noop("The information pages about Plug In."),
        ArticleItem,
        ArticleDetail,
    ),
]


def _narrowed(collection: Collection, filters: ArticleFilters) -> QuerySet:
    """The type's published articles, narrowed by its own filters (through the type's table)
    and by Forskning's year range where it has one."""
    queryset = collection.published()
    model_name = collection.representation.model._meta.model_name
    for name in collection.own_filters:
        value = getattr(filters, name)
        if value is not None:
            queryset = queryset.filter(**{f"{model_name}__{name}": value})
    if collection.narrow:
        queryset = collection.narrow(queryset, filters)
    if isinstance(filters, ResearchFilters):
        errors = year_range_errors(filters.from_year, filters.to_year)
        if errors:
            raise InvalidParameters(errors=errors)
        if filters.from_year is not None:
            queryset = queryset.from_year(filters.from_year)
        if filters.to_year is not None:
            queryset = queryset.until_year(filters.to_year)
    return queryset


def add_collection(router: Router, collection: Collection) -> None:
    kind, path = collection.kind, collection.path

    @router.get(
        f"/{path}/",
        response={200: Page[collection.item], **ERRORS},
        operation_id=f"list_{path.replace('-', '_')}",
        summary=collection.title,
        description=collection.description,
        tags=[collection.title],
        url_name=f"{path}-list",
    )
    def list_articles(
        request: HttpRequest,
        filters: Query[collection.filters],
        paging: Query[PageParameters],
        language: Query[LanguageParameter],
    ):
        found = filtered_articles(_narrowed(collection, filters), filters)
        paged = paginate(request, found.values_list("pk", flat=True), paging)
        links = Links(request)
        return paged.as_page(articles.represent(kind, articles.load(kind, paged.items), links))

    @router.get(
        f"/{path}/{{slug}}/",
        response={200: collection.detail, **ERRORS},
        operation_id=f"get_{path.replace('-', '_')}",
        summary=collection.title,
        description=collection.description,
        tags=[collection.title],
        url_name=f"{path}-detail",
    )
    def get_article(
        request: HttpRequest,
        language: Query[LanguageParameter],
        slug: str = Path(
            ..., pattern=ARTICLE_SLUG, description=gettext_noop("The article's slug.")
        ),
    ):
        pk = collection.published().filter(slug=slug).values_list("pk", flat=True).first()
        if pk is None:
            raise NotFound(_("No published article has this slug."))
        loaded = articles.load(kind, [pk])
        return articles.represent(kind, loaded, Links(request), detail=True)[0]


for _collection in COLLECTIONS:
    add_collection(router, _collection)


# -- publications as CSL-JSON, written by the research library's own code


CSL_JSON = citations.FORMATS["json"]
# The operations that answer CSL-JSON rather than the API's JSON (core.complete_schema).
CSL_OPERATIONS = {"get_publication_csl_json", "list_references"}


class CslItem(Output):
    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "description": gettext_noop(
                "A reference as a CSL-JSON item (Citation Style Language): author, issued, "
                "container-title, DOI and the other CSL variables the publication has."
            )
        },
    )

    id: str = Field(description=gettext_noop("The publication's slug."))
    type: str = Field(examples=["report"])
    title: str


def csl_json(publications: list[Publication], paged=None) -> HttpResponse:
    response = HttpResponse(
        citations.export(publications, CSL_JSON.key), content_type=CSL_JSON.content_type
    )
    if paged is not None:
        pages = [
            f'<{url}>; rel="{relation}"'
            for url, relation in ((paged.next, "next"), (paged.previous, "prev"))
            if url
        ]
        if pages:
            response["Link"] = ", ".join(pages)
        response["X-Total-Count"] = str(paged.count)
    return response


@router.get(
    "/publications/{slug}/csl-json/",
    response={200: list[CslItem], **ERRORS},
    operation_id="get_publication_csl_json",
    summary=gettext_noop("Publications"),
    description=gettext_noop("The publication's reference as CSL-JSON, for reference managers."),
    tags=[gettext_noop("Publications")],
    url_name="publications-csl-json",
)
def get_publication_csl_json(
    request: HttpRequest,
    language: Query[LanguageParameter],
    slug: str = Path(..., pattern=ARTICLE_SLUG, description=gettext_noop("The article's slug.")),
):
    publication = Publication.objects.published().filter(slug=slug).first()
    if publication is None:
        raise NotFound(_("No published article has this slug."))
    return csl_json([publication])


@router.get(
    "/references/",
    response={200: list[CslItem], **ERRORS},
    operation_id="list_references",
    summary=gettext_noop("References"),
    description=gettext_noop(
        "The publications as CSL-JSON, with the same filters and order as /publications/; "
        "a page at a time (the Link header names the next and previous pages)."
    ),
    tags=[gettext_noop("Publications")],
    url_name="references-list",
)
def list_references(
    request: HttpRequest,
    filters: Query[PublicationFilters],
    paging: Query[PageParameters],
    language: Query[LanguageParameter],
):
    collection = next(item for item in COLLECTIONS if item.kind == Publication.KIND)
    found = filtered_articles(_narrowed(collection, filters), filters)
    paged = paginate(request, found.values_list("pk", flat=True), paging)
    publications = Publication.objects.in_bulk(paged.items)
    return csl_json([publications[pk] for pk in paged.items if pk in publications], paged)


# -- tags


class TagItem(Output):
    slug: str
    name: Text = Field(
        description=gettext_noop("In the answer's language where the tag has a name in it.")
    )
    names: dict[str, str | None] = Field(
        description=gettext_noop("The tag's name in each language (null: none in English yet)."),
        examples=[{"sv": "studiestöd", "en": "academic support"}],
    )
    url: str = Field(description=gettext_noop("Artikelsök's results for the tag, on the site."))
    api_url: str
    search_api_url: str = Field(description=gettext_noop("The same results in the API."))


def published_tags() -> QuerySet:
    """Tags that at least one published article carries (a draft's tags are not shown), by
    name. (How many carry each is a facet count: /api/v1/search/?tag=…; counting them here
    read every tag's every link.)"""
    carried = TaggedArticle.objects.filter(
        tag=OuterRef("pk"),
        **{
            f"content_object__{lookup}": value for lookup, value in articles.published_now().items()
        },
    )
    return Tag.objects.filter(Exists(carried)).select_related("english").order_by("name", "pk")


def tag_item(tag: Tag, links: Links) -> dict:
    name, language = tag_label(tag)
    return {
        "slug": tag.slug,
        "name": {"value": name, "lang": language},
        "names": {"sv": tag.name, "en": english_tag_name(tag) or None},
        "url": links.page_with_query("search:results", {"tag": tag.slug}),
        "api_url": links.api("tags", tag.slug),
        "search_api_url": links.api_query("search", {"tag": tag.slug}),
    }


@router.get(
    "/tags/",
    response={200: Page[TagItem], **ERRORS},
    operation_id="list_tags",
    summary=gettext_noop("Tags"),
    description=gettext_noop(
        "The tags of published articles, with their names in both languages. How many "
        "articles carry a tag: the facet counts of /search/?tag=…"
    ),
    tags=[gettext_noop("Tags")],
    url_name="tags-list",
)
def list_tags(
    request: HttpRequest, paging: Query[PageParameters], language: Query[LanguageParameter]
):
    paged = paginate(request, published_tags(), paging)
    links = Links(request)
    return paged.as_page([tag_item(tag, links) for tag in paged.items])


@router.get(
    "/tags/{slug}/",
    response={200: TagItem, **ERRORS},
    operation_id="get_tag",
    summary=gettext_noop("Tags"),
    tags=[gettext_noop("Tags")],
    url_name="tags-detail",
)
def get_tag(
    request: HttpRequest,
    language: Query[LanguageParameter],
    slug: str = Path(..., pattern=TAG_SLUG, description=gettext_noop("The tag's slug.")),
):
    tag = published_tags().filter(slug=slug).first()
    if tag is None:
        raise NotFound(_("No published article carries a tag with this slug."))
    return tag_item(tag, Links(request))
