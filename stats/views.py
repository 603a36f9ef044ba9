"""Statistics pages: overview with map, region, municipality, comparison; each also as CSV/JSON."""

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from infra.breadcrumbs import HOME_CRUMB
from infra.cache import remember

from . import charts
from .exports import ExportRow, export
from .extensions import area_sections
from .figures import (
    GENDERS,
    Figure,
    Trend,
    area_observations,
    available_years,
    municipality_trends,
    national_figure,
    ranked,
    shared_figures,
    similar_municipality_ids,
    weakest_indicator,
)
from .forms import CompareForm, ExportForm, IndicatorYearForm
from .models import NATION_CODE, AreaType, Gender, Indicator, Municipality, Observation, Region

SECTION = gettext_lazy("Statistics")
GENDER_LABELS = dict(Gender.choices)


def _crumbs(*trail) -> list:
    return [HOME_CRUMB, (SECTION, reverse("stats:overview")), *trail]


def _url_template(name: str) -> str:
    """reverse() once, then fill in codes: 290 reverse() calls cost more than the rest of a page."""
    return reverse(name, kwargs={"code": "CODE"})


def _gender_labels() -> list[str]:
    return [str(GENDER_LABELS[g]) for g in GENDERS]


def _trend_chart(trend: Trend, area_name: str) -> dict:
    """The chart (with its key and description) and table of one indicator's trend in one area."""
    labels = _gender_labels()
    series = [(label, trend.series(g)) for label, g in zip(labels, GENDERS, strict=True)]
    national = trend.national_series()
    if any(v is not None for _, v in national):
        labels.append(_("Sweden (%(kpi)s)") % {"kpi": trend.national_indicator.kpi})
        series.append((labels[-1], national))
    year, latest = trend.latest
    summary = (
        _("Latest figure, %(year)s: %(value)s.") % {"year": year, "value": charts.describe(latest)}
        if latest
        else _("There is no published figure.")
    )
    suppressed_years = sorted(
        year
        for year, cells in trend.figures.items()
        if any(f.is_suppressed for f in cells.values())
    )
    if suppressed_years:
        summary += " " + _("Suppressed (too few students) in %(years)s.") % {
            "years": ", ".join(map(str, suppressed_years))
        }
    description = _(
        "Line chart of %(indicator)s in %(area)s, %(first)s–%(last)s, for %(series)s. %(summary)s "
        "The same figures are in the table below."
    ) % {
        "indicator": trend.indicator.short_title,
        "area": area_name,
        "first": trend.years[0],
        "last": trend.years[-1],
        "series": ", ".join(labels),
        "summary": summary,
    }
    return {
        "trend": trend,
        "rows": trend.rows(),
        "has_national": len(series) > len(GENDERS),
        # Drawn here to be kept in the cache with the figures (the page only prints it).
        "figure": render_to_string(
            "stats/charts/figure.html",
            {
                "chart": charts.line_chart(
                    title=f"{trend.indicator.short_title}, {area_name}",
                    description=description,
                    years=trend.years,
                    series=series,
                )
            },
        ),
    }


def _rows_from_queryset(queryset) -> list[ExportRow]:
    rows = []
    for (
        kpi,
        area_type,
        m_code,
        m_name,
        r_code,
        r_name,
        year,
        gender,
        value,
        status,
    ) in queryset.order_by(
        "indicator__sort_order", "area_type", "municipality__code", "year", "gender"
    ).values_list(
        "indicator__kpi",
        "area_type",
        "municipality__code",
        "municipality__name",
        "region__code",
        "region__name",
        "year",
        "gender",
        "value",
        "status",
    ):
        if area_type == AreaType.MUNICIPALITY:
            code, name = m_code, m_name
        elif area_type == AreaType.REGION:
            code, name = f"00{r_code}", r_name
        else:
            code, name = NATION_CODE, "Riket"
        rows.append(ExportRow(kpi, code, name, area_type, year, gender, value, status))
    return rows


def _bad_request(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    return render(request, template, context, status=400)


def _map_context(indicator: Indicator, year: int, gender: str) -> dict:
    """The map of the overview page with its key and table (the map and the table drawn as
    HTML here, to be kept: 290 municipalities each)."""
    municipalities = list(Municipality.objects.order_by("name").values_list("code", "name"))
    figures = area_observations(indicator, year, gender)
    url = _url_template("stats:municipality")
    breaks = charts.quantile_breaks([f.value for f in figures.values() if f.value is not None])
    lower = [None, *breaks[:-1]]
    table = [
        {"code": code, "name": name, "url": url.replace("CODE", code), "figure": figures.get(code)}
        for code, name in municipalities
    ]
    return {
        "national": national_figure(indicator, year, gender),
        "legend": [
            (f"map-q{i}", low, high)
            for i, (low, high) in enumerate(zip(lower, breaks, strict=True))
        ],
        "suppressed_count": sum(1 for f in figures.values() if f.is_suppressed),
        "table_rows": render_to_string("stats/includes/overview_table_rows.html", {"table": table}),
        "map": render_to_string(
            "stats/charts/map.html",
            {
                "map": charts.choropleth(
                    figures=figures,
                    names=dict(municipalities),
                    urls={row["code"]: row["url"] for row in table},
                    breaks=breaks,
                    title=_("Map of Sweden's municipalities: %(indicator)s, %(year)s, %(gender)s")
                    % {
                        "indicator": indicator.short_title,
                        "year": year,
                        "gender": GENDER_LABELS[gender],
                    },
                    description=_(
                        "Each municipality is a link to its page, named with its figure. Darker "
                        "means a higher value. The figures are also in the table below the map."
                    ),
                )
            },
        ),
    }


def overview(request: HttpRequest) -> HttpResponse:
    indicators = Indicator.objects.listed()
    form = IndicatorYearForm(request.GET, indicators=indicators, years_by_kpi=available_years())
    context = {
        "form": form,
        "indicators": list(indicators),
        "regions": Region.objects.all(),
        "breadcrumbs": [HOME_CRUMB, (SECTION, None)],
    }
    if not form.is_valid():
        return _bad_request(request, "stats/overview.html", context)
    if form.cleaned_data["indicator"] is None:  # nothing imported yet: an empty state, not an error
        return render(request, "stats/overview.html", {**context, "no_figures": True})
    indicator, year, gender = (form.cleaned_data[k] for k in ("indicator", "year", "gender"))
    if form.export_format() != "html":
        rows = _rows_from_queryset(
            Observation.objects.filter(indicator=indicator, year=year, gender=gender).filter(
                Q(area_type=AreaType.MUNICIPALITY) | Q(area_type=AreaType.NATION)
            )
        )
        return export(form.export_format(), rows, [indicator], f"kolada-{indicator.kpi}-{year}")
    context.update(indicator=indicator, year=year, gender_label=GENDER_LABELS[gender])
    # The map, key and table are the same for everyone who asks for this indicator, year,
    # gender and language until the figures change: drawn once, then kept under the content
    # version, which an import bumps.
    context.update(
        remember(
            "stats-map",
            (indicator.pk, year, gender, get_language()),
            lambda: _map_context(indicator, year, gender),
        )
    )
    return render(request, "stats/overview.html", context)


def region_detail(request: HttpRequest, code: str) -> HttpResponse:
    region = get_object_or_404(Region, code=code)
    indicators = Indicator.objects.listed()
    form = IndicatorYearForm(request.GET, indicators=indicators, years_by_kpi=available_years())
    context = {
        "region": region,
        "form": form,
        "breadcrumbs": _crumbs((region.name, None)),
    }
    context["extra_sections"] = area_sections(region, context)
    if not form.is_valid():
        return _bad_request(request, "stats/region_detail.html", context)
    if form.cleaned_data["indicator"] is None:
        return render(request, "stats/region_detail.html", {**context, "no_figures": True})
    indicator, year = form.cleaned_data["indicator"], form.cleaned_data["year"]
    observations = Observation.objects.for_municipalities().filter(
        indicator=indicator, municipality__region=region
    )
    if form.export_format() != "html":
        rows = _rows_from_queryset(observations)
        return export(form.export_format(), rows, [indicator], f"kolada-{indicator.kpi}-lan-{code}")
    by_municipality: dict[int, dict] = {}
    for m in region.municipalities.all():
        by_municipality[m.pk] = {"municipality": m, "years": {}}
    for m_id, obs_year, gender, value, status in observations.values_list(
        "municipality_id", "year", "gender", "value", "status"
    ):
        by_municipality[m_id]["years"].setdefault(obs_year, {})[gender] = Figure(value, status)
    years = sorted({y for entry in by_municipality.values() for y in entry["years"]})
    rows = []
    for entry in by_municipality.values():
        cells = entry["years"].get(year, {})
        points = [
            (y, getattr(entry["years"].get(y, {}).get(Gender.TOTAL), "value", None)) for y in years
        ]
        name = entry["municipality"].name
        known = [v for _, v in points if v is not None]
        rows.append(
            {
                "municipality": entry["municipality"],
                "figure": cells.get(Gender.TOTAL),
                "girls": cells.get(Gender.GIRLS),
                "boys": cells.get(Gender.BOYS),
                "sparkline": charts.sparkline(
                    points,
                    _("%(name)s, %(first)s–%(last)s: from %(start)s to %(end)s")
                    % {
                        "name": name,
                        "first": years[0],
                        "last": years[-1],
                        "start": charts.format_percent(known[0]) if known else "–",
                        "end": charts.format_percent(known[-1]) if known else "–",
                    }
                    if years
                    else name,
                ),
            }
        )
    context.update(
        indicator=indicator,
        year=year,
        years=years,
        rows=ranked(rows, indicator.higher_is_better),
        national=national_figure(indicator, year, Gender.TOTAL),
    )
    return render(request, "stats/region_detail.html", context)


def municipality_detail(request: HttpRequest, code: str) -> HttpResponse:
    municipality = get_object_or_404(Municipality.objects.select_related("region"), code=code)
    form = ExportForm(request.GET)
    indicators = list(Indicator.objects.listed().select_related("national_reference"))
    context = {"municipality": municipality, "form": form}
    context["breadcrumbs"] = _crumbs(
        (municipality.region.name, municipality.region.get_absolute_url()),
        (municipality.name, None),
    )
    if not form.is_valid():
        return _bad_request(request, "stats/municipality_detail.html", context)
    if form.export_format() != "html":
        references = {i.national_reference_id or i.pk for i in indicators}
        rows = _rows_from_queryset(
            Observation.objects.for_municipality(municipality)
            | Observation.objects.national().filter(indicator_id__in=references)
        )
        everything = indicators + [i.national_reference for i in indicators if i.national_reference]
        return export(form.export_format(), rows, everything, f"kolada-kommun-{code}")
    shared = shared_figures(indicators)
    # The SVG charts are the same for everyone in one language until the figures change.
    drawn_charts = remember(
        "stats-municipality-charts",
        (municipality.pk, get_language()),
        lambda: [
            _trend_chart(trend, municipality.name)
            for trend in municipality_trends(municipality, indicators, shared.national)
        ],
    )
    latest, matrix = shared.latest, shared.matrix
    similar = shared.municipalities(similar_municipality_ids(municipality.pk, matrix))
    context.update(
        charts=drawn_charts,
        gender_labels=_gender_labels(),
        similar=similar,
        similar_indicators=[i for i in indicators if i.pk in latest],
        latest_years=latest,
        compare_query="&".join(f"m={m.code}" for m in [municipality, *similar[:4]]),
        weakest=weakest_indicator(municipality.pk, indicators, latest, matrix),
    )
    context["extra_sections"] = area_sections(municipality, context)
    return render(request, "stats/municipality_detail.html", context)


def compare(request: HttpRequest) -> HttpResponse:
    form = CompareForm(request.GET)
    context = {"form": form, "breadcrumbs": _crumbs((_("Compare municipalities"), None))}
    if not form.is_valid():
        return _bad_request(request, "stats/compare.html", context)
    chosen = list(form.cleaned_data["municipalities"])
    indicators = list(Indicator.objects.listed().select_related("national_reference"))
    if chosen and form.export_format() != "html":
        rows = _rows_from_queryset(
            Observation.objects.for_municipalities().filter(municipality__in=chosen)
        )
        return export(form.export_format(), rows, indicators, "kolada-jamforelse")
    comparisons = []
    if chosen:
        values: dict = {}
        for indicator_id, m_id, year, value, status in (
            Observation.objects.for_municipalities()
            .totals()
            .filter(municipality__in=chosen)
            .values_list("indicator_id", "municipality_id", "year", "value", "status")
        ):
            values.setdefault(indicator_id, {}).setdefault(year, {})[m_id] = Figure(value, status)
        for indicator in indicators:
            by_year = values.get(indicator.pk)
            if not by_year:
                continue
            years = sorted(by_year)
            series = [
                (m.name, [(y, getattr(by_year[y].get(m.pk), "value", None)) for y in years])
                for m in chosen
            ]
            labels = [m.name for m in chosen]
            comparisons.append(
                {
                    "indicator": indicator,
                    "rows": [
                        {"year": y, "cells": [by_year[y].get(m.pk) for m in chosen]} for y in years
                    ],
                    "line_chart": charts.line_chart(
                        title=indicator.short_title,
                        description=_(
                            "Line chart comparing %(indicator)s, all students, %(first)s–%(last)s, "
                            "in %(areas)s. The same figures are in the table below."
                        )
                        % {
                            "indicator": indicator.short_title,
                            "first": years[0],
                            "last": years[-1],
                            "areas": ", ".join(labels),
                        },
                        years=years,
                        series=series,
                    ),
                }
            )
    context.update(chosen=chosen, comparisons=comparisons)
    return render(request, "stats/compare.html", context)
