"""The finder's selection as CSV or JSON: every method it shows, in its order.

CSV as the statistics exports write it (UTF-8 with a byte-order mark, semicolons and the
visitor's language on Swedish pages, text that a spreadsheet could run neutralised), an
unknown value written as "Uppgift saknas" / "Not stated". JSON: each value with its slug and
its names in both languages, an unknown one as null or [].
"""

from __future__ import annotations

import csv

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from stats.exports import neutralise

from .models import Method, Vocabulary

FILENAME = "metoder"
COLUMNS_OF_TERMS = list(Vocabulary)


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _rating(method: Method, field: str) -> str:
    return getattr(method, f"get_{field}_display")()


def csv_response(methods: list[Method]) -> HttpResponse:
    swedish = (get_language() or "sv").startswith("sv")
    not_stated = _("Not stated")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{FILENAME}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";" if swedish else ",", lineterminator="\r\n")
    writer.writerow(
        [
            _("Method"),
            _("Address"),
            *(vocabulary.label for vocabulary in COLUMNS_OF_TERMS),
            _("Scientific basis"),
            _("Proven experience"),
            _("Cost"),
            _("Last reviewed"),
        ]
    )
    for method in methods:
        terms = [
            ", ".join(term.name for term in method.terms_of(vocabulary)) or not_stated
            for vocabulary in COLUMNS_OF_TERMS
        ]
        writer.writerow(
            [
                neutralise(text)
                for text in [
                    method.title,
                    _absolute(method.get_absolute_url()),
                    *terms,
                    _rating(method, "scientific_basis"),
                    _rating(method, "proven_experience"),
                    method.get_cost_level_display() if method.cost_level else not_stated,
                    method.last_reviewed_at.isoformat() if method.last_reviewed_at else not_stated,
                ]
            ]
        )
    return response


def _level(method: Method, field: str) -> dict | None:
    value = getattr(method, field)
    if value is None:
        return None
    return {"value": value, "label": _rating(method, field)}


def json_response(methods: list[Method]) -> JsonResponse:
    data = {
        "note": "The methods of PlugInnovation's method bank that the finder selected, in its "
        "order. Unknown values are null or []. The scales are explained at "
        + _absolute(reverse("methods:evidence")),
        "methods": [
            {
                "title": {"sv": method.title_sv, "en": method.title_en},
                "url": _absolute(method.get_absolute_url()),
                **{
                    vocabulary.value: [
                        {"slug": term.slug, "sv": term.name_sv, "en": term.name_en}
                        for term in method.terms_of(vocabulary)
                    ]
                    for vocabulary in COLUMNS_OF_TERMS
                },
                "scientific_basis": _level(method, "scientific_basis"),
                "proven_experience": _level(method, "proven_experience"),
                "cost_level": _level(method, "cost_level"),
                "last_reviewed": method.last_reviewed_at.isoformat()
                if method.last_reviewed_at
                else None,
            }
            for method in methods
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'inline; filename="{FILENAME}.json"'
    return response


def export(kind: str, methods: list[Method]) -> HttpResponse:
    return (csv_response if kind == "csv" else json_response)(methods)
