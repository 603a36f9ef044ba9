"""The open-data downloads: the whole knowledge bank and the statistics as JSON and CSV files,
with a DCAT-AP-SE catalogue (JSON-LD) and the licences, written by `manage.py export_open_data`
into settings.OPEN_DATA_ROOT and served as static files at OPEN_DATA_URL.

The JSON files hold exactly what the API answers (the same representations, read through the
same schemas), one file per language; the CSV files hold the same articles and figures as flat
tables with both languages side by side. Every file is written beside the old one and then
renamed over it, so a download never gets half a file; each has a gzip copy for clients that
accept it.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from content.models import Article, english_tag_name
from infra.i18n import CONTENT_LANGUAGES
from methods.finder import terms_by_vocabulary
from stats.exports import neutralise
from stats.models import Municipality, Observation, Region

from . import articles, statistics
from .content import COLLECTIONS, TagItem, published_tags, tag_item
from .licences import KOLADA_LICENCE, KOLADA_SOURCE, content_licence
from .links import Links
from .vocabularies import VOCABULARIES, VocabularyItem, vocabulary_items

CATALOGUE = "catalog.jsonld"
LICENCE_FILE = "LICENCE.txt"
CHUNK = 200
LANGUAGE_URIS = {
    "sv": "http://publications.europa.eu/resource/authority/language/SWE",
    "en": "http://publications.europa.eu/resource/authority/language/ENG",
}
FORMAT_URIS = {
    "json": "http://publications.europa.eu/resource/authority/file-type/JSON",
    "csv": "http://publications.europa.eu/resource/authority/file-type/CSV",
}
MEDIA_TYPES = {"json": "application/json", "csv": "text/csv"}
EDUCATION_THEME = "http://publications.europa.eu/resource/authority/data-theme/EDUC"


@dataclass(frozen=True)
class Download:
    """One file: which dataset it belongs to and what it holds (both in English msgids)."""

    name: str
    dataset: str
    title: str
    language: str = ""

    @property
    def format(self) -> str:
        return self.name.rsplit(".", 1)[-1]


KNOWLEDGE_BANK, STATISTICS = "knowledge-bank", "statistics"
DATASETS = {
    KNOWLEDGE_BANK: (
        gettext_noop("PlugInnovation's knowledge bank"),
        gettext_noop(
            "Methods against early school leaving, research (publications and summaries), case "
            "studies of municipalities, news and information pages, with their tags."
        ),
    ),
    STATISTICS: (
        gettext_noop("Upper secondary completion in Sweden's municipalities"),
        gettext_noop(
            "Kolada's key figures on diplomas, eligibility and absence in upper secondary "
            "school, by municipality, year and gender, with their definitions. Källa: Kolada."
        ),
    ),
}
DOWNLOADS = [
    *(
        Download(
            f"knowledge-bank.{code}.json", KNOWLEDGE_BANK, gettext_noop("Everything, as JSON"), code
        )
        for code in CONTENT_LANGUAGES
    ),
    Download("articles.csv", KNOWLEDGE_BANK, gettext_noop("Every article, as CSV")),
    Download("methods.csv", KNOWLEDGE_BANK, gettext_noop("The methods' structured fields, as CSV")),
    Download(
        "publications.csv", KNOWLEDGE_BANK, gettext_noop("The publications' references, as CSV")
    ),
    Download("case-studies.csv", KNOWLEDGE_BANK, gettext_noop("The case studies, as CSV")),
    Download("tags.csv", KNOWLEDGE_BANK, gettext_noop("The tags in both languages, as CSV")),
    Download(
        "terms.csv",
        KNOWLEDGE_BANK,
        gettext_noop("The methods' vocabularies and their terms in both languages, as CSV"),
    ),
    *(
        Download(f"statistics.{code}.json", STATISTICS, gettext_noop("Everything, as JSON"), code)
        for code in CONTENT_LANGUAGES
    ),
    Download("observations.csv", STATISTICS, gettext_noop("The figures, as CSV")),
    Download(
        "indicators.csv", STATISTICS, gettext_noop("The indicators and their definitions, as CSV")
    ),
    Download("areas.csv", STATISTICS, gettext_noop("Regions and municipalities, as CSV")),
]


# -- writing files


def write_atomically(directory: Path, name: str, data: bytes) -> None:
    """Write `name` (and its gzip copy) so that a reader sees the old file or the new one."""
    for target, content in ((name, data), (f"{name}.gz", gzip.compress(data, mtime=0))):
        temporary = directory / f".{target}.{os.getpid()}.tmp"
        temporary.write_bytes(content)
        os.replace(temporary, directory / target)


def json_bytes(data: object) -> bytes:
    """Items dumped by their schema in JSON mode, as the API writes them (dates alike)."""
    return json.dumps(data, ensure_ascii=False, indent=1).encode()


def csv_bytes(header: list[str], rows: Iterable[list]) -> bytes:
    """UTF-8 with a byte-order mark (so that Excel reads å, ä, ö), text cells that a spreadsheet
    could run as a formula neutralised, codes kept as text."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(cell) if isinstance(cell, str) else cell for cell in row])
    return out.getvalue().encode()


def joined(values: Iterable[object]) -> str:
    return "|".join(str(value) for value in values)


def stamp(moment: datetime | None) -> str:
    return moment.astimezone(UTC).isoformat() if moment else ""


# -- the knowledge bank


def published_ids(kind: str) -> list[int]:
    """In the order of the API's list: newest first."""
    return list(
        Article.objects.published()
        .of_kind(kind)
        .order_by("-published_at", "-pk")
        .values_list("pk", flat=True)
    )


def chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def knowledge_bank(links: Links) -> dict:
    """What the API gives for every published article and tag, in the active language."""
    bank: dict[str, object] = {}
    for collection in COLLECTIONS:
        items = []
        for ids in chunks(published_ids(collection.kind)):
            loaded = articles.load(collection.kind, ids)
            for item in articles.represent(collection.kind, loaded, links, detail=True):
                items.append(collection.detail.model_validate(item).model_dump(mode="json"))
        bank[collection.path.replace("-", "_")] = items
    bank["vocabularies"] = [
        VocabularyItem.model_validate(item).model_dump(mode="json")
        for item in vocabulary_items(links)
    ]
    bank["tags"] = [
        TagItem.model_validate(tag_item(tag, links)).model_dump(mode="json")
        for tag in published_tags()
    ]
    return bank


def statistics_data(links: Links) -> dict:
    return {
        "regions": [
            statistics.RegionItem.model_validate(statistics.region_item(region, links)).model_dump(
                mode="json"
            )
            for region in Region.objects.order_by("code")
        ],
        "municipalities": [
            statistics.MunicipalityItem.model_validate(
                statistics.municipality_item(municipality, links)
            ).model_dump(mode="json")
            for municipality in Municipality.objects.select_related("region").order_by("name")
        ],
        "indicators": [
            statistics.IndicatorItem.model_validate(
                statistics.indicator_item(indicator, links)
            ).model_dump(mode="json")
            for indicator in statistics.indicators_with_years().order_by("sort_order", "kpi")
        ],
        "values": [
            statistics.ObservationEntry.model_validate(entry).model_dump(mode="json")
            for entry in statistics.all_entries(Observation.objects.all())
        ],
    }


def articles_rows(links: Links) -> Iterator[list]:
    for collection in COLLECTIONS:
        for ids in chunks(published_ids(collection.kind)):
            loaded = articles.load(collection.kind, ids)
            articles.attach_related(loaded)
            for article in loaded:
                yield [
                    article.pk,
                    article.kind,
                    article.slug,
                    article.title_sv,
                    article.title_en,
                    article.summary_sv,
                    article.summary_en,
                    article.body_sv,
                    article.body_en,
                    *(url_in(code, links, article) for code in CONTENT_LANGUAGES),
                    links.api(collection.path, article.slug),
                    stamp(article.published_at),
                    stamp(article.updated_at),
                    article.last_reviewed_at.isoformat() if article.last_reviewed_at else "",
                    article.dated_on.isoformat() if article.dated_on else "",
                    joined(tag.slug for tag in article.tag_list),
                    joined(region.code for region in article.region_list),
                    joined(municipality.code for municipality in article.municipality_list),
                    joined(other.pk for other in article.related_list),
                ]


ARTICLE_HEADER = [
    "id",
    "type",
    "slug",
    "title_sv",
    "title_en",
    "summary_sv",
    "summary_en",
    "body_sv",
    "body_en",
    "url_sv",
    "url_en",
    "api_url",
    "published_at",
    "updated_at",
    "last_reviewed_at",
    "dated_on",
    "tags",
    "regions",
    "municipalities",
    "related",
]


def url_in(language: str, links: Links, article: Article) -> str:
    with translation.override(language):
        return links.article(article.kind, article.slug)


def cell(value) -> object:
    """A value as a CSV cell: a date in ISO form, nothing for None."""
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else value


def own_rows(kind: str, fields: list[str], extra=None) -> Iterator[list]:
    """Each published article of `kind`: its id, slug and its type's own fields."""
    for ids in chunks(published_ids(kind)):
        loaded = articles.load(kind, ids)
        if extra:
            extra.prepare(loaded)
        for article in loaded:
            row = [article.pk, article.slug, *(cell(getattr(article, name)) for name in fields)]
            yield row + (extra.cells(article) if extra else [])


METHOD_FIELDS = [
    "target_group_sv",
    "target_group_en",
    "success_factors_sv",
    "success_factors_en",
    "scientific_basis",
    "proven_experience",
    "evidence_source_sv",
    "evidence_source_en",
    "cost_level",
    "cost_sv",
    "cost_en",
    "startup_time_sv",
    "startup_time_en",
    "staff_and_training_sv",
    "staff_and_training_en",
    "contact_name",
    "contact_organisation",
    "contact_email",
    "contact_phone",
]
PUBLICATION_FIELDS = [
    "author_names",
    "subtitle",
    "year",
    "date",
    "publication_type",
    "container_title",
    "publisher",
    "place",
    "volume",
    "issue",
    "pages",
    "edition",
    "doi",
    "isbn",
    "issn",
    "url",
    "pdf_url",
    "language",
    "open_access",
    "abstract_sv",
    "abstract_en",
    "study_design",
    "context_sv",
    "context_en",
]
CASE_STUDY_FIELDS = [
    "period",
    "first_year",
    "last_year",
    "team_sv",
    "team_en",
    "what_was_done_sv",
    "what_was_done_en",
    "results_sv",
    "results_en",
]


class MethodLinks:
    """A method's terms (slugs, a column per vocabulary), the articles it links to, the
    publications its ratings rest on, and where it is used."""

    HEADER = [
        *VOCABULARIES,
        "research",
        "case_studies",
        *(f"{rating}_sources" for rating in articles.EVIDENCE_SOURCES),
        "used_in",
    ]

    def prepare(self, methods: list) -> None:
        articles.attach_related(methods)
        articles.attach_method_uses(methods)
        articles.attach_evidence_sources(methods)

    def cells(self, method) -> list[str]:
        terms = [joined(term.slug for term in method.terms_of(key)) for key in VOCABULARIES]
        research = [o.pk for o in method.related_list if o.kind in ("publication", "summary")]
        cases = [o.pk for o in method.related_list if o.kind == "casestudy"]
        sources = [
            joined(o.pk for o in getattr(method, f"{rating}_source_list"))
            for rating in articles.EVIDENCE_SOURCES
        ]
        used = [f"{use.municipality.code}:{use.start_year}" for use in method.use_list]
        return [*terms, joined(research), joined(cases), *sources, joined(used)]


def term_rows() -> Iterator[list]:
    terms = terms_by_vocabulary()
    for key in VOCABULARIES:
        for term in terms.get(key, []):
            yield [key, term.slug, term.name_sv, term.name_en]


class PublicationLinks:
    def prepare(self, publications: list) -> None:
        articles.attach_summaries(publications)

    def cells(self, publication) -> list[str]:
        return [joined(summary.pk for summary in publication.summary_list)]


class CaseStudyArea:
    def prepare(self, case_studies: list) -> None:
        pass

    def cells(self, case_study) -> list[str]:
        return [case_study.municipality.code, case_study.municipality.region.code]


def tags_rows() -> Iterator[list]:
    for tag in published_tags():
        yield [tag.slug, tag.name, english_tag_name(tag)]


def observation_rows(observations: QuerySet) -> Iterator[list]:
    for entry in statistics.all_entries(observations):
        for value in entry["values"]:
            yield [
                entry["kpi"],
                entry["municipality"],
                entry["area_name"],
                entry["area_type"],
                entry["period"],
                value["gender"],
                "" if value["value"] is None else repr(float(value["value"])),
                value["status"],
            ]


def indicator_rows() -> Iterator[list]:
    for indicator in statistics.indicators_with_years().order_by("sort_order", "kpi"):
        reference = indicator.national_reference
        yield [
            indicator.kpi,
            indicator.title_sv,
            indicator.title_en,
            indicator.short_title_sv,
            indicator.short_title_en,
            indicator.definition_sv,
            indicator.definition_en,
            indicator.unit,
            indicator.source,
            indicator.higher_is_better,
            indicator.reference_only,
            reference.kpi if reference else "",
            indicator.first_year or "",
            indicator.last_year or "",
        ]


def area_rows() -> Iterator[list]:
    for region in Region.objects.order_by("code"):
        yield [region.kolada_id, "region", region.name, region.code]
    for municipality in Municipality.objects.select_related("region").order_by("code"):
        yield [municipality.code, "municipality", municipality.name, municipality.region.code]


def csv_files(site: str) -> dict[str, bytes]:
    with translation.override(CONTENT_LANGUAGES[0]):
        links = Links(origin=site)
        return {
            "articles.csv": csv_bytes(ARTICLE_HEADER, articles_rows(links)),
            "methods.csv": csv_bytes(
                ["id", "slug", *METHOD_FIELDS, *MethodLinks.HEADER],
                own_rows("method", METHOD_FIELDS, MethodLinks()),
            ),
            "publications.csv": csv_bytes(
                ["id", "slug", *PUBLICATION_FIELDS, "summaries"],
                own_rows("publication", PUBLICATION_FIELDS, PublicationLinks()),
            ),
            "case-studies.csv": csv_bytes(
                ["id", "slug", *CASE_STUDY_FIELDS, "municipality", "region"],
                own_rows("casestudy", CASE_STUDY_FIELDS, CaseStudyArea()),
            ),
            "tags.csv": csv_bytes(["slug", "name_sv", "name_en"], tags_rows()),
            "terms.csv": csv_bytes(["vocabulary", "slug", "name_sv", "name_en"], term_rows()),
            "observations.csv": csv_bytes(
                ["kpi", "area_code", "area_name", "area_type", "year", "gender", "value", "status"],
                observation_rows(Observation.objects.all()),
            ),
            "indicators.csv": csv_bytes(
                [
                    "kpi",
                    "title_sv",
                    "title_en",
                    "short_title_sv",
                    "short_title_en",
                    "definition_sv",
                    "definition_en",
                    "unit",
                    "source",
                    "higher_is_better",
                    "reference_only",
                    "national_reference",
                    "first_year",
                    "last_year",
                ],
                indicator_rows(),
            ),
            "areas.csv": csv_bytes(["code", "type", "name", "region"], area_rows()),
        }


# -- the catalogue and the licence


def both(msgid: str) -> list[dict[str, str]]:
    """A text in both languages, as JSON-LD language-tagged values."""
    values = []
    for code in CONTENT_LANGUAGES:
        with translation.override(code):
            values.append({"@value": _(msgid), "@language": code})
    return values


def catalogue(
    site: str, files_url: str, page_url: str, sizes: dict[str, int], modified: datetime
) -> dict:
    """The catalogue in DCAT-AP-SE (JSON-LD): the two datasets and their files."""
    publisher = {"@type": "foaf:Agent", "foaf:name": settings.OPEN_DATA_PUBLISHER}
    contact = {"@type": "vcard:Organization", "vcard:fn": settings.OPEN_DATA_PUBLISHER}
    if settings.CONTACT_EMAIL:
        contact["vcard:hasEmail"] = {"@id": f"mailto:{settings.CONTACT_EMAIL}"}
    else:
        with translation.override(CONTENT_LANGUAGES[0]):
            contact["vcard:hasURL"] = {"@id": site + reverse("contact")}
    licences = {KNOWLEDGE_BANK: content_licence()["url"], STATISTICS: KOLADA_LICENCE["url"]}
    time = {"@value": modified.isoformat(), "@type": "xsd:dateTime"}
    datasets = []
    for key, (title, description) in DATASETS.items():
        distributions = []
        for download in DOWNLOADS:
            if download.dataset != key:
                continue
            distribution = {
                "@id": f"{files_url}{download.name}",
                "@type": "dcat:Distribution",
                "dcterms:title": [
                    {**value, "@value": f"{value['@value']} ({download.name})"}
                    for value in both(download.title)
                ],
                "dcat:accessURL": {"@id": page_url},
                "dcat:downloadURL": {"@id": f"{files_url}{download.name}"},
                "dcterms:format": {"@id": FORMAT_URIS[download.format]},
                "dcat:mediaType": {
                    "@id": f"https://www.iana.org/assignments/media-types/{MEDIA_TYPES[download.format]}"
                },
                "dcat:byteSize": {"@value": str(sizes[download.name]), "@type": "xsd:decimal"},
                "dcterms:modified": time,
            }
            if download.language:
                distribution["dcterms:language"] = {"@id": LANGUAGE_URIS[download.language]}
            if licences[key]:
                distribution["dcterms:license"] = {"@id": licences[key]}
            distributions.append(distribution)
        dataset = {
            "@id": f"{page_url}#{key}",
            "@type": "dcat:Dataset",
            "dcterms:title": both(title),
            "dcterms:description": both(description),
            "dcterms:publisher": publisher,
            "dcat:contactPoint": contact,
            "dcat:theme": {"@id": EDUCATION_THEME},
            "dcterms:language": [{"@id": uri} for uri in LANGUAGE_URIS.values()],
            "dcat:landingPage": {"@id": page_url},
            "dcterms:modified": time,
            "dcterms:accrualPeriodicity": {
                "@id": "http://publications.europa.eu/resource/authority/frequency/DAILY"
            },
            "dcat:distribution": distributions,
        }
        if key == STATISTICS:
            dataset["dcterms:source"] = KOLADA_SOURCE
            dataset["dcterms:rightsHolder"] = {"@type": "foaf:Agent", "foaf:name": "Kolada (RKA)"}
        datasets.append(dataset)
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dcterms": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": f"{page_url}#catalog",
        "@type": "dcat:Catalog",
        "dcterms:title": both(gettext_noop("PlugInnovation: open data")),
        "dcterms:description": both(
            gettext_noop(
                "The knowledge bank and the statistics of PlugInnovation, as files and an API."
            )
        ),
        "dcterms:publisher": publisher,
        "dcterms:language": [{"@id": uri} for uri in LANGUAGE_URIS.values()],
        "dcat:themeTaxonomy": {
            "@id": "http://publications.europa.eu/resource/authority/data-theme"
        },
        "foaf:homepage": {"@id": site + "/"},
        "dcterms:modified": time,
        "dcat:dataset": datasets,
    }


def licence_text() -> str:
    stated = content_licence()
    lines = []
    for code in CONTENT_LANGUAGES:
        with translation.override(code):
            if stated["name"]:
                bank = _("The knowledge bank's texts: %(licence)s") % {
                    "licence": " ".join(filter(None, (stated["name"], stated["url"])))
                }
            else:
                bank = _("The knowledge bank's texts: the editors have not stated a licence yet.")
            lines += [
                bank,
                _("The statistics: %(licence)s, %(url)s. %(source)s.")
                % {
                    "licence": KOLADA_LICENCE["name"],
                    "url": KOLADA_LICENCE["url"],
                    "source": KOLADA_SOURCE,
                },
                "",
            ]
    return "\n".join(lines)


# -- the export


def export(directory: Path, site: str, page_path: str, files_path: str) -> dict[str, int]:
    """Write every file into `directory`; `site`: the site's address (settings.SITE_URL).
    Returns each file's size."""
    directory.mkdir(parents=True, exist_ok=True)
    site = site.rstrip("/")
    contents: dict[str, bytes] = {}
    for code in CONTENT_LANGUAGES:
        with translation.override(code):
            links = Links(origin=site)  # in this language: the order of its texts
            generated = {"generated_at": datetime.now(UTC).isoformat(), "language": code}
            contents[f"knowledge-bank.{code}.json"] = json_bytes(
                {**generated, "licence": content_licence(), **knowledge_bank(links)}
            )
            contents[f"statistics.{code}.json"] = json_bytes(
                {
                    **generated,
                    "attribution": KOLADA_SOURCE,
                    "licence": KOLADA_LICENCE,
                    **statistics_data(links),
                }
            )
    contents.update(csv_files(site))
    sizes = {name: len(data) for name, data in contents.items()}
    for name, data in contents.items():
        write_atomically(directory, name, data)
    write_atomically(directory, LICENCE_FILE, licence_text().encode())
    modified = datetime.now(UTC)
    write_atomically(
        directory,
        CATALOGUE,
        json_bytes(catalogue(site, site + files_path, site + page_path, sizes, modified)),
    )
    return sizes
