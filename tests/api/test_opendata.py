"""The open-data downloads: made by `manage.py export_open_data`, served as static files, the
same data as the API, described by a DCAT-AP-SE catalogue, listed on /oppna-data/."""

import csv
import gzip
import io
import json

import pytest
from django.core.management import call_command

from .conftest import fetch

pytestmark = pytest.mark.django_db

FILES = "/oppna-data/filer/"


@pytest.fixture
def exported(bank, settings, tmp_path, client):
    settings.OPEN_DATA_ROOT = tmp_path / "open-data"
    settings.SITE_URL = "http://testserver"
    out = io.StringIO()
    call_command("export_open_data", stdout=out)
    assert "files" in out.getvalue()
    return settings.OPEN_DATA_ROOT


def download(client, name: str):
    response = client.get(f"{FILES}{name}")
    assert response.status_code == 200, name
    return b"".join(response.streaming_content)


def every_page(client, url: str, key: str = "results") -> list:
    items, next_url = [], f"{url}{'&' if '?' in url else '?'}page_size=100"
    while next_url:
        answer = fetch(client, next_url)[1]
        items += answer[key]
        next_url = answer.get("next") if key == "results" else answer.get("next_page")
    return items


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_knowledge_bank_file_holds_what_the_api_gives(client, exported, language):
    bank = json.loads(download(client, f"knowledge-bank.{language}.json"))
    assert bank["language"] == language
    for collection in [
        "methods",
        "publications",
        "research-summaries",
        "case-studies",
        "news",
        "pages",
    ]:
        listed = every_page(client, f"/api/v1/{collection}/?lang={language}")
        details = [fetch(client, f"{item['api_url']}?lang={language}")[1] for item in listed]
        assert bank[collection.replace("-", "_")] == details, collection
    assert bank["tags"] == every_page(client, f"/api/v1/tags/?lang={language}")
    assert bank["vocabularies"] == every_page(client, f"/api/v1/vocabularies/?lang={language}")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_statistics_file_holds_what_the_api_gives(client, exported, language):
    statistics = json.loads(download(client, f"statistics.{language}.json"))
    assert statistics["attribution"] == "Källa: Kolada"
    assert statistics["licence"]["name"] == "CC BY 4.0"
    assert statistics["values"] == every_page(
        client, f"/api/v1/observations/?lang={language}", key="values"
    )
    assert statistics["indicators"] == every_page(client, f"/api/v1/indicators/?lang={language}")
    assert statistics["municipalities"] == every_page(
        client, f"/api/v1/municipalities/?lang={language}"
    )
    assert statistics["regions"] == every_page(client, f"/api/v1/regions/?lang={language}")


def read_csv(client, name: str) -> list[dict[str, str]]:
    data = download(client, name)
    assert data.startswith("\ufeff".encode()), name
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_csv_files_hold_every_published_article_and_nothing_else(client, exported, bank):
    rows = read_csv(client, "articles.csv")
    published = {
        bank.method.slug,
        bank.other_method.slug,
        bank.publication.slug,
        bank.summary.slug,
        bank.case_study.slug,
        bank.news.slug,
        bank.page.slug,
        bank.swedish_only.slug,
    }
    assert {row["slug"] for row in rows} == published
    method = next(row for row in rows if row["slug"] == "mentorskap")
    assert method["title_en"] == "Mentoring for students at risk"
    assert method["url_en"] == "http://testserver/en/methods/mentorskap/"
    assert method["tags"] == "frånvaro|mentorskap"
    assert method["municipalities"] == "1441"
    hidden = {article.pk for article in bank.hidden}
    assert not hidden & {int(i) for i in method["related"].split("|")}
    methods = read_csv(client, "methods.csv")
    assert [row["slug"] for row in methods] == ["mentorskap", "studiestod"]
    assert methods[0]["scientific_basis"] == "2"
    assert methods[0]["cost_level"] == "2"
    assert methods[0]["startup_time_en"] == "One term."
    # A column per vocabulary, the method's term slugs in the vocabulary's order.
    assert methods[0]["target_group"] == "elever-i-riskzon|hog-franvaro"
    assert (methods[1]["scope"], methods[1]["intervention_type"]) == ("grupp", "studiestod")
    assert methods[0]["organiser"] == ""
    assert methods[0]["scientific_basis_sources"] == str(bank.publication.pk)
    assert methods[0]["proven_experience_sources"] == ""
    # Approved uses only.
    assert methods[0]["used_in"] == "1402:2019"
    terms = read_csv(client, "terms.csv")
    assert {"vocabulary": "scope", "slug": "grupp", "name_sv": "Grupp", "name_en": "Group"} in terms
    assert {row["vocabulary"] for row in terms} == {
        "target_group",
        "intervention_type",
        "phase",
        "prevention_level",
        "scope",
        "organiser",
    }
    publications = read_csv(client, "publications.csv")
    assert publications[0]["summaries"] == str(bank.summary.pk)
    assert publications[0]["author_names"] == "Möllås, Gunilla; Skolverket"
    assert (publications[0]["doi"], publications[0]["date"]) == ("10.1234/avhopp.2009", "")
    case_study = read_csv(client, "case-studies.csv")[0]
    assert (case_study["municipality"], case_study["first_year"]) == ("1441", "2015")
    assert [row["slug"] for row in read_csv(client, "tags.csv")] == ["frånvaro", "mentorskap"]


def test_the_statistics_csv_keeps_codes_and_suppressed_figures(client, exported):
    rows = read_csv(client, "observations.csv")
    assert len(rows) == 13  # 2 municipalities × 2 years × 3 genders, and the nation
    suppressed = next(row for row in rows if row["status"] == "Privacy")
    assert (suppressed["area_code"], suppressed["year"], suppressed["gender"]) == (
        "1402",
        "2023",
        "M",
    )
    assert suppressed["value"] == ""
    areas = read_csv(client, "areas.csv")
    assert {"code": "0764", "type": "municipality", "name": "Alvesta", "region": "07"} in areas
    assert {"code": "0007", "type": "region", "name": "Kronobergs län", "region": "07"} in areas
    assert [row["kpi"] for row in read_csv(client, "indicators.csv")] == ["N17461", "N17464"]


def test_a_cell_a_spreadsheet_would_run_is_neutralised(client, bank, settings, tmp_path):
    bank.news.title_sv = '=HYPERLINK("http://evil")'
    bank.news.save()
    settings.OPEN_DATA_ROOT = tmp_path
    call_command("export_open_data", stdout=io.StringIO())
    row = next(row for row in read_csv(client, "articles.csv") if row["slug"] == "nyhet")
    assert row["title_sv"] == '\'=HYPERLINK("http://evil")'


def test_the_catalogue_describes_every_file_in_dcat_ap_se(client, exported, settings):
    catalogue = json.loads(download(client, "catalog.jsonld"))
    assert catalogue["@type"] == "dcat:Catalog"
    assert catalogue["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    datasets = {dataset["@id"].rsplit("#", 1)[1]: dataset for dataset in catalogue["dcat:dataset"]}
    assert set(datasets) == {"knowledge-bank", "statistics"}
    for dataset in datasets.values():
        assert {value["@language"] for value in dataset["dcterms:title"]} == {"sv", "en"}
        assert dataset["dcterms:publisher"]["foaf:name"] == "PlugInnovation"
        assert dataset["dcat:contactPoint"]["@type"] == "vcard:Organization"
        for distribution in dataset["dcat:distribution"]:
            url = distribution["dcat:downloadURL"]["@id"]
            assert url.startswith(f"http://testserver{FILES}")
            data = download(client, url.removeprefix(f"http://testserver{FILES}"))
            assert int(distribution["dcat:byteSize"]["@value"]) == len(data)
            assert distribution["dcat:accessURL"]["@id"] == "http://testserver/oppna-data/"
    statistics = datasets["statistics"]
    licences = {d["dcterms:license"]["@id"] for d in statistics["dcat:distribution"]}
    assert licences == {"https://creativecommons.org/licenses/by/4.0/"}
    # The editors have stated no licence for the texts: none is claimed.
    assert all("dcterms:license" not in d for d in datasets["knowledge-bank"]["dcat:distribution"])
    assert "inte angett" in download(client, "LICENCE.txt").decode()


def test_the_licence_the_editors_state_goes_into_every_file(client, bank, settings, tmp_path):
    settings.CONTENT_LICENCE_NAME = "CC BY 4.0"
    settings.CONTENT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
    settings.OPEN_DATA_ROOT = tmp_path
    call_command("export_open_data", stdout=io.StringIO())
    catalogue = json.loads(download(client, "catalog.jsonld"))
    bank_dataset = next(
        d for d in catalogue["dcat:dataset"] if d["@id"].endswith("#knowledge-bank")
    )
    assert {d["dcterms:license"]["@id"] for d in bank_dataset["dcat:distribution"]} == {
        "https://creativecommons.org/licenses/by/4.0/"
    }
    assert json.loads(download(client, "knowledge-bank.en.json"))["licence"]["name"] == "CC BY 4.0"
    assert fetch(client, "/api/v1/")[1]["content_licence"]["name"] == "CC BY 4.0"


def test_the_files_are_served_as_static_files_compressed_and_cacheable(client, exported):
    response = client.get(f"{FILES}knowledge-bank.sv.json", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Encoding"] == "gzip"
    assert "max-age=3600" in response["Cache-Control"]
    body = gzip.decompress(b"".join(response.streaming_content))
    assert json.loads(body)["language"] == "sv"
    again = client.get(
        f"{FILES}knowledge-bank.sv.json", headers={"If-None-Match": response["ETag"]}
    )
    assert again.status_code == 304
    assert client.get(f"{FILES}catalog.jsonld")["Content-Type"].startswith("application/ld+json")
    assert client.get(f"{FILES}../settings.py").status_code == 404
    assert client.get(f"{FILES}finns-inte.json").status_code == 404


def test_a_new_export_is_served_at_once_without_a_restart(client, exported, bank):
    before = json.loads(download(client, "knowledge-bank.sv.json"))
    bank.news.title_sv = "En ny rubrik"
    bank.news.save()
    call_command("export_open_data", stdout=io.StringIO())
    after = json.loads(download(client, "knowledge-bank.sv.json"))
    assert after["news"][0]["title"]["value"] == "En ny rubrik"
    assert before["news"][0]["title"]["value"] != "En ny rubrik"


@pytest.mark.parametrize(("path", "language"), [("/oppna-data/", "sv"), ("/en/open-data/", "en")])
def test_the_open_data_page_lists_the_files_with_their_sizes(client, exported, path, language):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    for name in ("knowledge-bank.sv.json", "observations.csv", "catalog.jsonld"):
        assert f"{FILES}{name}" in html
    assert "CC BY 4.0" in html and "Källa: Kolada" in html
    assert "/api/v1/docs/" in html


def test_before_the_first_export_the_page_says_so(client, bank, settings, tmp_path):
    settings.OPEN_DATA_ROOT = tmp_path / "nothing-yet"
    response = client.get("/en/open-data/")
    assert response.status_code == 200
    assert "have not been made yet" in response.content.decode()
