"""/oppna-data/ (/en/open-data/): the downloads of the whole knowledge bank and the statistics,
read from the catalogue the daily export writes beside them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from infra.breadcrumbs import HOME_CRUMB
from infra.i18n import current_language

from .licences import KOLADA_LICENCE, KOLADA_SOURCE, content_licence
from .opendata import CATALOGUE, LICENCE_FILE
from .opendata_files import files_url


@dataclass(frozen=True)
class File:
    title: str
    url: str
    name: str
    format: str
    size: int
    language: str


@dataclass(frozen=True)
class Dataset:
    title: str
    description: str
    files: list[File]


def in_language(values: list[dict] | dict) -> str:
    """The JSON-LD text in the visitor's language."""
    values = values if isinstance(values, list) else [values]
    chosen = next((v for v in values if v.get("@language") == current_language()), values[0])
    return chosen["@value"]


LANGUAGE_CODES = {"SWE": "sv", "ENG": "en"}


def read_catalogue() -> tuple[list[Dataset], datetime | None]:
    """The datasets of the last export, and when it ran; ([], None) before the first."""
    try:
        data = json.loads((settings.OPEN_DATA_ROOT / CATALOGUE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [], None
    datasets = []
    for dataset in data.get("dcat:dataset", []):
        files = []
        for distribution in dataset["dcat:distribution"]:
            url = distribution["dcat:downloadURL"]["@id"]
            language = distribution.get("dcterms:language", {}).get("@id", "")
            files.append(
                File(
                    title=in_language(distribution["dcterms:title"]),
                    url=url,
                    name=url.rsplit("/", 1)[-1],
                    format=distribution["dcterms:format"]["@id"].rsplit("/", 1)[-1],
                    size=int(distribution["dcat:byteSize"]["@value"]),
                    language=LANGUAGE_CODES.get(language.rsplit("/", 1)[-1], ""),
                )
            )
        datasets.append(
            Dataset(
                title=in_language(dataset["dcterms:title"]),
                description=in_language(dataset["dcterms:description"]),
                files=files,
            )
        )
    return datasets, datetime.fromisoformat(data["dcterms:modified"]["@value"])


def index(request: HttpRequest) -> HttpResponse:
    datasets, modified = read_catalogue()
    files = files_url()
    return render(
        request,
        "api/open_data.html",
        {
            "datasets": datasets,
            "modified": modified,
            "catalogue_url": f"{files}{CATALOGUE}",
            "licence_url": f"{files}{LICENCE_FILE}",
            "content_licence": content_licence(),
            "kolada_licence": KOLADA_LICENCE,
            "kolada_source": KOLADA_SOURCE,
            "api_docs_url": reverse("api:docs"),
            "api_url": reverse("api:index"),
            "breadcrumbs": [HOME_CRUMB, (_("Open data"), None)],
        },
    )
