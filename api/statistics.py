"""The statistics in the API: regions, municipalities (by kommunkod), indicators (Kolada KPIs
with their definitions and source) and observations, in the shape Kolada's own API gives them
(`values` of `{kpi, municipality, period, values: [{gender, status, value}]}`, `next_page`).

Figures: Källa: Kolada, CC BY 4.0; passed on as Kolada publishes them.
"""

# No `from __future__ import annotations`: django-ninja reads the annotations.

from datetime import date, datetime
from typing import Annotated, Literal

from django.db.models import OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Concat
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import Path, Query, Router, Schema
from pydantic import ConfigDict, Field, StringConstraints

from accounts.models import MethodUse
from casestudies.models import CaseStudy
from stats.models import NATION_CODE, AreaType, Indicator, Municipality, Observation, Region

from . import articles
from .licences import KOLADA_LICENCE, KOLADA_SOURCE
from .links import Links
from .pagination import paginate
from .params import (
    KPI,
    MUNICIPALITY_CODE,
    REGION_CODE,
    LanguageParameter,
    PageParameters,
    year_range_errors,
)
from .problems import InvalidParameters, NotFound
from .schemas import ERRORS, AreaRef, ArticleRef, Licence, Output, Page, Text

router = Router()

STATISTICS = gettext_noop("Statistics")


# -- regions and municipalities


class RegionItem(Output):
    code: str = Field(
        description=gettext_noop("The two-digit county code (länskod)."), examples=["14"]
    )
    kolada_id: str = Field(
        description=gettext_noop("Kolada's id for the region: 00 + the county code.")
    )
    name: str = Field(examples=["Västra Götalands län"])
    url: str = Field(description=gettext_noop("The region's statistics page on the site."))
    api_url: str


class RegionDetail(RegionItem):
    municipalities: list[AreaRef]
    case_studies: list[ArticleRef] = Field(
        description=gettext_noop("Published case studies about the region.")
    )
    observations_api_url: str = Field(
        description=gettext_noop("The figures of its municipalities.")
    )


class MunicipalityItem(Output):
    code: str = Field(description=gettext_noop("The four-digit kommunkod."), examples=["1441"])
    name: str = Field(examples=["Lerum"])
    region: AreaRef
    url: str = Field(description=gettext_noop("The municipality's statistics page on the site."))
    api_url: str


class MethodInUse(Output):
    method: ArticleRef
    since: int


class MunicipalityDetail(MunicipalityItem):
    case_studies: list[ArticleRef] = Field(
        description=gettext_noop("Published case studies about it.")
    )
    methods_in_use: list[MethodInUse] = Field(
        description=gettext_noop("Published methods it says it uses (Vi använder metoden).")
    )
    observations_api_url: str = Field(description=gettext_noop("Its figures."))


class MunicipalityFilters(Schema):
    region: str = Field(
        None,
        pattern=REGION_CODE,
        description=gettext_noop("Only the municipalities of this region."),
    )


def region_item(region: Region, links: Links) -> dict:
    return {**articles.region_ref(region, links), "kolada_id": region.kolada_id}


def municipality_item(municipality: Municipality, links: Links) -> dict:
    return {
        **articles.municipality_ref(municipality, links),
        "region": articles.region_ref(municipality.region, links),
    }


def published_case_studies(**lookups) -> list[CaseStudy]:
    return list(
        CaseStudy.objects.published().filter(**lookups).distinct().order_by("-published_at", "-pk")
    )


@router.get(
    "/regions/",
    response={200: Page[RegionItem], **ERRORS},
    operation_id="list_regions",
    summary=gettext_noop("Regions"),
    description=gettext_noop("Sweden's 21 regions (counties)."),
    tags=[STATISTICS],
    url_name="regions-list",
)
def list_regions(
    request: HttpRequest, paging: Query[PageParameters], language: Query[LanguageParameter]
):
    paged = paginate(request, Region.objects.order_by("code"), paging)
    links = Links(request)
    return paged.as_page([region_item(region, links) for region in paged.items])


@router.get(
    "/regions/{code}/",
    response={200: RegionDetail, **ERRORS},
    operation_id="get_region",
    summary=gettext_noop("Regions"),
    tags=[STATISTICS],
    url_name="regions-detail",
)
def get_region(
    request: HttpRequest,
    language: Query[LanguageParameter],
    code: str = Path(
        ..., pattern=REGION_CODE, description=gettext_noop("The two-digit county code.")
    ),
):
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise NotFound(_("There is no region with that code."))
    links = Links(request)
    return {
        **region_item(region, links),
        "municipalities": [
            articles.municipality_ref(municipality, links)
            for municipality in region.municipalities.order_by("name")
        ],
        "case_studies": [
            articles.article_ref(case_study, links)
            for case_study in published_case_studies(regions=region)
        ],
        "observations_api_url": links.api_query("observations", {"region": region.code}),
    }


@router.get(
    "/municipalities/",
    response={200: Page[MunicipalityItem], **ERRORS},
    operation_id="list_municipalities",
    summary=gettext_noop("Municipalities"),
    description=gettext_noop("Sweden's 290 municipalities, by name."),
    tags=[STATISTICS],
    url_name="municipalities-list",
)
def list_municipalities(
    request: HttpRequest,
    filters: Query[MunicipalityFilters],
    paging: Query[PageParameters],
    language: Query[LanguageParameter],
):
    municipalities = Municipality.objects.select_related("region").order_by("name", "code")
    if filters.region is not None:
        if not Region.objects.filter(code=filters.region).exists():
            raise InvalidParameters(errors={"region": _("There is no region with that code.")})
        municipalities = municipalities.filter(region__code=filters.region)
    paged = paginate(request, municipalities, paging)
    links = Links(request)
    return paged.as_page([municipality_item(item, links) for item in paged.items])


@router.get(
    "/municipalities/{code}/",
    response={200: MunicipalityDetail, **ERRORS},
    operation_id="get_municipality",
    summary=gettext_noop("Municipalities"),
    tags=[STATISTICS],
    url_name="municipalities-detail",
)
def get_municipality(
    request: HttpRequest,
    language: Query[LanguageParameter],
    code: str = Path(..., pattern=MUNICIPALITY_CODE, description=gettext_noop("The kommunkod.")),
):
    municipality = Municipality.objects.select_related("region").filter(code=code).first()
    if municipality is None:
        raise NotFound(_("There is no municipality with that code."))
    links = Links(request)
    uses = (
        MethodUse.objects.filter(municipality=municipality)
        .filter(**{f"method__{k}": v for k, v in articles.published_now().items()})
        .select_related("method")
        .order_by("method__title_sv", "start_year", "pk")
    )
    return {
        **municipality_item(municipality, links),
        "case_studies": [
            articles.article_ref(case_study, links)
            for case_study in published_case_studies(municipalities=municipality)
        ],
        "methods_in_use": [
            {"method": articles.article_ref(use.method, links), "since": use.start_year}
            for use in uses
        ],
        "observations_api_url": links.api_query("observations", {"municipality": code}),
    }


# -- indicators


class IndicatorItem(Output):
    kpi: str = Field(
        description=gettext_noop("Kolada's id of the key figure."), examples=["N17461"]
    )
    title: Text
    short_title: Text
    definition: Text
    unit: str = Field(examples=["percent"])
    source: str = Field(
        description=gettext_noop("Who produces the figures (Kolada passes them on).")
    )
    higher_is_better: bool
    reference_only: bool = Field(
        description=gettext_noop("Kept only as the national figure beside another indicator.")
    )
    national_reference: str | None = Field(
        description=gettext_noop("The indicator whose national figures are shown beside this one.")
    )
    first_year: int | None
    last_year: int | None
    kolada_publication_date: date | None
    data_updated_at: datetime | None = Field(
        description=gettext_noop("When our figures last changed.")
    )
    attribution: str = Field(examples=[KOLADA_SOURCE])
    licence: Licence
    url: str | None = Field(
        description=gettext_noop("The indicator on the site's statistics page.")
    )
    api_url: str
    observations_api_url: str


def indicators_with_years() -> QuerySet:
    """With the first and last year of their figures, each found from the (indicator, year)
    index (a MIN and MAX over a join would read every figure)."""
    years = Observation.objects.filter(indicator=OuterRef("pk")).values("year")
    return Indicator.objects.select_related("national_reference").annotate(
        first_year=Subquery(years.order_by("year")[:1]),
        last_year=Subquery(years.order_by("-year")[:1]),
    )


def indicator_item(indicator: Indicator, links: Links) -> dict:
    reference = indicator.national_reference
    return {
        "kpi": indicator.kpi,
        "title": articles.text(indicator, "title"),
        "short_title": articles.text(indicator, "short_title"),
        "definition": articles.text(indicator, "definition"),
        "unit": indicator.unit,
        "source": indicator.source,
        "higher_is_better": indicator.higher_is_better,
        "reference_only": indicator.reference_only,
        "national_reference": reference.kpi if reference else None,
        "first_year": indicator.first_year,
        "last_year": indicator.last_year,
        "kolada_publication_date": indicator.kolada_publication_date,
        "data_updated_at": indicator.data_updated_at,
        "attribution": KOLADA_SOURCE,
        "licence": KOLADA_LICENCE,
        "url": None
        if indicator.reference_only
        else links.page_with_query("stats:overview", {"indicator": indicator.kpi}),
        "api_url": links.api("indicators", indicator.kpi),
        "observations_api_url": links.api_query("observations", {"indicator": indicator.kpi}),
    }


@router.get(
    "/indicators/",
    response={200: Page[IndicatorItem], **ERRORS},
    operation_id="list_indicators",
    summary=gettext_noop("Indicators"),
    description=gettext_noop("The key figures (Kolada KPIs), with their definitions and source."),
    tags=[STATISTICS],
    url_name="indicators-list",
)
def list_indicators(
    request: HttpRequest, paging: Query[PageParameters], language: Query[LanguageParameter]
):
    paged = paginate(request, indicators_with_years().order_by("sort_order", "kpi"), paging)
    links = Links(request)
    return paged.as_page([indicator_item(item, links) for item in paged.items])


@router.get(
    "/indicators/{kpi}/",
    response={200: IndicatorItem, **ERRORS},
    operation_id="get_indicator",
    summary=gettext_noop("Indicators"),
    tags=[STATISTICS],
    url_name="indicators-detail",
)
def get_indicator(
    request: HttpRequest,
    language: Query[LanguageParameter],
    kpi: str = Path(..., pattern=KPI, description=gettext_noop("Kolada's id of the key figure.")),
):
    indicator = indicators_with_years().filter(kpi=kpi).first()
    if indicator is None:
        raise NotFound(_("There is no indicator with that id."))
    return indicator_item(indicator, Links(request))


# -- observations

AreaId = Annotated[str, StringConstraints(pattern=MUNICIPALITY_CODE)]
RegionCode = Annotated[str, StringConstraints(pattern=REGION_CODE)]
KpiId = Annotated[str, StringConstraints(pattern=KPI)]


class ObservationFilters(Schema):
    indicator: list[KpiId] = Field(
        None,
        max_length=20,
        description=gettext_noop("Kolada's id of an indicator; repeat for several."),
        examples=[["N17461"]],
    )
    municipality: list[AreaId] = Field(
        None,
        max_length=300,
        description=gettext_noop(
            "An area as Kolada names it: a kommunkod, 00 + a county code for a region's own "
            "figures, 0000 for Sweden; repeat for several."
        ),
        examples=[["1441"]],
    )
    region: list[RegionCode] = Field(
        None,
        max_length=21,
        description=gettext_noop(
            "The municipalities of a region (its county code); repeat for several."
        ),
    )
    year: int = Field(None, ge=1990, le=2100, description=gettext_noop("Only this year."))
    from_year: int = Field(None, ge=1990, le=2100, description=gettext_noop("From this year on."))
    to_year: int = Field(None, ge=1990, le=2100, description=gettext_noop("Up to this year."))
    gender: Literal["T", "K", "M"] = Field(
        None, description=gettext_noop("T all students, K girls, M boys.")
    )


class ObservationValue(Output):
    gender: Literal["T", "K", "M"]
    status: str = Field(
        description=gettext_noop(
            "Empty for a published figure; Privacy: suppressed (too few students); Missing."
        )
    )
    value: float | None = Field(
        description=gettext_noop("Null when the figure is suppressed or missing.")
    )


class ObservationEntry(Output):
    kpi: str
    municipality: str = Field(
        description=gettext_noop(
            "The area's Kolada id: a kommunkod, 00 + a county code, or 0000 (Sweden)."
        )
    )
    area_type: Literal["municipality", "region", "nation"]
    area_name: str
    period: int = Field(description=gettext_noop("The year the figure is measured."))
    values: list[ObservationValue]


class ObservationPage(Output):
    model_config = ConfigDict(
        json_schema_extra={
            "description": gettext_noop(
                "Kolada's shape: `values`, `count`, `next_page` and `previous_page`."
            )
        }
    )

    count: int = Field(
        description=gettext_noop("How many entries (indicator × area × year) the query has.")
    )
    page: int
    page_size: int
    next_page: str | None
    previous_page: str | None
    values: list[ObservationEntry]
    attribution: str = Field(examples=[KOLADA_SOURCE])
    licence: Licence


def _area_condition(filters: ObservationFilters) -> tuple[Q | None, dict]:
    """The areas asked for, and errors for those that do not exist."""
    errors: dict[str, object] = {}
    areas = Q()
    asked = False
    codes = list(dict.fromkeys(filters.municipality or []))
    if codes:
        asked = True
        municipal = [code for code in codes if not code.startswith("00")]
        regional = [code[2:] for code in codes if code.startswith("00") and code != NATION_CODE]
        known = set(Municipality.objects.filter(code__in=municipal).values_list("code", flat=True))
        known_regions = set(Region.objects.filter(code__in=regional).values_list("code", flat=True))
        unknown = [c for c in municipal if c not in known] + [
            f"00{c}" for c in regional if c not in known_regions
        ]
        if unknown:
            errors["municipality"] = [
                _("There is no area %(code)s.") % {"code": code} for code in unknown
            ]
        areas |= Q(area_type=AreaType.MUNICIPALITY, municipality__code__in=municipal)
        areas |= Q(area_type=AreaType.REGION, region__code__in=regional)
        if NATION_CODE in codes:
            areas |= Q(area_type=AreaType.NATION)
    regions = list(dict.fromkeys(filters.region or []))
    if regions:
        asked = True
        known = set(Region.objects.filter(code__in=regions).values_list("code", flat=True))
        unknown = [code for code in regions if code not in known]
        if unknown:
            errors["region"] = [
                _("There is no region %(code)s.") % {"code": code} for code in unknown
            ]
        areas |= Q(area_type=AreaType.MUNICIPALITY, municipality__region__code__in=regions)
    return (areas if asked else None), errors


def filtered_observations(filters: ObservationFilters) -> QuerySet:
    errors: dict[str, object] = {}
    observations = Observation.objects.all()
    kpis = list(dict.fromkeys(filters.indicator or []))
    if kpis:
        known = set(Indicator.objects.filter(kpi__in=kpis).values_list("kpi", flat=True))
        unknown = [kpi for kpi in kpis if kpi not in known]
        if unknown:
            errors["indicator"] = [
                _("There is no indicator %(kpi)s.") % {"kpi": kpi} for kpi in unknown
            ]
        observations = observations.filter(indicator__kpi__in=kpis)
    areas, area_errors = _area_condition(filters)
    errors.update(area_errors)
    if filters.year is not None and (filters.from_year is not None or filters.to_year is not None):
        errors["year"] = _("Give either year or from_year and to_year.")
    errors.update(year_range_errors(filters.from_year, filters.to_year))
    if errors:
        raise InvalidParameters(errors=errors)
    if areas is not None:
        observations = observations.filter(areas)
    if filters.year is not None:
        observations = observations.filter(year=filters.year)
    if filters.from_year is not None:
        observations = observations.filter(year__gte=filters.from_year)
    if filters.to_year is not None:
        observations = observations.filter(year__lte=filters.to_year)
    if filters.gender is not None:
        observations = observations.filter(gender=filters.gender)
    return observations


# An entry: one indicator, area and year (Kolada's row, holding each gender's value).
ENTRY = ("indicator_id", "area_type", "municipality_id", "region_id", "year")
ENTRY_ORDER = ("indicator__sort_order", "indicator__kpi", "kolada_area", "year")


def with_area_code(observations: QuerySet) -> QuerySet:
    """Annotated with the area's Kolada id, to order by."""
    return observations.annotate(
        kolada_area=Coalesce(
            "municipality__code", Concat(Value("00"), "region__code"), Value(NATION_CODE)
        )
    )


def entry_key(row) -> tuple:
    return tuple(getattr(row, name) if not isinstance(row, dict) else row[name] for name in ENTRY)


def read_entries(observations: QuerySet, keys: list[tuple]) -> list[dict]:
    """The entries with these keys, in their order, each with its values by gender."""
    if not keys:
        return []
    rows = (
        observations.filter(
            indicator_id__in={key[0] for key in keys},
            year__in={key[4] for key in keys},
        )
        .filter(
            Q(municipality_id__in={key[2] for key in keys if key[2]})
            | Q(region_id__in={key[3] for key in keys if key[3]})
            | Q(area_type=AreaType.NATION)
        )
        .select_related("indicator", "municipality", "region")
        .order_by("gender")
    )
    wanted = {key: [] for key in keys}
    for row in rows:
        values = wanted.get(entry_key(row))
        if values is not None:
            values.append(row)
    return [entry(rows) for rows in wanted.values() if rows]


GENDER_ORDER = {"T": 0, "K": 1, "M": 2}


def entry(rows: list[Observation]) -> dict:
    first = rows[0]
    if first.area_type == AreaType.MUNICIPALITY:
        area_name = first.municipality.name
    elif first.area_type == AreaType.REGION:
        area_name = first.region.name
    else:
        area_name = str(AreaType.NATION.label)
    return {
        "kpi": first.indicator.kpi,
        "municipality": first.area_code,
        "area_type": first.area_type,
        "area_name": area_name,
        "period": first.year,
        "values": [
            {"gender": row.gender, "status": row.status, "value": row.value}
            for row in sorted(rows, key=lambda row: GENDER_ORDER[row.gender])
        ],
    }


def all_entries(observations: QuerySet):
    """Every entry of `observations`, in order, read in one pass (the downloads)."""
    rows = (
        with_area_code(observations)
        .select_related("indicator", "municipality", "region")
        .order_by(*ENTRY_ORDER, "gender")
    )
    group: list[Observation] = []
    for row in rows.iterator(chunk_size=2000):
        if group and entry_key(row) != entry_key(group[0]):
            yield entry(group)
            group = []
        group.append(row)
    if group:
        yield entry(group)


class EntryKeys:
    """The entries' keys in order, as a list the paginator slices and counts."""

    def __init__(self, observations: QuerySet):
        self.keys = with_area_code(observations).values(*ENTRY).distinct().order_by(*ENTRY_ORDER)

    def count(self) -> int:
        return self.keys.count()

    def __getitem__(self, index: slice) -> list[tuple]:
        return [entry_key(row) for row in self.keys[index]]


@router.get(
    "/observations/",
    response={200: ObservationPage, **ERRORS},
    operation_id="list_observations",
    summary=gettext_noop("Observations"),
    description=gettext_noop(
        "The figures, in the shape of Kolada's API: one entry per indicator, area and year, "
        "with a value per gender. Källa: Kolada (CC BY 4.0)."
    ),
    tags=[STATISTICS],
    url_name="observations-list",
)
def list_observations(
    request: HttpRequest,
    filters: Query[ObservationFilters],
    paging: Query[PageParameters],
    language: Query[LanguageParameter],
):
    observations = filtered_observations(filters)
    paged = paginate(request, EntryKeys(observations), paging)
    return {
        "count": paged.count,
        "page": paged.page,
        "page_size": paged.page_size,
        "next_page": paged.next,
        "previous_page": paged.previous,
        "values": read_entries(observations, paged.items),
        "attribution": KOLADA_SOURCE,
        "licence": KOLADA_LICENCE,
    }
