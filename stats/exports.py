"""CSV and JSON exports of the figures on a statistics page.

CSV: UTF-8 with a byte-order mark (so Excel reads å/ä/ö), codes written as text with their
leading zeros, text cells that a spreadsheet could run as a formula neutralised. Swedish pages
give Swedish Excel's convention (semicolon between fields, decimal comma); English pages give
comma and decimal point. JSON: the figures unrounded, with source, definitions and licence.
"""

import csv
from dataclasses import dataclass

from django.http import HttpResponse, JsonResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import Indicator

SOURCE = "Källa: Kolada"
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
KOLADA_URL = "https://www.kolada.se/"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


@dataclass(frozen=True)
class ExportRow:
    kpi: str
    area_code: str
    area_name: str
    area_type: str
    year: int
    gender: str
    value: float | None
    status: str


def neutralise(text: str) -> str:
    """Make a text cell inert in spreadsheets (OWASP's advice: a leading apostrophe)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _number(value: float | None, decimal_comma: bool) -> str:
    if value is None:
        return ""
    text = repr(float(value))
    if "e" in text or "E" in text:
        text = format(value, "f")
    if text.endswith(".0"):
        text = text[:-2]
    return text.replace(".", ",") if decimal_comma else text


def csv_response(rows: list[ExportRow], indicators: list[Indicator], filename: str) -> HttpResponse:
    swedish = (get_language() or "sv").startswith("sv")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";" if swedish else ",", lineterminator="\r\n")
    titles = {indicator.kpi: indicator.title for indicator in indicators}
    writer.writerow(
        [
            _("KPI"),
            _("Indicator"),
            _("Area code"),
            _("Area"),
            _("Year"),
            _("Gender"),
            _("Value (%)"),
            _("Status"),
            _("Source"),
        ]
    )
    for row in rows:
        writer.writerow(
            [
                neutralise(row.kpi),
                neutralise(titles.get(row.kpi, "")),
                neutralise(row.area_code),
                neutralise(row.area_name),
                row.year,
                neutralise(row.gender),
                _number(row.value, decimal_comma=swedish),
                neutralise(row.status),
                SOURCE,
            ]
        )
    return response


def json_response(
    rows: list[ExportRow], indicators: list[Indicator], filename: str
) -> JsonResponse:
    data = {
        "source": SOURCE,
        "source_url": KOLADA_URL,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "note": "Figures as Kolada publishes them, unrounded. Status 'Privacy': suppressed "
        "because too few students (no value). Nothing here is averaged across areas.",
        "indicators": [
            {
                "kpi": indicator.kpi,
                "title": {"sv": indicator.title_sv, "en": indicator.title_en},
                "definition": {"sv": indicator.definition_sv, "en": indicator.definition_en},
                "unit": indicator.unit,
                "original_source": indicator.source,
                "figures_updated": indicator.data_updated_at.isoformat()
                if indicator.data_updated_at
                else None,
            }
            for indicator in indicators
        ],
        "observations": [
            {
                "kpi": row.kpi,
                "area_code": row.area_code,
                "area_name": row.area_name,
                "area_type": row.area_type,
                "year": row.year,
                "gender": row.gender,
                "value": row.value,
                "status": row.status,
            }
            for row in rows
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'inline; filename="{filename}.json"'
    return response


def export(kind: str, rows: list[ExportRow], indicators: list[Indicator], filename: str):
    return (csv_response if kind == "csv" else json_response)(rows, indicators, filename)
